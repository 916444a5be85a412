"""Every kind of feed the calendar makes, read by a second, independent parser: ical.js
(Mozilla's, in Thunderbird), pinned in tools/interop, once per database leg over the batch.

The batch: a user without a routine, routines made on a Saturday and on a Sunday around
Berlin's spring change (with a builder plan's weeks), and one feed fetched before and after
a routine edit and a time-zone change. ical.js must find no problem in any of them (one
component at least, every TZID defined, UID/DTSTAMP/DTSTART on every event) and must read
every event as icalendar does: the same instants through the feed's own VTIMEZONE, the
same SEQUENCE and stamps. Then what each scenario promises, in ical.js's reading.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from fastapi import FastAPI
from icalendar import Calendar

from app.exports.calendar import ics
from app.exports.calendar import service as feed_service
from tests.exports.calendar.test_calendar_feed import Item, _plan
from tests.factories import SignedIn, signed_in_user, unique_email
from tests.interop import read_with_node
from tests.logbook.alerts.helpers import backdate_routine, routine

TOKEN = "/api/v1/me/calendar-token"
NOW = datetime(2027, 3, 24, 12, tzinfo=UTC)  # a Wednesday; the feed spans Feb 22 to Sep 19
BERLIN = ZoneInfo("Europe/Berlin")  # CET -> CEST on Sunday 2027-03-28


def _instant(value: Any) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


@cache
def _as_icalendar_reads(body: bytes) -> list[dict[str, Any]]:
    """What the parser that wrote the feed reads back, in ical.js's terms."""
    return [
        {
            "uid": str(e["uid"]),
            "sequence": e.decoded("sequence"),
            "dtstamp": _instant(e.decoded("dtstamp")),
            "last_modified": _instant(e.decoded("last-modified")),
            "summary": str(e["summary"]),
            "description": str(e["description"]),
            "start": _instant(e.decoded("dtstart")),
            "end": _instant(e.decoded("dtend")),
        }
        for e in Calendar.from_ical(body).walk("VEVENT")
    ]


async def _feed(client: httpx.AsyncClient, user: SignedIn) -> bytes:
    issued = await client.post(TOKEN, json={"time_of_day": "18:00"}, headers=user.headers)
    assert issued.status_code == 201, issued.text
    answer = await client.get(issued.json()["url"])
    assert answer.status_code == 200, answer.text
    return answer.content


async def _built_routine(
    client: httpx.AsyncClient, app: FastAPI, user: SignedIn, made: datetime
) -> dict[str, Any]:
    built = await client.post(
        "/api/v1/routine-builder",
        json={"level": "beginner", "minutes": 15, "equipment": [], "weeks": 3, "save": True},
        headers=user.headers,
    )
    assert built.status_code == 200, built.text
    backdate_routine(app, built.json()["routine_id"], made)
    return dict(built.json())


async def _patch(client: httpx.AsyncClient, user: SignedIn, path: str, body: Any) -> str:
    """PATCH with the current ETag; the changed resource's `updated_at`."""
    etag = (await client.get(path, headers=user.headers)).headers["etag"]
    answer = await client.patch(path, json=body, headers={**user.headers, "If-Match": etag})
    assert answer.status_code == 200, answer.text
    return str(answer.json()["updated_at"])


def _second(stamp: str) -> str:
    """An RFC 3339 time as ical.js gives a DATE-TIME back: whole seconds, UTC."""
    return _instant(datetime.fromisoformat(stamp.replace("Z", "+00:00")))


Check = Callable[[dict[str, Any]], None]


async def test_every_kind_of_feed_reads_the_same_in_ical_js(
    client: httpx.AsyncClient, app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(feed_service, "utcnow", lambda: NOW)
    feeds: dict[str, bytes] = {}
    checks: dict[str, list[Check]] = {}

    # A user without a routine: the zone's definition, nothing else.
    nobody = await signed_in_user(client, unique_email("cal"), time_zone=BERLIN.key)
    feeds["no routine"] = await _feed(client, nobody)

    def no_routine(read: dict[str, Any]) -> None:
        assert read["components"] == ["vtimezone"] and read["events"] == []

    checks["no routine"] = [no_routine]

    # Made on a Saturday and on a Sunday: week 1 first, whatever the DST change between.
    for label, made in (
        ("made on Saturday 03-20", datetime(2027, 3, 20, 10, tzinfo=BERLIN)),
        ("made on Sunday 03-28", datetime(2027, 3, 28, 10, tzinfo=BERLIN)),
    ):
        user = await signed_in_user(client, unique_email("cal"), time_zone=BERLIN.key)
        plan = await _built_routine(client, app, user, made)
        feeds[label] = await _feed(client, user)

        def weekend(read: dict[str, Any], made: datetime = made, plan: Any = plan) -> None:
            events = read["events"]
            monday = made.date() + timedelta(days=7 - made.weekday())
            assert events[0]["local_start"] == {
                "wall": f"{monday.isoformat()}T18:00:00",
                "tzid": BERLIN.key,
            }
            weeks = [e["summary"].rsplit("(week ", 1)[1].rstrip(")") for e in events]
            per_week = plan["sessions_per_week"]
            assert weeks[: 3 * per_week] == ["1"] * per_week + ["2"] * per_week + ["3"] * per_week
            week1 = plan["progression"][0]["items"]
            lines = events[0]["description"].splitlines()
            assert len(lines) == len(week1)
            assert all(
                f": {item['sets']} x " in line for item, line in zip(week1, lines, strict=True)
            )

        checks[label] = [weekend]

    def spans_the_change(read: dict[str, Any]) -> None:  # 18:00 local is 17:00, then 16:00 UTC
        hours = {e["start"][11:13] for e in read["events"][:6]}
        assert hours == {"17", "16"}

    checks["made on Saturday 03-20"].append(spans_the_change)

    # The zones furthest from UTC (+14:00, -12:00): the local day a routine is made on
    # decides its week 1, not the UTC one (Mon/Wed/Fri).
    for zone_key, made_local, first_local in (
        ("Pacific/Kiritimati", datetime(2027, 3, 18, 0, 30), date(2027, 3, 19)),  # UTC: Wed
        ("Etc/GMT+12", datetime(2027, 3, 17, 23, 30), date(2027, 3, 17)),  # UTC: Thu
    ):
        user = await signed_in_user(client, unique_email("cal"), time_zone=zone_key)
        made = made_local.replace(tzinfo=ZoneInfo(zone_key))
        backdate_routine(app, (await routine(client, user, sessions_per_week=3))["id"], made)
        feeds[zone_key] = await _feed(client, user)

        def far_zone(
            read: dict[str, Any], zone_key: str = zone_key, day: date = first_local
        ) -> None:
            first = read["events"][0]
            assert first["local_start"] == {"wall": f"{day.isoformat()}T18:00:00", "tzid": zone_key}
            assert first["summary"].endswith("(week 1)")

        checks[zone_key] = [far_zone]
    # One feed before and after edits: only what changed gets a new SEQUENCE (an edit of
    # what no event shows, the routine's notes or the user's name, changes nothing).
    user = await signed_in_user(client, unique_email("cal"), time_zone=BERLIN.key)
    mine = await routine(client, user, sessions_per_week=3)
    backdate_routine(app, mine["id"], datetime(2027, 3, 1, 9, tzinfo=BERLIN))
    feeds["before the edits"] = await _feed(client, user)
    await _patch(client, user, f"/api/v1/routines/{mine['id']}", {"sessions_per_week": 2})
    feeds["after 3 a week became 2"] = await _feed(client, user)
    zone_changed_at = await _patch(client, user, "/api/v1/me", {"time_zone": "Europe/Paris"})
    feeds["after a time-zone change"] = await _feed(client, user)
    await _patch(client, user, f"/api/v1/routines/{mine['id']}", {"notes": "knees out"})
    await _patch(client, user, "/api/v1/me", {"display_name": "Ana", "time_zone": "Europe/Paris"})
    feeds["after a notes edit"] = await _feed(client, user)
    listed = await client.get(f"/api/v1/routines/{mine['id']}/versions", headers=user.headers)
    versions = sorted(listed.json()["items"], key=lambda v: int(v["version"]))
    assert feeds["after a notes edit"] == feeds["after a time-zone change"]

    # Pure documents the unit tests make, with a multi-week plan across a DST change.
    weeks = [ics.PlannedWeek([Item(reps=r)], 600) for r in (10, 12)]
    feeds["pure, Berlin spring"] = ics.feed(
        _plan(3, date(2027, 3, 20), *weeks),
        {},
        BERLIN,
        time(18),
        date(2027, 3, 15),
        date(2027, 4, 4),
    )

    # Every number of sessions a week across Berlin's spring change, and every day across
    # the clock changes that a local time meets twice or never: 02:30 in Berlin (missing on
    # 03-28, twice on 10-31: RFC 5545 3.3.5 reads the offset before the change), Lord Howe's
    # half-hour change, Chatham's at +12:45.
    cases = [(n, "Europe/Berlin", time(2, 30), date(2027, 3, 22)) for n in range(1, 8)]
    cases += [
        (7, "Europe/Berlin", time(2, 30), date(2027, 10, 25)),
        (7, "Australia/Lord_Howe", time(1, 45), date(2027, 3, 29)),
        (7, "Pacific/Chatham", time(3, 15), date(2027, 9, 20)),
    ]
    for per_week, zone_key, at, first in cases:
        feeds[f"pure, {per_week} a week, {zone_key} {first}"] = ics.feed(
            _plan(per_week, first, *weeks),
            {},
            ZoneInfo(zone_key),
            at,
            first,
            first + timedelta(days=13),
        )

    feeds["pure, no routine in UTC"] = ics.feed(
        None, {}, ZoneInfo("UTC"), time(18), date(2027, 3, 15), date(2027, 4, 4)
    )
    checks["pure, no routine in UTC"] = [no_routine]

    reads = read_with_node("ical", [{"name": n, "ics": b.decode()} for n, b in feeds.items()])
    by_name = {r["name"]: r for r in reads}
    assert set(by_name) == set(feeds)
    for name, body in feeds.items():
        read = by_name[name]
        assert "error" not in read, (name, read)
        assert read["problems"] == [], (name, read["problems"])
        assert read["method"] is None, name
        keys = (
            "uid",
            "sequence",
            "dtstamp",
            "last_modified",
            "summary",
            "description",
            "start",
            "end",
        )
        seen = [{k: e[k] for k in keys} for e in read["events"]]
        assert seen == _as_icalendar_reads(body), name
        for event in read["events"]:
            assert event["alarms"] == [{"action": "DISPLAY", "trigger_seconds": -1800}]
        for check in checks.get(name, []):
            check(read)

    def events(name: str) -> dict[str, dict[str, Any]]:
        return {e["uid"].rsplit("@", 1)[0][-10:]: e for e in by_name[name]["events"]}

    before, fewer = events("before the edits"), events("after 3 a week became 2")
    moved, noted = events("after a time-zone change"), events("after a notes edit")
    assert {e["sequence"] for e in before.values()} == {0}
    monday, wednesday, thursday = "2027-04-05", "2027-04-07", "2027-04-08"
    assert fewer[monday] == before[monday]  # Monday stays: same SEQUENCE, same stamps
    assert wednesday in before and wednesday not in fewer
    assert thursday not in before and fewer[thursday]["sequence"] == 0
    assert before[monday]["last_modified"] == _second(versions[0]["created_at"])
    assert fewer[thursday]["last_modified"] == _second(versions[1]["created_at"])
    for day, event in moved.items():  # a new zone moves every event
        assert event["sequence"] == fewer[day]["sequence"] + 1
        assert event["last_modified"] == _second(zone_changed_at)
        assert event["dtstamp"] == event["last_modified"]
        assert event["local_start"]["tzid"] == "Europe/Paris"
    assert noted == moved
