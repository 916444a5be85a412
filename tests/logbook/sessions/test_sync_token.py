"""Sync by token over HTTP: commit order, tombstones, indirect changes, and tokens that lie."""

from __future__ import annotations

import base64
import json
from typing import Any

import httpx
import orjson

from tests.factories import (
    SEEDED_EXERCISES,
    SignedIn,
    exercise_payload,
    routine_payload,
    session_payload,
)

SESSIONS = "/api/v1/sessions"
PROBLEM = "application/problem+json"


async def _sync(
    client: httpx.AsyncClient, path: str, token: str, headers: dict[str, str] | None = None
) -> tuple[list[dict[str, Any]], str]:
    """Follow every page of changes after `token`; the items and the token to keep."""
    items: list[dict[str, Any]] = []
    params: dict[str, Any] = {"sync_token": token, "limit": 2}
    while True:
        page = await client.get(path, params=params, headers=headers or {})
        assert page.status_code == 200, page.text
        body = page.json()
        items += body["items"]
        if body["next_cursor"] is None:
            return items, body["sync_token"]
        params["cursor"] = body["next_cursor"]


def _apply(mirror: dict[str, dict[str, Any]], items: list[dict[str, Any]], key: str) -> None:
    for item in items:
        if "deleted_at" in item and len(item) == 2:
            mirror.pop(item[key], None)
        else:
            mirror[item[key]] = item


async def _log(client: httpx.AsyncClient, user: SignedIn, **overrides: Any) -> httpx.Response:
    created = await client.post(SESSIONS, json=session_payload(**overrides), headers=user.headers)
    assert created.status_code == 201, created.text
    return created


async def test_sync_token_pages_every_change_in_commit_order_with_tombstones(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    logged = [await _log(client, alice) for _ in range(5)]
    items, token = await _sync(client, SESSIONS, "0", alice.headers)
    assert [i["id"] for i in items] == [r.json()["id"] for r in logged]
    mirror: dict[str, dict[str, Any]] = {}
    _apply(mirror, items, "id")

    first, second = logged[0], logged[1]
    await client.delete(
        f"{SESSIONS}/{first.json()['id']}",
        headers={**alice.headers, "If-Match": first.headers["etag"]},
    )
    await client.patch(
        f"{SESSIONS}/{second.json()['id']}",
        json={"notes": "felt strong"},
        headers={**alice.headers, "If-Match": second.headers["etag"]},
    )
    newest = await _log(client, alice)
    changes, token = await _sync(client, SESSIONS, token, alice.headers)
    assert [c["id"] for c in changes] == [
        first.json()["id"],
        second.json()["id"],
        newest.json()["id"],
    ]
    assert set(changes[0]) == {"id", "deleted_at"}
    _apply(mirror, changes, "id")
    listed = (await client.get(f"{SESSIONS}?limit=100", headers=alice.headers)).json()["items"]
    assert mirror == {s["id"]: s for s in listed}
    assert (await _sync(client, SESSIONS, token, alice.headers))[0] == []


async def test_deleting_a_routine_is_a_change_of_its_sessions(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    routine = await client.post("/api/v1/routines", json=routine_payload(), headers=alice.headers)
    linked = await _log(client, alice, routine_id=routine.json()["id"])
    other = await _log(client, alice)
    _, token = await _sync(client, SESSIONS, "0", alice.headers)

    deleted = await client.delete(
        f"/api/v1/routines/{routine.json()['id']}",
        headers={**alice.headers, "If-Match": routine.headers["etag"]},
    )
    assert deleted.status_code == 204
    changes, _ = await _sync(client, SESSIONS, token, alice.headers)
    assert [c["id"] for c in changes] == [linked.json()["id"]]
    assert changes[0]["routine_id"] is None and changes[0]["revision"] == 2
    assert changes[0]["updated_at"] > linked.json()["updated_at"]
    stale = await client.patch(
        f"{SESSIONS}/{linked.json()['id']}",
        json={"notes": "x"},
        headers={**alice.headers, "If-Match": linked.headers["etag"]},
    )
    assert stale.status_code == 412
    untouched = await client.get(f"{SESSIONS}/{other.json()['id']}", headers=alice.headers)
    assert untouched.json()["revision"] == 1


def _tamper(token: str, **changes: Any) -> str:
    encoded, _, mac = token.partition(".")
    payload = orjson.loads(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)))
    forged = json.dumps({**payload, **changes}).encode()
    return f"{base64.urlsafe_b64encode(forged).decode().rstrip('=')}.{mac}"


async def test_a_forged_or_foreign_sync_token_is_refused_and_reveals_nothing(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    await _log(client, alice)
    _, alice_token = await _sync(client, SESSIONS, "0", alice.headers)
    for token in (
        alice_token,  # Alice's token in Bob's hands
        _tamper(alice_token, s=0),
        _tamper(alice_token, s=2**70),
        _tamper(alice_token, i=["x"]),
        "not-a-token",
        "a.b.c",
        "\u00e9.\u00e9",
        "-1",
        "x" * 512,
    ):
        answer = await client.get(SESSIONS, params={"sync_token": token}, headers=bob.headers)
        assert answer.status_code == 422, (token, answer.text)
        assert answer.headers["content-type"] == PROBLEM
        assert answer.json()["errors"][0]["loc"] == ["query", "sync_token"]
    as_cursor = await client.get(
        SESSIONS, params={"sync_token": "0", "cursor": alice_token}, headers=bob.headers
    )
    assert as_cursor.status_code == 422
    too_long = await client.get(SESSIONS, params={"sync_token": "x" * 513}, headers=bob.headers)
    assert too_long.status_code == 422
    assert (await _sync(client, SESSIONS, "0", bob.headers))[0] == []


async def test_sync_token_refuses_filters_and_other_orders(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    for extra in (
        {"exercise": "clamshell"},
        {"from": "2026-01-01T00:00:00Z"},
        {"sort": "started_at"},
        {"updated_since": "2026-01-01T00:00:00Z"},
    ):
        answer = await client.get(
            SESSIONS, params={"sync_token": "0", **extra}, headers=alice.headers
        )
        assert answer.status_code == 422, extra
    for extra in ({"position": "standing"}, {"q": "clam"}, {"sort": "name"}):
        answer = await client.get("/api/v1/exercises", params={"sync_token": "0", **extra})
        assert answer.status_code == 422, extra


async def test_a_catalog_mirror_converges_through_sync_token(
    client: httpx.AsyncClient, admin: SignedIn
) -> None:
    exercises = "/api/v1/exercises"
    first, token = await _sync(client, exercises, "0")
    mirror: dict[str, dict[str, Any]] = {}
    _apply(mirror, first, "slug")
    assert len(mirror) == SEEDED_EXERCISES

    etag = (await client.get(f"{exercises}/hip-hike")).headers["etag"]
    await client.patch(
        f"{exercises}/hip-hike",
        json={"name": "Hip hike (pelvic drop)"},
        headers={**admin.headers, "If-Match": etag},
    )
    etag = (await client.get(f"{exercises}/monster-walk")).headers["etag"]
    await client.delete(f"{exercises}/monster-walk", headers={**admin.headers, "If-Match": etag})
    await client.post(exercises, json=exercise_payload(), headers=admin.headers)

    changes, token = await _sync(client, exercises, token)
    assert [c["slug"] for c in changes] == ["hip-hike", "monster-walk", "test-clamshell"]
    _apply(mirror, changes, "slug")
    live = (await client.get(f"{exercises}?limit=100")).json()["items"]
    assert mirror == {e["slug"]: e for e in live}
    foreign = await client.get(exercises, params={"sync_token": _tamper(token, s=1)})
    assert foreign.status_code == 422


async def test_updated_since_is_documented_as_deprecated(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi.json")).json()
    for path in ("/api/v1/sessions", "/api/v1/exercises"):
        params = {p["name"]: p for p in spec["paths"][path]["get"]["parameters"]}
        assert params["updated_since"].get("deprecated") is True
        assert not params["sync_token"].get("deprecated", False)


async def test_the_catalog_document_hands_a_token_for_the_changes_after_it(
    client: httpx.AsyncClient, admin: SignedIn
) -> None:
    document = (await client.get("/api/v1/catalog")).json()
    assert (await _sync(client, "/api/v1/exercises", document["sync_token"]))[0] == []
    etag = (await client.get("/api/v1/exercises/hip-hike")).headers["etag"]
    await client.patch(
        "/api/v1/exercises/hip-hike",
        json={"name": "Hip hike (pelvic drop)"},
        headers={**admin.headers, "If-Match": etag},
    )
    changes, _ = await _sync(client, "/api/v1/exercises", document["sync_token"])
    assert [(c["slug"], c["name"]) for c in changes] == [("hip-hike", "Hip hike (pelvic drop)")]
