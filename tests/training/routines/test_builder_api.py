"""The routine builder over HTTP: constraints in, an explained plan out, optionally saved."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.factories import SignedIn, exercise_payload

UNILATERAL = {
    "clamshell",
    "lying-wall-angel",
    "side-lying-leg-swing",
    "hip-hike",
    "step-down",
    "single-leg-squat-leg-behind",
}


async def _build(client: httpx.AsyncClient, user: SignedIn, **body: Any) -> httpx.Response:
    return await client.post("/api/v1/routine-builder", json=body, headers=user.headers)


async def test_beginner_without_equipment_gets_an_explained_side_lying_plan(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    response = await _build(
        client, alice, level="beginner", minutes=15, equipment=[], affected_side="right", weeks=4
    )
    assert response.status_code == 200, response.text
    plan = response.json()
    assert plan["items"] and plan["estimated_seconds"] <= 15 * 60
    assert all(i["reason"] for i in plan["items"])
    for item in plan["items"]:
        assert item["exercise"] not in {"hip-hike", "step-down", "monster-walk", "lying-wall-angel"}
        if item["exercise"] in UNILATERAL:
            assert item["side"] == "right"
    assert [w["week"] for w in plan["progression"]] == [1, 2, 3, 4]
    assert plan["rationale"] and plan["disclaimer"] and plan["routine_id"] is None
    mine = (await client.get("/api/v1/routines", headers=alice.headers)).json()["items"]
    assert mine == []


async def test_save_stores_the_plan_as_your_routine(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    plan = (
        await _build(client, alice, level="intermediate", minutes=20, save=True, name="Built")
    ).json()
    assert plan["routine_id"]
    stored = (
        await client.get(f"/api/v1/routines/{plan['routine_id']}", headers=alice.headers)
    ).json()
    assert stored["origin"] == "builder" and stored["name"] == "Built"
    assert [i["exercise"] for i in stored["items"]] == [i["exercise"] for i in plan["items"]]
    assert stored["estimated_seconds"] == plan["estimated_seconds"]
    assert len(stored["progression"]) == len(plan["progression"])


async def test_an_answer_posted_as_is_becomes_a_routine(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    plan = (await _build(client, alice, level="advanced", minutes=30)).json()
    created = await client.post("/api/v1/routines", json=plan, headers=alice.headers)
    assert created.status_code == 201, created.text
    assert created.json()["estimated_seconds"] == plan["estimated_seconds"]


@pytest.mark.parametrize(
    ("body", "loc"),
    [
        (
            {"level": "beginner", "minutes": 10, "exclude_positions": ["side-lying", "standing"]},
            "exclude_positions",
        ),
        ({"level": "beginner", "minutes": 0}, "minutes"),
        ({"level": "beginner", "minutes": 121}, "minutes"),
        ({"level": "beginner", "minutes": 10, "weeks": 13}, "weeks"),
        ({"level": "expert", "minutes": 10}, "level"),
        ({"level": "beginner", "minutes": 10, "equipment": ["trampoline"]}, "equipment"),
    ],
)
async def test_infeasible_or_invalid_constraints_are_422_naming_the_constraint(
    client: httpx.AsyncClient, alice: SignedIn, body: dict[str, Any], loc: str
) -> None:
    response = await client.post("/api/v1/routine-builder", json=body, headers=alice.headers)
    assert response.status_code == 422, response.text
    assert any(loc in e["loc"] for e in response.json()["errors"]), response.text


async def test_a_self_check_sets_the_side_and_the_emphasis(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    check = {
        "stance_leg": "left",
        "pelvis_drop": "slight",
        "knee_drifts_in": True,
        "trunk_lean": False,
        "hold_seconds": 20,
        "pain": 1,
    }
    assessment = (
        await client.post("/api/v1/me/assessments", json=check, headers=alice.headers)
    ).json()
    plan = (
        await _build(
            client,
            alice,
            level="advanced",
            minutes=20,
            equipment=["step"],
            assessment_id=assessment["id"],
        )
    ).json()
    sides = {i["side"] for i in plan["items"] if i["exercise"] in UNILATERAL}
    assert sides == {"left"}
    assert any("Affected side left comes from your self-check" in r for r in plan["rationale"])
    knee_cued = {"step-down", "single-leg-squat-leg-behind"}
    first = plan["items"][0]
    assert first["exercise"] in knee_cued, plan["items"]
    assert "knee" in first["reason"].lower()


async def test_another_users_self_check_cannot_be_used(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    check = {
        "stance_leg": "left",
        "pelvis_drop": "none",
        "knee_drifts_in": False,
        "trunk_lean": False,
        "hold_seconds": 30,
        "pain": 0,
    }
    theirs = (await client.post("/api/v1/me/assessments", json=check, headers=alice.headers)).json()
    response = await _build(client, bob, level="beginner", minutes=10, assessment_id=theirs["id"])
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", "assessment_id"]


async def test_the_builder_sees_catalog_changes_at_once(
    client: httpx.AsyncClient, alice: SignedIn, admin: SignedIn
) -> None:
    body = {"level": "beginner", "minutes": 10, "exclude_positions": ["side-lying"]}
    before = await client.post("/api/v1/routine-builder", json=body, headers=alice.headers)
    standing = exercise_payload(slug="standing-clam", name="Standing clam", position="standing")
    created = await client.post("/api/v1/exercises", json=standing, headers=admin.headers)
    assert created.status_code == 201
    after = await client.post("/api/v1/routine-builder", json=body, headers=alice.headers)
    assert "standing-clam" not in [i["exercise"] for i in before.json().get("items", [])]
    assert after.status_code == 200, after.text
    assert "standing-clam" in [i["exercise"] for i in after.json()["items"]]


async def _check(client: httpx.AsyncClient, user: SignedIn, **fields: Any) -> dict[str, Any]:
    body = {
        "stance_leg": "left",
        "pelvis_drop": "slight",
        "knee_drifts_in": False,
        "trunk_lean": False,
        "hold_seconds": 20,
        "pain": 0,
        **fields,
    }
    response = await client.post("/api/v1/me/assessments", json=body, headers=user.headers)
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result


async def test_a_painful_self_check_is_refused_with_its_advice_and_saves_nothing(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    check = await _check(client, alice, pain=6)
    advice = next(a for a in check["interpretation"]["advice"] if "6/10" in a)
    response = await _build(
        client, alice, level="beginner", minutes=10, assessment_id=check["id"], save=True
    )
    assert response.status_code == 422, response.text
    problem = response.json()
    assert advice in problem["detail"] and "physiotherapist" in problem["detail"]
    assert problem["errors"][0]["loc"] == ["body", "assessment_id"]
    assert problem["errors"][0]["type"] == "pain_advice"
    mine = (await client.get("/api/v1/routines", headers=alice.headers)).json()["items"]
    assert mine == []


async def test_pain_below_the_advice_threshold_still_builds(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    check = await _check(client, alice, pain=4)
    response = await _build(client, alice, level="beginner", minutes=10, assessment_id=check["id"])
    assert response.status_code == 200, response.text


@pytest.mark.parametrize(("stated", "weak"), [("right", "left"), ("left", "right")])
async def test_an_affected_side_contradicting_the_self_check_is_422_naming_both(
    client: httpx.AsyncClient, alice: SignedIn, stated: str, weak: str
) -> None:
    check = await _check(client, alice, stance_leg=weak)
    response = await _build(
        client, alice, level="beginner", minutes=10, assessment_id=check["id"], affected_side=stated
    )
    assert response.status_code == 422, response.text
    problem = response.json()
    assert f"affected_side is {stated}" in problem["detail"]
    assert f"the {weak} leg" in problem["detail"]
    assert {tuple(e["loc"]) for e in problem["errors"]} == {
        ("body", "affected_side"),
        ("body", "assessment_id"),
    }


async def test_an_agreeing_affected_side_and_self_check_build(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    check = await _check(client, alice, stance_leg="right")
    response = await _build(
        client,
        alice,
        level="beginner",
        minutes=10,
        assessment_id=check["id"],
        affected_side="right",
    )
    assert response.status_code == 200, response.text
    assert {i["side"] for i in response.json()["items"] if i["exercise"] in UNILATERAL} == {"right"}


async def test_beginner_who_cannot_lie_on_a_side_gets_standing_exercises_not_a_422(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    response = await _build(
        client, alice, level="beginner", minutes=15, exclude_positions=["side-lying"]
    )
    assert response.status_code == 200, response.text
    plan = response.json()
    assert {i["exercise"] for i in plan["items"]} <= {"hip-hike", "side-stepping"}
    assert any("easiest that fit" in note for note in plan["unmet"])
