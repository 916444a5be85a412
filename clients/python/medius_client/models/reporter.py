from enum import StrEnum


class Reporter(StrEnum):
    CLINICIAN = "clinician"
    PATIENT = "patient"

    def __str__(self) -> str:
        return str(self.value)
