"""The transactional outbox: `emit` writes an event in the transaction of its change.

Call `emit` inside the transaction that makes the change, before it commits: the event
and one delivery row per subscribed endpoint are written with the change, so a rolled
back change sends nothing and a committed one is delivered by a worker (`python -m app
worker`) however the request ends. Nothing here makes a network call.

Packages above this one may add receivers of an owner's events (`add_audience`): the
clinics caring for a patient (app/clinic_webhooks). Their targets may carry a `recorder`,
called in the same transaction once an event is queued to them (the patient's access log
of what went to a clinic's systems), so the record commits exactly when the deliveries do.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, event, insert, select
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, col

from app.core.json import dumps
from app.core.types import utcnow
from app.core.vocabulary import WebhookEventType
from app.webhooks.models import WebhookDelivery, WebhookEndpoint, WebhookEvent

Database = Session | Connection
EventData = Mapping[str, Any] | Callable[[], Mapping[str, Any]]
PING = "webhook.ping"


@dataclass(frozen=True, slots=True)
class Queued:
    """An event just written to the outbox, as an audience's recorder sees it."""

    event_id: uuid.UUID
    owner_id: uuid.UUID
    event_type: str


@dataclass(frozen=True, slots=True)
class Target:
    """An endpoint and the event types it receives of one owner. An audience's target may
    name a `recorder`, called (in the transaction, once per event, with all its targets
    that get it) after the event is queued, and `grants`: per event type, what the
    recorder needs to know of why this endpoint receives it."""

    endpoint_id: uuid.UUID
    event_types: frozenset[str]
    recorder: Recorder | None = None
    grants: Mapping[str, Any] = field(default_factory=dict)


Recorder = Callable[[Database, Queued, list[Target]], None]
# Who else receives an owner's events: (db, owner_id) -> targets.
Audience = Callable[[Database, uuid.UUID], list[Target]]
_TARGETS = "medius_webhook_targets"

_audiences: list[Audience] = []


def add_audience(audience: Audience) -> None:
    """Let a package above this one add receivers of an owner's events (the clinics that
    care for a patient, app/clinic_webhooks); registering again changes nothing."""
    if audience not in _audiences:
        _audiences.append(audience)


def _targets(db: Database, owner_id: uuid.UUID) -> list[Target]:
    """Every enabled endpoint that receives some of the owner's events: the owner's own
    (one indexed read) and those the audiences add. Read once per transaction of a
    `Session` (a session write emits its event and advice follows it)."""
    cache: dict[uuid.UUID, list[Target]] | None = (
        db.info.setdefault(_TARGETS, {}) if isinstance(db, Session) else None
    )
    if cache is not None and owner_id in cache:
        return cache[owner_id]
    rows = db.execute(
        select(col(WebhookEndpoint.id), col(WebhookEndpoint.event_types)).where(
            col(WebhookEndpoint.owner_id) == owner_id, col(WebhookEndpoint.enabled)
        )
    ).all()
    found: list[Target] = [Target(row.id, frozenset(row.event_types)) for row in rows]
    for audience in _audiences:
        found += audience(db, owner_id)
    if cache is not None:
        cache[owner_id] = found
    return found


@event.listens_for(OrmSession, "after_commit")
@event.listens_for(OrmSession, "after_rollback")
def _forget_targets(session: OrmSession) -> None:
    session.info.pop(_TARGETS, None)


def subscribers(db: Database, owner_id: uuid.UUID, event_type: str) -> list[uuid.UUID]:
    """The enabled endpoints that get the owner's `event_type`, each once."""
    found: list[uuid.UUID] = []
    for target in _targets(db, owner_id):
        if event_type in target.event_types and target.endpoint_id not in found:
            found.append(target.endpoint_id)
    return found


def _record(db: Database, queued: Queued, endpoint_ids: list[uuid.UUID]) -> None:
    """Let each audience record the event queued to its targets (one call per recorder)."""
    if queued.event_type == PING:  # a ping carries nobody's data, and has no audience
        return
    wanted, seen = set(endpoint_ids), set()
    by_recorder: dict[Recorder, list[Target]] = {}
    for target in _targets(db, queued.owner_id):
        if (
            target.recorder is None
            or target.endpoint_id not in wanted
            or target.endpoint_id in seen
            or queued.event_type not in target.event_types
        ):
            continue
        seen.add(target.endpoint_id)
        by_recorder.setdefault(target.recorder, []).append(target)
    for recorder, targets in by_recorder.items():
        recorder(db, queued, targets)


def emit(
    db: Database,
    *,
    owner_id: uuid.UUID,
    event_type: WebhookEventType,
    subject: str,
    data: EventData,
) -> uuid.UUID | None:
    """Queue `event_type` about `subject` for every endpoint of `owner_id` that wants it.

    `owner_id` is the user the event is about; the body's `data` gets their `user_id`.
    `subject` names what the event is about (`session:<id>`): one endpoint receives the
    events of one subject in the order they were emitted. `data` may be a function,
    called only when some endpoint subscribes, so an unsubscribed write builds nothing.
    Returns the event's id, or None when nobody subscribes.
    """
    return queue(db, owner_id, event_type.value, subject, data)


def queue(
    db: Database,
    owner_id: uuid.UUID,
    event_type: str,
    subject: str,
    data: EventData,
    endpoint_ids: list[uuid.UUID] | None = None,
) -> uuid.UUID | None:
    """Write the event and its deliveries (to `endpoint_ids`, or to every subscriber)."""
    targets = subscribers(db, owner_id, event_type) if endpoint_ids is None else endpoint_ids
    if not targets:
        return None
    now = utcnow()
    body = data() if callable(data) else data
    event_id = uuid.uuid4()
    payload = {"type": event_type, "timestamp": now, "data": {"user_id": owner_id, **body}}
    db.execute(
        insert(WebhookEvent).values(
            id=event_id,
            owner_id=owner_id,
            event_type=event_type,
            subject=subject,
            payload=dumps(payload).decode(),
            created_at=now,
        )
    )
    db.execute(
        insert(WebhookDelivery),
        [
            {
                "endpoint_id": endpoint_id,
                "event_id": event_id,
                "subject": subject,
                "status": "pending",
                "attempts": 0,
                "next_attempt_at": now,
                "created_at": now,
            }
            for endpoint_id in targets
        ],
    )
    _record(db, Queued(event_id, owner_id, event_type), targets)
    return event_id
