from enum import StrEnum


class CareChannel(StrEnum):
    CLINICIAN = "clinician"
    CLINIC_FHIR = "clinic_fhir"
    CLINIC_SYSTEMS = "clinic_systems"

    def __str__(self) -> str:
        return str(self.value)
