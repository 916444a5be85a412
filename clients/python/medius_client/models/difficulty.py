from enum import StrEnum


class Difficulty(StrEnum):
    ADVANCED = "advanced"
    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"

    def __str__(self) -> str:
        return str(self.value)
