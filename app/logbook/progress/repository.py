"""Progress aggregation in SQL: a few grouped queries, whatever the log size.

The per-exercise figures come from the sessions domain's per-day totals
(`exercise_day_total`, kept by app/logbook/sessions/totals.py with every session write), so
they read at most days x exercises rows, not every set. Sessions are bucketed into the
user's calendar weeks by integer arithmetic on the instant (`calc.WeekClock`: whole UTC
seconds plus the zone's offset, divided by a week), so the statement carries a few
parameters instead of one per week boundary and works the same on SQLite and
PostgreSQL (only `epoch_seconds` is rendered per dialect); the painful-session query
reads only entries at or above the alert threshold.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from itertools import pairwise
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    String,
    and_,
    bindparam,
    case,
    cast,
    exists,
    func,
    literal,
    or_,
    select,
    union_all,
)
from sqlmodel import Session, col

from app.core.changes import UserChangeCounter
from app.core.sqltypes import epoch_seconds
from app.logbook.progress.calc import WEEK_SECONDS, Calendar
from app.logbook.sessions.models import (
    ExerciseDayTotal,
    ExerciseWeekTotal,
    SessionEntry,
    WorkoutSession,
)
from app.logbook.sessions.repository import MAX_VALUES, TOTAL_VALUES

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


T = ExerciseDayTotal.__table__  # type: ignore[attr-defined]
W = ExerciseWeekTotal.__table__  # type: ignore[attr-defined]


def _exercise_weeks_statement() -> Any:
    """Built once (its shape never changes; the owner and the range are parameters)."""
    monday = bindparam("monday", type_=Integer)
    stored = select(
        W.c.exercise_slug,
        ((W.c.week - monday) // literal(7)).label("bucket"),
        *[W.c[k] for k in TOTAL_VALUES],
    ).where(
        W.c.owner_id == bindparam("owner_id"),
        W.c.week >= bindparam("whole_from", type_=Integer),
        W.c.week <= bindparam("whole_to", type_=Integer),
    )
    bucket = ((T.c.day - monday) // literal(7)).label("bucket")
    # PostgreSQL sums integers into bigint; the figures are plain integers on both.
    figures = [
        func.max(T.c[k]) if k in MAX_VALUES else cast(func.sum(T.c[k]), Integer)
        for k in TOTAL_VALUES
    ]
    edges = (
        select(T.c.exercise_slug, bucket, *figures)
        .where(
            T.c.owner_id == bindparam("owner_id"),
            T.c.day >= bindparam("first", type_=Integer),
            T.c.day <= bindparam("last", type_=Integer),
            or_(
                T.c.day < bindparam("whole_from", type_=Integer),
                T.c.day > bindparam("whole_end", type_=Integer),
            ),
        )
        .group_by(T.c.exercise_slug, bucket)
    )
    return union_all(stored, edges)


_EXERCISE_WEEKS = _exercise_weeks_statement()


def exercise_weeks(session: Session, owner_id: uuid.UUID, cal: Calendar) -> Sequence[Any]:
    """Per exercise and week: totals, bests, pain and effort sums, and the left/right sets
    and totals (columns: the constants above), from the owner's totals
    (app/logbook/sessions/totals.py), in one statement of two parts: the weeks lying wholly in the
    range read as stored (`exercise_week_total`, at most weeks x exercises rows, no
    grouping), and the range's clipped first and last weeks summed from their day rows.

    Days and weeks are date ordinals in the user's zone, so a row's week is plain integer
    arithmetic from the range's first Monday (the same week `calc.calendar` numbers).
    """
    monday = cal.weeks[0].starts_on.toordinal()
    first, last = cal.first.toordinal(), cal.last.toordinal()
    # The Mondays of the first and the last week lying wholly in first..last (none when
    # the first is after the last: then every day is in a clipped week).
    whole_from = first + (monday - first) % 7
    whole_to = last - 6 - (last - 6 - monday) % 7
    params = {
        "owner_id": owner_id,
        "monday": monday,
        "first": first,
        "last": last,
        "whole_from": whole_from,
        "whole_to": whole_to,
        "whole_end": whole_to + 6,
    }
    # Through the connection: Core rows, not the ORM's result machinery per row.
    return session.connection().execute(_EXERCISE_WEEKS, params).all()


def painful_sessions(
    session: Session, owner_id: uuid.UUID, cal: Calendar, threshold: int, limit: int = 50
) -> list[tuple[uuid.UUID, datetime, int]]:
    """Sessions whose worst set reached `threshold`, newest first: read from the sessions'
    own `pain_max` (kept with their entries), never from the sets."""
    stmt = (
        select(col(S.id), col(S.started_at), col(S.pain_max))
        .where(_in_range(owner_id, cal), col(S.pain_max) >= threshold)
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
    # Each exercise's last sessions, found by walking the owner's sessions newest first
    # (ix_session_owner_started) and probing the entry index (exercise, session_id): the
    # walk stops after `per_exercise` hits, so a write costs the same however long the
    # history (an aggregate over every entry of the exercise grew with it).
    picks = []
    for t in targets:
        last = (
            select(
                literal(t.exercise).label("exercise"),
                col(S.id).label("session_id"),
                col(S.started_at).label("started_at"),
            )
            .where(
                col(S.owner_id) == owner_id,
                col(S.deleted_at).is_(None),
                exists().where(col(E.session_id) == col(S.id), col(E.exercise) == t.exercise),
            )
            .order_by(col(S.started_at).desc(), col(S.id).desc())
            .limit(per_exercise)
            .subquery()
        )
        picks.append(select(last.c.exercise, last.c.session_id, last.c.started_at))
    picked = union_all(*picks).subquery()
    rows = session.execute(
        select(picked.c.exercise, func.sum(meets).label("met"), func.max(col(E.pain)))
        .join(
            E,
            and_(col(E.session_id) == picked.c.session_id, col(E.exercise) == picked.c.exercise),
        )
        .group_by(picked.c.exercise, picked.c.session_id, picked.c.started_at)
        .order_by(picked.c.exercise, picked.c.started_at.desc(), picked.c.session_id.desc())
    ).all()
    out: dict[str, list[tuple[int, int]]] = {}
    for exercise, met, pain in rows:
        out.setdefault(str(exercise), []).append((int(met or 0), int(pain)))
    return out


_S = WorkoutSession.__table__  # type: ignore[attr-defined]
_E = SessionEntry.__table__  # type: ignore[attr-defined]


@lru_cache(maxsize=64)
def recent_pains_select(exercises: int, per_exercise: int = 2) -> Select[Any]:
    """(exercise, worst pain) of each of an exercise's last `per_exercise` sessions, for
    that many exercises, in no particular order: built once per count, the owner and the
    exercises bound per call (`recent_pains_params`). The same walk as `recent_results`."""
    picks = []
    for n in range(exercises):
        exercise = bindparam(f"exercise_{n}", type_=String())
        last = (
            select(
                exercise.label("exercise"),
                _S.c.id.label("session_id"),
                _S.c.started_at.label("started_at"),
            )
            .where(
                _S.c.owner_id == bindparam("owner_id", type_=_S.c.owner_id.type),
                _S.c.deleted_at.is_(None),
                exists().where(_E.c.session_id == _S.c.id, _E.c.exercise == exercise),
            )
            .order_by(_S.c.started_at.desc(), _S.c.id.desc())
            .limit(per_exercise)
            .subquery()
        )
        picks.append(select(last.c.exercise, last.c.session_id))
    picked = union_all(*picks).subquery()
    return (
        select(picked.c.exercise.label("exercise"), func.max(_E.c.pain).label("pain"))
        .join(_E, and_(_E.c.session_id == picked.c.session_id, _E.c.exercise == picked.c.exercise))
        .group_by(picked.c.exercise, picked.c.session_id)
    )


def recent_pains_params(owner_id: uuid.UUID, exercises: Sequence[str]) -> dict[str, Any]:
    """The parameters of `recent_pains_select(len(exercises))`."""
    params: dict[str, Any] = {f"exercise_{n}": e for n, e in enumerate(exercises)}
    params["owner_id"] = owner_id
    return params


def recent_pains(
    session: Session, owner_id: uuid.UUID, exercises: Sequence[str]
) -> dict[str, list[int]]:
    """Each exercise's last two sessions: the worst pain logged for it in each. What the
    alert rule needs of `recent_results` (the reduce advice is decided by pain alone, so
    in no particular order), from a statement built once per number of exercises: this
    runs in session writes."""
    if not exercises:
        return {}
    statement = recent_pains_select(len(exercises))
    out: dict[str, list[int]] = {}
    for exercise, pain in session.execute(statement, recent_pains_params(owner_id, exercises)):
        out.setdefault(str(exercise), []).append(int(pain))
    return out


def change_seq(session: Session, owner_id: uuid.UUID) -> int:
    """The owner's change counter: every write to their sessions moves it (0: none yet)."""
    seq = session.execute(
        select(col(UserChangeCounter.seq)).where(col(UserChangeCounter.user_id) == owner_id)
    ).scalar_one_or_none()
    return int(seq or 0)
