from enum import StrEnum


class MeasureVerdict(StrEnum):
    BETTER = "better"
    WITHIN = "within"
    WORSE = "worse"

    def __str__(self) -> str:
        return str(self.value)
