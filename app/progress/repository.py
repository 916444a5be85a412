"""Progress aggregation in SQL: three grouped queries, whatever the log size.

Rows are bucketed into the user's calendar weeks by integer arithmetic on the instant
(`calc.WeekClock`: whole UTC seconds plus the zone's offset, divided by a week), so the
statement carries a few parameters instead of one per week boundary and works the same
on SQLite and PostgreSQL (only `epoch_seconds` is rendered per dialect). Every sum, max
and count stays in the database, and the entries join is aggregated once per request
for the per-exercise figures; the painful-session query reads only entries at or above
the alert threshold.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, and_, case, cast, func, literal, select
from sqlalchemy.sql.expression import over
from sqlmodel import Session, col

from app.core.sqltypes import epoch_seconds
from app.progress.calc import WEEK_SECONDS, Calendar
from app.sessions.models import SessionEntry, WorkoutSession

S = WorkoutSession
E = SessionEntry


def _bucket(cal: Calendar) -> ColumnElement[Any]:
    started = col(S.started_at)
    shifts = cal.clock.shifts
    shift: ColumnElement[Any] = literal(shifts[0][1])
    if len(shifts) > 1:
        shift = case(
            *[(started < at, literal(value)) for (_, value), (at, _) in pairwise(shifts)],
            else_=literal(shifts[-1][1]),
        )
    return (epoch_seconds(started) + shift) // literal(WEEK_SECONDS)


def _in_range(owner_id: uuid.UUID, cal: Calendar) -> ColumnElement[bool]:
    return and_(
        col(S.owner_id) == owner_id,
        col(S.deleted_at).is_(None),
        col(S.started_at) >= cal.weeks[0].start,
        col(S.started_at) < cal.weeks[-1].end,
    )


def sessions_per_week(
    session: Session, owner_id: uuid.UUID, cal: Calendar, routine_id: uuid.UUID | None
) -> dict[int, int]:
    bucket = _bucket(cal).label("bucket")
    where = _in_range(owner_id, cal)
    if routine_id is not None:
        where = and_(where, col(S.routine_id) == routine_id)
    rows = session.execute(select(bucket, func.count()).where(where).group_by(bucket)).all()
    return {int(b): int(n) for b, n in rows}


# The columns of an `exercise_weeks` row, read by position (no object per row).
EXERCISE, BUCKET, SESSIONS, SETS, REPS, STEPS, HOLD = range(7)
BEST_REPS, BEST_STEPS, BEST_HOLD, PAIN_SUM, PAIN_MAX, EFFORT_SUM = range(7, 13)
LEFT_SETS, LEFT_COUNTED, LEFT_HELD, RIGHT_SETS, RIGHT_COUNTED, RIGHT_HELD = range(13, 19)


def _side_sums(side: str) -> list[ColumnElement[Any]]:
    on = col(E.side) == side
    counted = func.coalesce(col(E.reps), 0) + func.coalesce(col(E.steps), 0)
    return [
        func.sum(case((on, 1), else_=0)),
        func.sum(case((on, counted), else_=0)),
        func.sum(case((on, func.coalesce(col(E.hold_seconds), 0)), else_=0)),
    ]


def exercise_weeks(session: Session, owner_id: uuid.UUID, cal: Calendar) -> Sequence[Any]:
    """Per exercise and week, from one read of the window's entries: totals, bests, pain
    and effort sums, and the left/right sets and totals (columns: the constants above).

    The one place the two databases get different SQL (same rows): each gets the form
    its planner runs fastest (EXPLAIN in bench/results/profiles/).
    """
    if session.get_bind().dialect.name == "postgresql":
        return _exercise_weeks_two_level(session, owner_id, cal)
    return _exercise_weeks_one_level(session, owner_id, cal)


def _exercise_weeks_one_level(
    session: Session, owner_id: uuid.UUID, cal: Calendar
) -> Sequence[Any]:
    """SQLite: one GROUP BY with `count(DISTINCT session)`. SQLite sorts either way, and
    one sort of the entries is cheaper there than the two of the grouped form."""
    bucket = _bucket(cal).label("bucket")
    stmt = (
        select(
            col(E.exercise),
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
            *_side_sums("left"),
            *_side_sums("right"),
        )
        .join(S, col(S.id) == col(E.session_id))
        .where(_in_range(owner_id, cal))
        .group_by(col(E.exercise), bucket)
    )
    return session.execute(stmt).all()


def _exercise_weeks_two_level(
    session: Session, owner_id: uuid.UUID, cal: Calendar
) -> Sequence[Any]:
    """PostgreSQL: two grouping levels instead of `count(DISTINCT session)`, first per
    (session, exercise), where the week is computed once per group, then per (exercise,
    week), where each inner row is one session. A DISTINCT aggregate forces a sort of
    every entry (PostgreSQL cannot hash it); plain sums and counts hash-aggregate."""
    per_session = (
        select(
            col(E.exercise).label("exercise"),
            _bucket(cal).label("bucket"),
            func.count().label("sets"),
            func.sum(col(E.reps)).label("reps"),
            func.sum(col(E.steps)).label("steps"),
            func.sum(col(E.hold_seconds)).label("hold"),
            func.max(col(E.reps)).label("best_reps"),
            func.max(col(E.steps)).label("best_steps"),
            func.max(col(E.hold_seconds)).label("best_hold"),
            func.sum(col(E.pain)).label("pain_sum"),
            func.max(col(E.pain)).label("pain_max"),
            func.sum(col(E.effort)).label("effort_sum"),
            *[
                c.label(f"{side}_{n}")
                for side in ("left", "right")
                for n, c in enumerate(_side_sums(side))
            ],
        )
        .join(S, col(S.id) == col(E.session_id))
        .where(_in_range(owner_id, cal))
        .group_by(col(S.id), col(S.started_at), col(E.exercise))
        .subquery()
    )
    q = per_session.c

    def total(column: ColumnElement[Any]) -> ColumnElement[Any]:
        # PostgreSQL sums bigints into numeric; the figures are integers on both.
        return cast(func.coalesce(func.sum(column), 0), BigInteger)

    stmt = select(
        q.exercise,
        q.bucket,
        func.count(),
        total(q.sets),
        total(q.reps),
        total(q.steps),
        total(q.hold),
        func.coalesce(func.max(q.best_reps), 0),
        func.coalesce(func.max(q.best_steps), 0),
        func.coalesce(func.max(q.best_hold), 0),
        total(q.pain_sum),
        func.max(q.pain_max),
        total(q.effort_sum),
        *[total(q[f"{side}_{n}"]) for side in ("left", "right") for n in range(3)],
    ).group_by(q.exercise, q.bucket)
    return session.execute(stmt).all()


def painful_sessions(
    session: Session, owner_id: uuid.UUID, cal: Calendar, threshold: int, limit: int = 50
) -> list[tuple[uuid.UUID, datetime, int]]:
    """Sessions with a set at or above `threshold`, newest first. Only such sets are read:
    a session's worst pain is at or above the threshold exactly when one of them is."""
    stmt = (
        select(col(S.id), col(S.started_at), func.max(col(E.pain)))
        .join(E, col(S.id) == col(E.session_id))
        .where(_in_range(owner_id, cal), col(E.pain) >= threshold)
        .group_by(col(S.id), col(S.started_at))
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
                    col(E.exercise) == t.exercise,
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
            col(E.exercise).label("exercise"),
            col(S.id).label("session_id"),
            func.sum(meets).label("met"),
            func.max(col(E.pain)).label("pain"),
            over(
                func.row_number(),
                partition_by=col(E.exercise),
                order_by=(col(S.started_at).desc(), col(S.id).desc()),
            ).label("rank"),
        )
        .join(S, col(S.id) == col(E.session_id))
        .where(
            col(S.owner_id) == owner_id,
            col(S.deleted_at).is_(None),
            col(E.exercise).in_([t.exercise for t in targets]),
        )
        .group_by(col(E.exercise), col(S.id), col(S.started_at))
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
