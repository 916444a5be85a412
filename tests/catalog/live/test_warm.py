"""Each process builds its live catalog before it serves (app/main.py lifespan): a fresh
worker's first requests find the specs and planner index ready instead of queueing
behind one build."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from app.main import create_app
from tests.conftest import asgi_client, test_settings
from tests.factories import session_payload, signed_in_user


async def test_a_started_app_has_its_catalog_snapshot_built(app: FastAPI) -> None:
    specs = app.state.live_catalog.specs
    assert specs.refreshes == 0  # nothing builds it before start-up
    async with app.router.lifespan_context(app):
        assert specs.refreshes == 1
        async with asgi_client(app) as client:
            user = await signed_in_user(client)
            created = await client.post(
                "/api/v1/sessions", json=session_payload(), headers=user.headers
            )
        assert created.status_code == 201, created.text
        assert specs.refreshes == 1  # the first create validated against the warm snapshot


async def test_an_unmigrated_database_still_starts(tmp_path: Path) -> None:
    app = create_app(test_settings(f"sqlite:///{tmp_path / 'never-migrated.db'}"))
    try:
        async with app.router.lifespan_context(app):
            assert app.state.live_catalog.specs.refreshes == 0
            async with asgi_client(app) as client:
                assert (await client.get("/readyz")).status_code == 503
    finally:
        app.state.engine.dispose()
