from enum import StrEnum


class WorkingLeg(StrEnum):
    BOTH_LEGS = "both-legs"
    STANCE_LEG = "stance-leg"
    TOP_LEG = "top-leg"

    def __str__(self) -> str:
        return str(self.value)
