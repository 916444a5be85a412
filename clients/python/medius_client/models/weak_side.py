from enum import StrEnum


class WeakSide(StrEnum):
    LEFT = "left"
    NONE = "none"
    RIGHT = "right"

    def __str__(self) -> str:
        return str(self.value)
