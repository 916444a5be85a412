"""An in-memory cache of public GET responses, answered before routing.

Catalog reads are the hottest requests and their answers change only when the
catalog's revision moves. This ASGI layer keeps each 200 response (body and headers)
keyed on path, query and whether the client takes gzip (one parser,
app/core/negotiation.py), tagged with the revision it was built at,
and answers repeats -- including `If-None-Match` with 304 -- without entering the
framework. An entry built at an older revision is never served.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import anyio.to_thread
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.caching import IF_NONE_MATCH_MAX, etag_matches
from app.core.negotiation import accepts_gzip

CacheKey = tuple[str, bytes, bool]


@dataclass(frozen=True)
class _Entry:
    revision: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: str
    not_modified_headers: list[tuple[bytes, bytes]]


class VersionSource(Protocol):
    """What the cache needs to know about freshness (see app/catalog/version.py)."""

    def fresh(self) -> bool: ...

    @property
    def cached(self) -> int: ...

    def current(self) -> int: ...


class PublicResponseCache:
    def __init__(
        self,
        app: ASGIApp,
        *,
        prefixes: tuple[str, ...],
        version: Callable[[], VersionSource],
        max_entries: int = 4096,
    ) -> None:
        self.app = app
        self.prefixes = prefixes
        self.version = version
        self.max_entries = max_entries
        self._entries: OrderedDict[CacheKey, _Entry] = OrderedDict()

    def _cacheable(self, scope: Scope) -> bool:
        return bool(
            scope["type"] == "http"
            and scope["method"] == "GET"
            and scope["path"].startswith(self.prefixes)
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._cacheable(scope):
            await self.app(scope, receive, send)
            return
        source = self.version()
        revision = (
            source.cached if source.fresh() else await anyio.to_thread.run_sync(source.current)
        )
        headers = dict(scope["headers"])
        gzip = accepts_gzip(headers.get(b"accept-encoding", b"").decode("latin-1"))
        key: CacheKey = (scope["path"], scope["query_string"], gzip)
        entry = self._entries.get(key)
        conditional = headers.get(b"if-none-match", b"")
        if len(conditional) > IF_NONE_MATCH_MAX:
            entry = None  # let the route validate (and refuse) the oversized header
        if entry is not None and entry.revision == revision:
            self._entries.move_to_end(key)
            if etag_matches(conditional.decode("latin-1"), entry.etag):
                await _respond(send, 304, entry.not_modified_headers, b"")
            else:
                await _respond(send, 200, entry.headers, entry.body)
            return
        await self._fill(scope, receive, send, key, revision)

    async def _fill(
        self, scope: Scope, receive: Receive, send: Send, key: CacheKey, revision: int
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
                    self._store(key, revision, start, b"".join(chunks))
            await send(message)

        await self.app(scope, receive, capture)

    def _store(self, key: CacheKey, revision: int, start: Message | None, body: bytes) -> None:
        if start is None or start["status"] != 200:
            return
        headers = list(start.get("headers", []))
        named = {k.lower(): v for k, v in headers}
        etag = named.get(b"etag")
        if etag is None or not named.get(b"cache-control", b"").startswith(b"public"):
            return
        keep = (b"etag", b"cache-control", b"vary")
        self._entries[key] = _Entry(
            revision=revision,
            headers=headers,
            body=body,
            etag=etag.decode("latin-1"),
            not_modified_headers=[(k, v) for k, v in headers if k.lower() in keep],
        )
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)


async def _respond(
    send: Send, status: int, headers: list[tuple[bytes, bytes]], body: bytes
) -> None:
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
