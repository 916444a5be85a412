from enum import StrEnum


class DosageUnit(StrEnum):
    REPS = "reps"
    SECONDS = "seconds"
    STEPS = "steps"

    def __str__(self) -> str:
        return str(self.value)
