"""What the bench measures: one request shape per table row."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from app.catalog.seed import load_seed
from bench.datagen import entry_templates
from bench.loadgen import ID_MARK, Request

API = "/api/v1"


@dataclass(frozen=True)
class Scenario:
    key: str
    label: str
    method: str
    path: str
    expect: int
    signed_in: bool = False
    body: str | None = None
    conditional: bool = False  # send If-None-Match with the URL's current ETag
    gzip: bool = False  # send Accept-Encoding: gzip
    max_connections: int | None = None

    def request(self, token: str | None, etag: str | None) -> Request:
        headers: dict[str, str] = {}
        if self.signed_in:
            assert token is not None
            headers["Authorization"] = f"Bearer {token}"
        if self.body is not None:
            headers["Content-Type"] = "application/json"
        if self.conditional:
            assert etag is not None
            headers["If-None-Match"] = etag
        if self.gzip:
            headers["Accept-Encoding"] = "gzip"
        return Request(self.method, self.path, self.expect, headers, self.body)


def session_body(entries: int = 10) -> str:
    """A valid session of `entries` sets (two per seeded exercise), with a fresh-id mark."""
    templates = entry_templates(load_seed().exercises)
    sets: list[dict[str, Any]] = []
    for options in templates.values():
        sets.extend({**options[n].body, "set_number": n + 1} for n in range(2))
    body = {
        "id": ID_MARK,
        "started_at": "2026-11-20T07:30:00+01:00",
        "ended_at": "2026-11-20T07:55:00+01:00",
        "notes": "",
        "entries": sets[:entries],
    }
    return json.dumps(body, separators=(",", ":"))


BARE = Scenario("bare", "bare Starlette, catalog bytes", "GET", f"{API}/exercises", 200)
CATALOG = Scenario("list", "GET /exercises (page of 20)", "GET", f"{API}/exercises", 200)
DETAIL = Scenario("detail", "GET /exercises/clamshell", "GET", f"{API}/exercises/clamshell", 200)
NOT_MODIFIED = Scenario(
    "304",
    "GET /exercises/clamshell, If-None-Match (304)",
    "GET",
    f"{API}/exercises/clamshell",
    304,
    conditional=True,
)
WHOLE_CATALOG = Scenario(
    "catalog", "GET /catalog (whole, gzip)", "GET", f"{API}/catalog", 200, gzip=True
)
SESSION_CREATE = Scenario(
    "create",
    "POST /sessions (10 entries, new id)",
    "POST",
    f"{API}/sessions",
    201,
    signed_in=True,
    body=session_body(),
)
PROGRESS = Scenario("progress", "GET /me/progress", "GET", f"{API}/me/progress", 200, True)
BUILDER = Scenario(
    "builder",
    "POST /routine-builder (1 connection)",
    "POST",
    f"{API}/routine-builder",
    200,
    signed_in=True,
    body='{"level":"intermediate","minutes":20}',
    max_connections=1,
)
