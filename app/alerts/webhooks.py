"""`alert.raised`: each new alert queued as a webhook event in the transaction that raised it
(app/webhooks/outbox.py), so a rolled-back write announces nothing."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from app.alerts import repository
from app.alerts.events import AlertRaised
from app.alerts.service import as_public
from app.core.events import subscribe
from app.core.vocabulary import WebhookEventType
from app.webhooks import outbox


def install() -> None:
    """Announce every raised alert (idempotent; the app factory calls it)."""
    subscribe(AlertRaised, on_alert_raised)


def on_alert_raised(session: Session, event: AlertRaised) -> None:
    def body() -> dict[str, Any]:
        row = repository.get(session, event.patient_id, event.alert_id)
        assert row is not None  # inserted by this transaction
        return {"alert": as_public(row).model_dump(mode="json")}

    outbox.emit(
        session,
        owner_id=event.patient_id,
        event_type=WebhookEventType.ALERT_RAISED,
        subject=f"alert:{event.alert_id}",
        data=body,
    )
