"""Property: progress read from the day and week totals equals progress recomputed from the
raw log, after any sequence of session writes (create, retry, move, replace or append
entries, delete) and time-zone changes, for ranges starting and ending on any weekday,
across day and week edges, at both ends of the calendar
the API accepts and in zones from -12:00 to +14:00 (and Kathmandu's +05:41:16 of 1900).
"""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from fastapi import FastAPI
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine

from app.core.types import EARLIEST, LATEST
from tests.factories import PROPERTY_SETTINGS, direct_user
from tests.logbook.progress.raw_oracle import expected_alerts, expected_exercises

ZONES = [
    "UTC",
    "Pacific/Kiritimati",  # +14:00
    "Etc/GMT+12",  # -12:00
    "America/New_York",
    "Australia/Lord_Howe",  # half-hour daylight saving
    "Asia/Kathmandu",  # +05:45 (local mean time +05:41:16 in 1900)
]
# Four ISO weeks each: the first and last weeks the API accepts, and two crossing
# daylight-saving changes (the US's end of 2026, Auckland's and Lord Howe's in April).
WINDOWS = [
    (date(1900, 1, 1), date(1900, 1, 28)),
    (date(2026, 10, 26), date(2026, 11, 22)),
    (date(2026, 3, 23), date(2026, 4, 19)),
    (date(2200, 12, 4), date(2200, 12, 31)),
]
API = "/api/v1"


def _edges(first: date) -> list[datetime]:
    """Instants where some zone's local day turns, in and just around the window."""
    out = []
    for name in ZONES:
        zone = ZoneInfo(name)
        for day in range(-1, 30):
            local = datetime.combine(first + timedelta(days=day), time(0), zone)
            out.append(local.astimezone(UTC))
    return [e for e in out if EARLIEST <= e <= LATEST]


def _instant(data: st.DataObject, first: date) -> datetime:
    origin = datetime.combine(first - timedelta(days=1), time(0), UTC)
    anywhere = st.integers(0, 30 * 86400).map(lambda s: origin + timedelta(seconds=s))
    near_edge = st.tuples(st.sampled_from(_edges(first)), st.integers(-90, 90)).map(
        lambda p: p[0] + timedelta(seconds=p[1])
    )
    at: datetime = data.draw(st.one_of(anywhere, near_edge))
    return min(max(at, EARLIEST), LATEST.replace(microsecond=0))


def _entries(data: st.DataObject) -> list[dict[str, Any]]:
    out = []
    for n in range(data.draw(st.integers(0, 4))):
        exercise = data.draw(st.sampled_from(["clamshell", "hip-hike", "monster-walk"]))
        entry: dict[str, Any] = {
            "exercise": exercise,
            "set_number": n + 1,
            "pain": data.draw(st.integers(0, 10)),
            "effort": data.draw(st.integers(0, 10)),
        }
        if exercise == "monster-walk":
            entry["steps"] = data.draw(st.integers(1, 30))
        else:
            entry["reps"] = data.draw(st.integers(1, 20))
            entry["side"] = data.draw(st.sampled_from(["left", "right"]))
            if exercise == "clamshell" and data.draw(st.booleans()):
                entry["hold_seconds"] = data.draw(st.integers(3, 5))
        out.append(entry)
    return out


async def _write_log(
    app: FastAPI, data: st.DataObject, first: date, headers: dict[str, str]
) -> None:
    """A random sequence of writes; each must succeed (the oracle reads what was stored)."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://medius.test") as client:
        live: dict[str, tuple[dict[str, Any], str]] = {}  # id -> (create body, etag)
        for _ in range(data.draw(st.integers(1, 12))):
            ops = ["create", "zone"] + (
                ["retry", "move", "replace", "append", "delete"] if live else []
            )
            op = data.draw(st.sampled_from(ops))
            if op == "create":
                body = {
                    "id": str(uuid.uuid4()),
                    "started_at": _instant(data, first).isoformat(),
                    "entries": _entries(data),
                }
                answer = await client.post(f"{API}/sessions", json=body, headers=headers)
                assert answer.status_code == 201, answer.text
                live[body["id"]] = (body, answer.headers["etag"])
                continue
            if op == "zone":
                me = await client.get(f"{API}/me", headers=headers)
                answer = await client.patch(
                    f"{API}/me",
                    json={"time_zone": data.draw(st.sampled_from(ZONES))},
                    headers={**headers, "If-Match": me.headers["etag"]},
                )
                assert answer.status_code == 200, answer.text
                continue
            sid = data.draw(st.sampled_from(sorted(live)))
            body, etag = live[sid]
            path = f"{API}/sessions/{sid}"
            if_match = {**headers, "If-Match": etag}
            if op == "retry":  # the same create again: answered, never counted twice
                answer = await client.post(f"{API}/sessions", json=body, headers=headers)
                assert answer.status_code == 200, answer.text
                continue
            if op == "delete":
                answer = await client.delete(path, headers=if_match)
                assert answer.status_code == 204, answer.text
                del live[sid]
                continue
            if op == "move":
                moved = {"started_at": _instant(data, first).isoformat()}
                answer = await client.patch(path, json=moved, headers=if_match)
            elif op == "replace":
                answer = await client.put(
                    f"{path}/entries", json={"entries": _entries(data)}, headers=if_match
                )
            else:
                answer = await client.post(
                    f"{path}/entries", json={"entries": _entries(data)}, headers=if_match
                )
            assert answer.status_code == 200, answer.text
            live[sid] = (body, answer.headers["etag"])


async def _report(app: FastAPI, first: date, last: date, headers: dict[str, str]) -> Any:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://medius.test") as client:
        answer = await client.get(f"{API}/me/progress?from={first}&to={last}", headers=headers)
        assert answer.status_code == 200, answer.text
        return answer.json()


@PROPERTY_SETTINGS
@given(data=st.data())
def test_progress_from_day_totals_equals_the_raw_recomputation(
    app: FastAPI, admin_engine: Engine, data: st.DataObject
) -> None:
    first, last = data.draw(st.sampled_from(WINDOWS))
    user_id, headers = direct_user(app, admin_engine, data.draw(st.sampled_from(ZONES)))
    asyncio.run(_write_log(app, data, first, headers))
    # Read the whole window or any part of it: whole weeks come from the week rows, a
    # clipped first or last week (or a range inside one week) from the day rows.
    if data.draw(st.booleans()):
        first = first + timedelta(days=data.draw(st.integers(0, (last - first).days)))
        last = min(last, first + timedelta(days=data.draw(st.integers(0, 27))))
    report = asyncio.run(_report(app, first, last, headers))

    zone = report["time_zone"]
    assert report["exercises"] == expected_exercises(admin_engine, user_id, first, last, zone)
    alerts = [a["session_id"] for a in report["alerts"]]
    assert alerts == expected_alerts(admin_engine, user_id, first, last, zone)
