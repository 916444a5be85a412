"""The routines domain answers reads from rows (README, "Performance"): those bodies must
be exactly what the response model would produce -- a template, a builder routine with
its plan and sides, the list -- and the read must agree with the create."""

from __future__ import annotations

from typing import Any

import httpx

from app.training.routines.models import RoutinePublic
from tests.factories import SignedIn, routine_payload


def _model_shape(body: dict[str, Any]) -> dict[str, Any]:
    """`body` through the documented response model: strict shape, model's own JSON."""
    return RoutinePublic.model_validate(body).model_dump(mode="json")


async def test_read_routines_are_the_model_shape(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    created = await client.post(
        "/api/v1/routines",
        json=routine_payload(notes="Knie \u00e9 \U0001f9b5"),
        headers=alice.headers,
    )
    assert created.status_code == 201, created.text
    built = await client.post(
        "/api/v1/routine-builder",
        json={
            "level": "beginner",
            "minutes": 15,
            "affected_side": "left",
            "weeks": 4,
            "save": True,
            "name": "Built",
        },
        headers=alice.headers,
    )
    assert built.status_code == 200, built.text
    templates = (await client.get("/api/v1/routines?template=true", headers=alice.headers)).json()
    answers: list[dict[str, Any]] = []
    for routine_id in (
        created.json()["id"],
        built.json()["routine_id"],
        templates["items"][0]["id"],
    ):
        read = await client.get(f"/api/v1/routines/{routine_id}", headers=alice.headers)
        assert read.status_code == 200, read.text
        answers.append(read.json())
    mine, planned, template = answers
    assert mine == created.json()  # the create answers what a later read returns
    assert planned["progression"] and any(i["placement"] for i in planned["items"])
    assert template["is_template"]
    listed = (await client.get("/api/v1/routines", headers=alice.headers)).json()["items"]
    for body in [*answers, *listed, *templates["items"]]:
        assert body == _model_shape(body)
    assert {b["id"] for b in listed} == {mine["id"], planned["id"]}
