"""Single-leg stance self-checks: the article's signs, owner only, never a diagnosis."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from app.training.self_checks.interpretation import interpret
from app.training.self_checks.models import AssessmentCreate
from tests.factories import SignedIn


def check(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "stance_leg": "right",
        "pelvis_drop": "none",
        "knee_drifts_in": False,
        "trunk_lean": False,
        "hold_seconds": 30,
        "pain": 0,
        "notes": "",
    }
    body.update(overrides)
    return body


def test_a_dropping_opposite_hip_points_at_the_stance_leg() -> None:
    reading = interpret(
        AssessmentCreate.model_validate(check(stance_leg="left", pelvis_drop="marked"))
    )
    assert reading.likely_weak_side == "left"
    (finding,) = reading.findings
    assert finding.code == "trendelenburg-sign" and "right hip dropped" in finding.finding
    assert finding.provenance == "article"
    assert reading.emphasis == ["pelvis-level"]


def test_compensations_shift_the_emphasis() -> None:
    reading = interpret(
        AssessmentCreate.model_validate(check(knee_drifts_in=True, trunk_lean=True))
    )
    assert reading.likely_weak_side == "right"
    assert [f.code for f in reading.findings] == [
        "hip-adduction-internal-rotation",
        "trunk-lean-toward-weak-side",
    ]
    assert reading.emphasis == ["knee-over-toes", "trunk-upright"]


def test_no_sign_means_no_weak_side_and_a_short_hold_alone_does_not_pick_one() -> None:
    reading = interpret(AssessmentCreate.model_validate(check(hold_seconds=10)))
    assert reading.likely_weak_side == "none"
    assert [f.code for f in reading.findings] == ["short-hold"]
    assert reading.findings[0].provenance == "medius"


@pytest.mark.parametrize(("pain", "advised"), [(4, False), (5, True), (10, True)])
def test_pain_at_or_above_five_advises_a_professional(pain: int, advised: bool) -> None:
    reading = interpret(AssessmentCreate.model_validate(check(pain=pain, pelvis_drop="slight")))
    assert any("physiotherapist" in a for a in reading.advice) is advised
    assert "not a diagnosis" in reading.disclaimer


async def test_record_list_and_read_own_checks(client: httpx.AsyncClient, alice: SignedIn) -> None:
    created = await client.post(
        "/api/v1/me/assessments", json=check(pelvis_drop="slight", pain=6), headers=alice.headers
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["interpretation"]["likely_weak_side"] == "right"
    assert body["interpretation"]["advice"]
    assert created.headers["location"] == f"/api/v1/me/assessments/{body['id']}"
    listed = (await client.get("/api/v1/me/assessments", headers=alice.headers)).json()
    assert [a["id"] for a in listed["items"]] == [body["id"]]
    one = await client.get(f"/api/v1/me/assessments/{body['id']}", headers=alice.headers)
    assert one.json() == body


async def test_another_users_checks_are_invisible(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    created = (
        await client.post("/api/v1/me/assessments", json=check(), headers=alice.headers)
    ).json()
    assert (
        await client.get(f"/api/v1/me/assessments/{created['id']}", headers=bob.headers)
    ).status_code == 404
    assert (await client.get("/api/v1/me/assessments", headers=bob.headers)).json()["items"] == []


@pytest.mark.parametrize(
    "body",
    [
        check(pain=11),
        check(stance_leg="middle"),
        check(pelvis_drop="lots"),
        check(hold_seconds=-1),
        check(extra=1),
    ],
)
async def test_invalid_checks_are_422_and_store_nothing(
    client: httpx.AsyncClient, alice: SignedIn, body: dict[str, Any]
) -> None:
    response = await client.post("/api/v1/me/assessments", json=body, headers=alice.headers)
    assert response.status_code == 422
    assert (await client.get("/api/v1/me/assessments", headers=alice.headers)).json()["items"] == []
