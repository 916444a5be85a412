from enum import StrEnum


class AnswerType(StrEnum):
    ACTIVITIES = "activities"
    BOOLEAN = "boolean"
    CHOICE = "choice"
    INTEGER = "integer"
    NUMBER = "number"

    def __str__(self) -> str:
        return str(self.value)
