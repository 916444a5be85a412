"""A patient whose log the report tests know by heart: two sessions in the fortnight of
2 to 15 November 2026 (Pacific/Auckland, UTC+13 then), a program written before it and a
pain alert raised in it, both dated back in the database (the API stamps them now)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
from sqlalchemy import Engine, update

from app.logbook.alerts.models import Alert
from app.training.routines.models import RoutineVersion
from tests.factories import SignedIn, entry, routine_payload, session_payload, signed_in_user

ZONE = "Pacific/Auckland"
PERIOD = {"from": "2026-11-02", "to": "2026-11-15"}  # two local ISO weeks, Monday to Sunday
# 20:30 UTC on 2 November is 09:30 on 3 November in Auckland: the day the report must say.
FIRST_AT = "2026-11-02T20:30:00Z"
SECOND_AT = "2026-11-10T06:00:00Z"  # 19:00 on 10 November, local
PROGRAM_WRITTEN = datetime(2026, 10, 1, tzinfo=UTC)
ALERT_RAISED = datetime(2026, 11, 2, 21, 0, tzinfo=UTC)  # 10:00 on 3 November, local
VERSIONS = RoutineVersion.__table__  # type: ignore[attr-defined]
ALERTS = Alert.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Log:
    """What one seeded patient logged: the first session's worst pain and, per session,
    the one-sided sets as (side, reps, kg or None)."""

    first_pain: int = 9
    second_pain: int = 2
    first_sets: tuple[tuple[str, int, float | None], ...] = (("right", 12, 2.0), ("left", 10, None))
    second_sets: tuple[tuple[str, int, float | None], ...] = (("left", 10, 3.0),)


def _entries(sets: tuple[tuple[str, int, float | None], ...], worst: int) -> list[dict[str, Any]]:
    out = []
    for n, (side, reps, kg) in enumerate(sets):
        extra: dict[str, Any] = {} if kg is None else {"load_kg": kg}
        pain = worst if n == 0 else min(worst, 1)
        out.append(entry(set_number=n + 1, side=side, reps=reps, pain=pain, **extra))
    return out


async def seed_patient(
    client: httpx.AsyncClient, engine: Engine, log: Log = Log(), user: SignedIn | None = None
) -> SignedIn:
    user = user or await signed_in_user(client, time_zone=ZONE, display_name="Kiri Example")
    made = await client.post(
        "/api/v1/routines", json=routine_payload(sessions_per_week=3), headers=user.headers
    )
    assert made.status_code == 201, made.text
    for at, sets, pain in (
        (FIRST_AT, log.first_sets, log.first_pain),
        (SECOND_AT, log.second_sets, log.second_pain),
    ):
        body = session_payload(
            started_at=at, ended_at=None, routine_id=made.json()["id"], entries=_entries(sets, pain)
        )
        logged = await client.post("/api/v1/sessions", json=body, headers=user.headers)
        assert logged.status_code == 201, logged.text
    with engine.begin() as conn:
        conn.execute(
            update(VERSIONS)
            .where(VERSIONS.c.routine_id == uuid.UUID(made.json()["id"]))
            .values(created_at=PROGRAM_WRITTEN)
        )
        conn.execute(
            update(ALERTS).where(ALERTS.c.patient_id == user.id).values(raised_at=ALERT_RAISED)
        )
    return user
