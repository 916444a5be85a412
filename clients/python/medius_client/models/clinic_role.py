from enum import StrEnum


class ClinicRole(StrEnum):
    CLINICIAN = "clinician"
    OWNER = "owner"

    def __str__(self) -> str:
        return str(self.value)
