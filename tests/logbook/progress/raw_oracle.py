"""The per-exercise part of /me/progress recomputed naively from the raw entries.

The test oracle for the day totals (app/logbook/sessions/totals.py): every live entry of the
owner is read, dated in the zone with plain `astimezone`, and summed per (exercise,
week) in the row layout progress/repository.exercise_weeks returns, so the service's
own document builder turns both into the same JSON when the totals are right.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, select
from sqlmodel import Session

from app.catalog.exercises.repository import specs_by_slug
from app.logbook.progress import calc, service
from app.logbook.sessions.models import SessionEntry, WorkoutSession

S, E = WorkoutSession, SessionEntry


def _side(entries: list[Any], side: str) -> list[int]:
    chosen = [e for e in entries if e.side == side]
    return [
        len(chosen),
        sum((e.reps or 0) + (e.steps or 0) for e in chosen),
        sum(e.hold_seconds or 0 for e in chosen),
    ]


def exercise_rows(
    session: Session, owner_id: uuid.UUID, first: date, last: date, zone: ZoneInfo
) -> list[tuple[Any, ...]]:
    entries = session.execute(
        select(S.id, S.started_at, E.exercise, E.side, E.reps, E.steps)  # type: ignore[call-overload]
        .add_columns(E.hold_seconds, E.pain, E.effort)
        .join(E, E.session_id == S.id)
        .where(S.owner_id == owner_id, S.deleted_at.is_(None))  # type: ignore[union-attr]
    ).all()
    monday = first - timedelta(days=first.weekday())
    groups: dict[tuple[str, int], list[Any]] = defaultdict(list)
    for e in entries:
        local = e.started_at.astimezone(zone).date()
        if first <= local <= last:
            groups[(e.exercise, (local - monday).days // 7)].append(e)
    rows = []
    for (slug, bucket), g in groups.items():
        rows.append(
            (
                slug,
                bucket,
                len({e.id for e in g}),
                len(g),
                sum(e.reps or 0 for e in g),
                sum(e.steps or 0 for e in g),
                sum(e.hold_seconds or 0 for e in g),
                max(e.reps or 0 for e in g),
                max(e.steps or 0 for e in g),
                max(e.hold_seconds or 0 for e in g),
                sum(e.pain for e in g),
                max(e.pain for e in g),
                sum(e.effort for e in g),
                *_side(g, "left"),
                *_side(g, "right"),
            )
        )
    return rows


def expected_exercises(
    engine: Engine, owner_id: uuid.UUID, first: date, last: date, time_zone: str
) -> list[dict[str, Any]]:
    """What `exercises` of /me/progress?from=first&to=last must be, from the raw log."""
    zone = ZoneInfo(time_zone)
    with Session(engine) as session:
        rows = exercise_rows(session, owner_id, first, last, zone)
        specs = specs_by_slug(session, sorted({r[0] for r in rows}), include_deleted=True)
    return service._exercises(calc.calendar(first, last, zone).weeks, rows, specs)


def expected_alerts(
    engine: Engine, owner_id: uuid.UUID, first: date, last: date, time_zone: str
) -> list[str]:
    """The ids `alerts` must list: live sessions in the range with a set of pain 7 or more,
    newest first (at most 50)."""
    zone = ZoneInfo(time_zone)
    with Session(engine) as session:
        rows = session.execute(
            select(S.id, S.started_at, E.pain)  # type: ignore[call-overload]
            .join(E, E.session_id == S.id)
            .where(S.owner_id == owner_id, S.deleted_at.is_(None))  # type: ignore[union-attr]
        ).all()
    worst: dict[tuple[Any, uuid.UUID], int] = {}
    for sid, started, pain in rows:
        if first <= started.astimezone(zone).date() <= last:
            worst[(started, sid)] = max(worst.get((started, sid), 0), pain)
    painful = [key for key, pain in worst.items() if pain >= calc.ALERT_AT_PAIN]
    painful.sort(key=lambda k: (-k[0].timestamp(), str(k[1])))
    return [str(sid) for _, sid in painful[:50]]
