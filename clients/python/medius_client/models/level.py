from enum import StrEnum


class Level(StrEnum):
    ADVANCED = "advanced"
    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"

    def __str__(self) -> str:
        return str(self.value)
