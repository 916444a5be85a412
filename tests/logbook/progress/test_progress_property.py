"""Property: the SQL-computed progress equals a plain Python recomputation over random logs."""

from __future__ import annotations

import asyncio
import uuid
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from fastapi import FastAPI
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine, delete
from sqlmodel import Session

from app.logbook.sessions.models import WorkoutSession
from tests.factories import PROPERTY_SETTINGS, direct_user

# Four ISO weeks each, Monday to Sunday, each crossing a daylight-saving change: the US's
# end (1 November 2026) and start (8 March 2026), Auckland's and Lord Howe's end (5 April
# 2026) and start (27 September and 4 October 2026). The week buckets are arithmetic on
# UTC seconds plus the zone's offset, which changes inside these windows.
WINDOWS = [
    (date(2026, 10, 26), date(2026, 11, 22)),
    (date(2026, 2, 23), date(2026, 3, 22)),
    (date(2026, 3, 23), date(2026, 4, 19)),
    (date(2026, 9, 14), date(2026, 10, 11)),
]
ZONES = [
    "UTC",
    "America/Los_Angeles",
    "America/New_York",
    "Asia/Kolkata",
    "Pacific/Auckland",
    "Australia/Lord_Howe",  # a half-hour daylight-saving shift
]
EXERCISES = {"clamshell": "reps", "hip-hike": "reps", "monster-walk": "steps"}


def _near_edges(first: date) -> list[int]:
    """Minutes from the day before `first` (UTC) to the instants where some zone's local
    week or day turns, or its offset changes: where an off-by-an-hour bucket would show."""
    edges = set()
    for name in ZONES:
        zone = ZoneInfo(name)
        for day in range(-1, 30):
            local = datetime.combine(first + timedelta(days=day), datetime.min.time(), zone)
            for hours in (0, 2, 3):  # midnight, and where daylight saving usually turns
                at = (local + timedelta(hours=hours)).astimezone(UTC)
                edges.add(int((at - _origin(first)) / timedelta(minutes=1)))
    return sorted(e for e in edges if 0 <= e <= 31 * 24 * 60)


def _origin(first: date) -> datetime:
    return datetime.combine(first - timedelta(days=1), datetime.min.time(), UTC)


@st.composite
def logs(draw: st.DrawFn, first: date) -> list[dict[str, Any]]:
    sessions = []
    edges = _near_edges(first)
    for _ in range(draw(st.integers(0, 8))):
        anywhere = st.integers(0, 31 * 24 * 60)
        near_edge = st.tuples(st.sampled_from(edges), st.integers(-2, 2)).map(sum)
        start = _origin(first) + timedelta(
            minutes=draw(st.one_of(anywhere, near_edge)), seconds=draw(st.integers(0, 59))
        )
        entries = []
        for n in range(draw(st.integers(1, 5))):
            exercise = draw(st.sampled_from(sorted(EXERCISES)))
            unit = EXERCISES[exercise]
            item: dict[str, Any] = {
                "exercise": exercise,
                "set_number": n + 1,
                unit: draw(st.integers(1, 30)),
                "pain": draw(st.integers(0, 10)),
                "effort": draw(st.integers(0, 10)),
            }
            if exercise != "monster-walk":
                item["side"] = draw(st.sampled_from(["left", "right"]))
            entries.append(item)
        sessions.append(
            {"id": str(uuid.uuid4()), "started_at": start.isoformat(), "entries": entries}
        )
    return sessions


def expected(log: list[dict[str, Any]], zone: ZoneInfo, first: date, last: date) -> dict[str, Any]:
    """The figures, recomputed naively from the raw log."""
    weeks: dict[str, int] = defaultdict(int)
    per: dict[str, dict[str, Any]] = {}
    alerts = set()
    for s in log:
        local = datetime.fromisoformat(s["started_at"]).astimezone(zone).date()
        if not first <= local <= last:
            continue
        year, week, _ = local.isocalendar()
        label = f"{year}-W{week:02d}"
        weeks[label] += 1
        if max(e["pain"] for e in s["entries"]) >= 7:
            alerts.add(s["id"])
        for e in s["entries"]:
            unit = EXERCISES[e["exercise"]]
            p = per.setdefault(
                e["exercise"], {"sessions": set(), "sets": 0, "total": 0, "best": 0, "weeks": {}}
            )
            p["sessions"].add(s["id"])
            p["sets"] += 1
            p["total"] += e[unit]
            p["best"] = max(p["best"], e[unit])
            w = p["weeks"].setdefault(label, {"pains": [], "left": 0, "right": 0})
            w["pains"].append(e["pain"])
            if "side" in e:
                w[e["side"]] += e[unit]
    return {"weeks": dict(weeks), "exercises": per, "alerts": alerts}


async def _log_then_report(
    app: FastAPI, log: list[dict[str, Any]], headers: dict[str, str], first: date, last: date
) -> dict[str, Any]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://medius.test") as client:
        for body in log:
            created = await client.post("/api/v1/sessions", json=body, headers=headers)
            assert created.status_code == 201, created.text
        url = f"/api/v1/me/progress?from={first}&to={last}"
        report: dict[str, Any] = (await client.get(url, headers=headers)).json()
        return report


@PROPERTY_SETTINGS
@given(data=st.data(), window=st.sampled_from(WINDOWS), tz=st.sampled_from(ZONES))
def test_progress_matches_a_plain_recomputation(
    app: FastAPI, admin_engine: Engine, data: st.DataObject, window: tuple[date, date], tz: str
) -> None:
    first, last = window
    log = data.draw(logs(first))
    user_id, headers = direct_user(app, admin_engine, tz)
    report = asyncio.run(_log_then_report(app, log, headers, first, last))
    with Session(admin_engine) as session:
        session.execute(delete(WorkoutSession).where(WorkoutSession.owner_id == user_id))  # type: ignore[arg-type]
        session.commit()

    want = expected(log, ZoneInfo(tz), first, last)
    assert {w["week"]: w["sessions"] for w in report["adherence"] if w["sessions"]} == want["weeks"]
    assert {str(a["session_id"]) for a in report["alerts"]} == want["alerts"]
    got = {e["exercise"]: e for e in report["exercises"]}
    assert set(got) == set(want["exercises"])
    for slug, w in want["exercises"].items():
        g = got[slug]
        unit_total = {"reps": g["total_reps"], "steps": g["total_steps"]}[EXERCISES[slug]]
        assert (g["sessions"], g["sets"], unit_total, g["best_set"]) == (
            len(w["sessions"]),
            w["sets"],
            w["total"],
            w["best"],
        )
        for week in g["weeks"]:
            ref = w["weeks"][week["week"]]
            assert week["pain_max"] == max(ref["pains"])
            assert week["pain_mean"] == round(sum(ref["pains"]) / len(ref["pains"]), 2)
            if slug != "monster-walk":
                assert (week["left"] or {"total": 0})["total"] == ref["left"]
                assert (week["right"] or {"total": 0})["total"] == ref["right"]
