from enum import StrEnum


class BundleSearchMode(StrEnum):
    INCLUDE = "include"
    MATCH = "match"
    OUTCOME = "outcome"

    def __str__(self) -> str:
        return str(self.value)
