from enum import StrEnum


class ScoringRule(StrEnum):
    ITEM_VALUE = "item-value"
    MEAN_OF_ACTIVITIES = "mean-of-activities"
    TIME_TO_ONSET = "time-to-onset"

    def __str__(self) -> str:
        return str(self.value)
