"""CPU per request of the bare floor, the stack floor and Medius, in process (SQLite).

`python -m bench.floor_cpu` migrates and seeds a temporary SQLite database, signs a
user up through the real app (production settings otherwise, cheap argon2id), logs 20
sessions of 10 entries, then calls each of the three ASGI apps directly (no HTTP, no
load generator: one request at a time) and prints the CPU milliseconds per request
(`time.process_time`, all threads: the stack floor's and Medius' worker thread count),
the median of 5 batches of 400. It also times each floor operation alone, through the
raw driver and through SQLAlchemy Core on a pooled connection, and PyJWT's decode: what
is left of the stack floor's extra is FastAPI's request path and the thread hop.

CPU time is steadier than the rate on a shared machine; it leaves out what the rate
shows under concurrency (GIL contention, queueing for threads and connections).
Figures: bench/results/profile-notes.md ("The stack floor").
"""

from __future__ import annotations

import asyncio
import importlib
import os
import statistics
import tempfile
import time
import timeit
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, text

from bench.loadgen import ID_MARK
from bench.scenarios import session_body

SECRET = "floor-cpu-secret-key-long-enough-for-hs256-signing"  # noqa: S105
PASSWORD = "correct horse battery staple"  # noqa: S105
BATCH, ROUNDS = 400, 5


def _median_ms(work: Callable[[], None], n: int) -> float:
    times = []
    for _ in range(ROUNDS):
        began = time.process_time()
        for _ in range(n):
            work()
        times.append((time.process_time() - began) / n * 1000)
    return statistics.median(times)


async def _get(asgi: Any, path: str, token: str) -> None:
    route, _, query = path.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": route,
        "raw_path": route.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"authorization", f"Bearer {token}".encode()), (b"host", b"bench")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 80),
    }
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await asgi(scope, receive, send)
    if sent[0]["status"] != 200:
        raise RuntimeError(f"{path}: {sent}")


def _per_request(asgi: Any, path: str, token: str) -> float:
    async def batch() -> None:
        for _ in range(BATCH):
            await _get(asgi, path, token)

    return _median_ms(lambda: asyncio.run(batch()), 1) / BATCH


async def _prepare(app: Any) -> tuple[str, str]:
    """Sign a user up and log 20 sessions; return the token and the last session's id."""
    transport = httpx.ASGITransport(app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        email = "floor-cpu@example.com"
        await client.post("/api/v1/auth/register", json={"email": email, "password": PASSWORD})
        answer = await client.post(
            "/api/v1/auth/token", data={"username": email, "password": PASSWORD}
        )
        token = answer.json()["access_token"]
        session_id = ""
        for _ in range(20):
            session_id = str(uuid.uuid4())
            created = await client.post(
                "/api/v1/sessions",
                content=session_body(10).replace(ID_MARK, session_id),
                headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
            )
            if created.status_code != 201:
                raise RuntimeError(created.text)
    return token, session_id


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="medius-floor-cpu-"))
    url = f"sqlite:///{folder / 'cpu.db'}"
    os.environ.update(BENCH_FLOOR_DATABASE=url, SECRET_KEY=SECRET)
    from app.core.config import Settings
    from app.main import create_app
    from bench.loader import migrate_and_seed

    migrate_and_seed(url)
    settings = Settings(
        database_url=url, secret_key=SECRET, argon2_time_cost=1, argon2_memory_kib=8192
    )
    medius = create_app(settings)
    token, session_id = asyncio.run(_prepare(medius))
    engine = create_engine(url)
    with engine.connect() as conn:
        raw = conn.execute(text("SELECT id FROM routine WHERE is_template LIMIT 1")).scalar_one()
    engine.dispose()
    routine_id = str(uuid.UUID(hex=raw))
    bare = importlib.import_module("bench.floor_app")
    stack = importlib.import_module("bench.stack_floor_app")

    operations = [
        ("GET /me", "/api/v1/me", "me", ()),
        ("GET /routines/{id}", f"/api/v1/routines/{routine_id}", "get_routine", (routine_id,)),
        ("GET /sessions/{id}", f"/api/v1/sessions/{session_id}", "get_session", (session_id,)),
        ("GET /sessions?limit=20", "/api/v1/sessions?limit=20", "list_sessions", ("20",)),
    ]
    ids = bare.token_claims(token)

    def raw_op(name: str, args: tuple[str, ...]) -> Callable[[], None]:
        def run() -> None:
            getattr(bare.ops, name)(bare.ops.user(ids), *args)

        return run

    def core_op(name: str, args: tuple[str, ...]) -> Callable[[], None]:
        def run() -> None:
            with stack.reads.connect() as conn:
                ops = stack.CareOperations(stack.CoreDb(conn))
                getattr(ops, name)(ops.user(ids), *args)

        return run

    print("CPU ms per request (median of 5 x 400), SQLite, in process")
    print("| operation | floor | stack floor | Medius | op alone, raw | op alone, Core |")
    print("|---|--:|--:|--:|--:|--:|")
    for label, path, name, args in operations:
        cells = [_per_request(app, path, token) for app in (bare.app, stack.app, medius)]
        cells += [_median_ms(raw_op(name, args), 1000), _median_ms(core_op(name, args), 1000)]
        print(f"| {label} | " + " | ".join(f"{c:.3f}" for c in cells) + " |")
    decode = min(timeit.repeat(lambda: bare.token_claims(token), number=1000, repeat=5))
    print(f"PyJWT decode: {decode:.3f} ms")
    stack.engine.dispose()
    medius.state.engine.dispose()


if __name__ == "__main__":
    main()
