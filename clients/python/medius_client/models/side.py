from enum import StrEnum


class Side(StrEnum):
    BOTH = "both"
    LEFT = "left"
    RIGHT = "right"

    def __str__(self) -> str:
        return str(self.value)
