"""What the bench measures: one request shape per table row."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from app.catalog.exercises.seed import load_seed
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
    # Measured with this many connections (not BENCH_CONNECTIONS), each signed in as a
    # distinct user of the scale database when `users` > 1.
    connections: int | None = None
    users: int = 1
    # The least seconds a run lasts: with many connections the first answers take a while.
    min_seconds: int = 0

    def request(self, token: str | None, etag: str | None, tokens: tuple[str, ...] = ()) -> Request:
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
        return Request(self.method, self.path, self.expect, headers, self.body, tokens)


def session_body(entries: int = 10) -> str:
    """A valid session of `entries` sets (two per seeded exercise), with a fresh-id mark."""
    templates = entry_templates(load_seed().exercises)
    base = [options[n].body for options in templates.values() for n in range(2)]
    sets = [{**base[i % len(base)], "set_number": i % 50 + 1} for i in range(entries)]
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


# Signed-in operations, each measured beside the bare floor (bench/floor_app.py) on the
# same database. `{session_id}` and `{routine_id}` are filled in once the data exists.
SESSION_CREATE_500 = Scenario(
    "create500",
    "POST /sessions (500 entries, new id)",
    "POST",
    f"{API}/sessions",
    201,
    signed_in=True,
    body=session_body(500),
)
SESSION_LIST = Scenario(
    "sessions",
    "GET /sessions?limit=20 (10 entries each)",
    "GET",
    f"{API}/sessions?limit=20",
    200,
    signed_in=True,
)
SESSION_DETAIL = Scenario(
    "session", "GET /sessions/{id}", "GET", f"{API}/sessions/{{session_id}}", 200, signed_in=True
)
ME = Scenario("me", "GET /me", "GET", f"{API}/me", 200, signed_in=True)
ME_ONE = Scenario("me1", "GET /me (1 connection)", "GET", f"{API}/me", 200, True, max_connections=1)
ROUTINE = Scenario(
    "routine",
    "GET /routines/{id} (a template)",
    "GET",
    f"{API}/routines/{{routine_id}}",
    200,
    signed_in=True,
)
# The floors' old 4-statement create (bench/floor_app.py MINIMAL_CREATE), measured beside
# the creates so the ratio against it stays visible.
MINIMAL_CREATE = f"{API}/minimal/sessions"
# (scenario, least rps / stack floor rps): the target, same run. The stack floor
# does the same statements and bytes on FastAPI + SQLAlchemy Core (stack_floor_app.py).
STACK_FLOOR_TARGET = 0.8
FLOORED: list[tuple[Scenario, float]] = [
    (scenario, STACK_FLOOR_TARGET)
    for scenario in (SESSION_CREATE, SESSION_CREATE_500, SESSION_LIST, SESSION_DETAIL, ME, ROUTINE)
]
# The bench user's sessions lie in the two years before 2026 (bench/datagen.py), so the
# progress rows ask for 2025 (the longest window, 366 days): about half their sets count.
PROGRESS_WINDOW = "from=2025-01-01&to=2025-12-31"
PROGRESS_ONE = Scenario(
    "progress1",
    "GET /me/progress?(2025) (bench user, 1 connection)",
    "GET",
    f"{API}/me/progress?{PROGRESS_WINDOW}",
    200,
    signed_in=True,
    max_connections=1,
)
# The progress report (HTML with its charts) of the bench user's last 12 weeks of 2025
# (the report's default span): it must build in under a second (issue #26).
REPORT_WINDOW = "from=2025-10-09&to=2025-12-31"
REPORT_ONE = Scenario(
    "report1",
    "GET /me/report?(12 weeks of 2025) (bench user, 1 connection)",
    "GET",
    f"{API}/me/report?{REPORT_WINDOW}",
    200,
    signed_in=True,
    max_connections=1,
)
PROGRESS_SMALL = replace(
    PROGRESS_ONE, key="progress500", label="GET /me/progress?(2025) (500 sets, 1 connection)"
)

# Scaling out: distinct users of the scale database (the clinic's patients, in its care)
# writing at once, one connection each, so no change counter serialises them; measured
# with one worker and, on PostgreSQL, two.
MANY_USERS = 128
MANY_CREATE = replace(
    SESSION_CREATE,
    key="many",
    label=f"POST /sessions (10 entries), {MANY_USERS} users at once",
    connections=MANY_USERS,
    users=MANY_USERS,
    min_seconds=5,
)

# The clinician's view on the scale database: the bench user runs a clinic whose
# `care_patients` patients own every other set (bench/datagen.py); one page of 20,
# who needs attention first.
CARE = Scenario(
    "care",
    "GET /clinics/{id}/patients?limit=20",
    "GET",
    f"{API}/clinics/{{clinic_id}}/patients?limit=20",
    200,
    signed_in=True,
)
# The page's latency, as a clinician opening the view waits for it: one connection (with
# BENCH_CONNECTIONS at once, p50 is mostly the queue: about connections x service time).
CARE_ONE = replace(
    CARE,
    key="care1",
    label="GET /clinics/{id}/patients?limit=20 (1 connection)",
    max_connections=1,
)
