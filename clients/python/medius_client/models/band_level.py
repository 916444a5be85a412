from enum import StrEnum


class BandLevel(StrEnum):
    EXTRA_HEAVY = "extra-heavy"
    EXTRA_LIGHT = "extra-light"
    HEAVY = "heavy"
    LIGHT = "light"
    MEDIUM = "medium"

    def __str__(self) -> str:
        return str(self.value)
