from enum import StrEnum


class AffectedSide(StrEnum):
    LEFT = "left"
    NONE = "none"
    RIGHT = "right"

    def __str__(self) -> str:
        return str(self.value)
