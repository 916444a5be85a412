from enum import StrEnum


class Decision(StrEnum):
    HOLD = "hold"
    PROGRESS = "progress"
    REDUCE = "reduce"

    def __str__(self) -> str:
        return str(self.value)
