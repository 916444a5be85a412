"""Catalog reads served from the live catalog, over HTTP on both databases (issue #13, point 1).

The worker here trusts its revision for an hour: only the invalidation on commit can make
a change show on the next read. Before, a write path had to remember to invalidate (the
import and the seed did not), and `?b&a` was an entry apart from `?a&b`.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session

from app.catalog.exercises import transfer
from app.catalog.live.live import LiveCatalog
from app.main import create_app
from tests.conftest import asgi_client, test_settings
from tests.factories import SignedIn
from tests.sqlcount import statements

API = "/api/v1"
CALLERS = 16


@pytest.fixture
async def worker(
    app: FastAPI, database_url: str
) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    """A worker of its own over the test database, trusting its revision for an hour."""
    slow = create_app(test_settings(database_url, catalog_version_ttl=3600))
    async with asgi_client(slow) as client:
        yield slow, client
    slow.state.engine.dispose()


async def _reads(client: httpx.AsyncClient) -> dict[str, str]:
    """Clamshell's name as each cached read shows it."""
    one = await client.get(f"{API}/exercises/clamshell")
    listed = await client.get(f"{API}/exercises", params={"limit": 50})
    whole = await client.get(f"{API}/catalog", headers={"Accept-Encoding": "identity"})
    packed = await client.get(f"{API}/catalog", headers={"Accept-Encoding": "gzip"})
    for answer in (one, listed, whole, packed):
        assert answer.status_code == 200, answer.text
    assert packed.headers["content-encoding"] == "gzip"

    def name(items: list[dict[str, str]]) -> str:
        return next(e["name"] for e in items if e["slug"] == "clamshell")

    return {
        "one": one.json()["name"],
        "list": name(listed.json()["items"]),
        "catalog": name(whole.json()["exercises"]),
        "catalog gzip": name(packed.json()["exercises"]),  # httpx inflates it
    }


async def test_an_admin_change_shows_on_the_very_next_read(
    worker: tuple[FastAPI, httpx.AsyncClient], admin: SignedIn
) -> None:
    _app, client = worker
    before = await _reads(client)
    assert set(before.values()) == {"Clamshell"}
    etag = (await client.get(f"{API}/exercises/clamshell")).headers["etag"]
    changed = await client.patch(
        f"{API}/exercises/clamshell",
        json={"name": "Clam"},
        headers={**admin.headers, "If-Match": etag},
    )
    assert changed.status_code == 200, changed.text
    assert set((await _reads(client)).values()) == {"Clam"}


async def test_an_import_shows_at_once_without_telling_the_cache(
    worker: tuple[FastAPI, httpx.AsyncClient],
) -> None:
    """The import (CLI `import-catalog`) never calls the cache; its commit is enough."""
    app, client = worker
    assert set((await _reads(client)).values()) == {"Clamshell"}
    with Session(app.state.engine) as session:
        document = transfer.export_catalog(session)
        clamshell = next(e for e in document["exercises"] if e["slug"] == "clamshell")
        clamshell["name"] = "Imported clam"
        report = transfer.import_catalog(session, transfer.parse(document), dry_run=False)
    assert report.changed == ["exercise clamshell"]
    assert set((await _reads(client)).values()) == {"Imported clam"}


async def test_a_dry_run_or_rolled_back_write_rereads_nothing(
    worker: tuple[FastAPI, httpx.AsyncClient],
) -> None:
    app, client = worker
    live: LiveCatalog = app.state.live_catalog
    await _reads(client)
    reads = live.revision_reads
    with Session(app.state.engine) as session:
        document = transfer.export_catalog(session)
        document["exercises"][0]["name"] = "Never stored"
        transfer.import_catalog(session, transfer.parse(document), dry_run=True)
    with statements(app) as seen:
        await _reads(client)
    assert seen == [] and live.revision_reads == reads


async def test_a_reordered_query_is_served_from_the_first_ones_entry(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    live: LiveCatalog = app.state.live_catalog
    first = await client.get(f"{API}/exercises?limit=5&sort=name&difficulty=beginner")
    assert first.status_code == 200
    entries = live.cached_entries
    with statements(app) as seen:
        swapped = await client.get(f"{API}/exercises?difficulty=beginner&sort=name&limit=5")
        padded = await client.get(
            f"{API}/exercises?utm_source=x&sort=name&limit=5&difficulty=beginner"
        )
        not_modified = await client.get(
            f"{API}/exercises?sort=name&difficulty=beginner&limit=5",
            headers={"If-None-Match": first.headers["etag"]},
        )
    assert seen == []  # no database work: all three answered from the first one's entry
    assert swapped.content == padded.content == first.content
    assert not_modified.status_code == 304
    assert live.cached_entries == entries  # the unknown parameter made no entry


async def test_an_unknown_parameter_is_still_refused_when_the_guard_refuses_it(
    client: httpx.AsyncClient,
) -> None:
    assert (await client.get(f"{API}/exercises?limit=5")).status_code == 200
    refused = await client.get(f"{API}/exercises?limit=5&zz=%00")
    assert refused.status_code == 422
    assert (await client.get(f"{API}/exercises?limit=5&zz=%ff")).status_code == 400


async def test_concurrent_reads_after_a_change_build_the_catalog_once(
    worker: tuple[FastAPI, httpx.AsyncClient], admin: SignedIn
) -> None:
    app, client = worker
    live: LiveCatalog = app.state.live_catalog
    await client.get(f"{API}/catalog")
    etag = (await client.get(f"{API}/exercises/clamshell")).headers["etag"]
    await client.patch(
        f"{API}/exercises/clamshell",
        json={"name": "Clam"},
        headers={**admin.headers, "If-Match": etag},
    )
    builds = live.builds
    answers = await asyncio.gather(*(client.get(f"{API}/catalog") for _ in range(CALLERS)))
    assert {a.status_code for a in answers} == {200}
    assert len({a.content for a in answers}) == 1
    assert live.builds - builds == 2  # one response, one document: not one per caller
