from enum import StrEnum


class ShareKind(StrEnum):
    PROGRESS = "progress"
    ROUTINE_HANDOUT = "routine_handout"

    def __str__(self) -> str:
        return str(self.value)
