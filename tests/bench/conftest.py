"""The bench floors (bench/floor_app.py, bench/stack_floor_app.py) loaded for a test's
database and served in process, for the tests that hold them to the app."""

from __future__ import annotations

import importlib
from collections.abc import AsyncIterator, Iterator
from types import ModuleType

import httpx
import pytest
from fastapi import FastAPI


@pytest.fixture
def floors(
    database_url: str, app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[ModuleType, ModuleType]]:
    """Both floor modules, loaded for this test's database and the app's daily quota (they
    read both at import)."""
    monkeypatch.setenv("BENCH_FLOOR_DATABASE", database_url)
    monkeypatch.setenv("MAX_SESSIONS_PER_DAY", str(app.state.settings.max_sessions_per_day))
    bare = importlib.reload(importlib.import_module("bench.floor_app"))
    stack = importlib.reload(importlib.import_module("bench.stack_floor_app"))
    yield bare, stack
    stack.engine.dispose()
    if bare.ops.db._conn is not None:
        bare.ops.db._conn.close()


@pytest.fixture
async def floor_clients(
    floors: tuple[ModuleType, ModuleType],
) -> AsyncIterator[tuple[httpx.AsyncClient, httpx.AsyncClient]]:
    """The bare floor's and the stack floor's clients, in that order."""
    bare, stack = floors
    async with (
        httpx.AsyncClient(transport=httpx.ASGITransport(bare.app), base_url="http://f") as a,
        httpx.AsyncClient(transport=httpx.ASGITransport(stack.app), base_url="http://s") as b,
    ):
        yield a, b
