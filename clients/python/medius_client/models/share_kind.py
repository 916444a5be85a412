from enum import StrEnum


class ShareKind(StrEnum):
    PROGRESS = "progress"
    PROGRESS_REPORT = "progress_report"
    ROUTINE_HANDOUT = "routine_handout"

    def __str__(self) -> str:
        return str(self.value)
