"""The transactional outbox: `emit` writes an event in the transaction of its change.

Call `emit` inside the transaction that makes the change, before it commits: the event is
written with the change as one outbox row (one insert, whoever subscribes), so a rolled
back change sends nothing and a committed one is delivered by a worker (`python -m app
worker`) however the request ends. The worker then `expand`s each row, in the order they
were written and in a transaction that also deletes it (so exactly once: a crash rolls the
expansion back and the next round does it again): the event row and one delivery per
subscribed endpoint, the audiences' records, and what reacts to `OutboxExpanded` (the
advice announcements). Who receives an event is decided then, as of when it was written:
endpoints and care relationships that are still there and were there at the write.
Nothing here makes a network call.

Packages above this one may add receivers of an owner's events, reacting to the
`WebhookAudience` event (app/core/events.py): the clinics caring for a patient
(app/care/webhooks). Their targets may carry a `recorder`,
called in the same transaction once an event is queued to them (the patient's access log
of what went to a clinic's systems), so the record commits exactly when the deliveries do.

A clinic sees nothing that reveals care elsewhere, on this channel as in its REST reads:
an event may belong to one clinic's care (`care_of`: the clinic that prescribed the routine
it is about) and name what other clinics must not get (`clinic_private`). The owner's own
endpoints and the caring clinic's get the full body; every other clinic a copy with those
fields null, or nothing at all (`clinic_private=None`). Each distinct body is its own event
row, so a delivery (and the access-log entry that records it) names what was sent.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, event, insert, select
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, col

from app.core.events import domain_event, publish
from app.core.json import dumps
from app.core.types import utcnow
from app.core.vocabulary import WebhookEventType
from app.webhooks.models import WebhookDelivery, WebhookEndpoint, WebhookEvent, WebhookOutboxRow

Database = Session
EventData = Mapping[str, object] | Callable[[], Mapping[str, object]]
# The clinic whose care an event belongs to: known, or found only when a clinic subscribes.
CareOf = uuid.UUID | None | Callable[[], uuid.UUID | None]
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
    that get it) after the event is queued, `grants`: per event type, what the recorder
    needs to know of why this endpoint receives it, and `clinic_id`: the clinic whose
    systems it is (None for the owner's own endpoints), which decides the body it gets."""

    endpoint_id: uuid.UUID
    event_types: frozenset[str]
    recorder: Recorder | None = None
    grants: Mapping[str, Any] = field(default_factory=dict)
    clinic_id: uuid.UUID | None = None


Recorder = Callable[[Database, Queued, list[Target]], None]
_TARGETS = "medius_webhook_targets"


@domain_event(must_react=True)
@dataclass(frozen=True, slots=True)
class WebhookAudience:
    """Who receives `owner_id`'s events written at `as_of`, asked once per transaction
    and instant: a reaction adds its receivers to `targets` (the owner's own endpoints are
    there already), leaving out what began after `as_of`."""

    owner_id: uuid.UUID
    targets: list[Target]
    as_of: datetime


@domain_event(must_react=False)
@dataclass(frozen=True, slots=True)
class OutboxExpanded:
    """An outbox row was fanned out, inside the worker's expanding transaction: work that
    follows an event and can wait for the worker (a changed advice to announce) reacts
    here, exactly once per event written."""

    owner_id: uuid.UUID
    event_type: str
    written_at: datetime


def _targets(db: Database, owner_id: uuid.UUID, as_of: datetime) -> list[Target]:
    """Every enabled endpoint that receives some of the owner's events written at
    `as_of`: the owner's own registered by then (one indexed read) and those the reactions
    to `WebhookAudience` add. Read once per transaction and instant."""
    cache: dict[tuple[uuid.UUID, datetime], list[Target]] = db.info.setdefault(_TARGETS, {})
    if (owner_id, as_of) in cache:
        return cache[(owner_id, as_of)]
    rows = db.execute(
        select(col(WebhookEndpoint.id), col(WebhookEndpoint.event_types)).where(
            col(WebhookEndpoint.owner_id) == owner_id,
            col(WebhookEndpoint.enabled),
            col(WebhookEndpoint.created_at) <= as_of,
        )
    ).all()
    found: list[Target] = [Target(row.id, frozenset(row.event_types)) for row in rows]
    publish(db, WebhookAudience(owner_id, found, as_of))
    cache[(owner_id, as_of)] = found
    return found


@event.listens_for(OrmSession, "after_commit")
@event.listens_for(OrmSession, "after_rollback")
def _forget_targets(session: OrmSession) -> None:
    session.info.pop(_TARGETS, None)


def subscribers(
    db: Database, owner_id: uuid.UUID, event_type: str, as_of: datetime | None = None
) -> list[Target]:
    """The enabled endpoints that get the owner's `event_type` written at `as_of` (now),
    each once."""
    found: dict[uuid.UUID, Target] = {}
    for target in _targets(db, owner_id, as_of or utcnow()):
        if event_type in target.event_types:
            found.setdefault(target.endpoint_id, target)
    return list(found.values())


def _record(db: Database, queued: Queued, targets: list[Target]) -> None:
    """Let each audience record the event queued to its targets (one call per recorder)."""
    if queued.event_type == PING:  # a ping carries nobody's data, and has no audience
        return
    by_recorder: dict[Recorder, list[Target]] = {}
    for target in targets:
        if target.recorder is not None:
            by_recorder.setdefault(target.recorder, []).append(target)
    for recorder, recorded in by_recorder.items():
        recorder(db, queued, recorded)


def _redacted(body: Mapping[str, object], paths: Collection[str]) -> dict[str, object]:
    """A copy of `body` with each dotted path (`session.routine_id`) null where present."""
    copy = dict(body)
    for path in paths:
        key, _, rest = path.partition(".")
        if key not in copy:
            continue
        value = copy[key]
        if not rest:
            copy[key] = None
        elif isinstance(value, Mapping):
            copy[key] = _redacted(value, [rest])
    return copy


# Built once: every change of a synced record writes one row through it.
_OUTBOX_INSERT = insert(WebhookOutboxRow.__table__)  # type: ignore[attr-defined]


def emit(
    db: Database,
    *,
    owner_id: uuid.UUID,
    event_type: WebhookEventType,
    subject: str,
    data: EventData,
    care_of: CareOf = None,
    clinic_private: Collection[str] | None = (),
) -> None:
    """Write `event_type` about `subject` to the outbox, for the worker to send to every
    endpoint of `owner_id` (and clinic in care) that wants it: one insert, read nothing.

    `owner_id` is the user the event is about; the body's `data` gets their `user_id`.
    `subject` names what the event is about (`session:<id>`): one endpoint receives the
    events of one subject in the order they were emitted. `data` (or the function making
    it) is the body as of this change. `care_of` is the clinic whose care the event
    belongs to (or a function finding it); `clinic_private` the dotted paths of `data`
    that any other clinic gets null, or None when other clinics get no event at all.
    """
    body = data() if callable(data) else data
    db.execute(
        _OUTBOX_INSERT,
        {
            "owner_id": owner_id,
            "event_type": event_type.value,
            "subject": subject,
            "data": dumps(body).decode(),
            "care_of": care_of() if callable(care_of) else care_of,
            "clinic_private": None if clinic_private is None else json.dumps(list(clinic_private)),
            "created_at": utcnow(),
        },
    )


def expand(db: Database, limit: int) -> int:
    """Fan out up to `limit` of the oldest outbox rows, in order, and delete them (inside
    the caller's write transaction, which makes it exactly once); how many were expanded.
    On PostgreSQL the rows are locked as read, so a second worker waits for the first
    one's batch rather than expanding the next rows before it (the order of a subject's
    deliveries is the order of their ids)."""
    rows = (
        db.execute(
            select(WebhookOutboxRow)
            .order_by(col(WebhookOutboxRow.id))
            .limit(limit)
            .with_for_update()
        )
        .scalars()
        .all()
    )
    for row in rows:
        private = None if row.clinic_private is None else json.loads(row.clinic_private)
        queue(
            db,
            row.owner_id,
            row.event_type,
            row.subject,
            json.loads(row.data),
            care_of=row.care_of,
            clinic_private=private,
            as_of=row.created_at,
        )
        publish(db, OutboxExpanded(row.owner_id, row.event_type, row.created_at))
    if rows:
        db.execute(
            delete(WebhookOutboxRow).where(col(WebhookOutboxRow.id).in_([r.id for r in rows]))
        )
    return len(rows)


def _bodies(
    targets: list[Target],
    data: EventData,
    care_of: CareOf,
    clinic_private: Collection[str] | None,
) -> list[tuple[Mapping[str, object], list[Target]]]:
    """Who gets which body: the full one (the owner's endpoints, the caring clinic's), a
    redacted one (other clinics), each with its targets; the body is built only when
    somebody gets it, and a copy nobody gets (or identical to the full one) is left out."""
    full = [t for t in targets if t.clinic_id is None]
    others = [t for t in targets if t.clinic_id is not None]
    if others:
        caring = care_of() if callable(care_of) else care_of
        full += [t for t in others if t.clinic_id == caring]
        others = [t for t in others if t.clinic_id != caring]
    if clinic_private is None:
        others = []
    if not full and not others:
        return []
    body = data() if callable(data) else data
    if not others:
        return [(body, full)]
    redacted = _redacted(body, clinic_private or ())
    if redacted == body:
        return [(body, full + others)]
    return [(b, ts) for b, ts in ((body, full), (redacted, others)) if ts]


def queue(
    db: Database,
    owner_id: uuid.UUID,
    event_type: str,
    subject: str,
    data: EventData,
    targets: list[Target] | None = None,
    *,
    care_of: CareOf = None,
    clinic_private: Collection[str] | None = (),
    as_of: datetime | None = None,
) -> uuid.UUID | None:
    """Write the event and its deliveries (to `targets`, or to every subscriber of an
    event written at `as_of`, now by default): one event row per distinct body (`emit`
    says who gets which). The body's timestamp is `as_of`: when the change was made."""
    now = utcnow()
    if targets is None:
        targets = subscribers(db, owner_id, event_type, as_of or now)
    if not targets:
        return None
    first: uuid.UUID | None = None
    for sent, receivers in _bodies(targets, data, care_of, clinic_private):
        event_id = uuid.uuid4()
        first = first or event_id
        payload = {
            "type": event_type,
            "timestamp": as_of or now,
            "data": {"user_id": owner_id, **sent},
        }
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
                    "endpoint_id": target.endpoint_id,
                    "event_id": event_id,
                    "subject": subject,
                    "status": "pending",
                    "attempts": 0,
                    "next_attempt_at": now,
                    "created_at": now,
                }
                for target in receivers
            ],
        )
        _record(db, Queued(event_id, owner_id, event_type), receivers)
    return first
