"""Where a signed-in request spends its time: pyinstrument, statements, thread-pool hops.

`python -m bench.profile [sqlite|postgresql ...]` builds the real app in-process
(`create_app`, production settings) on a fresh database holding the bench user with
50,000 logged sets and a second user with 500, running a clinic of 5,000 patients (who own
the other sets), signs in, then for each operation:

- counts the SQL statements one request sends and the thread-pool hops it takes
  (`anyio.to_thread.run_sync` calls: every sync dependency and sync endpoint is one);
- profiles N requests with pyinstrument. pyinstrument samples one thread only, so while
  profiling the hops run inline on the event loop: the profile then shows all the CPU
  work of the request; what the hops themselves cost under load is what the
  hop count and the bench's p99 show;
- for GET /me/progress, EXPLAINs each statement on the database (QUERY PLAN on SQLite,
  EXPLAIN ANALYZE on PostgreSQL).

`--only=me,routine` profiles just those operations (the statements file then lists only
them); `--small` uses 100 extra exercises and 6,000 sets, for a quick A/B of one change.

Writes bench/results/profiles/<database>-<operation>.txt (the top frames with their
share of the samples) and <database>-statements.md.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import anyio.to_thread
import httpx
from pyinstrument import Profiler
from sqlalchemy import event, text
from sqlalchemy.engine import Engine

from app.core.config import Settings
from app.main import create_app
from bench import loadgen, scenarios
from bench.datagen import BENCH_EMAIL, BENCH_PASSWORD, Scale, care_clinic_id, generate
from bench.loader import load_scale, migrate_and_seed, one_password_hash
from harness.server import PRODUCTION_SECRET

OUT = Path(__file__).resolve().parent / "results" / "profiles"
API = "/api/v1"


@dataclass
class Counter:
    statements: list[tuple[str, Any]] = field(default_factory=list)
    hops: int = 0
    inline: bool = False


COUNTER = Counter()
_real_run_sync = anyio.to_thread.run_sync


async def _run_sync(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    COUNTER.hops += 1
    if COUNTER.inline:
        return func(*args)
    return await _real_run_sync(func, *args, **kwargs)


anyio.to_thread.run_sync = _run_sync  # type: ignore[assignment]


def _on_execute(_conn: Any, _cursor: Any, statement: str, params: Any, *_rest: Any) -> None:
    COUNTER.statements.append((statement, params))


@dataclass(frozen=True)
class Operation:
    key: str
    method: str
    path: str
    body: str | None = None
    user: str = "bench"  # "bench" (50,000 sets) or "small" (500 sets)


def operations(ids: dict[str, str]) -> list[Operation]:
    progress = f"{API}/me/progress?{scenarios.PROGRESS_WINDOW}"
    return [
        # The clinician's view first, on the clinic as loaded (the creates add sessions).
        Operation("care", "GET", f"{API}/clinics/{ids['clinic_id']}/patients?limit=20"),
        # Reads first: the sessions the creates add (2026) would become the latest 20.
        Operation("list-20", "GET", f"{API}/sessions?limit=20"),
        Operation("detail", "GET", f"{API}/sessions/{ids['session_id']}"),
        Operation("create-10", "POST", f"{API}/sessions", scenarios.session_body(10)),
        Operation("create-500", "POST", f"{API}/sessions", scenarios.session_body(500)),
        Operation("me", "GET", f"{API}/me"),
        Operation("routine", "GET", f"{API}/routines/{ids['routine_id']}"),
        Operation("progress-50000", "GET", progress),
        Operation("progress-500", "GET", progress, user="small"),
        Operation("builder", "POST", f"{API}/routine-builder", scenarios.BUILDER.body),
    ]


async def _sign_in(client: httpx.AsyncClient, email: str, password: str) -> str:
    answer = await client.post(f"{API}/auth/token", data={"username": email, "password": password})
    answer.raise_for_status()
    return str(answer.json()["access_token"])


async def _send(client: httpx.AsyncClient, op: Operation, token: str) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"}
    body = None
    if op.body is not None:
        headers["Content-Type"] = "application/json"
        body = op.body.replace(loadgen.ID_MARK, str(uuid.uuid4()))
    return await client.request(op.method, op.path, headers=headers, content=body)


def _top_frames(profiler: Profiler, limit: int = 40) -> str:
    """The call tree, trimmed to frames holding at least 2% of the samples."""
    return profiler.output_text(unicode=False, color=False, show_all=False, timeline=False)


async def profile_database(
    name: str, url: str, requests: int, clinic_id: uuid.UUID, only: tuple[str, ...] = ()
) -> None:
    # The creates log hundreds of sessions on one day: lift the daily quota as the bench's
    # servers do (bench/run.py), or the last creates would measure a 409.
    settings = Settings(
        database_url=url,
        env="production",
        secret_key=PRODUCTION_SECRET,
        max_sessions_per_day=100_000,
    )
    app = create_app(settings)
    engine: Engine = app.state.engine
    event.listen(engine, "before_cursor_execute", _on_execute)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        small_email = "small@example.com"
        answer = await client.post(
            f"{API}/auth/register", json={"email": small_email, "password": BENCH_PASSWORD}
        )
        assert answer.status_code == 201, answer.text
        tokens = {
            "bench": await _sign_in(client, BENCH_EMAIL, BENCH_PASSWORD),
            "small": await _sign_in(client, small_email, BENCH_PASSWORD),
        }
        body = scenarios.session_body(10).replace("2026-11-20", "2025-06-01")
        for _ in range(50):  # the small user: 50 sessions of 10 sets
            op = Operation("seed", "POST", f"{API}/sessions", body, user="small")
            assert (await _send(client, op, tokens["small"])).status_code == 201
        listed = await client.get(
            f"{API}/sessions?limit=1", headers={"Authorization": f"Bearer {tokens['bench']}"}
        )
        session_id = listed.json()["items"][0]["id"]
        with engine.connect() as conn:
            raw = conn.execute(text("SELECT id FROM routine WHERE is_template LIMIT 1")).scalar()
        routine_id = str(raw if isinstance(raw, uuid.UUID) else uuid.UUID(hex=str(raw)))
        lines = [f"# Statements and thread-pool hops per request ({name})\n"]
        lines.append(
            "| operation | status | statements | thread-pool hops "
            "| ms per request (inline, profiled) |"
        )
        lines.append("|---|--:|--:|--:|--:|")
        explains: list[str] = []
        ids = {"session_id": session_id, "routine_id": routine_id, "clinic_id": str(clinic_id)}
        for op in operations(ids):
            if only and not op.key.startswith(only):
                continue
            token = tokens[op.user]
            for _ in range(3):  # warm caches
                await _send(client, op, token)
            COUNTER.statements.clear()
            COUNTER.hops = 0
            answer = await _send(client, op, token)
            statements, hops = list(COUNTER.statements), COUNTER.hops
            slow = "500" in op.key or "progress" in op.key or op.key == "care"
            count = max(3, requests // (20 if slow else 1))
            COUNTER.inline = True
            profiler = Profiler(interval=0.0005, async_mode="disabled")
            began = time.perf_counter()
            profiler.start()
            for _ in range(count):
                await _send(client, op, token)
            profiler.stop()
            per_request = (time.perf_counter() - began) * 1000 / count
            COUNTER.inline = False
            lines.append(
                f"| {op.key} | {answer.status_code} | {len(statements)} | {hops} "
                f"| {per_request:.2f} |"
            )
            header = (
                f"{name} {op.method} {op.path} ({op.user} user): {count} requests, "
                f"{per_request:.2f} ms each in-process (thread-pool hops inline), "
                f"{len(statements)} statements, {hops} thread-pool hops per request\n\n"
            )
            (OUT / f"{name}-{op.key}.txt").write_text(header + _top_frames(profiler))
            (OUT / f"{name}-{op.key}.html").unlink(missing_ok=True)
            if op.key.startswith(("progress", "care")):
                explains.append(f"\n## {op.key}: {len(statements)} statements\n")
                explains += _explain(engine, name, statements)
            print(f"{name} {op.key}: {per_request:.2f} ms, {len(statements)} stmts, {hops} hops")
        partial = "".join(f"-{key}" for key in only)  # a partial run keeps the full file
        (OUT / f"{name}-statements{partial}.md").write_text("\n".join(lines + explains) + "\n")
    engine.dispose()


def _explain(engine: Engine, name: str, statements: list[tuple[str, Any]]) -> list[str]:
    out: list[str] = []
    prefix = "EXPLAIN QUERY PLAN " if name == "sqlite" else "EXPLAIN (ANALYZE, BUFFERS) "
    with engine.connect() as conn:
        for statement, params in statements:
            if not statement.lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            raw = conn.connection.dbapi_connection
            assert raw is not None
            cursor = raw.cursor()
            cursor.execute(prefix + statement, params)
            plan = "\n".join(" | ".join(str(c) for c in row) for row in cursor.fetchall())
            cursor.close()
            out.append("```sql\n" + " ".join(statement.split())[:1500] + "\n```\n")
            out.append("```\n" + plan + "\n```\n")
        conn.rollback()
    return out


def main() -> None:
    names = [a for a in sys.argv[1:] if not a.startswith("-")] or ["sqlite", "postgresql"]
    # --only=progress,create: profile just the operations whose keys start so.
    only = tuple(
        key for a in sys.argv[1:] if a.startswith("--only=") for key in a[7:].split(",") if key
    )
    requests = 200
    OUT.mkdir(parents=True, exist_ok=True)
    # The builder plans over the whole catalog: profile it at make bench's 10,000 exercises.
    # The clinician's view reads a clinic of 5,000 patients (users after the bench user).
    scale = Scale(exercises=10_000, users=5_010, sets=110_000, bench_user_sets=50_000)
    if "--small" in sys.argv:
        scale = Scale(exercises=100, users=5_010, sets=56_000, bench_user_sets=5_000)
    data = generate(scale, one_password_hash())
    with tempfile.TemporaryDirectory(prefix="medius-profile-") as workdir:
        for name in names:
            cluster = None
            if name == "sqlite":
                url = f"sqlite:///{Path(workdir) / 'profile.db'}"
            else:
                from harness.postgres import start_cluster
                from harness.server import free_port

                cluster = start_cluster(port=free_port())  # over TCP, as in production
                admin = cluster.admin_url
                from sqlalchemy import create_engine

                with create_engine(admin, isolation_level="AUTOCOMMIT").connect() as conn:
                    conn.execute(text("CREATE DATABASE bench_profile"))
                url = cluster.url("bench_profile")
            try:
                migrate_and_seed(url)
                load_scale(url, data, log=print)
                clinic_id = care_clinic_id(scale)
                asyncio.run(profile_database(name, url, requests, clinic_id, only))
            finally:
                if cluster is not None:
                    cluster.stop()


if __name__ == "__main__":
    main()
