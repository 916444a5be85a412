from enum import StrEnum


class CareScope(StrEnum):
    ALERTS = "alerts"
    CLINIC_SYSTEMS = "clinic_systems"
    MEASURES = "measures"
    PRESCRIBE = "prescribe"
    PROGRESS = "progress"
    SELF_CHECKS = "self_checks"
    SESSIONS = "sessions"

    def __str__(self) -> str:
        return str(self.value)
