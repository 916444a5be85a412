"""Session-log queries: a page of sessions, then all their entries in one more query."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, Select, bindparam, delete, exists, func, insert, update
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from app.core.changes import bump_user_counter
from app.core.db import update_if_revision
from app.core.pagination import Sort, paginate
from app.sessions.models import SessionEntry, WorkoutSession

# The hot path of this domain is written in SQLAlchemy Core (README, "Performance"):
# entries go in as one executemany and come out as rows, never as ORM entities.
_SESSION = WorkoutSession.__table__  # type: ignore[attr-defined]
_ENTRY = SessionEntry.__table__  # type: ignore[attr-defined]
ENTRY_COLUMNS = (
    _ENTRY.c.exercise_slug,
    _ENTRY.c.set_number,
    _ENTRY.c.side,
    _ENTRY.c.reps,
    _ENTRY.c.steps,
    _ENTRY.c.hold_seconds,
    _ENTRY.c.load_band,
    _ENTRY.c.load_kg,
    _ENTRY.c.pain,
    _ENTRY.c.effort,
    _ENTRY.c.notes,
)
ENTRY_KEYS = tuple(c.key for c in ENTRY_COLUMNS)
# A workout_session row as Core reads it: every column by attribute (row.id, row.revision).
SessionRow = Row[Any]

SORTABLE = {
    "started_at": WorkoutSession.started_at,
    "updated_at": WorkoutSession.updated_at,
    "created_at": WorkoutSession.created_at,
}


@dataclass(frozen=True)
class SessionFilter:
    """What a list asks for within the caller's sessions."""

    started_from: datetime | None = None
    started_to: datetime | None = None
    routine_id: uuid.UUID | None = None
    exercises: Sequence[str] = ()
    updated_since: datetime | None = None

    @property
    def narrowed(self) -> bool:
        """True when a filter leaves some of the owner's sessions out."""
        return bool(self.started_from or self.started_to or self.routine_id or list(self.exercises))


def changes(owner_id: uuid.UUID) -> Select[Any]:
    """Every session of the owner, tombstones included: what sync reads in change order."""
    return core_select(_SESSION).where(_SESSION.c.owner_id == owner_id)


_GET = core_select(_SESSION).where(_SESSION.c.id == bindparam("session_id"))


def get(session: Session, session_id: uuid.UUID) -> SessionRow | None:
    """The session under this id whoever owns it, tombstone or not (an id's one use)."""
    return session.execute(_GET, {"session_id": session_id}).first()


_GET_OWNED = _GET.where(
    _SESSION.c.owner_id == bindparam("owner_id"), _SESSION.c.deleted_at.is_(None)
)


def get_owned(session: Session, session_id: uuid.UUID, owner_id: uuid.UUID) -> SessionRow | None:
    """The owner's live session; another's, or a deleted one, is as absent as a missing one."""
    return session.execute(_GET_OWNED, {"session_id": session_id, "owner_id": owner_id}).first()


def entries_for(
    session: Session, session_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[tuple[Any, ...]]]:
    """Each session's entries in position order, as ENTRY_COLUMNS tuples (no entities)."""
    out: dict[uuid.UUID, list[tuple[Any, ...]]] = {sid: [] for sid in session_ids}
    if not session_ids:
        return out
    rows = session.execute(
        core_select(_ENTRY.c.session_id, *ENTRY_COLUMNS)
        .where(_ENTRY.c.session_id.in_(session_ids))
        .order_by(_ENTRY.c.session_id, _ENTRY.c.position)
    )
    for row in rows:
        out[row[0]].append(tuple(row[1:]))
    return out


def list_sessions(
    session: Session,
    owner_id: uuid.UUID,
    flt: SessionFilter,
    sort: Sort,
    cursor: str | None,
    limit: int,
) -> tuple[Sequence[SessionRow], str | None]:
    stmt = core_select(_SESSION).where(_SESSION.c.owner_id == owner_id)
    if flt.updated_since is not None:
        stmt = stmt.where(col(WorkoutSession.updated_at) >= flt.updated_since)
    else:
        stmt = stmt.where(col(WorkoutSession.deleted_at).is_(None))
    if flt.started_from is not None:
        stmt = stmt.where(col(WorkoutSession.started_at) >= flt.started_from)
    if flt.started_to is not None:
        stmt = stmt.where(col(WorkoutSession.started_at) < flt.started_to)
    if flt.routine_id is not None:
        stmt = stmt.where(col(WorkoutSession.routine_id) == flt.routine_id)
    if flt.exercises:
        stmt = stmt.where(
            exists().where(
                col(SessionEntry.session_id) == col(WorkoutSession.id),
                col(SessionEntry.exercise_slug).in_(list(flt.exercises)),
            )
        )
    return paginate(
        session, stmt, sort=sort, id_column=col(WorkoutSession.id), cursor=cursor, limit=limit
    )


_COUNT_STARTED_BETWEEN = (
    core_select(func.count())
    .select_from(_SESSION)
    .where(
        _SESSION.c.owner_id == bindparam("owner_id"),
        _SESSION.c.started_at >= bindparam("start"),
        _SESSION.c.started_at < bindparam("end"),
        _SESSION.c.deleted_at.is_(None),
    )
)


def count_started_between(
    session: Session, owner_id: uuid.UUID, start: datetime, end: datetime
) -> int:
    """The owner's live sessions started in [start, end) (the quota's day)."""
    params = {"owner_id": owner_id, "start": start, "end": end}
    return int(session.execute(_COUNT_STARTED_BETWEEN, params).scalar_one())


def insert_session(session: Session, values: dict[str, Any]) -> None:
    """One new session row; a taken id raises IntegrityError (the idempotency decision)."""
    session.execute(insert(_SESSION), values)


def insert_entries(
    session: Session, session_id: uuid.UUID, start: int, entries: Sequence[Sequence[Any]]
) -> None:
    """A session's entries (values in ENTRY_COLUMNS order) as one executemany, numbered
    from `start`."""
    if not entries:
        return
    session.execute(
        insert(_ENTRY),
        [
            {
                "session_id": session_id,
                "position": start + n,
                **dict(zip(ENTRY_KEYS, values, strict=True)),
            }
            for n, values in enumerate(entries)
        ],
    )


def next_position(session: Session, session_id: uuid.UUID) -> int:
    current = session.exec(
        select(func.max(SessionEntry.position)).where(col(SessionEntry.session_id) == session_id)
    ).first()
    return int(current or 0) + 1


def update_if_current(session: Session, row: SessionRow, values: dict[str, Any]) -> bool:
    return update_if_revision(
        session, WorkoutSession, col(WorkoutSession.id) == row.id, row.revision, values
    )


def clear_entries(session: Session, session_id: uuid.UUID) -> None:
    session.execute(delete(SessionEntry).where(col(SessionEntry.session_id) == session_id))


def unlink_routine(session: Session, routine_id: uuid.UUID, now: datetime) -> None:
    """Detach every session from a routine about to be deleted, as a change of each session.

    The foreign key's ON DELETE SET NULL would do it silently: same revision, same
    change_seq, so offline clients would never learn. Counters are taken in owner order
    (in practice only the routine's owner logs against it) so two deletions cannot
    deadlock.
    """
    owners = session.exec(
        select(WorkoutSession.owner_id)
        .where(col(WorkoutSession.routine_id) == routine_id)
        .distinct()
        .order_by(col(WorkoutSession.owner_id))
    ).all()
    for owner_id in owners:
        seq = bump_user_counter(session, owner_id)
        session.execute(
            update(WorkoutSession)
            .where(
                col(WorkoutSession.routine_id) == routine_id,
                col(WorkoutSession.owner_id) == owner_id,
            )
            .values(
                routine_id=None,
                revision=WorkoutSession.revision + 1,
                updated_at=now,
                change_seq=seq,
            )
        )


EXPORT_BATCH = 1000


def export_rows(session: Session, owner_id: uuid.UUID) -> Iterator[Row[Any]]:
    """Every live session of the owner with each of its entries, in start order.

    A session without entries comes once with its entry columns null. One statement,
    fetched in batches (a server-side cursor on PostgreSQL), as plain rows that no
    identity map keeps alive: memory stays constant however long the log.
    """
    s, e = WorkoutSession, SessionEntry
    result = session.execute(
        select(  # type: ignore[call-overload, misc]
            s.id,
            s.started_at,
            s.ended_at,
            s.routine_id,
            col(s.notes).label("session_notes"),
            e.exercise_slug,
            e.set_number,
            e.side,
            e.reps,
            e.steps,
            e.hold_seconds,
            e.load_band,
            e.load_kg,
            e.pain,
            e.effort,
            e.notes,
        )
        .outerjoin(e, col(e.session_id) == col(s.id))
        .where(col(s.owner_id) == owner_id, col(s.deleted_at).is_(None))
        .order_by(col(s.started_at), col(s.id), col(e.position))
        .execution_options(yield_per=EXPORT_BATCH)
    )
    yield from result
