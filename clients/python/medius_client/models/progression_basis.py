from enum import StrEnum


class ProgressionBasis(StrEnum):
    ARTICLE_PROGRESSION = "article-progression"
    ARTICLE_RANGE = "article-range"
    MEDIUS = "medius"

    def __str__(self) -> str:
        return str(self.value)
