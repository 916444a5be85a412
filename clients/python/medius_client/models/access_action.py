from enum import StrEnum


class AccessAction(StrEnum):
    CREATE = "create"
    DELETE = "delete"
    READ = "read"
    SEND = "send"
    UPDATE = "update"

    def __str__(self) -> str:
        return str(self.value)
