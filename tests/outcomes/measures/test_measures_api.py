"""The outcome-measure loop over HTTP: assign, due, answer, score, alert, the clinician's
reads (logged) and view, corrections under If-Match and the edit window."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from typing import Any

import httpx
from fastapi import FastAPI
from icalendar import Calendar
from sqlalchemy import update
from sqlmodel import Session

from app.care.team.models import CarePatient
from app.core.json import dumps
from app.core.pagination import Page
from app.outcomes.measures.models import MeasureAnswer
from app.outcomes.measures.service import measure_series
from tests.factories import CareTeam, care_team, take_into_care

PROBLEM = "application/problem+json"


def _psfs(*ratings: tuple[str, int]) -> dict[str, Any]:
    return {"activities": [{"activity": a, "rating": r} for a, r in ratings]}


async def _assign(
    client: httpx.AsyncClient, team: CareTeam, instrument: str, **schedule: Any
) -> dict[str, Any]:
    made = await client.post(
        team.patient_path("/measures"),
        json={"instrument_id": instrument, "schedule": schedule or {"at_start": True}},
        headers=team.clinician.headers,
    )
    assert made.status_code == 201, made.text
    return dict(made.json())


async def _answer(
    client: httpx.AsyncClient,
    team: CareTeam,
    assignment: dict[str, Any],
    answers: dict[str, Any],
    answered_at: datetime | None = None,
    answer_id: uuid.UUID | None = None,
) -> httpx.Response:
    body: dict[str, Any] = {
        "id": str(answer_id or uuid.uuid4()),
        "assignment_id": assignment["id"],
        "answers": answers,
    }
    if answered_at is not None:
        body["answered_at"] = answered_at.isoformat()
    return await client.post("/api/v1/me/measures/answers", json=body, headers=team.patient.headers)


async def _access_log(client: httpx.AsyncClient, team: CareTeam) -> list[tuple[str, str]]:
    page = await client.get("/api/v1/me/access-log?limit=100", headers=team.patient.headers)
    return [(e["action"], e["resource"]) for e in page.json()["items"]]


async def test_assign_due_answer_score_alert_and_the_clinicians_reads(
    client: httpx.AsyncClient,
) -> None:
    team = await care_team(client)
    psfs = await _assign(client, team, "psfs", at_start=True, every_weeks=2)
    assert psfs["instrument_version"] == 1 and psfs["every_weeks"] == 2

    # Due measures in the patient's calendar feed: all-day events, every two weeks.
    issued = await client.post("/api/v1/me/calendar-token", json={}, headers=team.patient.headers)
    feed = await client.get(issued.json()["url"])
    due_days = [
        e.decoded("dtstart")
        for e in Calendar.from_ical(feed.content).walk("VEVENT")
        if str(e["summary"]) == "Outcome measure due: Patient-Specific Functional Scale"
    ]
    assert len(due_days) == 13  # today and every two weeks of the 26 weeks ahead
    assert due_days[0].isoformat() == psfs["starts_on"]
    assert {(b - a).days for a, b in pairwise(due_days)} == {14}

    due = (await client.get("/api/v1/me/measures/due", headers=team.patient.headers)).json()
    statuses = [(d["instrument_id"], d["status"], d["due_on"]) for d in due["items"]]
    today = psfs["starts_on"]
    in_two_weeks = (datetime.fromisoformat(today) + timedelta(weeks=2)).date().isoformat()
    assert statuses == [("psfs", "due", today), ("psfs", "upcoming", in_two_weeks)]

    # The baseline, given offline two hours ago; retried with the same id and body: 200.
    first_id = uuid.uuid4()
    earlier = datetime.now(UTC) - timedelta(hours=2)
    baseline = _psfs(("Climbing stairs", 3), ("Lying on my side", 5))
    first = await _answer(client, team, psfs, baseline, earlier, first_id)
    assert first.status_code == 201, first.text
    assert first.json()["score"] == 4.0 and first.json()["change"] is None
    again = await _answer(client, team, psfs, baseline, earlier, first_id)
    assert again.status_code == 200 and again.json()["id"] == str(first_id)
    other = await _answer(client, team, psfs, _psfs(("Walking", 2)), earlier, first_id)
    assert other.status_code == 409 and other.headers["content-type"] == PROBLEM

    due = (await client.get("/api/v1/me/measures/due", headers=team.patient.headers)).json()
    assert [d["status"] for d in due["items"]] == ["upcoming"]

    # Worse by more than the MCID (1.3): scored, judged and alerted; an activity added
    # later does not count in the change.
    worse = await _answer(
        client, team, psfs, _psfs(("climbing  STAIRS", 1), ("Lying on my side", 2), ("Run", 9))
    )
    assert worse.status_code == 201, worse.text
    body = worse.json()
    assert (body["score"], body["baseline"], body["change"]) == (4.0, 4.0, -2.5)
    assert (body["mcid"], body["verdict"]) == (1.3, "worse")
    alerts = (await client.get("/api/v1/me/alerts", headers=team.patient.headers)).json()
    measure_alerts = [a for a in alerts["items"] if a["kind"] == "measure-worse"]
    assert len(measure_alerts) == 1 and "Patient-Specific" in measure_alerts[0]["message"]

    # Out of bounds, unknown items, a missing required one: 422 naming the item.
    bad = await _answer(client, team, psfs, {"activities": [{"activity": "Stairs", "rating": 11}]})
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["loc"] == ["body", "answers", "activities", 0, "rating"]
    bad = await _answer(client, team, psfs, {"mood": 3})
    assert {tuple(e["loc"]) for e in bad.json()["errors"]} == {
        ("body", "answers", "mood"),
        ("body", "answers", "activities"),
    }

    # A correction: If-Match required (428), a stale one 412, then scored again.
    url = f"/api/v1/me/measures/answers/{body['id']}"
    fixed = _psfs(("Climbing stairs", 5), ("Lying on my side", 6))
    missing = await client.put(url, json={"answers": fixed}, headers=team.patient.headers)
    assert missing.status_code == 428
    etag = (await client.get(url, headers=team.patient.headers)).headers["etag"]
    corrected = await client.put(
        url, json={"answers": fixed}, headers={**team.patient.headers, "If-Match": etag}
    )
    assert corrected.status_code == 200, corrected.text
    assert (corrected.json()["change"], corrected.json()["verdict"]) == (1.5, "better")
    stale = await client.put(
        url, json={"answers": baseline}, headers={**team.patient.headers, "If-Match": etag}
    )
    assert stale.status_code == 412

    # The clinician reads this clinic's results (logged) and sees the latest change.
    results = await client.get(team.patient_path("/measures"), headers=team.clinician.headers)
    assert results.status_code == 200, results.text
    (result,) = results.json()["items"]
    assert result["baseline"] == 4.0 and result["latest_change"] == 1.5
    assert [p["score"] for p in result["points"]] == [4.0, 5.5]
    answers = await client.get(
        team.patient_path("/measures/answers"), headers=team.clinician.headers
    )
    assert [a["id"] for a in answers.json()["items"]] == [body["id"], str(first_id)]
    logged = await _access_log(client, team)
    assert ("read", "measures") in logged and ("read", "measure-answers") in logged
    assert ("create", f"measure:{psfs['id']}") in logged
    view = await client.get(
        f"/api/v1/clinics/{team.clinic_id}/patients", headers=team.clinician.headers
    )
    (row,) = [r for r in view.json()["items"] if r["patient"]["id"] == str(team.patient.id)]
    assert row["latest_measure"]["answer_id"] == body["id"]
    assert (row["latest_measure"]["change"], row["latest_measure"]["verdict"]) == (1.5, "better")
    published = Page[CarePatient].model_validate_json(view.content)  # built as dicts
    assert view.content == dumps(published.model_dump(mode="json"))

    # Another user never sees the answer; the colleague without the relationship gets 404.
    assert (await client.get(url, headers=team.colleague.headers)).status_code == 404
    refused = await client.get(team.patient_path("/measures"), headers=team.colleague.headers)
    assert refused.status_code == 404
    # A colleague who takes the patient into care later sees the latest change at once.
    await take_into_care(client, team.colleague, team.clinic_id, team.patient)
    view = await client.get(
        f"/api/v1/clinics/{team.clinic_id}/patients", headers=team.colleague.headers
    )
    (row,) = view.json()["items"]
    assert row["latest_measure"]["answer_id"] == body["id"]


async def test_measured_tests_by_whom_they_are_taken_and_the_edit_window(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    team = await care_team(client)
    strength = await _assign(client, team, "hip-abduction-strength", at_start=True)
    stance = await _assign(client, team, "sls-time-to-pain", at_start=True)
    measured = {"side": "left", "force": 120.5, "unit": "N"}
    by_patient = await _answer(client, team, strength, measured)
    assert by_patient.status_code == 403  # the clinician records strength

    async def record(assignment: dict[str, Any], answers: dict[str, Any]) -> httpx.Response:
        return await client.post(
            team.patient_path("/measures/answers"),
            json={"id": str(uuid.uuid4()), "assignment_id": assignment["id"], "answers": answers},
            headers=team.clinician.headers,
        )

    assert (await record(strength, measured)).status_code == 201
    right = await record(strength, {"side": "right", "force": 90, "unit": "N"})
    assert right.json()["change"] is None  # another side: a baseline of its own
    stronger = await record(strength, {"side": "left", "force": 140, "unit": "N"})
    assert (stronger.json()["change"], stronger.json()["verdict"]) == (19.5, None)  # no MCID

    # The stance test: capped at 30 s, 30 when no pain began; the patient may take it.
    held = await _answer(
        client, team, stance, {"stance_leg": "left", "seconds": 12, "pain_onset": True}
    )
    assert held.status_code == 201 and held.json()["score"] == 12.0
    over = await _answer(
        client, team, stance, {"stance_leg": "left", "seconds": 31, "pain_onset": True}
    )
    assert over.status_code == 422
    no_pain = await _answer(
        client, team, stance, {"stance_leg": "left", "seconds": 30, "pain_onset": False}
    )
    assert (no_pain.json()["score"], no_pain.json()["change"]) == (30.0, 18.0)

    # The patient cannot correct what the clinician entered; after the window, nobody.
    url = f"/api/v1/me/measures/answers/{right.json()['id']}"
    etag = (await client.get(url, headers=team.patient.headers)).headers["etag"]
    answers = {"side": "right", "force": 95, "unit": "N"}
    mine = await client.put(
        url, json={"answers": answers}, headers={**team.patient.headers, "If-Match": etag}
    )
    assert mine.status_code == 403
    url = f"/api/v1/me/measures/answers/{held.json()['id']}"
    with Session(app.state.engine) as session:
        session.execute(
            update(MeasureAnswer)
            .where(MeasureAnswer.id == uuid.UUID(held.json()["id"]))  # type: ignore[arg-type]
            .values(created_at=datetime.now(UTC) - timedelta(days=2))
        )
        session.commit()
    etag = (await client.get(url, headers=team.patient.headers)).headers["etag"]
    late = await client.put(
        url,
        json={"answers": {"stance_leg": "left", "seconds": 20, "pain_onset": True}},
        headers={**team.patient.headers, "If-Match": etag},
    )
    assert late.status_code == 409 and late.json()["type"].endswith("edit-window-closed")


async def test_the_reports_series_keep_each_side_apart_in_time_order(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    team = await care_team(client)
    strength = await _assign(client, team, "hip-abduction-strength", at_start=True)
    night = await _assign(client, team, "night-pain", every_weeks=1)
    await _assign(client, team, "psfs")  # never answered: no series
    start = datetime.now(UTC) - timedelta(days=3)
    for days, side, force in ((0, "left", 100), (1, "right", 80), (2, "left", 120)):
        made = await client.post(
            team.patient_path("/measures/answers"),
            json={
                "id": str(uuid.uuid4()),
                "assignment_id": strength["id"],
                "answered_at": (start + timedelta(days=days)).isoformat(),
                "answers": {"side": side, "force": force, "unit": "N"},
            },
            headers=team.clinician.headers,
        )
        assert made.status_code == 201, made.text
    # Answered out of order (offline): the series is in time order, the baseline the first.
    for days, rating in ((2, 3), (0, 7)):
        answered = await _answer(
            client, team, night, {"rating": rating}, start + timedelta(days=days)
        )
        assert answered.status_code == 201
    with Session(app.state.engine) as session:
        series = measure_series(session, team.patient.id)
    shown = {s.title: s for s in series}
    assert set(shown) == {
        "Hip abduction strength (left, N)",
        "Hip abduction strength (right, N)",
        "Pain at night",
    }
    left = shown["Hip abduction strength (left, N)"]
    assert (left.unit, left.baseline, [p[1] for p in left.points]) == ("N", 100.0, [100.0, 120.0])
    pain = shown["Pain at night"]
    assert (pain.baseline, pain.mcid, pain.higher_is_better) == (7.0, 1.5, False)
    assert [p[1] for p in pain.points] == [7.0, 3.0]
    assert all(p[0].tzinfo is not None for s in series for p in s.points)


async def test_concurrent_answers_share_one_baseline_and_a_retried_id_stores_once(
    client: httpx.AsyncClient,
) -> None:
    team = await care_team(client)
    night = await _assign(client, team, "night-pain")
    start = datetime.now(UTC) - timedelta(hours=8)
    answered = await asyncio.gather(
        *[
            _answer(client, team, night, {"rating": 9 - n}, start + timedelta(minutes=n))
            for n in range(8)
        ]
    )
    assert [a.status_code for a in answered] == [201] * 8

    async def changes() -> list[float | None]:
        page = await client.get(
            "/api/v1/me/measures/answers?sort=answered_at&limit=100", headers=team.patient.headers
        )
        return [r["change"] for r in page.json()["items"]]

    # Each answer's scoring saw the others: the earliest is every other one's baseline.
    assert await changes() == [None] + [float(-n) for n in range(1, 8)]
    same, now = uuid.uuid4(), datetime.now(UTC)
    retries = await asyncio.gather(
        *[_answer(client, team, night, {"rating": 0}, now, same) for _ in range(8)]
    )
    assert sorted(r.status_code for r in retries) == [200] * 7 + [201]
    assert await changes() == [None] + [float(-n) for n in range(1, 8)] + [-9.0]


async def test_revoked_care_ends_its_measures_and_the_answers_stay_the_patients(
    client: httpx.AsyncClient,
) -> None:
    team = await care_team(client)
    psfs = await _assign(client, team, "psfs", every_weeks=2)
    rated = _psfs(("Stairs", 4))
    assert (await _answer(client, team, psfs, rated)).status_code == 201
    revoked = await client.delete(
        f"/api/v1/me/care-relationships/{team.relationship_id}", headers=team.patient.headers
    )
    assert revoked.status_code == 204
    due = await client.get("/api/v1/me/measures/due", headers=team.patient.headers)
    assert due.json()["items"] == []
    late = await _answer(client, team, psfs, rated)
    assert late.status_code == 422 and late.json()["errors"][0]["type"] == "assignment_ended"
    results = await client.get("/api/v1/me/measures/results", headers=team.patient.headers)
    (result,) = results.json()["items"]
    assert result["assignment"]["ended_at"] is not None and len(result["points"]) == 1
