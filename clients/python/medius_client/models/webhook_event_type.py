from enum import StrEnum


class WebhookEventType(StrEnum):
    ALERT_RAISED = "alert.raised"
    MEASURE_COMPLETED = "measure.completed"
    PROGRESS_ADVICE_CHANGED = "progress.advice_changed"
    ROUTINE_PRESCRIBED = "routine.prescribed"
    SESSION_DELETED = "session.deleted"
    SESSION_LOGGED = "session.logged"
    SESSION_UPDATED = "session.updated"

    def __str__(self) -> str:
        return str(self.value)
