from enum import StrEnum


class Emphasis(StrEnum):
    KNEE_OVER_TOES = "knee-over-toes"
    PELVIS_LEVEL = "pelvis-level"
    TRUNK_UPRIGHT = "trunk-upright"

    def __str__(self) -> str:
        return str(self.value)
