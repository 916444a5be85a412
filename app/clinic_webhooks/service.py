"""Who may manage a clinic's endpoints, and which of a patient's events a clinic receives.

A clinic's endpoints receive the events of each patient who holds an active care
relationship with the clinic (with any of its clinicians) whose scopes cover the event:
session events need `sessions`, `alert.raised` needs `alerts`, `routine.prescribed`
needs `prescribe`, `progress.advice_changed` needs `progress`. The audience is decided
when the event is written, in the transaction of the change: a revocation stops every
event written after it commits (events written before it may still be delivered).
"""

from __future__ import annotations

import uuid

from sqlalchemy import Connection
from sqlmodel import Session

from app.care import repository as care_repository
from app.care.service import require_role
from app.clinic_webhooks import repository
from app.core.vocabulary import CareScope, WebhookEventType
from app.users.models import Caller
from app.webhooks import outbox
from app.webhooks.outbox import Target
from app.webhooks.service import Holder

SCOPE_FOR_EVENT = {
    WebhookEventType.SESSION_LOGGED: CareScope.SESSIONS,
    WebhookEventType.SESSION_UPDATED: CareScope.SESSIONS,
    WebhookEventType.SESSION_DELETED: CareScope.SESSIONS,
    WebhookEventType.ALERT_RAISED: CareScope.ALERTS,
    WebhookEventType.ROUTINE_PRESCRIBED: CareScope.PRESCRIBE,
    WebhookEventType.PROGRESS_ADVICE_CHANGED: CareScope.PROGRESS,
}
_SCOPE_BY_TYPE: dict[str, CareScope] = {k.value: v for k, v in SCOPE_FOR_EVENT.items()}


def clinic_endpoints(session: Session, caller: Caller, clinic_id: uuid.UUID) -> Holder:
    """The clinic's endpoints, for one of its owners (a clinician is 403, anyone else 404)."""
    require_role(session, caller, clinic_id, owner=True)
    return Holder(
        None,
        clinic_id,
        caller.id,
        f"/clinics/{clinic_id}/webhooks",
        lambda s: care_repository.lock_clinic(s, clinic_id),
        "clinic",
    )


def clinics_in_care(db: Session | Connection, patient_id: uuid.UUID) -> list[Target]:
    """The enabled endpoints of the clinics caring for this patient, each with the event
    types it subscribes to that the relationship's scopes cover (one query)."""
    return [
        (endpoint_id, frozenset(t for t in event_types if _SCOPE_BY_TYPE.get(t) in scopes))
        for endpoint_id, event_types, scopes in repository.clinic_endpoints_of(db, patient_id)
    ]


def install() -> None:
    """Add the clinics in care to every event's receivers (idempotent; the app calls it)."""
    outbox.add_audience(clinics_in_care)
