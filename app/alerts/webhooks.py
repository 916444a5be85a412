"""`alert.raised`: every new alert announced to the webhook outbox, in the transaction
that raised it (so a rolled-back write announces nothing).

The alerts service publishes `AlertRaised` (app/core/events.py) for each alert it inserts
(never for a retry's duplicate); this handler turns it into the event, for the patient's
own endpoints and, through the clinic audience (app/clinic_webhooks), the endpoints of the
clinics whose relationship with the patient holds the `alerts` scope.
"""

from __future__ import annotations

from sqlmodel import Session

from app.alerts import repository
from app.alerts.events import AlertRaised
from app.alerts.service import as_public
from app.core.events import subscribe
from app.core.vocabulary import WebhookEventType
from app.webhooks import outbox


def install() -> None:
    """Subscribe the outbox to new alerts (idempotent; the app factory calls it)."""
    subscribe(AlertRaised, announce)


def announce(session: Session, event: AlertRaised) -> None:
    def data() -> dict[str, object]:
        row = repository.get(session, event.patient_id, event.alert_id)
        assert row is not None  # inserted by this very transaction
        return {"alert": as_public(row).model_dump(mode="json")}

    outbox.emit(
        session,
        owner_id=event.patient_id,
        event_type=WebhookEventType.ALERT_RAISED,
        subject=f"alert:{event.alert_id}",
        data=data,
    )
