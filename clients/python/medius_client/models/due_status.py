from enum import StrEnum


class DueStatus(StrEnum):
    DUE = "due"
    UPCOMING = "upcoming"

    def __str__(self) -> str:
        return str(self.value)
