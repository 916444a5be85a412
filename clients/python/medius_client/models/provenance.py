from enum import StrEnum


class Provenance(StrEnum):
    ARTICLE = "article"
    MEDIUS = "medius"

    def __str__(self) -> str:
        return str(self.value)
