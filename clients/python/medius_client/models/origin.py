from enum import StrEnum


class Origin(StrEnum):
    BUILDER = "builder"
    COPY = "copy"
    PRESCRIPTION = "prescription"
    TEMPLATE = "template"
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)
