"""Routines over HTTP: dosage validated per exercise, owner only, conditional updates."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.factories import SignedIn, routine_payload

PROBLEM = "application/problem+json"


async def _create(client: httpx.AsyncClient, user: SignedIn, **overrides: Any) -> httpx.Response:
    return await client.post(
        "/api/v1/routines", json=routine_payload(**overrides), headers=user.headers
    )


async def _templates(client: httpx.AsyncClient) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = (await client.get("/api/v1/routines?template=true")).json()[
        "items"
    ]
    return items


async def test_create_computes_duration_and_reads_back(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    created = await _create(client, alice)
    assert created.status_code == 201, created.text
    body = created.json()
    assert created.headers["location"] == f"/api/v1/routines/{body['id']}"
    assert body["estimated_seconds"] > 0
    assert [i["exercise"] for i in body["items"]] == ["clamshell", "monster-walk"]
    assert body["items"][1]["rest_seconds"] == 60  # the exercise's default when absent
    fetched = await client.get(f"/api/v1/routines/{body['id']}", headers=alice.headers)
    assert fetched.json() == body
    assert fetched.headers["etag"] == created.headers["etag"]
    assert fetched.headers["cache-control"] == "private, no-store"


@pytest.mark.parametrize(
    ("item", "loc"),
    [
        ({"exercise": "monster-walk", "sets": 2, "reps": 10}, ["body", "items", 0, "reps"]),
        (
            {"exercise": "monster-walk", "sets": 2, "steps": 20, "side": "left"},
            ["body", "items", 0, "side"],
        ),
        ({"exercise": "clamshell", "sets": 2, "reps": 10}, ["body", "items", 0, "side"]),
        (
            {"exercise": "hip-hike", "sets": 2, "reps": 10, "hold_seconds": 5, "side": "both"},
            ["body", "items", 0, "hold_seconds"],
        ),
        ({"exercise": "plank", "sets": 2, "reps": 10}, ["body", "items", 0, "exercise"]),
        (
            {"exercise": "clamshell", "sets": 11, "reps": 10, "side": "both"},
            ["body", "items", 0, "sets"],
        ),
        (
            {"exercise": "clamshell", "sets": 2, "reps": 101, "side": "both"},
            ["body", "items", 0, "reps"],
        ),
        (
            {"exercise": "clamshell", "sets": 2, "reps": 10, "hold_seconds": 301, "side": "both"},
            ["body", "items", 0, "hold_seconds"],
        ),
        (
            {"exercise": "clamshell", "sets": 2, "reps": 10, "side": "both", "rest_seconds": 601},
            ["body", "items", 0, "rest_seconds"],
        ),
        (
            {"exercise": "clamshell", "sets": 2, "reps": 10, "side": "up"},
            ["body", "items", 0, "side"],
        ),
    ],
)
async def test_items_are_checked_against_their_exercise_and_nothing_is_stored(
    client: httpx.AsyncClient, alice: SignedIn, item: dict[str, Any], loc: list[Any]
) -> None:
    ok_item = {"exercise": "side-stepping", "sets": 2, "steps": 15}
    response = await _create(client, alice, items=[item, ok_item])
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == PROBLEM
    assert loc in [e["loc"] for e in response.json()["errors"]], response.text
    listed = (await client.get("/api/v1/routines", headers=alice.headers)).json()
    assert listed["items"] == []


async def test_another_users_routine_is_404_for_every_operation(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    created = await _create(client, alice)
    rid, etag = created.json()["id"], created.headers["etag"]
    bob_if = {**bob.headers, "If-Match": etag}
    calls = [
        client.get(f"/api/v1/routines/{rid}", headers=bob.headers),
        client.patch(f"/api/v1/routines/{rid}", json={"name": "Mine now"}, headers=bob_if),
        client.delete(f"/api/v1/routines/{rid}", headers=bob_if),
        client.post(f"/api/v1/routines/{rid}/copy", headers=bob.headers),
        client.get(f"/api/v1/routines/{rid}/timeline", headers=bob.headers),
    ]
    for call in calls:
        response = await call
        assert response.status_code == 404
        assert response.headers["content-type"] == PROBLEM
    assert (await client.get("/api/v1/routines", headers=bob.headers)).json()["items"] == []
    still = await client.get(f"/api/v1/routines/{rid}", headers=alice.headers)
    assert still.status_code == 200 and still.json()["name"] == "Morning glute med"


async def test_anonymous_callers_see_templates_only(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    rid = (await _create(client, alice)).json()["id"]
    assert (await client.get("/api/v1/routines")).status_code == 401
    assert (await client.get(f"/api/v1/routines/{rid}")).status_code == 401
    templates = await _templates(client)
    assert {t["name"] for t in templates} == {
        "Beginner side-lying series",
        "Standing series",
        "Band and step series",
    }
    assert all(t["is_template"] for t in templates)
    one = await client.get(f"/api/v1/routines/{templates[0]['id']}")
    assert one.status_code == 200
    timeline = await client.get(f"/api/v1/routines/{templates[0]['id']}/timeline")
    assert timeline.status_code == 200


async def test_templates_are_read_only_and_copy_into_your_routines(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    template = (await _templates(client))[0]
    etag = (await client.get(f"/api/v1/routines/{template['id']}")).headers["etag"]
    edit = await client.patch(
        f"/api/v1/routines/{template['id']}",
        json={"name": "Hijacked"},
        headers={**alice.headers, "If-Match": etag},
    )
    assert edit.status_code == 403
    copied = await client.post(f"/api/v1/routines/{template['id']}/copy", headers=alice.headers)
    assert copied.status_code == 201
    copy = copied.json()
    assert copy["id"] != template["id"] and copy["origin"] == "copy" and not copy["is_template"]
    assert copy["items"] == template["items"]
    mine = (await client.get("/api/v1/routines", headers=alice.headers)).json()["items"]
    assert [r["id"] for r in mine] == [copy["id"]]
    renamed = await client.patch(
        f"/api/v1/routines/{copy['id']}",
        json={"name": "My side-lying"},
        headers={**alice.headers, "If-Match": copied.headers["etag"]},
    )
    assert renamed.status_code == 200
    assert (await _templates(client))[0]["name"] == template["name"]


async def test_update_needs_if_match_and_replaces_items(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    created = await _create(client, alice)
    rid, etag = created.json()["id"], created.headers["etag"]
    path = f"/api/v1/routines/{rid}"
    assert (await client.patch(path, json={"name": "x"}, headers=alice.headers)).status_code == 428
    new_items = [{"exercise": "step-down", "sets": 3, "reps": 8, "side": "left"}]
    changed = await client.patch(
        path,
        json={"items": new_items, "sessions_per_week": 4},
        headers={**alice.headers, "If-Match": etag},
    )
    assert changed.status_code == 200, changed.text
    body = changed.json()
    assert [i["exercise"] for i in body["items"]] == ["step-down"]
    assert body["sessions_per_week"] == 4 and body["revision"] == 2
    assert body["estimated_seconds"] != created.json()["estimated_seconds"]
    stale = await client.patch(
        path, json={"name": "late"}, headers={**alice.headers, "If-Match": etag}
    )
    assert stale.status_code == 412
    invalid = await client.patch(
        path,
        json={"items": [{"exercise": "monster-walk", "sets": 2, "reps": 3}]},
        headers={**alice.headers, "If-Match": changed.headers["etag"]},
    )
    assert invalid.status_code == 422
    assert (await client.get(path, headers=alice.headers)).json() == body


async def test_delete_with_if_match(client: httpx.AsyncClient, alice: SignedIn) -> None:
    created = await _create(client, alice)
    path = f"/api/v1/routines/{created.json()['id']}"
    assert (await client.delete(path, headers=alice.headers)).status_code == 428
    gone = await client.delete(path, headers={**alice.headers, "If-Match": created.headers["etag"]})
    assert gone.status_code == 204
    assert (await client.get(path, headers=alice.headers)).status_code == 404


async def test_item_order_follows_order_fields(client: httpx.AsyncClient, alice: SignedIn) -> None:
    items = [
        {"exercise": "side-stepping", "order": 2, "sets": 1, "steps": 10},
        {"exercise": "hip-hike", "order": 1, "sets": 1, "reps": 10, "side": "right"},
    ]
    body = (await _create(client, alice, items=items)).json()
    assert [(i["order"], i["exercise"]) for i in body["items"]] == [
        (1, "hip-hike"),
        (2, "side-stepping"),
    ]
    half = [{**items[0]}, {**items[1], "order": None}]
    assert (await _create(client, alice, items=half)).status_code == 422


async def test_timeline_adds_up_to_the_estimate(client: httpx.AsyncClient, alice: SignedIn) -> None:
    created = (await _create(client, alice)).json()
    timeline = (
        await client.get(f"/api/v1/routines/{created['id']}/timeline", headers=alice.headers)
    ).json()
    assert sum(i["seconds"] for i in timeline["intervals"]) == created["estimated_seconds"]
    assert timeline["estimated_seconds"] == created["estimated_seconds"]
    kinds = {i["kind"] for i in timeline["intervals"]}
    assert {"work", "hold", "rest", "switch_side"} <= kinds
    clam_holds = [
        i for i in timeline["intervals"] if i["exercise"] == "clamshell" and i["kind"] == "hold"
    ]
    assert len(clam_holds) == 2 * 10 * 2 and all(i["seconds"] == 3 for i in clam_holds)


async def test_paging_lists_every_routine_once(client: httpx.AsyncClient, alice: SignedIn) -> None:
    for n in range(5):
        assert (await _create(client, alice, name=f"Routine {n}")).status_code == 201
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 2, "sort": "-created_at"}
        if cursor:
            params["cursor"] = cursor
        page = (await client.get("/api/v1/routines", params=params, headers=alice.headers)).json()
        seen += [r["name"] for r in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert sorted(seen) == [f"Routine {n}" for n in range(5)]
