from enum import StrEnum


class Position(StrEnum):
    KNEELING = "kneeling"
    PRONE = "prone"
    SEATED = "seated"
    SIDE_LYING = "side-lying"
    STANDING = "standing"
    SUPINE = "supine"

    def __str__(self) -> str:
        return str(self.value)
