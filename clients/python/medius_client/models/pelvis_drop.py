from enum import StrEnum


class PelvisDrop(StrEnum):
    MARKED = "marked"
    NONE = "none"
    SLIGHT = "slight"

    def __str__(self) -> str:
        return str(self.value)
