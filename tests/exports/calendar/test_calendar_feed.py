"""The calendar feed: RFC 5545 that icalendar parses, right local times, revocable tokens."""

from __future__ import annotations

import asyncio
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest
from fastapi import FastAPI
from icalendar import Calendar

from app.exports.calendar import ics
from app.main import create_app
from tests.conftest import asgi_client, test_settings
from tests.factories import SignedIn, signed_in_user, unique_email
from tests.logbook.alerts.helpers import backdate_routine, routine

FEED = "/api/v1/me/calendar.ics"
TOKEN = "/api/v1/me/calendar-token"


@dataclass(frozen=True)
class Item:
    exercise: str = "clamshell"
    sets: int = 2
    reps: int | None = 10
    steps: int | None = None
    hold_seconds: int | None = 3
    side: str | None = "both"
    rest_seconds: int = 30


def _plan(sessions_per_week: int, starts_on: date, *weeks: ics.PlannedWeek) -> ics.Plan:
    return ics.Plan(
        routine_id=uuid.UUID("00000000-0000-4000-8000-000000000001"),
        name="Morning glute med",
        sessions_per_week=sessions_per_week,
        starts_on=starts_on,
        weeks=weeks or (ics.PlannedWeek([Item()], 900),),
        changed_at=datetime(2027, 3, 1, tzinfo=UTC),
    )


def _events(body: bytes) -> list[Calendar]:
    return list(Calendar.from_ical(body).walk("VEVENT"))


def test_local_time_holds_across_the_berlin_spring_change() -> None:
    zone = ZoneInfo("Europe/Berlin")  # CET -> CEST on Sunday 2027-03-28
    body = ics.feed(
        _plan(3, date(2027, 3, 1)),
        {"clamshell": "Clamshell"},
        zone,
        time(18, 0),
        date(2027, 3, 22),
        date(2027, 4, 4),
    )
    starts = [e.decoded("dtstart") for e in _events(body)]
    assert [s.date() for s in starts] == [
        date(2027, 3, 22),
        date(2027, 3, 24),
        date(2027, 3, 26),
        date(2027, 3, 29),
        date(2027, 3, 31),
        date(2027, 4, 2),
    ]
    assert {(s.hour, s.minute, s.tzinfo.key) for s in starts} == {(18, 0, "Europe/Berlin")}  # type: ignore[union-attr]
    utc_hours = [s.astimezone(UTC).hour for s in starts]
    assert utc_hours == [17, 17, 17, 16, 16, 16]
    (timezone,) = Calendar.from_ical(body).walk("VTIMEZONE")
    assert timezone["tzid"] == "Europe/Berlin"


def test_each_event_lists_its_weeks_dosage_with_a_reminder_and_a_stable_uid() -> None:
    week1 = ics.PlannedWeek([Item(), Item("monster-walk", 2, None, 20, None, None, 45)], 600)
    week2 = ics.PlannedWeek([Item(reps=12)], 700)
    names = {"clamshell": "Clamshell", "monster-walk": "Monster walk"}
    args = (names, ZoneInfo("UTC"), time(7, 30), date(2027, 1, 4), date(2027, 1, 31))
    body = ics.feed(_plan(1, date(2027, 1, 6), week1, week2), *args)
    events = _events(body)
    # Created on a Wednesday: week 1 starts on the first planned Monday after it.
    assert [e.decoded("dtstart").date() for e in events] == [
        date(2027, 1, 11),
        date(2027, 1, 18),
        date(2027, 1, 25),
    ]
    assert [str(e["summary"]) for e in events] == [
        "Morning glute med (week 1)",
        "Morning glute med (week 2)",
        "Morning glute med (week 2)",  # after the plan's last week, its dosage holds
    ]
    assert str(events[0]["description"]).splitlines() == [
        "Clamshell: 2 x 10 reps, hold 3 s, each side, rest 30 s",
        "Monster walk: 2 x 20 steps, rest 45 s",
    ]
    assert str(events[1]["description"]).splitlines() == [
        "Clamshell: 2 x 12 reps, hold 3 s, each side, rest 30 s"
    ]
    assert events[1].decoded("dtend") - events[1].decoded("dtstart") == timedelta(seconds=700)
    (alarm,) = events[0].walk("VALARM")
    assert alarm["action"] == "DISPLAY" and alarm.decoded("trigger") == -timedelta(minutes=30)
    again = ics.feed(_plan(1, date(2027, 1, 6), week1, week2), *args)
    assert again == body  # same plan, same bytes (and ETag)
    assert len({str(e["uid"]) for e in events}) == 3


@pytest.mark.parametrize("per_week", range(1, 8))
@pytest.mark.parametrize("made_on", [date(2027, 1, 4) + timedelta(days=d) for d in range(7)])
def test_week_one_starts_at_the_first_planned_session_and_each_week_has_its_sessions(
    per_week: int, made_on: date
) -> None:
    """Whatever the weekday a routine is made on (a Saturday or a Sunday too), its first
    session shows week 1's dosage and every plan week is shown `per_week` times."""
    weeks = [ics.PlannedWeek([Item(reps=10 + w)], 600) for w in range(4)]
    days = ics.sessions(_plan(per_week, made_on, *weeks), date(2027, 1, 1), date(2027, 3, 1))
    assert days[0][0] >= made_on and days[0][0] - made_on < timedelta(days=7)
    assert days[0][1] == 0
    shown = [week for _, week in days]
    assert shown == sorted(shown)
    assert [shown.count(w) for w in range(3)] == [per_week] * 3


def test_a_routine_made_the_weekend_before_a_dst_change_starts_at_week_1() -> None:
    """Made on Saturday 2027-03-27 or on Sunday 2027-03-28 (Berlin springs forward that
    night), a three-a-week routine starts on Monday 29 at 18:00 local with week 1."""
    zone = ZoneInfo("Europe/Berlin")
    weeks = [ics.PlannedWeek([Item(reps=10)], 600), ics.PlannedWeek([Item(reps=12)], 600)]
    for made_on in (date(2027, 3, 20), date(2027, 3, 27), date(2027, 3, 28)):
        body = ics.feed(
            _plan(3, made_on, *weeks), {}, zone, time(18, 0), date(2027, 3, 15), date(2027, 4, 11)
        )
        events = _events(body)
        first = events[0].decoded("dtstart")
        assert first.date() == made_on + timedelta(days=7 - made_on.weekday())
        assert (first.hour, first.minute) == (18, 0)
        assert [str(e["summary"]).endswith("(week 1)") for e in events[:4]] == [
            True,
            True,
            True,
            False,
        ]
    # Made on the Saturday before: week 1 spans the change, 17:00 then 16:00 UTC.
    early = _events(
        ics.feed(
            _plan(3, date(2027, 3, 20), *weeks),
            {},
            zone,
            time(18, 0),
            date(2027, 3, 15),
            date(2027, 4, 4),
        )
    )
    assert [e.decoded("dtstart").astimezone(UTC).hour for e in early] == [17, 17, 17, 16, 16, 16]
    assert [str(e["summary"])[-2] for e in early] == ["1", "1", "1", "2", "2", "2"]


@pytest.mark.parametrize("per_week", range(1, 8))
def test_sessions_per_week_days_are_spread_over_the_week(per_week: int) -> None:
    days = ics.sessions(_plan(per_week, date(2027, 1, 4)), date(2027, 1, 4), date(2027, 1, 17))
    assert len(days) == 2 * per_week
    assert len({d for d, _ in days}) == len(days)


async def _token(client: httpx.AsyncClient, user: SignedIn, **body: str) -> dict[str, str]:
    answer = await client.post(TOKEN, json=body, headers=user.headers)
    assert answer.status_code == 201, answer.text
    return dict(answer.json())


async def test_the_feed_over_http_in_the_users_zone_with_etag(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    zone = ZoneInfo("Europe/Berlin")
    user = await signed_in_user(client, unique_email("cal"), time_zone=zone.key)
    plan = await routine(client, user, sessions_per_week=2)
    backdate_routine(app, plan["id"], datetime.now(UTC) - timedelta(days=60))
    issued = await _token(client, user, time_of_day="07:15")
    assert issued["url"] == f"http://127.0.0.1:8000{FEED}?token={issued['token']}"
    assert len(issued["token"]) >= 43  # 256 bits, base64url
    first = await client.get(issued["url"])
    assert first.status_code == 200, first.text
    assert first.headers["content-type"].startswith("text/calendar")
    events = _events(first.content)
    assert len(events) >= 2 * 26  # 4 weeks back, 26 ahead, twice a week
    for event in events:
        start = event.decoded("dtstart")
        assert (start.hour, start.minute, start.weekday()) in {(7, 15, 0), (7, 15, 3)}
        assert start.tzinfo.key == zone.key  # type: ignore[union-attr]
        assert "Clamshell" in str(event["description"])
    again = await client.get(issued["url"])
    assert [str(e["uid"]) for e in _events(again.content)] == [str(e["uid"]) for e in events]
    etag = first.headers["etag"]
    assert again.headers["etag"] == etag
    cached = await client.get(issued["url"], headers={"If-None-Match": etag})
    assert cached.status_code == 304 and cached.content == b""


async def test_regenerating_revokes_the_old_feed_and_delete_revokes_it_all(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    old = await _token(client, alice)
    bobs = await _token(client, bob)
    new = await _token(client, alice)
    assert (await client.get(old["url"])).status_code == 404
    assert (await client.get(new["url"])).status_code == 200
    assert new["time_of_day"] == "18:00"
    # Alice's token never reads Bob's feed: each token is its owner's alone.
    assert (await client.get(bobs["url"])).status_code == 200
    assert (await client.delete(TOKEN, headers=alice.headers)).status_code == 204
    gone = await client.get(new["url"])
    assert gone.status_code == 404
    assert gone.headers["content-type"] == "application/problem+json"
    assert (await client.delete(TOKEN, headers=alice.headers)).status_code == 204
    assert (await client.get(bobs["url"])).status_code == 200


async def test_sixteen_concurrent_regenerations_leave_exactly_one_working_token(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    answers = await asyncio.gather(
        *[client.post(TOKEN, json={}, headers=alice.headers) for _ in range(16)]
    )
    assert {a.status_code for a in answers} == {201}
    reads = [await client.get(a.json()["url"]) for a in answers]
    assert sorted(r.status_code for r in reads) == [200] + [404] * 15


async def test_a_user_without_a_routine_gets_a_calendar_with_only_their_time_zone(
    client: httpx.AsyncClient,
) -> None:
    """RFC 5545 3.6: a VCALENDAR holds one component at least. A VTIMEZONE adds nothing to
    the user's calendar, where a placeholder event would show as a planned day."""
    user = await signed_in_user(client, unique_email("cal"), time_zone="America/Sao_Paulo")
    issued = await _token(client, user)
    answer = await client.get(issued["url"])
    assert answer.status_code == 200
    calendar = Calendar.from_ical(answer.content)
    assert _events(answer.content) == []
    assert [c.name for c in calendar.subcomponents] == ["VTIMEZONE"]
    assert calendar.subcomponents[0]["tzid"] == "America/Sao_Paulo"
    assert calendar["version"] == "2.0" and "method" not in calendar


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"token": "short"},
        {"token": "a" * 129},
        {"token": "a" * 40 + "\u0000"},
        {"token": "a/" * 20},
    ],
)
async def test_a_malformed_token_is_422(client: httpx.AsyncClient, params: dict[str, str]) -> None:
    answer = await client.get(FEED, params=params)
    assert answer.status_code == 422
    assert answer.headers["content-type"] == "application/problem+json"


async def test_an_unknown_token_is_404(client: httpx.AsyncClient) -> None:
    assert (await client.get(FEED, params={"token": "A" * 43})).status_code == 404


@pytest.mark.parametrize("time_of_day", ["24:00", "7:30", "07:60", "07:30\u0000", "", "noon"])
async def test_time_of_day_is_a_24_hour_clock_time(
    client: httpx.AsyncClient, alice: SignedIn, time_of_day: str
) -> None:
    answer = await client.post(TOKEN, json={"time_of_day": time_of_day}, headers=alice.headers)
    assert answer.status_code == 422


async def test_token_routes_need_a_sign_in(client: httpx.AsyncClient) -> None:
    assert (await client.post(TOKEN, json={})).status_code == 401
    assert (await client.delete(TOKEN)).status_code == 401


async def _change_password(client: httpx.AsyncClient, user: SignedIn, current: str) -> int:
    answer = await client.post(
        "/api/v1/me/password",
        json={"current_password": current, "new_password": "a brand new passphrase"},
        headers=user.headers,
    )
    return answer.status_code


async def test_a_password_change_ends_the_feed_token_as_if_it_never_was(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    """The token reads the plan without the password: a copy taken before the change must
    not outlive it. A share link is a deliberate share listed on its own, and stays."""
    feed = await _token(client, alice)
    bobs = await _token(client, bob)
    shared = await client.post(
        "/api/v1/me/share-links", json={"kind": "progress"}, headers=alice.headers
    )
    assert shared.status_code == 201, shared.text
    assert await _change_password(client, alice, "not my password") == 403
    assert (await client.get(feed["url"])).status_code == 200  # a refused change ends nothing
    assert await _change_password(client, alice, alice.password) == 200
    ended = await client.get(feed["url"])
    never = await client.get(FEED, params={"token": "A" * 43})
    assert ended.status_code == never.status_code == 404
    assert {k: v for k, v in ended.json().items() if k != "instance"} == {
        k: v for k, v in never.json().items() if k != "instance"
    }
    assert (await client.get(bobs["url"])).status_code == 200
    assert (await client.get(shared.json()["path"])).status_code == 200


async def test_the_feed_url_is_absolute_on_the_public_base_url_not_the_host_header(
    database_url: str,
) -> None:
    """A calendar app is handed the link alone: it has no base to resolve a path against."""
    app = create_app(test_settings(database_url, public_base_url="https://medius.example/"))
    try:
        async with asgi_client(app) as client:
            user = await signed_in_user(client, unique_email("cal"))
            answer = await client.post(
                TOKEN, json={}, headers={**user.headers, "Host": "evil.example"}
            )
            issued = answer.json()
            assert issued["url"] == (
                f"https://medius.example/api/v1/me/calendar.ics?token={issued['token']}"
            )
            assert (await client.get(issued["url"])).status_code == 200
    finally:
        app.state.engine.dispose()


async def test_a_new_time_of_day_is_one_more_revision_of_every_event(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    """Regenerating the token at another time of day moves every event (SEQUENCE + 1);
    at the same time of day it moves none."""
    await routine(client, alice)

    async def sequences(time_of_day: str) -> set[bytes]:
        body = (
            await client.get((await _token(client, alice, time_of_day=time_of_day))["url"])
        ).content
        assert re.search(
            rb"\r\nDTSTART[;:][^\r]*\d{8}T" + time_of_day.replace(":", "").encode(), body
        )
        return set(re.findall(rb"\r\nSEQUENCE:(\d+)\r\n", body))

    assert await sequences("18:00") == {b"0"}
    assert await sequences("07:30") == {b"1"}
    assert await sequences("07:30") == {b"1"}


async def test_a_new_time_zone_is_one_more_revision_of_every_event_but_not_of_later_ones(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    """From +14:00 to -12:00 (26 hours): every event moves, SEQUENCE + 1 and DTSTAMP and
    LAST-MODIFIED at the change; a routine made after the change starts at SEQUENCE 0."""
    user = await signed_in_user(client, unique_email("cal"), time_zone="Pacific/Kiritimati")
    mine = await routine(client, user, sessions_per_week=3)
    backdate_routine(app, mine["id"], datetime.now(UTC) - timedelta(days=30))
    url = (await _token(client, user))["url"]

    def revisions(body: bytes) -> dict[str, tuple[int, datetime, datetime, str]]:
        return {
            str(e["uid"]): (
                e.decoded("sequence"),
                e.decoded("dtstamp"),
                e.decoded("last-modified"),
                str(e["dtstart"].params["tzid"]),
            )
            for e in _events(body)
        }

    async def set_zone(zone: str) -> datetime:
        etag = (await client.get("/api/v1/me", headers=user.headers)).headers["etag"]
        changed = await client.patch(
            "/api/v1/me", json={"time_zone": zone}, headers={**user.headers, "If-Match": etag}
        )
        assert changed.status_code == 200, changed.text
        return datetime.fromisoformat(changed.json()["updated_at"]).replace(microsecond=0)

    before = revisions((await client.get(url)).content)
    changed_at = await set_zone("Etc/GMT+12")
    after = revisions((await client.get(url)).content)
    assert {v[0] for v in before.values()} == {0}
    kept = before.keys() & after.keys()
    assert len(kept) > 40  # the same days, 26 hours later
    for uid in kept:
        assert after[uid] == (before[uid][0] + 1, changed_at, changed_at, "Etc/GMT+12")

    path = f"/api/v1/routines/{mine['id']}"
    etag = (await client.get(path, headers=user.headers)).headers["etag"]
    gone = await client.delete(path, headers={**user.headers, "If-Match": etag})
    assert gone.status_code == 204, gone.text
    await routine(client, user, sessions_per_week=3)
    fresh = revisions((await client.get(url)).content)
    assert fresh and {v[0] for v in fresh.values()} == {0}
    assert all(v[1] >= changed_at for v in fresh.values())


@pytest.mark.parametrize(
    ("at", "seconds", "day", "utc_start"),
    [
        (time(2, 30), 600, date(2027, 3, 28), datetime(2027, 3, 28, 1, 30, tzinfo=UTC)),  # skipped
        (time(2, 30), 600, date(2027, 10, 31), datetime(2027, 10, 31, 0, 30, tzinfo=UTC)),  # twice
        (
            time(1, 55),
            600,
            date(2027, 10, 31),
            datetime(2027, 10, 30, 23, 55, tzinfo=UTC),
        ),  # ends in it
    ],
)
def test_a_time_a_clock_change_skips_or_repeats_is_written_as_the_rfc_instant_in_utc(
    at: time, seconds: int, day: date, utc_start: datetime
) -> None:
    """RFC 5545 3.3.5 gives such a local time the offset before the change; ical.js reads
    a repeated one as its second occurrence. In UTC every reader takes the same instant;
    the other days keep the local time and the zone."""
    zone = ZoneInfo("Europe/Berlin")
    plan = _plan(7, day - timedelta(days=1), ics.PlannedWeek([Item()], seconds))
    events = _events(ics.feed(plan, {}, zone, at, day - timedelta(days=1), day + timedelta(days=1)))
    before, on_the_day, after = (e["dtstart"] for e in events)
    assert on_the_day.dt == utc_start and "tzid" not in on_the_day.params
    assert events[1].decoded("dtend") == utc_start + timedelta(seconds=seconds)
    for other in (before, after):
        assert other.params["tzid"] == zone.key and other.dt.time() == at
