from enum import StrEnum


class IntervalKind(StrEnum):
    HOLD = "hold"
    REST = "rest"
    SWITCH_SIDE = "switch_side"
    WORK = "work"

    def __str__(self) -> str:
        return str(self.value)
