from enum import StrEnum


class EndpointDisabledReason(StrEnum):
    BY_OWNER = "by-owner"
    FAILING = "failing"
    REGISTRANT_LEFT = "registrant-left"

    def __str__(self) -> str:
        return str(self.value)
