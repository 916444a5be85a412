"""The builder's catalog snapshot: refreshed once per change, incrementally, and right."""

from __future__ import annotations

import gc
import threading
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session

from app.catalog.exercises import repository
from app.catalog.exercises.repository import Revision
from app.catalog.live.snapshot import CatalogSpecs
from app.catalog.planner.index import PlannerCatalog
from app.training.routines.builder_service import ladder
from tests.factories import SignedIn, exercise_payload


async def _patch(client: httpx.AsyncClient, admin: SignedIn, slug: str, **body: Any) -> None:
    etag = (await client.get(f"/api/v1/exercises/{slug}")).headers["etag"]
    changed = await client.patch(
        f"/api/v1/exercises/{slug}", json=body, headers={**admin.headers, "If-Match": etag}
    )
    assert changed.status_code == 200, changed.text


def _planner(app: FastAPI) -> PlannerCatalog:
    with Session(app.state.engine) as session:
        planner: PlannerCatalog = app.state.live_catalog.specs.planner(session)
        return planner


async def test_concurrent_callers_after_a_change_share_one_refresh(
    client: httpx.AsyncClient, app: FastAPI, admin: SignedIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    specs: CatalogSpecs = app.state.live_catalog.specs
    _planner(app)  # warm
    await _patch(client, admin, "clamshell", difficulty="intermediate")
    # As many callers as the pool has connections, so that every one can be in flight.
    settings = app.state.settings
    callers = settings.pool_size + settings.db_max_overflow
    reads = []
    original = repository.specs_changed_since
    original_revision = repository.catalog_revision
    revision_reads = threading.Semaphore(0)

    def counted_revision(session: Session) -> Revision:
        revision = original_revision(session)
        revision_reads.release()
        return revision

    def slow_read(session: Session, revision: int) -> list[Any]:
        reads.append(revision)
        # The refresh stays in flight until every caller has read the new revision: each
        # then finds the old snapshot and queues for the one being built.
        for _ in range(callers):
            assert revision_reads.acquire(timeout=10), "not every caller arrived"
        return original(session, revision)

    monkeypatch.setattr(repository, "specs_changed_since", slow_read)
    monkeypatch.setattr(repository, "catalog_revision", counted_revision)
    before = specs.refreshes
    start = threading.Barrier(callers)
    got: list[PlannerCatalog] = []

    def call() -> None:
        start.wait()
        got.append(_planner(app))

    threads = [threading.Thread(target=call) for _ in range(callers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == callers
    assert specs.refreshes == before + 1 and len(reads) == 1
    assert len({id(p) for p in got}) == 1
    assert got[0].by_slug["clamshell"].difficulty == "intermediate"


async def test_an_incremental_refresh_equals_a_full_rebuild(
    client: httpx.AsyncClient, app: FastAPI, admin: SignedIn
) -> None:
    _planner(app)
    created = await client.post(
        "/api/v1/exercises",
        json=exercise_payload(slug="aaa-first-off-ladder", difficulty="beginner"),
        headers=admin.headers,
    )
    assert created.status_code == 201, created.text
    await _patch(client, admin, "clamshell", difficulty="advanced")
    etag = (await client.get("/api/v1/exercises/monster-walk")).headers["etag"]
    removed = await client.delete(
        "/api/v1/exercises/monster-walk", headers={**admin.headers, "If-Match": etag}
    )
    assert removed.status_code in (200, 204), removed.text
    patched = _planner(app)
    with Session(app.state.engine) as session:
        full = PlannerCatalog(repository.specs_by_slug(session).values(), ladder())
    assert [e.slug for e in patched.ordered] == [e.slug for e in full.ordered]
    assert list(patched.ordered) == list(full.ordered)
    assert patched.groups == full.groups
    assert "monster-walk" not in patched.by_slug
    assert patched.by_slug["clamshell"].difficulty == "advanced"
    # And the builder plans over it: an advanced clamshell is not a beginner's exercise.
    built = await client.post(
        "/api/v1/routine-builder", json={"level": "beginner", "minutes": 30}, headers=admin.headers
    )
    assert built.status_code == 200, built.text
    assert "clamshell" not in [i["exercise"] for i in built.json()["items"]]


def test_a_full_snapshot_is_kept_out_of_the_cyclic_collector(app: FastAPI) -> None:
    """Every full collection would otherwise walk the whole snapshot (0.5-0.8 s at 10,000
    exercises, the bench's progress p99); the collector is left enabled afterwards."""
    with Session(app.state.engine) as session:
        live = CatalogSpecs().live(session)
    spec = live["clamshell"]
    assert gc.isenabled()
    assert gc.is_tracked(spec)
    tracked = {id(o) for o in gc.get_objects()}  # every generation but the permanent one
    assert id(spec) not in tracked and id(live) not in tracked
