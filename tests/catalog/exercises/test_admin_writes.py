"""Admin-only catalog writes: validated like the seed, conditional, never lost."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from tests.factories import SignedIn, exercise_payload

PROBLEM = "application/problem+json"


async def test_anonymous_write_is_401_with_bearer_challenge(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/v1/exercises", json=exercise_payload())
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.headers["content-type"] == PROBLEM


async def test_signed_in_non_admin_is_403(client: httpx.AsyncClient, alice: SignedIn) -> None:
    for method, path in [
        ("POST", "/api/v1/exercises"),
        ("PATCH", "/api/v1/exercises/clamshell"),
        ("DELETE", "/api/v1/exercises/clamshell"),
    ]:
        response = await client.request(
            method, path, json=exercise_payload(), headers=alice.headers
        )
        assert response.status_code == 403, (method, path)
    assert (await client.get("/api/v1/exercises/clamshell")).status_code == 200


async def test_admin_creates_an_exercise_that_the_catalog_then_serves(
    client: httpx.AsyncClient, admin: SignedIn
) -> None:
    created = await client.post("/api/v1/exercises", json=exercise_payload(), headers=admin.headers)
    assert created.status_code == 201, created.text
    assert created.headers["location"] == "/api/v1/exercises/test-clamshell"
    assert created.json()["revision"] == 1
    listed = (await client.get("/api/v1/exercises?limit=100")).json()["items"]
    assert "test-clamshell" in [e["slug"] for e in listed]
    duplicate = await client.post(
        "/api/v1/exercises", json=exercise_payload(), headers=admin.headers
    )
    assert duplicate.status_code == 409


@pytest.mark.parametrize(
    ("overrides", "loc"),
    [
        ({"equipment": ["trampoline"]}, ["body", "equipment", 0]),
        ({"muscles": ["biceps"]}, ["body", "muscles", 0]),
        ({"laterality": "bilateral"}, ["body"]),
        ({"dosage": {"unit": "reps", "count_min": 20, "count_max": 10}}, ["body", "dosage"]),
        ({"slug": "Not A Slug"}, ["body", "slug"]),
        ({"steps": []}, ["body", "steps"]),
        ({"dosage": {"unit": "reps", "sets": 11}}, ["body", "dosage", "sets"]),
        ({"surprise": True}, ["body", "surprise"]),
    ],
)
async def test_invalid_exercises_are_422_and_store_nothing(
    client: httpx.AsyncClient, admin: SignedIn, overrides: dict[str, object], loc: list[object]
) -> None:
    response = await client.post(
        "/api/v1/exercises", json=exercise_payload(**overrides), headers=admin.headers
    )
    assert response.status_code == 422, response.text
    assert any(e["loc"][: len(loc)] == loc for e in response.json()["errors"]), response.text
    assert (await client.get("/api/v1/exercises/test-clamshell")).status_code == 404


async def test_patch_needs_the_current_etag(client: httpx.AsyncClient, admin: SignedIn) -> None:
    current = await client.get("/api/v1/exercises/clamshell")
    etag = current.headers["etag"]
    missing = await client.patch(
        "/api/v1/exercises/clamshell", json={"difficulty": "intermediate"}, headers=admin.headers
    )
    assert missing.status_code == 428
    changed = await client.patch(
        "/api/v1/exercises/clamshell",
        json={"difficulty": "intermediate"},
        headers={**admin.headers, "If-Match": etag},
    )
    assert changed.status_code == 200
    assert changed.json()["difficulty"] == "intermediate" and changed.json()["revision"] == 2
    assert changed.headers["etag"] != etag
    stale = await client.patch(
        "/api/v1/exercises/clamshell",
        json={"difficulty": "advanced"},
        headers={**admin.headers, "If-Match": etag},
    )
    assert stale.status_code == 412
    assert (await client.get("/api/v1/exercises/clamshell")).json()["difficulty"] == "intermediate"
    filtered = (await client.get("/api/v1/exercises?difficulty=intermediate")).json()["items"]
    assert "clamshell" in [e["slug"] for e in filtered]


async def test_concurrent_patches_with_one_etag_let_exactly_one_win(
    client: httpx.AsyncClient, admin: SignedIn
) -> None:
    etag = (await client.get("/api/v1/exercises/hip-hike")).headers["etag"]
    names = [f"Hip hike {i}" for i in range(6)]
    responses = await asyncio.gather(
        *[
            client.patch(
                "/api/v1/exercises/hip-hike",
                json={"name": name},
                headers={**admin.headers, "If-Match": etag},
            )
            for name in names
        ]
    )
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200] + [412] * 5
    winner = next(r for r in responses if r.status_code == 200).json()["name"]
    stored = (await client.get("/api/v1/exercises/hip-hike")).json()
    assert stored["name"] == winner and stored["revision"] == 2


async def test_invalid_patch_changes_nothing(client: httpx.AsyncClient, admin: SignedIn) -> None:
    etag = (await client.get("/api/v1/exercises/clamshell")).headers["etag"]
    for body in (
        {"laterality": "bilateral"},
        {"name": None},
        {"equipment": ["rope"]},
        {"slug": "x"},
    ):
        response = await client.patch(
            "/api/v1/exercises/clamshell", json=body, headers={**admin.headers, "If-Match": etag}
        )
        assert response.status_code == 422, body
    assert (await client.get("/api/v1/exercises/clamshell")).headers["etag"] == etag


async def test_delete_leaves_the_catalog_and_the_slug_can_return(
    client: httpx.AsyncClient, admin: SignedIn
) -> None:
    etag = (await client.get("/api/v1/exercises/monster-walk")).headers["etag"]
    assert (
        await client.delete("/api/v1/exercises/monster-walk", headers=admin.headers)
    ).status_code == 428
    deleted = await client.delete(
        "/api/v1/exercises/monster-walk", headers={**admin.headers, "If-Match": etag}
    )
    assert deleted.status_code == 204
    assert (await client.get("/api/v1/exercises/monster-walk")).status_code == 404
    slugs = [e["slug"] for e in (await client.get("/api/v1/exercises")).json()["items"]]
    assert "monster-walk" not in slugs
    band = (await client.get("/api/v1/equipment")).json()
    assert {e["slug"]: e["exercise_count"] for e in band}["resistance-band"] == 0
    revived = await client.post(
        "/api/v1/exercises",
        json=exercise_payload(slug="monster-walk", name="Monster walk"),
        headers=admin.headers,
    )
    assert revived.status_code == 201
    assert revived.json()["revision"] == 3
