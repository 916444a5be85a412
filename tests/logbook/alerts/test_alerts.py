"""Alerts: raised with the change that causes them, once per event, seen by the patient."""

from __future__ import annotations

import asyncio
import threading
import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest
from fastapi import FastAPI
from pydantic import ValidationError
from sqlmodel import Session
from typer.testing import CliRunner

from app.cli import cli
from app.core.config import get_settings
from app.core.errors import Conflict, NotFound
from app.core.events import subscribe, unsubscribe
from app.core.pagination import encode_cursor
from app.logbook.alerts import service
from app.logbook.alerts.events import AlertRaised
from app.logbook.alerts.models import AlertAcknowledge
from app.logbook.sessions.events import SessionWritten
from tests.factories import SignedIn, create_clinic, entry, signed_in_user, unique_email
from tests.logbook.alerts.helpers import alerts, backdate_routine, log, routine
from tests.sqlcount import statements

CHECK = {
    "stance_leg": "right",
    "pelvis_drop": "none",
    "knee_drifts_in": False,
    "trunk_lean": False,
    "hold_seconds": 30,
    "notes": "",
}


async def test_pain_of_seven_raises_one_alert_that_only_the_patient_sees(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    logged = await log(client, alice, "2026-11-20T07:30:00+01:00", 2, 7)
    await log(client, alice, "2026-11-21T07:30:00+01:00", 6)  # below 7: no pain alert
    pain = [a for a in await alerts(client, alice) if a["kind"] == "pain"]
    assert [a["session_id"] for a in pain] == [logged["id"]]
    assert pain[0]["pain"] == 7 and pain[0]["status"] == "open"
    assert pain[0]["acknowledged_at"] is None and pain[0]["acknowledgement_note"] is None
    assert "2026-11-20" in pain[0]["message"]
    assert await alerts(client, bob) == []


async def test_sixteen_identical_creates_raise_the_pain_alert_once(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    body = {
        "id": str(uuid.uuid4()),
        "started_at": "2026-11-20T07:30:00Z",
        "entries": [entry(pain=9)],
    }
    answers = await asyncio.gather(
        *[client.post("/api/v1/sessions", json=body, headers=alice.headers) for _ in range(16)]
    )
    assert sorted({a.status_code for a in answers}) in ([200, 201], [201])
    found = await alerts(client, alice)
    assert [(a["kind"], a["session_id"]) for a in found if a["kind"] == "pain"] == [
        ("pain", body["id"])
    ]


async def test_an_edit_that_raises_pain_to_seven_raises_the_alert_once(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    logged = await log(client, alice, "2026-11-20T07:30:00Z", 1)
    assert [a for a in await alerts(client, alice) if a["kind"] == "pain"] == []
    url = f"/api/v1/sessions/{logged['id']}/entries"
    etag = (await client.get(f"/api/v1/sessions/{logged['id']}", headers=alice.headers)).headers[
        "etag"
    ]
    for pain in (8, 10):
        answer = await client.put(
            url,
            json={"entries": [entry(pain=pain)]},
            headers={**alice.headers, "If-Match": etag},
        )
        assert answer.status_code == 200, answer.text
        etag = answer.headers["etag"]
    pain_alerts = [a for a in await alerts(client, alice) if a["kind"] == "pain"]
    assert [(a["session_id"], a["pain"]) for a in pain_alerts] == [(logged["id"], 8)]


async def test_a_session_refused_for_its_timestamp_raises_nothing(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    for started in ("0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"):
        body = {"id": str(uuid.uuid4()), "started_at": started, "entries": [entry(pain=10)]}
        answer = await client.post("/api/v1/sessions", json=body, headers=alice.headers)
        assert answer.status_code == 422
    assert await alerts(client, alice) == []


async def test_reduce_advice_raises_an_alert_each_time_it_turns_to_reduce(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    await routine(client, alice)

    async def reduce_alerts() -> list[str]:
        found = await alerts(client, alice, limit=100)
        return sorted(a["message"] for a in found if a["kind"] == "progress-reduce")

    await log(client, alice, "2026-11-02T07:00:00Z", 1)
    await log(client, alice, "2026-11-03T07:00:00Z", 5)  # advice: hold -> reduce
    assert len(await reduce_alerts()) == 1
    advice = (await client.get("/api/v1/me/progress", headers=alice.headers)).json()["advice"]
    assert {a["exercise"]: a["decision"] for a in advice}["clamshell"] == "reduce"
    await log(client, alice, "2026-11-04T07:00:00Z", 6)  # still reduce: nothing new
    await log(client, alice, "2026-11-05T07:00:00Z", 0)  # still reduce (6 is in the last two)
    assert len(await reduce_alerts()) == 1
    await log(client, alice, "2026-11-06T07:00:00Z", 0)  # leaves reduce
    await log(client, alice, "2026-11-07T07:00:00Z", 5)  # turns to reduce again
    found = await reduce_alerts()
    assert len(found) == 2 and all("clamshell" in m for m in found)


async def test_a_backdated_painful_session_behind_the_last_two_raises_no_reduce_alert(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    """The rule reads the exercise's last two sessions by start time, not the last two
    written: a painful session logged late for an earlier day changes nothing."""
    await routine(client, alice)
    await log(client, alice, "2026-11-05T07:00:00Z", 0)
    await log(client, alice, "2026-11-06T07:00:00Z", 1)
    await log(client, alice, "2026-11-01T07:00:00Z", 6)  # older than both
    assert [a for a in await alerts(client, alice) if a["kind"] == "progress-reduce"] == []
    advice = (await client.get("/api/v1/me/progress", headers=alice.headers)).json()["advice"]
    assert {a["exercise"]: a["decision"] for a in advice}["clamshell"] != "reduce"
    await log(client, alice, "2026-11-05T09:00:00Z", 6)  # between them: now in the last two
    reduce = [a for a in await alerts(client, alice) if a["kind"] == "progress-reduce"]
    assert len(reduce) == 1


async def test_a_session_edit_that_lowers_pain_lets_the_next_rise_alert_again(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    painful = await log(client, alice, "2026-11-03T07:00:00Z", 5)
    etag = (await client.get(f"/api/v1/sessions/{painful['id']}", headers=alice.headers)).headers[
        "etag"
    ]
    lowered = await client.put(
        f"/api/v1/sessions/{painful['id']}/entries",
        json={"entries": [entry(pain=1)]},
        headers={**alice.headers, "If-Match": etag},
    )
    assert lowered.status_code == 200
    await log(client, alice, "2026-11-04T07:00:00Z", 6)
    kinds = [a["kind"] for a in await alerts(client, alice)]
    assert kinds.count("progress-reduce") == 2


@pytest.mark.parametrize(("pain", "raised"), [(4, False), (5, True)])
async def test_a_self_check_advising_a_professional_raises_an_alert(
    client: httpx.AsyncClient, alice: SignedIn, pain: int, raised: bool
) -> None:
    stored = await client.post(
        "/api/v1/me/assessments", json={**CHECK, "pain": pain}, headers=alice.headers
    )
    assert stored.status_code == 201
    found = [a for a in await alerts(client, alice) if a["kind"] == "self-check-pain"]
    assert [a["assessment_id"] for a in found] == ([stored.json()["id"]] if raised else [])


def _judged_monday(now: datetime, zone: ZoneInfo) -> datetime:
    """The local Monday from which weeks are not judged yet (service's rule)."""
    day = (now.astimezone(zone) - service.MISSED_WEEK_GRACE).date()
    monday = day - timedelta(days=day.weekday())
    return datetime.combine(monday, datetime.min.time(), tzinfo=zone)


async def test_a_missed_planned_week_is_raised_once_in_the_patients_time_zone(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    zone = ZoneInfo("Pacific/Kiritimati")  # UTC+14: a local week is not the UTC week
    patient = await signed_in_user(client, unique_email("kiri"), time_zone=zone.key)
    plan = await routine(client, patient, sessions_per_week=2)
    boundary = _judged_monday(datetime.now(UTC), zone)
    last_week, week_before = boundary - timedelta(days=7), boundary - timedelta(days=14)
    # Two sessions in the week before last (met); in the last week only one, and one
    # logged late on the Sunday night local time, which is still Sunday morning UTC.
    for moment in (week_before + timedelta(days=1), week_before + timedelta(days=2)):
        await log(client, patient, moment.isoformat())
    await log(client, patient, (last_week + timedelta(days=2)).isoformat())
    sunday_night = last_week + timedelta(days=6, hours=23)
    await log(client, patient, (sunday_night + timedelta(hours=2)).isoformat())  # next week
    backdate_routine(app, plan["id"], week_before - timedelta(days=3))

    reads = await asyncio.gather(*[alerts(client, patient) for _ in range(16)])
    missed = [a for a in reads[-1] if a["kind"] == "missed-week"]
    year, week, _ = last_week.date().isocalendar()
    assert [a["week"] for a in missed] == [f"{year}-W{week:02d}"]
    assert "1 of 2" in missed[0]["message"]
    assert all([a["id"] for a in r if a["kind"] == "missed-week"] for r in reads)
    assert len([a for a in await alerts(client, patient) if a["kind"] == "missed-week"]) == 1


async def test_a_routine_created_this_week_judges_no_week(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    await routine(client, alice, sessions_per_week=7)
    assert await alerts(client, alice) == []


async def test_status_filter_paging_and_bounds(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn
) -> None:
    for day in range(1, 6):
        await log(client, alice, f"2026-10-0{day}T07:00:00Z", 8)
    first = await alerts(client, alice, limit=100)
    pain = [a for a in first if a["kind"] == "pain"]
    assert len(pain) == 5
    clinic = await create_clinic(client, alice)
    with Session(app.state.engine) as session:
        service.acknowledge(
            session,
            alice.id,
            uuid.UUID(pain[0]["id"]),
            alice.id,
            clinic,
            AlertAcknowledge(note="ok"),
        )
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = (await client.get("/api/v1/me/alerts", params=params, headers=alice.headers)).json()
        seen += [a["id"] for a in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert sorted(seen) == sorted(a["id"] for a in first) and len(seen) == len(set(seen))
    acknowledged = await alerts(client, alice, status="acknowledged")
    assert [(a["id"], a["status"], a["acknowledgement_note"]) for a in acknowledged] == [
        (pain[0]["id"], "acknowledged", "ok")
    ]
    assert acknowledged[0]["acknowledged_at"].endswith("Z")
    assert pain[0]["id"] not in {a["id"] for a in await alerts(client, alice, status="open")}
    for params in (
        {"status": "closed"},
        {"limit": 101},
        {"limit": 0},
        {"cursor": "garbage"},
        {"cursor": "a\u0000b"},
    ):
        answer = await client.get("/api/v1/me/alerts", params=params, headers=alice.headers)
        assert answer.status_code == 422, params
        assert answer.headers["content-type"] == "application/problem+json"
    assert (await client.get("/api/v1/me/alerts")).status_code == 401


@pytest.mark.parametrize("note", ["", " ", "x" * 501, "a\u0000b", "bell\u0007", "line\nbreak"])
def test_an_acknowledgement_note_is_short_plain_text(note: str) -> None:
    with pytest.raises(ValidationError):
        AlertAcknowledge(note=note)


async def test_concurrent_acknowledges_one_wins_and_a_retry_gets_the_same_answer(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn, bob: SignedIn
) -> None:
    await log(client, alice, "2026-11-20T07:30:00Z", 9)
    (alert,) = [a for a in await alerts(client, alice) if a["kind"] == "pain"]
    alert_id = uuid.UUID(alert["id"])
    clinic = await create_clinic(client, bob)
    outcomes: list[str] = []
    start = threading.Barrier(16)

    def acknowledge(n: int) -> None:
        start.wait()
        with Session(app.state.engine) as session:
            try:
                service.acknowledge(
                    session, alice.id, alert_id, bob.id, clinic, AlertAcknowledge(note=f"n{n}")
                )
                outcomes.append(f"won n{n}")
            except Conflict:
                outcomes.append("conflict")

    threads = [threading.Thread(target=acknowledge, args=(n,)) for n in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    winners = [o for o in outcomes if o.startswith("won")]
    assert len(winners) == 1 and outcomes.count("conflict") == 15
    note = winners[0].removeprefix("won ")
    (stored,) = await alerts(client, alice, status="acknowledged")
    assert stored["id"] == alert["id"]
    assert stored["acknowledgement_note"] == note and stored["acknowledged_by"] == str(bob.id)
    with Session(app.state.engine) as session:
        again = service.acknowledge(
            session, alice.id, alert_id, bob.id, clinic, AlertAcknowledge(note=note)
        )
        assert again.acknowledged_at is not None
        assert again.acknowledged_at.isoformat().replace("+00:00", "Z") == stored["acknowledged_at"]
        with pytest.raises(NotFound):  # another patient's alert is not found
            service.acknowledge(
                session, bob.id, alert_id, bob.id, clinic, AlertAcknowledge(note=note)
            )


async def test_open_counts_for_many_patients_take_one_statement(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn, bob: SignedIn
) -> None:
    await log(client, alice, "2026-11-20T07:30:00Z", 9)
    await log(client, alice, "2026-11-21T07:30:00Z", 8)
    await log(client, bob, "2026-11-20T07:30:00Z", 7)
    carol = uuid.uuid4()  # nobody: absent from the answer
    with Session(app.state.engine) as session, statements(app) as seen:
        counts = service.open_counts(session, [alice.id, bob.id, carol])
    assert len([s for s in seen if s.lstrip().upper().startswith("SELECT")]) == 1
    assert carol not in counts
    assert counts[bob.id] == len(await alerts(client, bob, status="open")) == 2  # pain, reduce
    assert counts[alice.id] == len(await alerts(client, alice, status="open")) == 3


async def test_the_scheduled_scan_raises_missed_weeks_nobody_has_read_yet(
    client: httpx.AsyncClient,
    app: FastAPI,
    alice: SignedIn,
    bob: SignedIn,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plan = await routine(client, alice, sessions_per_week=1)
    backdate_routine(app, plan["id"], datetime.now(UTC) - timedelta(days=30))
    monkeypatch.setenv("DATABASE_URL", database_url)
    get_settings.cache_clear()
    try:
        first = CliRunner().invoke(cli, ["alerts-scan"])
        again = CliRunner().invoke(cli, ["alerts-scan"])
    finally:
        get_settings.cache_clear()
    assert first.exit_code == 0, first.output
    raised = int(first.output.rsplit(":", 1)[1])
    assert raised >= 3  # 30 days back: at least three whole weeks judged, none met
    assert again.output.strip() == "missed-week alerts raised: 0"
    with Session(app.state.engine) as session:
        counts = service.open_counts(session, [alice.id, bob.id])
    assert counts == {alice.id: raised}


async def test_each_new_alert_is_announced_once_inside_its_transaction(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    announced: list[tuple[uuid.UUID, str]] = []

    def record(_session: Session, event: AlertRaised) -> None:
        announced.append((event.patient_id, event.kind.value))

    subscribe(AlertRaised, record)
    try:
        body = {
            "id": str(uuid.uuid4()),
            "started_at": "2026-11-20T07:30:00Z",
            "entries": [entry(pain=9)],
        }
        await asyncio.gather(
            *[client.post("/api/v1/sessions", json=body, headers=alice.headers) for _ in range(16)]
        )
    finally:
        unsubscribe(AlertRaised, record)
    assert sorted(announced) == [(alice.id, "pain"), (alice.id, "progress-reduce")]
    assert len(await alerts(client, alice)) == 2


async def test_a_refused_write_raises_nothing(client: httpx.AsyncClient, alice: SignedIn) -> None:
    body = {"id": str(uuid.uuid4()), "started_at": "2026-11-20T07:30:00Z", "entries": [entry()]}
    assert (await client.post("/api/v1/sessions", json=body, headers=alice.headers)).is_success
    clash = {**body, "entries": [entry(pain=10)]}  # same id, another body: 409
    assert (
        await client.post("/api/v1/sessions", json=clash, headers=alice.headers)
    ).status_code == 409
    unknown = {**body, "id": str(uuid.uuid4()), "entries": [entry(exercise="no-such", pain=10)]}
    assert (
        await client.post("/api/v1/sessions", json=unknown, headers=alice.headers)
    ).status_code == 422
    assert await alerts(client, alice) == []


@pytest.mark.parametrize("value", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", 5])
async def test_a_forged_cursor_with_an_extreme_time_is_422(
    client: httpx.AsyncClient, alice: SignedIn, value: object
) -> None:
    forged = encode_cursor("-raised_at", value, uuid.uuid4())
    answer = await client.get("/api/v1/me/alerts", params={"cursor": forged}, headers=alice.headers)
    assert answer.status_code == 422


async def test_an_alert_commits_with_its_session_or_not_at_all(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    """A failure after the alert is raised, inside the session's write, leaves neither."""

    def fail_after_the_alert(_session: Session, _event: SessionWritten) -> None:
        raise RuntimeError("the write fails after the alert was raised")

    subscribe(SessionWritten, fail_after_the_alert)  # runs after the alerts' handler
    try:
        body = {
            "id": str(uuid.uuid4()),
            "started_at": "2026-11-20T07:30:00Z",
            "entries": [entry(pain=9)],
        }
        failed = await client.post("/api/v1/sessions", json=body, headers=alice.headers)
    finally:
        unsubscribe(SessionWritten, fail_after_the_alert)
    assert failed.status_code == 500
    assert failed.headers["content-type"] == "application/problem+json"
    assert (await client.get("/api/v1/sessions", headers=alice.headers)).json()["items"] == []
    assert await alerts(client, alice) == []
