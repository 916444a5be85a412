from enum import StrEnum


class Laterality(StrEnum):
    BILATERAL = "bilateral"
    UNILATERAL = "unilateral"

    def __str__(self) -> str:
        return str(self.value)
