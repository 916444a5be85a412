"""What the alerts package tells the packages above it (app/core/events.py): e.g. an
outbox for `alert.raised` webhooks, written in the same transaction as the alert."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from app.core.events import domain_event
from app.core.vocabulary import AlertKind


@domain_event(must_react=False)
@dataclass(frozen=True, slots=True)
class AlertRaised:
    """A new alert (never a retry's duplicate), inside the transaction that raised it."""

    patient_id: uuid.UUID
    alert_id: uuid.UUID
    kind: AlertKind


@domain_event(must_react=False)
@dataclass(frozen=True, slots=True)
class AlertAcknowledged:
    """A clinic acknowledged one of the patient's alerts (or tried again), inside the
    acknowledging transaction: the alerts it has open for the patient may have changed."""

    patient_id: uuid.UUID
    clinic_id: uuid.UUID
