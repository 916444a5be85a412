from enum import StrEnum


class Goal(StrEnum):
    PERFORMANCE = "performance"
    PREVENTION = "prevention"
    REHAB = "rehab"

    def __str__(self) -> str:
        return str(self.value)
