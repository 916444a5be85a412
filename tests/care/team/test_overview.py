"""The clinician's view (GET /clinics/{id}/patients): figures per patient against what
they logged, who needs attention first, paging, consent, and statements that do not grow
with the number of patients."""

from __future__ import annotations

import asyncio
import base64
import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import event
from sqlmodel import Session as OrmSession

from app.care.team.models import CarePatient, CareRelationship
from app.core.json import dumps
from app.core.pagination import Page
from app.core.vocabulary import CareScope
from tests.factories import (
    CareTeam,
    SignedIn,
    care_code,
    care_team,
    direct_user,
    routine_payload,
    session_payload,
    signed_in_user,
    take_into_care,
    unique_email,
)
from tests.sqlcount import statements


def _monday(now: datetime) -> datetime:
    day = now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return day - timedelta(days=day.weekday())


async def _log_sessions(
    client: httpx.AsyncClient, headers: dict[str, str], starts: list[datetime], **entry: Any
) -> None:
    for at in starts:
        body = session_payload(
            started_at=at.isoformat(), ended_at=(at + timedelta(minutes=20)).isoformat()
        )
        if entry:
            body["entries"] = [{**body["entries"][0], **entry}]
        answer = await client.post("/api/v1/sessions", json=body, headers=headers)
        assert answer.status_code == 201, answer.text


async def _routine(client: httpx.AsyncClient, headers: dict[str, str], per_week: int) -> None:
    made = await client.post(
        "/api/v1/routines", json=routine_payload(sessions_per_week=per_week), headers=headers
    )
    assert made.status_code == 201, made.text


async def _view(
    client: httpx.AsyncClient, team: CareTeam, user: SignedIn | None = None, query: str = ""
) -> httpx.Response:
    who = user or team.clinician
    return await client.get(
        f"/api/v1/clinics/{team.clinic_id}/patients{query}", headers=who.headers
    )


async def _accept(client: httpx.AsyncClient, code: str, headers: dict[str, str]) -> None:
    answer = await client.post(
        "/api/v1/me/care-relationships", json={"code": code}, headers=headers
    )
    assert answer.status_code == 201, answer.text


async def test_figures_and_attention_order_follow_what_each_patient_logged(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    team = await care_team(client)  # team.patient: routine 3/week, every week met
    engine = app.state.engine
    monday = _monday(datetime.now(UTC))
    weeks_ago = [monday - timedelta(weeks=w) for w in (4, 3, 2, 1)]
    steady, lapsed, idle, unrouted = (
        team.patient.headers,
        direct_user(app, engine, "UTC")[1],
        direct_user(app, engine, "UTC")[1],
        direct_user(app, engine, "UTC")[1],
    )
    for headers in (lapsed, idle, unrouted):
        await _accept(client, await care_code(client, team.clinician, team.clinic_id), headers)
    for headers in (steady, lapsed, idle):
        await _routine(client, headers, 3)
    # Steady: three sessions in each complete week, right side only; one this week.
    await _log_sessions(
        client,
        steady,
        [w + timedelta(days=d, hours=8) for w in weeks_ago for d in (0, 2, 4)]
        + [monday + timedelta(hours=7)],
    )
    # Lapsed: one session three weeks ago, with pain 8 (an alert) and effort 9, left side.
    await _log_sessions(
        client, lapsed, [weeks_ago[1] + timedelta(hours=9)], side="left", pain=8, effort=9
    )
    # Unrouted logs a session; idle logs nothing.
    await _log_sessions(client, unrouted, [weeks_ago[3] + timedelta(hours=9)])

    answer = await _view(client, team)
    assert answer.status_code == 200, answer.text
    assert answer.headers["cache-control"] == "private, no-store"
    # Built as dicts, answered as the published model would answer the same values.
    published = Page[CarePatient].model_validate_json(answer.content)
    assert answer.content == dumps(published.model_dump(mode="json"))
    items = answer.json()["items"]
    me = {"steady": str(team.patient.id)}
    ids = [i["patient"]["id"] for i in items]
    assert len(ids) == 4 and ids[2] == me["steady"]
    # Lapsed's pain of 8 raised an alert: open alerts come first.
    lapsed_row, idle_row, steady_row, unrouted_row = items
    assert items[0]["open_alerts"] >= 1  # the pain alert, and the advice to reduce
    assert [row["open_alerts"] for row in items[1:]] == [0, 0, 0]
    assert idle_row["figures"]["adherence"] == 0.0
    assert idle_row["figures"]["last_session_at"] is None
    assert lapsed_row["figures"]["adherence"] == round(1 / 12, 3) or (
        abs(lapsed_row["figures"]["adherence"] - 1 / 12) < 0.001
    )
    assert lapsed_row["figures"]["latest_pain"] == 8
    assert lapsed_row["figures"]["latest_effort"] == 9
    assert [w["sessions"] for w in lapsed_row["figures"]["weeks"]] == [0, 1, 0, 0, 0]
    assert [a["asymmetry"] for a in lapsed_row["figures"]["asymmetry"]] == [
        None,
        1.0,
        None,
        None,
        None,
    ]
    s = steady_row["figures"]
    assert s["sessions_per_week"] == 3
    assert s["adherence"] == 1.0
    assert [w["sessions"] for w in s["weeks"]] == [3, 3, 3, 3, 1]
    assert [w["ratio"] for w in s["weeks"]] == [1.0, 1.0, 1.0, 1.0, 0.333]
    assert s["weeks"][-1]["starts_on"] == monday.date().isoformat()
    assert s["last_session_at"] == (monday + timedelta(hours=7)).isoformat().replace("+00:00", "Z")
    # session_payload logs two right clamshell sets and a bilateral monster walk.
    assert [a["asymmetry"] for a in s["asymmetry"]] == [-1.0] * 5
    assert unrouted_row["figures"]["sessions_per_week"] is None
    assert unrouted_row["figures"]["adherence"] is None
    assert [w["ratio"] for w in unrouted_row["figures"]["weeks"]] == [None] * 5


async def test_consent_decides_what_the_view_shows_and_the_order_hides_the_rest(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    team = await care_team(client)
    quiet_id, quiet = direct_user(app, app.state.engine, "UTC")
    code = await care_code(client, team.clinician, team.clinic_id, ["sessions"])
    await _accept(client, code, quiet)
    # Seen, quiet's adherence (0) would sort before the patient's (1 of 12 sessions).
    await _routine(client, quiet, 3)
    await _routine(client, team.patient.headers, 3)
    two_weeks_ago = _monday(datetime.now(UTC)) - timedelta(weeks=2)
    await _log_sessions(client, team.patient.headers, [two_weeks_ago])
    items = (await _view(client, team)).json()["items"]
    assert [i["patient"]["id"] for i in items] == [str(team.patient.id), str(quiet_id)]
    assert items[1]["figures"] is None and items[1]["open_alerts"] is None
    assert items[1]["scopes"] == ["sessions"]


async def test_each_clinician_sees_only_their_own_patients(client: httpx.AsyncClient) -> None:
    team = await care_team(client)
    assert [i["patient"]["id"] for i in (await _view(client, team)).json()["items"]] == [
        str(team.patient.id)
    ]
    for member in (team.owner, team.colleague):
        answer = await _view(client, team, member)
        assert answer.status_code == 200 and answer.json()["items"] == []
    for stranger in (team.outsider, team.patient):
        assert (await _view(client, team, stranger)).status_code == 404
    assert (await client.get(f"/api/v1/clinics/{team.clinic_id}/patients")).status_code == 401
    # A revoked relationship leaves the list on the next request.
    revoke = f"/api/v1/me/care-relationships/{team.relationship_id}"
    assert (await client.delete(revoke, headers=team.patient.headers)).status_code == 204
    assert (await _view(client, team)).json()["items"] == []


async def test_each_listed_patient_logs_the_read(client: httpx.AsyncClient, app: FastAPI) -> None:
    team = await care_team(client)
    _other_id, other = direct_user(app, app.state.engine, "UTC")
    await _accept(client, await care_code(client, team.clinician, team.clinic_id), other)
    await _view(client, team, query="?limit=1")
    await _view(client, team, query="?limit=100")
    mine = (await client.get("/api/v1/me/access-log", headers=team.patient.headers)).json()
    theirs = (await client.get("/api/v1/me/access-log", headers=other)).json()
    assert sum(len(log["items"]) for log in (mine, theirs)) == 3
    entry = mine["items"][0]
    assert (entry["resource"], entry["action"], entry["actor_id"]) == (
        "care_overview",
        "read",
        str(team.clinician.id),
    )
    assert entry["relationship_id"] == str(team.relationship_id)


async def _patients(client: httpx.AsyncClient, app: FastAPI, team: CareTeam, n: int) -> None:
    """`n` more patients in the clinician's care, each with a routine and sessions."""
    monday = _monday(datetime.now(UTC))
    for k in range(n):
        _, headers = direct_user(
            app, app.state.engine, ("UTC", "Europe/Berlin", "Asia/Tokyo")[k % 3]
        )
        await _accept(client, await care_code(client, team.clinician, team.clinic_id), headers)
        await _routine(client, headers, 1 + k % 4)
        await _log_sessions(
            client, headers, [monday - timedelta(days=d, hours=-9) for d in range(k % 5)]
        )


def _in_care_directly(app: FastAPI, team: CareTeam, n: int) -> None:
    """`n` more patients in the clinician's care, written below the services (as the bench
    loader does): their summaries start stale, for the next view to fill in."""
    zones = ("UTC", "Asia/Tokyo")
    _relate_directly(
        app, team, [direct_user(app, app.state.engine, zones[k % 2])[0] for k in range(n)]
    )


def _relate_directly(app: FastAPI, team: CareTeam, patient_ids: list[uuid.UUID]) -> None:
    """The patients in the clinician's care, the relationships written below the services:
    their summaries start stale, whatever the patients logged before."""
    with OrmSession(app.state.engine) as session:
        for patient_id in patient_ids:
            session.add(
                CareRelationship(
                    clinic_id=team.clinic_id,
                    clinician_id=team.clinician.id,
                    patient_id=patient_id,
                    scopes=frozenset(CareScope),
                    created_at=datetime.now(UTC),
                )
            )
        session.commit()


async def test_a_page_of_the_view_reads_in_as_many_statements_for_50_patients_as_for_5(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    team = await care_team(client)
    await _patients(client, app, team, 4)

    async def count() -> int:
        await _view(client, team, query="?limit=3")  # a week's turn (or new care) filled in
        with statements(app) as seen:
            answer = await _view(client, team, query="?limit=3")
        assert answer.status_code == 200
        assert len(answer.json()["items"]) == 3
        return len(seen)

    five = await count()
    _in_care_directly(app, team, 45)
    fifty = await count()
    assert len((await _view(client, team, query="?limit=100")).json()["items"]) == 50
    assert five == fifty


async def test_the_page_statement_also_checks_the_role_and_the_turn_of_the_week(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    """With nothing stale, a view reads the sign-in, the page (which also answers the
    caller's role and whether a week turned), the weeks and the sides, then writes its
    access-log lines: no statement of its own for the role or the stale check."""
    team = await care_team(client)
    await _patients(client, app, team, 2)
    await _view(client, team)  # the new relationships' summaries filled in
    with statements(app) as seen:
        answer = await _view(client, team)
    assert answer.status_code == 200 and len(answer.json()["items"]) == 3
    reads = [s for s in seen if s.lstrip().upper().startswith("SELECT")]
    assert len(reads) == 4, reads
    assert not any(s.lstrip().startswith("SELECT clinic_member.role") for s in reads), reads
    # SQLite: BEGIN before the reads, BEGIN IMMEDIATE before the access-log lines.
    sent = {"sqlite": 7, "postgresql": 5}[app.state.engine.dialect.name]
    assert len(seen) == sent, seen


def _plan(app: FastAPI, statement: str, parameters: Any) -> str:
    """How the database runs `statement`; on PostgreSQL with sequential scans and sorts
    priced out, so a tiny test table still shows whether an index can give the order."""
    with app.state.engine.connect() as db:
        raw = db.connection.dbapi_connection
        assert raw is not None
        cursor = raw.cursor()
        if app.state.engine.dialect.name == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + statement, parameters)
            return "\n".join(str(row[-1]) for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("SET enable_sort = off")
        cursor.execute("EXPLAIN " + statement, parameters)
        plan = "\n".join(str(row[0]) for row in cursor.fetchall())
        raw.rollback()
        return plan


async def test_a_page_of_the_view_is_a_range_of_the_attention_index(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    team = await care_team(client)
    await _patients(client, app, team, 4)
    await _view(client, team)
    pages: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if "ORDER BY care_relationship.rank_alerts" in statement:
            pages.append((statement, parameters))

    event.listen(app.state.engine, "before_cursor_execute", keep)
    try:
        first = (await _view(client, team, query="?limit=2")).json()
        await _view(client, team, query=f"?limit=2&cursor={first['next_cursor']}")
    finally:
        event.remove(app.state.engine, "before_cursor_execute", keep)
    assert len(pages) == 2  # the first page, and one after a cursor
    for statement, parameters in pages:
        plan = _plan(app, statement, parameters)
        # the page itself, not the per-row lookups below it (a patient's few routines)
        page = plan.split("CORRELATED")[0].split("SubPlan")[0]
        assert "ix_care_relationship_attention" in page, plan
        assert "TEMP B-TREE" not in page and "Sort" not in page, plan


async def test_pages_walk_the_attention_order_without_skips_or_repeats(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    team = await care_team(client)
    await _patients(client, app, team, 11)
    whole = [
        i["patient"]["id"] for i in (await _view(client, team, query="?limit=100")).json()["items"]
    ]
    walked: list[str] = []
    cursor = None
    while True:
        query = "?limit=3" + (f"&cursor={cursor}" if cursor else "")
        page = (await _view(client, team, query=query)).json()
        walked += [i["patient"]["id"] for i in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert walked == whole and len(whole) == 12


async def test_bad_paging_is_422(client: httpx.AsyncClient) -> None:
    team = await care_team(client)
    for query in ("?limit=0", "?limit=101", "?cursor=bm9wZQ", "?cursor=" + "x" * 513):
        assert (await _view(client, team, query=query)).status_code == 422, query
    for forged in (
        {"s": "attention", "v": [0, 0], "i": str(uuid.uuid4())},
        {"s": "attention", "v": [0, 0, "x"], "i": str(uuid.uuid4())},
        {"s": "attention", "v": [0, 0, 2**70], "i": str(uuid.uuid4())},
        {"s": "attention", "v": [0, 0, 0], "i": "not-a-uuid"},
        {"s": "-at", "v": [0, 0, 0], "i": str(uuid.uuid4())},
    ):
        token = base64.urlsafe_b64encode(json.dumps(forged).encode()).decode().rstrip("=")
        answer = await _view(client, team, query=f"?cursor={token}")
        assert answer.status_code == 422, forged


async def test_concurrent_views_each_log_their_read(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    """Sixteen first views at once, each finding the new relationship's summary stale: each
    rolls or waits for another's roll, and each answers the rolled figures (a view that
    showed the rows it read before the roll would differ from the view after them)."""
    team = await care_team(client)
    monday = _monday(datetime.now(UTC))
    patients = []
    for k in range(4):  # sessions logged before the care: only a roll shows them
        patient_id, headers = direct_user(app, app.state.engine, "UTC")
        await _routine(client, headers, 3)
        await _log_sessions(client, headers, [monday - timedelta(days=7 * w) for w in range(k)])
        patients.append(patient_id)
    _relate_directly(app, team, patients)
    answers = await asyncio.gather(*(_view(client, team) for _ in range(16)))
    assert {a.status_code for a in answers} == {200}
    after = await _view(client, team)
    assert {a.text for a in answers} == {after.text}
    log = await client.get("/api/v1/me/access-log?limit=100", headers=team.patient.headers)
    assert len(log.json()["items"]) == 17


async def test_unused_helpers_are_not_needed(client: httpx.AsyncClient) -> None:
    # signed_in_user, take_into_care and unique_email stay imported for the factories'
    # sake: a second clinic's clinician sees nothing of this clinic's patients.
    team = await care_team(client)
    other = await signed_in_user(client, unique_email("other"))
    assert (await _view(client, team, other)).status_code == 404
    await take_into_care(client, team.clinician, team.clinic_id, other, ["sessions"])
    assert len((await _view(client, team)).json()["items"]) == 2


async def test_a_prescription_at_this_clinic_sets_the_target_over_the_patients_own_routine(
    client: httpx.AsyncClient,
) -> None:
    team = await care_team(client)
    await _routine(client, team.patient.headers, 2)
    figures = (await _view(client, team)).json()["items"][0]["figures"]
    assert figures["sessions_per_week"] == 2
    prescribed = await client.post(
        team.patient_path("/routines"),
        json={"routine": routine_payload(sessions_per_week=5)},
        headers=team.clinician.headers,
    )
    assert prescribed.status_code == 201, prescribed.text
    # The patient's own routine, changed later, does not displace the prescription.
    await _routine(client, team.patient.headers, 1)
    figures = (await _view(client, team)).json()["items"][0]["figures"]
    assert figures["sessions_per_week"] == 5


async def test_open_alerts_come_first_until_acknowledged(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    team = await care_team(client)
    calm_id, calm = direct_user(app, app.state.engine, "UTC")
    await _accept(client, await care_code(client, team.clinician, team.clinic_id), calm)
    await _routine(client, calm, 3)  # adherence 0: first, were it not for alerts
    await _routine(client, team.patient.headers, 3)
    monday = _monday(datetime.now(UTC))
    await _log_sessions(
        client,
        team.patient.headers,
        [monday - timedelta(weeks=w, hours=-9) for w in (1, 2, 3, 4)],
        pain=8,
    )
    items = (await _view(client, team)).json()["items"]
    assert [i["patient"]["id"] for i in items] == [str(team.patient.id), str(calm_id)]
    assert items[0]["open_alerts"] >= 1 and items[1]["open_alerts"] == 0
    alerts = await client.get(team.patient_path("/alerts"), headers=team.clinician.headers)
    assert alerts.status_code == 200, alerts.text
    for alert in alerts.json()["items"]:
        acknowledged = await client.post(
            team.patient_path(f"/alerts/{alert['id']}/acknowledge"),
            json={"note": "Called the patient."},
            headers=team.clinician.headers,
        )
        assert acknowledged.status_code == 200, acknowledged.text
    items = (await _view(client, team)).json()["items"]
    assert [i["patient"]["id"] for i in items] == [str(calm_id), str(team.patient.id)]
    assert items[1]["open_alerts"] == 0
