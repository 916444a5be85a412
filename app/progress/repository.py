"""Progress aggregation in SQL: a fixed number of grouped queries, whatever the log size.

Rows are bucketed into the user's calendar weeks with a CASE over the weeks' UTC
boundaries (computed in Python from the IANA zone), which works the same on SQLite
and PostgreSQL and keeps every sum, max and count in the database.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal, select
from sqlalchemy.sql.expression import over
from sqlmodel import Session, col

from app.progress.calc import Week
from app.sessions.models import SessionEntry, WorkoutSession

S = WorkoutSession
E = SessionEntry


def _bucket(weeks: Sequence[Week]) -> ColumnElement[Any]:
    started = col(S.started_at)
    return case(*[(started < w.end, literal(i)) for i, w in enumerate(weeks)], else_=literal(-1))


def _in_range(owner_id: uuid.UUID, weeks: Sequence[Week]) -> ColumnElement[bool]:
    return and_(
        col(S.owner_id) == owner_id,
        col(S.deleted_at).is_(None),
        col(S.started_at) >= weeks[0].start,
        col(S.started_at) < weeks[-1].end,
    )


def sessions_per_week(
    session: Session, owner_id: uuid.UUID, weeks: Sequence[Week], routine_id: uuid.UUID | None
) -> dict[int, int]:
    bucket = _bucket(weeks).label("bucket")
    where = _in_range(owner_id, weeks)
    if routine_id is not None:
        where = and_(where, col(S.routine_id) == routine_id)
    rows = session.execute(select(bucket, func.count()).where(where).group_by(bucket)).all()
    return {int(b): int(n) for b, n in rows}


@dataclass(frozen=True)
class ExerciseWeekRow:
    exercise: str
    bucket: int
    sessions: int
    sets: int
    reps: int
    steps: int
    hold: int
    best_reps: int
    best_steps: int
    best_hold: int
    pain_sum: int
    pain_max: int
    effort_sum: int


def exercise_weeks(
    session: Session, owner_id: uuid.UUID, weeks: Sequence[Week]
) -> list[ExerciseWeekRow]:
    bucket = _bucket(weeks).label("bucket")
    stmt = (
        select(
            col(E.exercise_slug),
            bucket,
            func.count(func.distinct(col(S.id))),
            func.count(),
            func.coalesce(func.sum(col(E.reps)), 0),
            func.coalesce(func.sum(col(E.steps)), 0),
            func.coalesce(func.sum(col(E.hold_seconds)), 0),
            func.coalesce(func.max(col(E.reps)), 0),
            func.coalesce(func.max(col(E.steps)), 0),
            func.coalesce(func.max(col(E.hold_seconds)), 0),
            func.sum(col(E.pain)),
            func.max(col(E.pain)),
            func.sum(col(E.effort)),
        )
        .join(S, col(S.id) == col(E.session_id))
        .where(_in_range(owner_id, weeks))
        .group_by(col(E.exercise_slug), bucket)
    )
    return [
        ExerciseWeekRow(str(r[0]), *(int(v) for v in r[1:])) for r in session.execute(stmt).all()
    ]


@dataclass(frozen=True)
class SideWeekRow:
    exercise: str
    bucket: int
    side: str
    sets: int
    counted: int  # reps + steps
    held: int  # hold seconds


def side_weeks(session: Session, owner_id: uuid.UUID, weeks: Sequence[Week]) -> list[SideWeekRow]:
    """Per exercise, week and side: sets, reps-or-steps and hold seconds of sided entries."""
    bucket = _bucket(weeks).label("bucket")
    total = func.coalesce(func.sum(col(E.reps)), 0) + func.coalesce(func.sum(col(E.steps)), 0)
    stmt = (
        select(
            col(E.exercise_slug),
            bucket,
            col(E.side),
            func.count(),
            total,
            func.coalesce(func.sum(col(E.hold_seconds)), 0),
        )
        .join(S, col(S.id) == col(E.session_id))
        .where(_in_range(owner_id, weeks), col(E.side).is_not(None))
        .group_by(col(E.exercise_slug), bucket, col(E.side))
    )
    return [
        SideWeekRow(str(r[0]), int(r[1]), str(r[2]), int(r[3]), int(r[4]), int(r[5]))
        for r in session.execute(stmt).all()
    ]


def sessions_per_exercise(
    session: Session, owner_id: uuid.UUID, weeks: Sequence[Week]
) -> dict[str, int]:
    stmt = (
        select(col(E.exercise_slug), func.count(func.distinct(col(S.id))))
        .join(S, col(S.id) == col(E.session_id))
        .where(_in_range(owner_id, weeks))
        .group_by(col(E.exercise_slug))
    )
    return {str(r[0]): int(r[1]) for r in session.execute(stmt).all()}


def painful_sessions(
    session: Session, owner_id: uuid.UUID, weeks: Sequence[Week], threshold: int, limit: int = 50
) -> list[tuple[uuid.UUID, datetime, int]]:
    worst = func.max(col(E.pain))
    stmt = (
        select(col(S.id), col(S.started_at), worst)
        .join(E, col(S.id) == col(E.session_id))
        .where(_in_range(owner_id, weeks))
        .group_by(col(S.id), col(S.started_at))
        .having(worst >= threshold)
        .order_by(col(S.started_at).desc(), col(S.id))
        .limit(limit)
    )
    return [(r[0], r[1], int(r[2])) for r in session.execute(stmt).all()]


@dataclass(frozen=True)
class Target:
    exercise: str
    side: str | None  # None: any side counts (bilateral, or "both")
    value_column: str  # reps | steps | hold_seconds
    value: int


def recent_results(
    session: Session, owner_id: uuid.UUID, targets: Sequence[Target], per_exercise: int = 2
) -> dict[str, list[tuple[int, int]]]:
    """Each target exercise's last sessions, newest first: (sets meeting target, max pain)."""
    if not targets:
        return {}
    meets = case(
        *[
            (
                and_(
                    col(E.exercise_slug) == t.exercise,
                    getattr(E, t.value_column) >= t.value,
                    (col(E.side) == t.side) if t.side else literal(True),
                ),
                1,
            )
            for t in targets
        ],
        else_=0,
    )
    per_session = (
        select(
            col(E.exercise_slug).label("exercise"),
            col(S.id).label("session_id"),
            func.sum(meets).label("met"),
            func.max(col(E.pain)).label("pain"),
            over(
                func.row_number(),
                partition_by=col(E.exercise_slug),
                order_by=(col(S.started_at).desc(), col(S.id).desc()),
            ).label("rank"),
        )
        .join(S, col(S.id) == col(E.session_id))
        .where(
            col(S.owner_id) == owner_id,
            col(S.deleted_at).is_(None),
            col(E.exercise_slug).in_([t.exercise for t in targets]),
        )
        .group_by(col(E.exercise_slug), col(S.id), col(S.started_at))
        .subquery()
    )
    rows = session.execute(
        select(per_session.c.exercise, per_session.c.met, per_session.c.pain)
        .where(per_session.c.rank <= per_exercise)
        .order_by(per_session.c.exercise, per_session.c.rank)
    ).all()
    out: dict[str, list[tuple[int, int]]] = {}
    for exercise, met, pain in rows:
        out.setdefault(str(exercise), []).append((int(met or 0), int(pain)))
    return out
