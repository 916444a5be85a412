from enum import StrEnum


class EndpointDisabledReason(StrEnum):
    BY_OWNER = "by-owner"
    FAILING = "failing"

    def __str__(self) -> str:
        return str(self.value)
