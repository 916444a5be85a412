"""Integrators: incremental sync with tombstones, the whole catalog in one cached response."""

from __future__ import annotations

import gzip
import json
from typing import Any

import httpx
from fastapi import FastAPI

from app.main import create_app
from tests.conftest import test_settings
from tests.factories import SEEDED_EXERCISES, SEEDED_LADDER, SignedIn, exercise_payload
from tests.sqlcount import statements


async def _changes(client: httpx.AsyncClient, since: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"updated_since": since, "limit": 3}
        if cursor:
            params["cursor"] = cursor
        page = (await client.get("/api/v1/exercises", params=params)).json()
        items += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            return items


async def test_a_mirror_converges_through_updated_since(
    client: httpx.AsyncClient, admin: SignedIn
) -> None:
    first = await _changes(client, "2000-01-01T00:00:00Z")
    mirror = {e["slug"]: e for e in first}
    assert len(mirror) == SEEDED_EXERCISES
    synced_at = max(e["updated_at"] for e in first)

    etag = (await client.get("/api/v1/exercises/hip-hike")).headers["etag"]
    await client.patch(
        "/api/v1/exercises/hip-hike",
        json={"name": "Hip hike (pelvic drop)"},
        headers={**admin.headers, "If-Match": etag},
    )
    etag = (await client.get("/api/v1/exercises/monster-walk")).headers["etag"]
    await client.delete(
        "/api/v1/exercises/monster-walk", headers={**admin.headers, "If-Match": etag}
    )
    await client.post("/api/v1/exercises", json=exercise_payload(), headers=admin.headers)

    changes = await _changes(client, synced_at)
    for item in changes:
        if "deleted_at" in item:
            assert set(item) == {"slug", "deleted_at"}
            mirror.pop(item["slug"], None)
        else:
            mirror[item["slug"]] = item
    live = (await client.get("/api/v1/exercises?limit=100")).json()["items"]
    assert mirror == {e["slug"]: e for e in live}
    stamps = [c["updated_at"] if "updated_at" in c else c["deleted_at"] for c in changes]
    assert stamps == sorted(stamps)


async def test_sync_refuses_another_order_and_naive_times(client: httpx.AsyncClient) -> None:
    bad_sort = await client.get("/api/v1/exercises?updated_since=2000-01-01T00:00:00Z&sort=name")
    assert bad_sort.status_code == 422
    naive = await client.get("/api/v1/exercises?updated_since=2000-01-01T00:00:00")
    assert naive.status_code == 422


async def test_catalog_is_one_versioned_document(client: httpx.AsyncClient) -> None:
    identity = {"Accept-Encoding": "identity"}
    response = await client.get("/api/v1/catalog", headers=identity)
    assert response.status_code == 200
    body = response.json()
    assert {e["slug"] for e in body["exercises"]} >= {"clamshell", "monster-walk"}
    assert [m["slug"] for m in body["muscles"]] == ["gluteus-medius"]
    assert {e["slug"] for e in body["equipment"]} == {"step", "resistance-band", "wall"}
    assert body["ladder"][0] == "clamshell" and len(body["ladder"]) == SEEDED_LADDER
    assert response.headers["etag"] == f'"catalog-{body["version"]}"'
    again = await client.get(
        "/api/v1/catalog", headers={**identity, "If-None-Match": response.headers["etag"]}
    )
    assert again.status_code == 304


async def test_catalog_is_gzipped_for_clients_that_accept_it(client: httpx.AsyncClient) -> None:
    plain = await client.get("/api/v1/catalog", headers={"Accept-Encoding": "identity"})
    packed = await client.get("/api/v1/catalog", headers={"Accept-Encoding": "gzip"})
    assert packed.headers["content-encoding"] == "gzip"
    assert packed.headers["etag"] != plain.headers["etag"]
    assert int(packed.headers["content-length"]) < len(plain.content) / 3
    async with client.stream("GET", "/api/v1/catalog", headers={"Accept-Encoding": "gzip"}) as raw:
        wire = b"".join([chunk async for chunk in raw.aiter_raw()])
    assert len(wire) == int(packed.headers["content-length"])
    assert json.loads(gzip.decompress(wire)) == plain.json()


async def test_catalog_version_moves_with_every_change(
    client: httpx.AsyncClient, admin: SignedIn
) -> None:
    before = await client.get("/api/v1/catalog")
    await client.post("/api/v1/exercises", json=exercise_payload(), headers=admin.headers)
    after = await client.get("/api/v1/catalog", headers={"If-None-Match": before.headers["etag"]})
    assert after.status_code == 200
    assert after.json()["version"] > before.json()["version"]
    assert "test-clamshell" in {e["slug"] for e in after.json()["exercises"]}


async def test_repeat_catalog_reads_are_answered_from_memory(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    first = await client.get("/api/v1/exercises?limit=5")
    with statements(app) as seen:
        again = await client.get("/api/v1/exercises?limit=5")
        not_modified = await client.get(
            "/api/v1/exercises?limit=5", headers={"If-None-Match": first.headers["etag"]}
        )
    assert again.content == first.content and again.headers["etag"] == first.headers["etag"]
    assert not_modified.status_code == 304 and not_modified.headers["etag"] == first.headers["etag"]
    assert seen == []  # no database work at all


async def test_another_worker_sees_a_change_once_its_revision_is_reread(
    client: httpx.AsyncClient, app: FastAPI, database_url: str, admin: SignedIn
) -> None:
    other = create_app(test_settings(database_url, catalog_version_ttl=0))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=other), base_url="http://medius.test"
    ) as worker:
        stale = await worker.get("/api/v1/exercises/clamshell")
        etag = (await client.get("/api/v1/exercises/clamshell")).headers["etag"]
        changed = await client.patch(
            "/api/v1/exercises/clamshell",
            json={"name": "Clam"},
            headers={**admin.headers, "If-Match": etag},
        )
        assert changed.status_code == 200
        fresh = await worker.get("/api/v1/exercises/clamshell")
    other.state.engine.dispose()
    assert stale.json()["name"] == "Clamshell" and fresh.json()["name"] == "Clam"
