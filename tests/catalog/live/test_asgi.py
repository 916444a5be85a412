"""The ASGI adapter of the live catalog: the normalised key and single-flight fills, against a
small app in process (issue #13, point 1). The real app's behaviour over HTTP, on both
databases, is in tests/catalog/exercises/test_read_cache.py."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from typing import Annotated

import anyio
import httpx
import pytest
from fastapi import FastAPI, Query, Request
from sqlalchemy.exc import OperationalError
from starlette.responses import Response

from app.catalog.exercises.repository import Revision
from app.catalog.live.asgi import (
    KEY_MEMO_ENTRIES,
    CatalogReadCache,
    Declared,
    declared_parameters,
    response_key,
)
from app.catalog.live.live import LiveCatalog
from app.catalog.live.store import Flight
from app.core.caching import public_json
from app.core.json import dumps
from app.main import CATALOG_PATHS
from tests.catalog.live.test_store import R1, Source

CALLERS = 16
THINGS = "/api/v1/things"


async def _no_wait() -> None:
    pass


def small_app(
    hold_fill: Callable[[], Awaitable[None]] = _no_wait,
) -> tuple[FastAPI, list[str]]:
    """A cached app of two routes; `hold_fill` keeps a fill of THINGS in flight."""
    api = FastAPI()
    calls: list[str] = []

    @api.get(THINGS)
    async def things(
        request: Request,
        a: str | None = None,
        b: Annotated[list[str], Query()] = [],  # noqa: B006
    ) -> Response:
        calls.append(request.url.query)
        await hold_fill()
        return public_json(request, dumps({"a": a, "b": b}), 60)

    @api.get(f"{THINGS}/{{name}}")
    async def thing(request: Request, name: str) -> Response:
        calls.append(name)
        return (
            public_json(request, dumps({"name": name}), 60)
            if name != "none"
            else Response(status_code=404)
        )

    return api, calls


def cached(api: FastAPI, live: LiveCatalog) -> httpx.AsyncClient:
    wrapped = CatalogReadCache(api, live=live, routes=api.routes, prefixes=(THINGS,))
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=wrapped),
        base_url="http://t",
        headers={"Accept-Encoding": "identity"},
    )


@pytest.fixture
def declared() -> Declared:
    api, _ = small_app()
    return declared_parameters(api.routes, (THINGS,))


def test_key_ignores_parameter_order_between_names(declared: Declared) -> None:
    assert response_key(THINGS, b"a=1&b=2", declared, False) == response_key(
        THINGS, b"b=2&a=1", declared, False
    )


def test_key_keeps_the_order_of_one_names_values(declared: Declared) -> None:
    # A list parameter arrives in order, and a repeated scalar counts as its last value.
    assert response_key(THINGS, b"b=1&b=2", declared, False) != response_key(
        THINGS, b"b=2&b=1", declared, False
    )
    assert response_key(THINGS, b"a=1&a=2", declared, False) != response_key(
        THINGS, b"a=2&a=1", declared, False
    )


def test_key_drops_parameters_the_route_does_not_read(declared: Declared) -> None:
    plain = response_key(THINGS, b"a=1", declared, False)
    assert response_key(THINGS, b"a=1&zz=9&utm_source=x", declared, False) == plain
    assert response_key(f"{THINGS}/x", b"a=1", declared, False) == (f"{THINGS}/x", (), False)


def test_key_is_what_the_route_parses(declared: Declared) -> None:
    assert response_key(THINGS, b"a=x+y", declared, False) == response_key(
        THINGS, b"a=x%20y", declared, False
    )
    assert response_key(THINGS, b"a=", declared, False) != response_key(
        THINGS, b"", declared, False
    )
    assert response_key(THINGS, b"a=1", declared, True) != response_key(
        THINGS, b"a=1", declared, False
    )


def test_key_leaves_what_the_guard_refuses_to_the_guard(declared: Declared) -> None:
    # Harmless to the route, but the request guard answers 422 / 400: never a cached 200.
    assert response_key(THINGS, b"a=1&zz=%00", declared, False) is None
    assert response_key(THINGS, b"a=%ff", declared, False) is None
    assert response_key("/api/v1/thingsx", b"", declared, False) is None  # no route serves it


def test_the_real_list_route_keys_on_every_parameter_the_contract_declares(
    spec_app: FastAPI,
) -> None:
    """Normalising must never drop a parameter that changes the answer."""
    declared = dict(
        (pattern.pattern, names)
        for pattern, names in declared_parameters(spec_app.routes, CATALOG_PATHS)
    )
    for path, operations in spec_app.openapi()["paths"].items():
        if "get" not in operations or not path.startswith(CATALOG_PATHS):
            continue
        in_query = {
            p["name"] for p in operations["get"].get("parameters", []) if p["in"] == "query"
        }
        pattern = "^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", path) + "$"
        assert declared[pattern] == in_query, path


async def test_concurrent_misses_for_one_key_fill_once() -> None:
    live = LiveCatalog(Source(), ttl=3600, max_bytes=1 << 20)
    waiting = 0
    all_waiting = asyncio.Event()
    wait_for_fill = live.wait

    async def counted_wait(flight: Flight) -> None:
        nonlocal waiting
        waiting += 1
        if waiting == CALLERS - 1:
            all_waiting.set()
        await wait_for_fill(flight)

    async def every_other_caller_waits() -> None:  # the fill stays in flight till then
        with anyio.fail_after(10):
            await all_waiting.wait()

    live.wait = counted_wait  # type: ignore[method-assign]
    api, calls = small_app(hold_fill=every_other_caller_waits)
    async with cached(api, live) as client:
        answers = await asyncio.gather(
            *(client.get(THINGS, params={"a": "1"}) for _ in range(CALLERS))
        )
    assert [a.status_code for a in answers] == [200] * CALLERS
    assert len({a.content for a in answers}) == 1
    assert calls == ["a=1"] and live.builds == 1


async def test_reordered_and_padded_queries_are_answered_from_one_entry() -> None:
    api, calls = small_app()
    live = LiveCatalog(Source(), ttl=3600, max_bytes=1 << 20)
    async with cached(api, live) as client:
        first = await client.get(f"{THINGS}?a=1&b=2")
        again = await client.get(f"{THINGS}?b=2&a=1")
        padded = await client.get(f"{THINGS}?zz=1&b=2&a=1&utm=x")
        gzipped = await client.get(f"{THINGS}?b=2&a=1", headers={"Accept-Encoding": "gzip"})
    assert first.content == again.content == padded.content == gzipped.content
    assert calls == ["a=1&b=2", "b=2&a=1"]  # the gzip flag is a key of its own
    assert live.cached_entries == 2


async def test_an_answer_not_kept_sends_the_waiters_to_the_route() -> None:
    api, calls = small_app()
    live = LiveCatalog(Source(), ttl=3600, max_bytes=1 << 20)
    async with cached(api, live) as client:
        answers = await asyncio.gather(*(client.get(f"{THINGS}/none") for _ in range(4)))
    assert [a.status_code for a in answers] == [404] * 4
    assert live.cached_entries == 0 and calls == ["none"] * 4


async def test_an_entry_of_an_older_revision_is_never_served() -> None:
    api, calls = small_app()
    source = Source()
    live = LiveCatalog(source, ttl=3600, max_bytes=1 << 20)
    async with cached(api, live) as client:
        await client.get(f"{THINGS}/x")
        source.revision = R1._replace(number=2)
        live.invalidate()
        await client.get(f"{THINGS}/x")
    assert calls == ["x", "x"] and live.cached_entries == 1


async def test_a_revision_that_cannot_be_read_leaves_the_answer_to_the_route() -> None:
    """The route meets the same database and answers a problem, not a bare 500."""

    def unreachable() -> Revision:
        raise OperationalError("SELECT revision", {}, ConnectionError("database down"))

    api, calls = small_app()
    live = LiveCatalog(unreachable, ttl=3600, max_bytes=1 << 20)
    async with cached(api, live) as client:
        answer = await client.get(f"{THINGS}/x")
    assert answer.status_code == 200 and calls == ["x"] and live.cached_entries == 0


async def test_many_distinct_query_strings_keep_one_entry_and_a_bounded_key_memo() -> None:
    api, calls = small_app()
    live = LiveCatalog(Source(), ttl=3600, max_bytes=1 << 20)
    wrapped = CatalogReadCache(api, live=live, routes=api.routes, prefixes=(THINGS,))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=wrapped), base_url="http://t"
    ) as client:
        for n in range(KEY_MEMO_ENTRIES + 10):
            answer = await client.get(f"{THINGS}?a=1&utm={n}")
            assert answer.status_code == 200
    assert calls == ["a=1&utm=0"] and live.cached_entries == 1
    assert len(wrapped._keys) <= KEY_MEMO_ENTRIES
