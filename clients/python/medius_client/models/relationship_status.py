from enum import StrEnum


class RelationshipStatus(StrEnum):
    ACTIVE = "active"
    ENDED = "ended"
    REVOKED = "revoked"

    def __str__(self) -> str:
        return str(self.value)
