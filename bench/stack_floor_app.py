"""The stack floor: bench/floor_app.py's operations on FastAPI + SQLAlchemy, nothing of Medius.

The bare floor (floor_app.py) is the least work a signed-in request must do; the app is
FastAPI + SQLAlchemy + pydantic by choice. This app sits between them: the very same
statements, answer-building code and JSON bytes as the floor (its `Operations`), served
the idiomatic way on the project's stack:

- a FastAPI app; the token read by an `Annotated` bearer dependency (`HTTPBearer`, an
  `async def` decoding the JWT on the event loop, as the app's units do);
- each operation in one worker thread (sync `def` routes; the POST is `async def` to
  read the raw body, then one `run_in_threadpool` hop), with anyio's thread limiter set
  to WORKER_THREADS in the lifespan as the app does;
- prebuilt SQLAlchemy Core statements (`text()` of the floor's own SQL, IN lists as
  expanding parameters) on a pooled engine with the app's pool settings (WORKER_THREADS
  kept connections, DB_MAX_OVERFLOW more), the app's SQLite pragmas and `BEGIN
  IMMEDIATE` writes queued on a process lock (as app/core/db.py does);
- the answer is orjson bytes in a plain `Response` (no pydantic model, no
  `jsonable_encoder`).

So the ratio Medius / stack floor is Medius' own cost, and stack floor / floor is what
FastAPI and SQLAlchemy cost for the same work. The create sends the app's statements
(floor_app.py's docstring; tests/bench/test_floor_create.py counts them on this app's
engine against the app's); POST /api/v1/minimal/sessions is the old 4-statement create,
measured beside it in the bench so the old ratio stays visible. Reads run without a transaction
(autocommit), as the floor's do; the write is one transaction.

Environment: as floor_app.py, plus BENCH_STACK_THREADS, BENCH_STACK_POOL_SIZE and
BENCH_STACK_MAX_OVERFLOW (bench/run.py passes the app's resolved settings).
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from typing import Annotated, Any

import orjson
from anyio import to_thread
from fastapi import Depends, FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Connection, TextClause, bindparam, create_engine, event, text

from bench.floor_app import (
    DATABASE,
    MINIMAL_CREATE,
    POSTGRES,
    PRAGMAS,
    PROBLEM,
    SQL,
    UNAUTHORIZED,
    CareOperations,
    Db,
    Refused,
    problem_body,
    token_claims,
)

THREADS = int(os.environ.get("BENCH_STACK_THREADS", "8"))
POOL_SIZE = int(os.environ.get("BENCH_STACK_POOL_SIZE", str(THREADS)))
MAX_OVERFLOW = int(os.environ.get("BENCH_STACK_MAX_OVERFLOW", "2"))
_WRITE = "stack_floor_write"


def _statement(sql: str) -> TextClause:
    """The floor's SQL as a Core statement: `?` -> `:p0, :p1, ...`, `({})` -> expanding."""
    expanding = "{}" in sql
    parts = sql.replace("({})", ":items").split("?")
    named = parts[0] + "".join(f":p{n}{part}" for n, part in enumerate(parts[1:]))
    statement = text(named)
    return statement.bindparams(bindparam("items", expanding=True)) if expanding else statement


STATEMENTS = {key: _statement(sql) for key, sql in SQL.items() if "{in_}" not in sql}


@functools.cache
def _finished(sql: str) -> TextClause:
    """Finished SQL text (no `({})` list left) as a Core statement, built once."""
    return _statement(sql)


def _named(params: Sequence[Any]) -> dict[str, Any]:
    return {f"p{n}": value for n, value in enumerate(params)}


def _engine() -> Any:
    if POSTGRES:
        return create_engine(
            DATABASE, pool_size=POOL_SIZE, max_overflow=MAX_OVERFLOW, pool_pre_ping=True
        )
    engine = create_engine(
        DATABASE,
        connect_args={"check_same_thread": False, "timeout": 5.0},
        pool_size=POOL_SIZE,
        max_overflow=MAX_OVERFLOW,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # autocommit; writes BEGIN themselves
        for pragma in PRAGMAS:
            dbapi_connection.execute(f"PRAGMA {pragma}")

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        if connection.get_execution_options().get(_WRITE, False):
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


engine = _engine()
# PostgreSQL reads in autocommit, as the floor's (SQLite's connections are autocommit).
reads = engine.execution_options(isolation_level="AUTOCOMMIT") if POSTGRES else engine
# SQLite has one writer: this process's writers queue here rather than in SQLite's
# sleeping busy handler (the app does the same, app/core/db.py).
writers = threading.Lock() if not POSTGRES else None


class CoreDb(Db):
    """The floor's `Db` interface on one pooled SQLAlchemy connection."""

    def __init__(self, conn: Connection) -> None:
        super().__init__()
        self._conn = conn

    def fetch(self, key: str, params: Sequence[Any]) -> list[Any]:
        if "{}" in SQL[key]:
            bound = {"items": list(params)}
        else:
            bound = {f"p{n}": value for n, value in enumerate(params)}
        return list(self._conn.execute(STATEMENTS[key], bound).fetchall())

    def fetch_in(self, key: str, params: Sequence[Any], items: Sequence[Any]) -> list[Any]:
        bound: dict[str, Any] = {f"p{n}": value for n, value in enumerate(params)}
        return list(self._conn.execute(STATEMENTS[key], {**bound, "items": list(items)}).all())

    def write_many(self, key: str, rows: Sequence[Sequence[Any]]) -> None:
        """One executemany in its own transaction (SQLite: queued, BEGIN IMMEDIATE)."""
        conn = self._conn
        if writers is not None:
            conn.commit()
            writers.acquire()
        try:
            if writers is not None:
                conn.execution_options(**{_WRITE: True}).begin()
            params = [{f"p{n}": value for n, value in enumerate(row)} for row in rows]
            conn.execute(STATEMENTS[key], params)
            conn.commit()
        except Exception:
            conn.rollback()
            raise
        finally:
            if writers is not None:
                writers.release()

    def run(self, sql: str, params: Sequence[Any]) -> list[Any]:
        result = self._conn.execute(_finished(sql), _named(params))
        return list(result.all()) if result.returns_rows else []

    def run_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self._conn.execute(_finished(sql), [_named(row) for row in rows])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction on the request's connection (PostgreSQL: the one its reads
        began; SQLite: queued on the process lock, BEGIN IMMEDIATE after the reads)."""
        conn = self._conn
        if writers is not None:
            conn.commit()  # the reads' autobegun transaction: nothing sent in autocommit
            writers.acquire()
        try:
            if writers is not None:
                conn.execution_options(**{_WRITE: True}).begin()
            yield
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
        finally:
            if writers is not None:
                writers.release()

    def write(self, session: Sequence[Any], entries: Sequence[Sequence[Any]]) -> bool:
        """The minimal create's insert and executemany in one transaction on the request's
        connection (PostgreSQL: the one its reads began; SQLite: BEGIN IMMEDIATE after
        them)."""
        session_params = {f"p{n}": value for n, value in enumerate(session)}
        entry_params = [{f"p{n}": value for n, value in enumerate(row)} for row in entries]
        try:
            with self.transaction():
                self._conn.execute(STATEMENTS["insert_session_minimal"], session_params)
                self._conn.execute(STATEMENTS["insert_entry"], entry_params)
        except Exception:
            return False
        return True


# In a transaction, not autocommit.
WRITES = {"create_session", "create_session_minimal", "care_patients"}
Ids = Any  # (user id, token family id) | None
bearer = HTTPBearer(auto_error=False)


async def token_ids(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Ids:
    """The token's ids if its signature and expiry hold; the sign-in is checked with the
    operation, in its thread."""
    return None if credentials is None else token_claims(credentials.credentials)


TokenIds = Annotated[Ids, Depends(token_ids)]


def _run(status: int, ids: Ids, operation: str, *args: Any) -> Response:
    """Check the sign-in and run one operation on one pooled connection (the create's in
    one PostgreSQL transaction, as the floor's reads and write are)."""
    source = engine if operation in WRITES else reads
    try:
        with source.connect() as conn:
            ops = CareOperations(CoreDb(conn))
            data = getattr(ops, operation)(ops.user(ids), *args)
    except Refused as refused:
        return Response(problem_body(refused), refused.status, media_type=PROBLEM)
    return Response(orjson.dumps(data), status, media_type="application/json")


@asynccontextmanager
async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
    to_thread.current_default_thread_limiter().total_tokens = THREADS
    yield
    engine.dispose()


app = FastAPI(lifespan=lifespan, openapi_url=None, docs_url=None, redoc_url=None)


@app.post("/api/v1/sessions")
async def create_session(request: Request, ids: TokenIds) -> Response:
    if ids is None:
        return Response(problem_body(UNAUTHORIZED), 401, media_type=PROBLEM)
    return await run_in_threadpool(_run, 201, ids, "create_session", await request.body())


@app.post(MINIMAL_CREATE)
async def create_session_minimal(request: Request, ids: TokenIds) -> Response:
    if ids is None:
        return Response(problem_body(UNAUTHORIZED), 401, media_type=PROBLEM)
    body = await request.body()
    return await run_in_threadpool(_run, 201, ids, "create_session_minimal", body)


@app.get("/api/v1/sessions")
def list_sessions(ids: TokenIds, limit: str | None = None) -> Response:
    return _run(200, ids, "list_sessions", limit)


@app.get("/api/v1/sessions/{session_id}")
def get_session(ids: TokenIds, session_id: str) -> Response:
    return _run(200, ids, "get_session", session_id)


@app.get("/api/v1/me")
def me(ids: TokenIds) -> Response:
    return _run(200, ids, "me")


@app.get("/api/v1/routines/{routine_id}")
def get_routine(ids: TokenIds, routine_id: str) -> Response:
    return _run(200, ids, "get_routine", routine_id)


@app.get("/api/v1/clinics/{clinic_id}/patients")
def care_patients(ids: TokenIds, clinic_id: str, limit: str | None = None) -> Response:
    return _run(200, ids, "care_patients", clinic_id, limit)


@app.get("/readyz")
async def ready() -> Response:
    return Response(b'{"status":"ok"}', media_type="application/json")
