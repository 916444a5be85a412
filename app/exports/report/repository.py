"""The report's own queries: each session's worst pain and each session's one-sided work,
both aggregated by the database (one row per session, or per session and side), never a
row per set. The weekly figures come from the logbook's kept totals (app/logbook/progress).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ColumnElement, Float, and_, cast, func, select
from sqlmodel import Session, col

from app.logbook.sessions.models import SessionEntry, WorkoutSession

S = WorkoutSession
E = SessionEntry


def _live_between(owner_id: uuid.UUID, start: datetime, end: datetime) -> ColumnElement[bool]:
    return and_(
        col(S.owner_id) == owner_id,
        col(S.deleted_at).is_(None),
        col(S.started_at) >= start,
        col(S.started_at) < end,
    )


def session_pains(
    session: Session, owner_id: uuid.UUID, start: datetime, end: datetime
) -> list[tuple[datetime, int]]:
    """(started_at, worst pain) of each live session with sets in [start, end), oldest
    first: the sessions' own `pain_max`, kept with their entries."""
    rows = session.execute(
        select(col(S.started_at), col(S.pain_max))
        .where(_live_between(owner_id, start, end), col(S.pain_max).is_not(None))
        .order_by(col(S.started_at), col(S.id))
    ).all()
    return [(at, int(pain)) for at, pain in rows]


def one_sided_work(
    session: Session, owner_id: uuid.UUID, start: datetime, end: datetime
) -> list[tuple[datetime, str, float]]:
    """(started_at, side, reps x kg) per live session in [start, end) and side worked:
    reps (or steps) times the kg load, a set without a kg load counting 1 per rep. Summed
    by the database: one row per session and side, whatever the sets."""
    count = func.coalesce(col(E.reps), col(E.steps), 0)
    load = func.coalesce(cast(col(E.load_kg), Float), 1.0)
    rows = session.execute(
        select(col(S.started_at), col(E.side), func.sum(count * load))
        .join(E, col(E.session_id) == col(S.id))
        .where(_live_between(owner_id, start, end), col(E.side).in_(["left", "right"]))
        .group_by(col(S.id), col(S.started_at), col(E.side))
    ).all()
    return [(at, str(side), float(work or 0)) for at, side, work in rows]
