"""Queries of endpoints, the delivery log, and the worker's claims."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, delete, exists, func, or_, select, update
from sqlalchemy.orm import aliased
from sqlmodel import Session, col
from sqlmodel import select as select_rows

from app.core.db import update_if_revision
from app.core.pagination import Sort, paginate
from app.core.vocabulary import DeliveryStatus, EndpointDisabledReason
from app.users.models import User
from app.webhooks.models import WebhookDelivery, WebhookEndpoint, WebhookEvent

D = WebhookDelivery
E = WebhookEndpoint


def get_held(session: Session, endpoint_id: uuid.UUID, held: ColumnElement[bool]) -> E | None:
    return session.exec(select_rows(E).where(col(E.id) == endpoint_id, held)).first()


def lock_user(session: Session, user_id: uuid.UUID) -> None:
    """Lock the user's row until commit (PostgreSQL; SQLite serialises writers anyway)."""
    session.execute(select(col(User.id)).where(col(User.id) == user_id).with_for_update()).one()


def count_held(session: Session, held: ColumnElement[bool]) -> int:
    return int(session.execute(select(func.count()).select_from(E).where(held)).scalar_one())


def owned_by(session: Session, owner_id: uuid.UUID) -> Sequence[E]:
    """The user's own endpoints, oldest first (the account export)."""
    return session.exec(
        select_rows(E).where(col(E.owner_id) == owner_id).order_by(col(E.created_at), col(E.id))
    ).all()


def list_held(
    session: Session, held: ColumnElement[bool], sort: Sort, cursor: str | None, limit: int
) -> tuple[Sequence[E], str | None]:
    statement = select_rows(E).where(held)
    return paginate(session, statement, sort=sort, id_column=col(E.id), cursor=cursor, limit=limit)


def update_endpoint(session: Session, row: E, values: Mapping[str, object]) -> bool:
    return update_if_revision(session, E, col(E.id) == row.id, row.revision, values)


def delete_endpoint(session: Session, row: E) -> bool:
    result = session.execute(delete(E).where(col(E.id) == row.id, col(E.revision) == row.revision))
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


DELIVERY_LOG_SORT = Sort("id", col(D.id), descending=True)


@dataclass(frozen=True, slots=True)
class LogRow:
    id: int
    event_id: uuid.UUID
    event_type: str
    subject: str
    status: DeliveryStatus
    attempts: int
    next_attempt_at: datetime
    last_attempt_at: datetime | None
    last_status_code: int | None
    last_error: str | None
    delivered_at: datetime | None
    created_at: datetime


def delivery_log(
    session: Session, endpoint_id: uuid.UUID, cursor: str | None, limit: int
) -> tuple[Sequence[Any], str | None]:
    """The endpoint's deliveries, newest first."""
    statement: Select[Any] = (
        select(  # type: ignore[assignment]
            col(D.id),
            col(D.event_id),
            col(WebhookEvent.event_type),
            col(D.subject),
            col(D.status),
            col(D.attempts),
            col(D.next_attempt_at),
            col(D.last_attempt_at),
            col(D.last_status_code),
            col(D.last_error),
            col(D.delivered_at),
            col(D.created_at),
        )
        .join(WebhookEvent, col(WebhookEvent.id) == col(D.event_id))
        .where(col(D.endpoint_id) == endpoint_id)
    )
    return paginate(
        session, statement, sort=DELIVERY_LOG_SORT, id_column=col(D.id), cursor=cursor, limit=limit
    )


def give_up_pending(session: Session, endpoint_id: uuid.UUID, reason: str) -> None:
    """Mark the endpoint's waiting deliveries failed (the endpoint is being disabled).

    An attempt in flight loses its lease too, so its outcome is not recorded over this."""
    session.execute(
        update(D)
        .where(col(D.endpoint_id) == endpoint_id, col(D.status) == DeliveryStatus.PENDING)
        .values(status=DeliveryStatus.FAILED, last_error=reason, lease_until=None, lease_token=None)
    )


def give_up_pending_at_clinic(
    session: Session,
    clinic_id: uuid.UUID,
    owner_ids: Sequence[uuid.UUID],
    kept_event_types: frozenset[str],
    reason: str,
) -> None:
    """Mark failed the waiting deliveries, to the clinic's endpoints, of these owners'
    events of any type but `kept_event_types`: one statement. An attempt in flight loses
    its lease, as in `give_up_pending`."""
    events = select(col(WebhookEvent.id)).where(col(WebhookEvent.owner_id).in_(owner_ids))
    if kept_event_types:
        events = events.where(col(WebhookEvent.event_type).not_in(sorted(kept_event_types)))
    session.execute(
        update(D)
        .where(
            col(D.status) == DeliveryStatus.PENDING,
            col(D.endpoint_id).in_(select(col(E.id)).where(col(E.clinic_id) == clinic_id)),
            col(D.event_id).in_(events),
        )
        .values(status=DeliveryStatus.FAILED, last_error=reason, lease_until=None, lease_token=None)
    )


def disable_registered_by(
    session: Session, user_id: uuid.UUID, clinic_id: uuid.UUID | None, now: datetime
) -> None:
    """Disable the enabled clinic endpoints `user_id` registered (in `clinic_id`, or in
    every clinic) and give up their waiting deliveries: their registrant is no longer an
    owner there. The worker claims only enabled endpoints' deliveries, so nothing already
    queued goes out either."""
    held = [col(E.created_by) == user_id, col(E.clinic_id).is_not(None), col(E.enabled)]
    if clinic_id is not None:
        held.append(col(E.clinic_id) == clinic_id)
    stopped = session.execute(select(col(E.id)).where(*held)).scalars().all()
    for endpoint_id in stopped:
        session.execute(
            update(E)
            .where(col(E.id) == endpoint_id)
            .values(
                enabled=False,
                disabled_reason=EndpointDisabledReason.REGISTRANT_LEFT,
                disabled_at=now,
                revision=E.revision + 1,
                updated_at=now,
            )
        )
        give_up_pending(session, endpoint_id, "endpoint disabled: its registrant left the clinic")


# --- The worker -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Claimed:
    """A delivery a worker holds the lease of, with what it needs to make the attempt."""

    id: int
    lease_token: uuid.UUID
    attempts: int
    event_id: uuid.UUID
    payload: str
    endpoint_id: uuid.UUID
    url: str
    secrets: tuple[str, ...]


def claim(session: Session, now: datetime, lease: timedelta, limit: int) -> list[Claimed]:
    """Lease up to `limit` due deliveries to this worker (call inside a write transaction).

    A delivery is due when it is pending, its time has come, nobody holds an unexpired
    lease on it, its endpoint is enabled, and no earlier delivery of the same subject to
    the same endpoint is still pending (a subject's events go out in order). On
    PostgreSQL the candidate rows are locked with SKIP LOCKED, so concurrent workers
    take different rows without waiting; on SQLite the write lock serialises claims.
    """
    earlier = aliased(D)
    blocked = exists().where(
        col(earlier.endpoint_id) == col(D.endpoint_id),
        col(earlier.subject) == col(D.subject),
        col(earlier.status) == DeliveryStatus.PENDING,
        col(earlier.id) < col(D.id),
    )
    candidates = (
        session.execute(
            select(col(D.id))
            .join(E, col(E.id) == col(D.endpoint_id))
            .where(
                col(D.status) == DeliveryStatus.PENDING,
                col(D.next_attempt_at) <= now,
                or_(col(D.lease_until).is_(None), col(D.lease_until) < now),
                col(E.enabled),
                ~blocked,
            )
            .order_by(col(D.next_attempt_at), col(D.id))
            .limit(limit)
            .with_for_update(of=D, skip_locked=True)
        )
        .scalars()
        .all()
    )
    if not candidates:
        return []
    token = uuid.uuid4()
    session.execute(
        update(D)
        .where(col(D.id).in_(candidates))
        .values(lease_until=now + lease, lease_token=token)
    )
    rows = session.execute(
        select(
            col(D.id),
            col(D.attempts),
            col(D.event_id),
            col(WebhookEvent.payload),
            col(E.id).label("endpoint_id"),
            col(E.url),
            col(E.secret),
            col(E.previous_secret),
            col(E.previous_secret_until),
        )
        .join(WebhookEvent, col(WebhookEvent.id) == col(D.event_id))
        .join(E, col(E.id) == col(D.endpoint_id))
        .where(col(D.id).in_(candidates))
        .order_by(col(D.id))
    ).all()
    return [
        Claimed(
            id=r.id,
            lease_token=token,
            attempts=r.attempts,
            event_id=r.event_id,
            payload=r.payload,
            endpoint_id=r.endpoint_id,
            url=r.url,
            secrets=(r.secret,)
            + (
                (r.previous_secret,)
                if r.previous_secret and r.previous_secret_until and r.previous_secret_until > now
                else ()
            ),
        )
        for r in rows
    ]


def finish(session: Session, claimed: Claimed, values: Mapping[str, object]) -> bool:
    """Record an attempt's outcome if this worker still holds the lease (a worker whose
    lease ran out, and whose delivery another worker took over, records nothing)."""
    result = session.execute(
        update(D)
        .where(col(D.id) == claimed.id, col(D.lease_token) == claimed.lease_token)
        .values(**values, lease_until=None, lease_token=None)
    )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


def endpoint_for_update(session: Session, endpoint_id: uuid.UUID) -> E | None:
    return session.exec(select_rows(E).where(col(E.id) == endpoint_id).with_for_update()).first()


def next_due(session: Session) -> datetime | None:
    """When the next pending delivery falls due (the idle worker sleeps until then)."""
    return session.execute(
        select(func.min(col(D.next_attempt_at))).where(col(D.status) == DeliveryStatus.PENDING)
    ).scalar_one_or_none()


def prune(session: Session, before: datetime) -> int:
    """Forget finished deliveries created before `before`, then events left with none."""
    done = session.execute(
        delete(D).where(col(D.status) != DeliveryStatus.PENDING, col(D.created_at) < before)
    ).rowcount  # type: ignore[attr-defined]
    orphan = ~exists().where(col(D.event_id) == col(WebhookEvent.id))
    session.execute(delete(WebhookEvent).where(col(WebhookEvent.created_at) < before, orphan))
    return int(done)


def delivery_of(session: Session, event_id: uuid.UUID, endpoint_id: uuid.UUID) -> int:
    return int(
        session.execute(
            select(col(D.id)).where(col(D.event_id) == event_id, col(D.endpoint_id) == endpoint_id)
        ).scalar_one()
    )
