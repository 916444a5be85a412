from enum import StrEnum


class AlertKind(StrEnum):
    MEASURE_WORSE = "measure-worse"
    MISSED_WEEK = "missed-week"
    PAIN = "pain"
    PROGRESS_REDUCE = "progress-reduce"
    SELF_CHECK_PAIN = "self-check-pain"

    def __str__(self) -> str:
        return str(self.value)
