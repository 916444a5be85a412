"""Public catalog GETs answered from the live catalog before routing: the ASGI adapter.

Catalog reads are the hottest requests and their answers change only when the
catalog's revision moves. This layer keeps each 200 (body and headers) in the live
catalog (app/catalog/live/live.py, which owns storage, freshness and the byte bound)
and answers repeats -- `If-None-Match` with 304 included -- without entering the
framework. The key is the path, the query parameters the route declares in a canonical
order (as the route parses them, so `?a=1&b=2` and `?b=2&a=1` are one entry and an
unknown parameter makes none), and whether the client takes gzip (one parser,
app/core/negotiation.py). After a change, concurrent requests for one key wait for the
first one's answer instead of each building it.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Sequence
from operator import itemgetter
from urllib.parse import parse_qsl

import anyio.to_thread
from fastapi.dependencies.models import Dependant
from fastapi.routing import iter_route_contexts
from sqlalchemy.exc import SQLAlchemyError
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.catalog.exercises.repository import Revision
from app.catalog.live.live import CachedResponse, LiveCatalog, ResponseKey
from app.core.caching import IF_NONE_MATCH_MAX, etag_matches
from app.core.middleware import query_refused
from app.core.negotiation import accepts_gzip

# Headers a 304 repeats from the 200 it stands for (RFC 9110 section 15.4.5).
NOT_MODIFIED_HEADERS = (b"etag", b"cache-control", b"vary")

Declared = list[tuple[re.Pattern[str], frozenset[str]]]
KEY_MEMO_ENTRIES = 1024
KEY_MEMO_MAX_CHARS = 256


def declared_parameters(routes: Sequence[BaseRoute], prefixes: tuple[str, ...]) -> Declared:
    """Each cached GET route's path pattern and the names of the query parameters it reads."""
    return [
        (route.path_regex, frozenset(_query_names(route.dependant)))
        for route in iter_route_contexts(routes)  # the included routers' routes, prefixed
        if "GET" in (route.methods or ()) and (route.path or "").startswith(prefixes)
    ]


def _query_names(dependant: Dependant) -> Iterable[str]:
    """The query parameters a route and its dependencies read, by the name sent."""
    for param in dependant.query_params:
        yield param.alias
    for dependency in dependant.dependencies:
        yield from _query_names(dependency)


def response_key(path: str, query: bytes, declared: Declared, gzip: bool) -> ResponseKey | None:
    """The entry a request is answered from, or None when it must reach the app.

    Parsed as Starlette parses it (so two query strings with one key are the same request
    to the route); the parameters' order kept within a name (the route may read a list
    in order, and a repeated scalar as its last value). None for a path no cached route
    serves and for a query string the request guard refuses (it answers 400 or 422,
    however harmless the parameters the route reads).
    """
    names = next((names for pattern, names in declared if pattern.match(path)), None)
    if names is None:
        return None
    if not query:
        return path, (), gzip
    if query_refused(query):
        return None
    pairs = parse_qsl(query.decode("latin-1"), keep_blank_values=True)
    kept = sorted(((n, v) for n, v in pairs if n in names), key=itemgetter(0))
    return path, tuple(kept), gzip


class CatalogReadCache:
    def __init__(
        self,
        app: ASGIApp,
        *,
        live: LiveCatalog,
        routes: Sequence[BaseRoute],
        prefixes: tuple[str, ...],
    ) -> None:
        self.app = app
        self.live = live
        self.prefixes = prefixes
        self._routes = routes
        self._declared: Declared | None = None  # read on first use: every route is in by then
        # Request line -> key, so a repeated read is not parsed again (a pure function of
        # the request; bounded: short request lines only, emptied when full).
        self._keys: dict[tuple[str, bytes, bool], ResponseKey | None] = {}

    def _key(self, scope: Scope, gzip: bool) -> ResponseKey | None:
        path: str = scope["path"]
        query: bytes = scope["query_string"]
        line = (path, query, gzip)
        with contextlib.suppress(KeyError):
            return self._keys[line]
        if self._declared is None:
            self._declared = declared_parameters(self._routes, self.prefixes)
        key = response_key(path, query, self._declared, gzip)
        if len(path) + len(query) <= KEY_MEMO_MAX_CHARS:
            if len(self._keys) >= KEY_MEMO_ENTRIES:
                self._keys.clear()
            self._keys[line] = key
        return key

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not (
            scope["type"] == "http"
            and scope["method"] == "GET"
            and scope["path"].startswith(self.prefixes)
        ):
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        conditional = headers.get(b"if-none-match", b"")
        gzip = accepts_gzip(headers.get(b"accept-encoding", b"").decode("latin-1"))
        key = self._key(scope, gzip)
        if key is None or len(conditional) > IF_NONE_MATCH_MAX:
            # Not ours to answer: the route (or the guard) refuses it, or nothing serves it.
            await self.app(scope, receive, send)
            return
        live = self.live
        revision = live.fresh_revision()
        if revision is None:
            try:
                revision = await anyio.to_thread.run_sync(live.revision)
            except SQLAlchemyError:  # the route meets it too, and answers a problem
                await self.app(scope, receive, send)
                return
        entry = live.response(key, revision)
        if entry is None:
            flight = live.lead(key, revision)
            if flight is None:
                try:
                    await self._fill(scope, receive, send, key, revision)
                finally:
                    live.land(key, revision)
                return
            await live.wait(flight)
            entry = live.response(key, revision)
            if entry is None:  # the answer it waited for was not one to keep (a 404, say)
                await self.app(scope, receive, send)
                return
        if etag_matches(conditional.decode("latin-1"), entry.etag):
            await _respond(send, 304, entry.not_modified_headers, b"")
        else:
            await _respond(send, 200, entry.headers, entry.body)

    async def _fill(
        self, scope: Scope, receive: Receive, send: Send, key: ResponseKey, revision: Revision
    ) -> None:
        start: Message | None = None
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    entry = _cacheable(start, b"".join(chunks))
                    if entry is not None:
                        self.live.keep_response(key, revision, entry)
            await send(message)

        await self.app(scope, receive, capture)


def _cacheable(start: Message | None, body: bytes) -> CachedResponse | None:
    """The response as an entry, if it is a 200 the route marked public with an ETag."""
    if start is None or start["status"] != 200:
        return None
    headers = list(start.get("headers", []))
    named = {k.lower(): v for k, v in headers}
    etag = named.get(b"etag")
    if etag is None or not named.get(b"cache-control", b"").startswith(b"public"):
        return None
    return CachedResponse(
        headers=headers,
        body=body,
        etag=etag.decode("latin-1"),
        not_modified_headers=[(k, v) for k, v in headers if k.lower() in NOT_MODIFIED_HEADERS],
    )


async def _respond(
    send: Send, status: int, headers: list[tuple[bytes, bytes]], body: bytes
) -> None:
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
