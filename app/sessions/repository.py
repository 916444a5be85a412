"""Session-log queries: a page of sessions, then all their entries in one more query."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, exists, func
from sqlmodel import Session, col, select

from app.core.db import update_if_revision
from app.core.pagination import Sort, paginate
from app.sessions.models import SessionEntry, WorkoutSession

SORTABLE = {
    "started_at": WorkoutSession.started_at,
    "updated_at": WorkoutSession.updated_at,
    "created_at": WorkoutSession.created_at,
}


@dataclass(frozen=True)
class SessionFilter:
    owner_id: uuid.UUID
    started_from: datetime | None = None
    started_to: datetime | None = None
    routine_id: uuid.UUID | None = None
    exercises: Sequence[str] = ()
    updated_since: datetime | None = None


def get(session: Session, session_id: uuid.UUID) -> WorkoutSession | None:
    return session.get(WorkoutSession, session_id)


def entries_for(
    session: Session, session_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[SessionEntry]]:
    out: dict[uuid.UUID, list[SessionEntry]] = {sid: [] for sid in session_ids}
    if not session_ids:
        return out
    rows = session.exec(
        select(SessionEntry)
        .where(col(SessionEntry.session_id).in_(session_ids))
        .order_by(col(SessionEntry.session_id), col(SessionEntry.position))
    ).all()
    for row in rows:
        assert row.session_id is not None
        out[row.session_id].append(row)
    return out


def list_sessions(
    session: Session, flt: SessionFilter, sort: Sort, cursor: str | None, limit: int
) -> tuple[Sequence[WorkoutSession], str | None]:
    stmt = select(WorkoutSession).where(col(WorkoutSession.owner_id) == flt.owner_id)
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


def add(session: Session, row: WorkoutSession, entries: Sequence[SessionEntry]) -> None:
    session.add(row)
    session.flush()
    add_entries(session, row.id, entries)


def add_entries(session: Session, session_id: uuid.UUID, entries: Sequence[SessionEntry]) -> None:
    for entry in entries:
        entry.session_id = session_id
        session.add(entry)
    session.flush()


def next_position(session: Session, session_id: uuid.UUID) -> int:
    current = session.exec(
        select(func.max(SessionEntry.position)).where(col(SessionEntry.session_id) == session_id)
    ).first()
    return int(current or 0) + 1


def update_if_current(session: Session, row: WorkoutSession, values: dict[str, Any]) -> bool:
    return update_if_revision(
        session, WorkoutSession, col(WorkoutSession.id) == row.id, row.revision, values
    )


def clear_entries(session: Session, session_id: uuid.UUID) -> None:
    session.execute(delete(SessionEntry).where(col(SessionEntry.session_id) == session_id))


def all_entries_for_export(
    session: Session, owner_id: uuid.UUID
) -> Sequence[tuple[WorkoutSession, SessionEntry]]:
    return session.exec(
        select(WorkoutSession, SessionEntry)
        .join(SessionEntry, col(SessionEntry.session_id) == col(WorkoutSession.id))
        .where(col(WorkoutSession.owner_id) == owner_id, col(WorkoutSession.deleted_at).is_(None))
        .order_by(
            col(WorkoutSession.started_at), col(WorkoutSession.id), col(SessionEntry.position)
        )
    ).all()
