"""Progress over HTTP: adherence in the user's weeks, trends, asymmetry, alerts, advice."""

from __future__ import annotations

from typing import Any

import httpx
from fastapi import FastAPI

from app.logbook.progress.answers import ANSWERS
from app.logbook.progress.models import Progress
from tests.factories import SignedIn, entry, session_payload
from tests.sqlcount import statements

MONSTER_SET = {"exercise": "monster-walk", "set_number": 1, "steps": 20, "pain": 0, "effort": 4}
ROUTINE = {
    "name": "Plan",
    "sessions_per_week": 2,
    "items": [{"exercise": "clamshell", "sets": 2, "reps": 10, "hold_seconds": 3, "side": "right"}],
}


async def _setup(client: httpx.AsyncClient, user: SignedIn, tz: str = "UTC") -> str:
    me = await client.get("/api/v1/me", headers=user.headers)
    await client.patch(
        "/api/v1/me",
        json={"time_zone": tz},
        headers={**user.headers, "If-Match": me.headers["etag"]},
    )
    routine = await client.post("/api/v1/routines", json=ROUTINE, headers=user.headers)
    return str(routine.json()["id"])


async def _log(
    client: httpx.AsyncClient, user: SignedIn, started_at: str, entries: list[dict[str, Any]]
) -> None:
    body = session_payload(started_at=started_at, ended_at=None, entries=entries)
    response = await client.post("/api/v1/sessions", json=body, headers=user.headers)
    assert response.status_code == 201, response.text


def _sets(n: int, *, reps: int = 10, pain: int = 0, side: str = "right") -> list[dict[str, Any]]:
    return [entry(set_number=i + 1, reps=reps, pain=pain, side=side) for i in range(n)]


async def test_adherence_streaks_and_totals(client: httpx.AsyncClient, alice: SignedIn) -> None:
    await _setup(client, alice)
    # Week 45 (Nov 2-8): 2 sessions; week 46: 1; week 47 (Nov 16-22): 2.
    for day in ("2026-11-03", "2026-11-05", "2026-11-10", "2026-11-17", "2026-11-19"):
        await _log(client, alice, f"{day}T08:00:00Z", _sets(2))
    report = (
        await client.get("/api/v1/me/progress?from=2026-11-02&to=2026-11-22", headers=alice.headers)
    ).json()
    assert [(w["week"], w["sessions"], w["met"]) for w in report["adherence"]] == [
        ("2026-W45", 2, True),
        ("2026-W46", 1, False),
        ("2026-W47", 2, True),
    ]
    assert (report["current_streak"], report["best_streak"]) == (1, 1)
    (clam,) = report["exercises"]
    assert (clam["exercise"], clam["sessions"], clam["sets"], clam["total_reps"]) == (
        "clamshell",
        5,
        10,
        100,
    )
    assert clam["best_set"] == 10


async def test_weeks_follow_the_users_time_zone(client: httpx.AsyncClient, alice: SignedIn) -> None:
    await _setup(client, alice, tz="Pacific/Auckland")
    # Sunday 2026-11-15 20:00 UTC is already Monday 16th in Auckland: week 47 there.
    await _log(client, alice, "2026-11-15T20:00:00Z", _sets(1))
    report = (
        await client.get("/api/v1/me/progress?from=2026-11-09&to=2026-11-22", headers=alice.headers)
    ).json()
    assert [(w["week"], w["sessions"]) for w in report["adherence"]] == [
        ("2026-W46", 0),
        ("2026-W47", 1),
    ]


async def test_left_right_asymmetry_per_week(client: httpx.AsyncClient, alice: SignedIn) -> None:
    await _setup(client, alice)
    await _log(
        client,
        alice,
        "2026-11-17T08:00:00Z",
        _sets(2, reps=10, side="left") + _sets(2, reps=5, side="right"),
    )
    report = (
        await client.get("/api/v1/me/progress?from=2026-11-16&to=2026-11-22", headers=alice.headers)
    ).json()
    week = report["exercises"][0]["weeks"][0]
    assert week["left"] == {"sets": 2, "total": 20} and week["right"] == {"sets": 2, "total": 10}
    assert week["asymmetry"] == 0.5


async def test_pain_of_seven_is_an_alert_and_advice_follows_the_table(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    await _setup(client, alice)
    await _log(client, alice, "2026-11-17T08:00:00Z", _sets(2, pain=1))
    await _log(client, alice, "2026-11-18T08:00:00Z", _sets(2, pain=2))
    report = (
        await client.get("/api/v1/me/progress?from=2026-11-16&to=2026-11-22", headers=alice.headers)
    ).json()
    (advice,) = report["advice"]
    assert advice["decision"] == "progress"
    assert advice["next"]["reps"] == 12 and advice["provenance"] == "article"
    assert advice["basis"] == "article-range"  # 10 -> 12 stays within the article's 10-20
    assert report["alerts"] == []

    await _log(client, alice, "2026-11-19T08:00:00Z", _sets(2, pain=3))
    report = (
        await client.get("/api/v1/me/progress?from=2026-11-16&to=2026-11-22", headers=alice.headers)
    ).json()
    assert report["advice"][0]["decision"] == "hold"

    await _log(client, alice, "2026-11-20T08:00:00Z", _sets(1, pain=7))
    report = (
        await client.get("/api/v1/me/progress?from=2026-11-16&to=2026-11-22", headers=alice.headers)
    ).json()
    assert report["advice"][0]["decision"] == "reduce"
    assert report["advice"][0]["see_a_professional"] is True
    (alert,) = report["alerts"]
    assert alert["max_pain"] == 7 and "physiotherapist" in alert["advice"]


async def test_missed_sets_hold_the_dosage(client: httpx.AsyncClient, alice: SignedIn) -> None:
    await _setup(client, alice)
    await _log(client, alice, "2026-11-17T08:00:00Z", _sets(2))
    await _log(client, alice, "2026-11-18T08:00:00Z", _sets(2, reps=8))
    report = (await client.get("/api/v1/me/progress", headers=alice.headers)).json()
    assert report["advice"][0]["decision"] == "hold"


async def test_progress_is_private(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    rid = await _setup(client, alice)
    await _log(client, alice, "2026-11-17T08:00:00Z", _sets(2, pain=8))
    bob_report = (
        await client.get("/api/v1/me/progress?from=2026-11-16&to=2026-11-22", headers=bob.headers)
    ).json()
    assert bob_report["exercises"] == [] and bob_report["alerts"] == []
    assert all(w["sessions"] == 0 for w in bob_report["adherence"])
    theirs = await client.get(f"/api/v1/me/progress?routine_id={rid}", headers=bob.headers)
    assert theirs.status_code == 422


async def test_bad_ranges_are_422(client: httpx.AsyncClient, alice: SignedIn) -> None:
    for query in (
        "from=2026-11-10&to=2026-11-01",
        "from=2024-01-01&to=2026-01-01",
        "from=yesterday",
    ):
        assert (
            await client.get(f"/api/v1/me/progress?{query}", headers=alice.headers)
        ).status_code == 422


async def test_statement_count_does_not_grow_with_the_log(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn
) -> None:
    await _setup(client, alice)
    url = "/api/v1/me/progress?from=2026-09-01&to=2026-11-22"
    await _log(client, alice, "2026-11-17T08:00:00Z", _sets(2))
    # The process's first request reads the catalog snapshot (once per catalog change,
    # not per request; tests/catalog/exercises/test_snapshot.py): count the requests after it.
    assert (await client.get(url, headers=alice.headers)).status_code == 200
    ANSWERS.clear()  # the answer built, not one kept (tests/logbook/progress/test_answers.py)
    with statements(app) as small:
        assert (await client.get(url, headers=alice.headers)).status_code == 200
    for week in range(10):
        for day in (1, 3):
            await _log(
                client,
                alice,
                f"2026-09-{week * 2 + day:02d}T08:00:00Z",
                [*_sets(3), MONSTER_SET],
            )
    ANSWERS.clear()
    with statements(app) as large:
        report = await client.get(url, headers=alice.headers)
    assert report.status_code == 200 and len(report.json()["exercises"]) == 2
    assert len(large) == len(small), (len(small), len(large))


async def test_the_document_is_exactly_what_the_model_describes(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    """The endpoint builds its JSON without the model (thousands of weeks per busy year):
    it must round-trip through `Progress` unchanged, sides, asymmetry and advice included."""
    await _setup(client, alice)
    for day, pain, side in ((3, 1, "left"), (10, 8, "right"), (17, 2, "left")):
        sets = [*_sets(2, pain=pain, side=side), *_sets(1, reps=7, side="right"), MONSTER_SET]
        for n, s in enumerate(sets):
            s["set_number"] = n + 1
        await _log(client, alice, f"2026-11-{day:02d}T08:00:00Z", sets)
    url = "/api/v1/me/progress?from=2026-10-01&to=2026-11-22"
    body = (await client.get(url, headers=alice.headers)).json()
    assert body["exercises"] and body["alerts"] and body["advice"]
    assert any(w["left"] for e in body["exercises"] for w in e["weeks"])
    assert Progress.model_validate(body).model_dump(mode="json", by_alias=True) == body
