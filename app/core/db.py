"""Engine and session handling for SQLite (default) and PostgreSQL."""

from __future__ import annotations

import asyncio
import contextlib
import threading
import weakref
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from typing import Any

from sqlalchemy import ColumnElement, Connection, Engine, Executable, event, update
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, create_engine

from app.core.config import Settings

IMMEDIATE_OPTION = "medius_sqlite_immediate"
# A unit that runs one read statement and nothing else: on SQLite it needs no explicit
# transaction (the statement is its own), so neither BEGIN nor ROLLBACK is sent.
SINGLE_READ_OPTION = "medius_single_read"
# Set on every connection of a read engine (`read_engine`): such a connection refuses writes.
READ_ONLY_OPTION = "medius_read_only"
_READ_ENGINE = "_medius_read_engine"
_WRITE_ENGINE = "_medius_write_engine"  # on a read engine: the engine it reads for
_HOLDS_WRITE_LOCK = "medius_holds_write_lock"
# Write units of one SQLite process that may hold a request thread at once: one inside
# SQLite's write lock and one doing its reads before or its answer after.
SQLITE_WRITE_TURNS = 2
_CHANGED_TOPICS = "medius_changed_topics"


def build_engine(settings: Settings) -> Engine:
    """Create the engine the settings describe, tuned for concurrent writers."""
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite":
        engine = create_engine(
            url,
            connect_args={
                "check_same_thread": False,
                "timeout": settings.sqlite_busy_timeout_ms / 1000,
            },
            **_sqlite_pool(url.database, settings),
        )
        _configure_sqlite(engine, settings.sqlite_busy_timeout_ms)
    else:
        engine = create_engine(
            url,
            pool_size=settings.pool_size,
            max_overflow=settings.db_max_overflow,
            pool_pre_ping=True,
        )
    read_engine(engine)  # made now, not by the first requests' threads at once
    return engine


def _sqlite_pool(database: str | None, settings: Settings) -> dict[str, int]:
    """A file database gets the same pool as PostgreSQL: one kept connection per request
    thread (an overflow connection would be reopened, PRAGMAs and all, per request)."""
    if not database or database == ":memory:" or database.startswith("file::memory:"):
        return {}  # SQLAlchemy's own single-connection pool for an in-memory database
    return {"pool_size": settings.pool_size, "max_overflow": settings.db_max_overflow}


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    # WAL lets readers run beside one writer; BEGIN IMMEDIATE on write transactions
    # avoids the "database is locked" upgrade deadlock of deferred transactions.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.close()

    _write_turns[engine] = weakref.WeakKeyDictionary()

    # This process's writers queue on a lock instead of in SQLite's busy handler, which
    # sleeps in steps of up to 100 ms however soon the write lock frees: with 16
    # concurrent creates that made the p99 many times the median (profile-notes.md). Writers in
    # other processes (a second worker, the CLI) still meet through busy_timeout; a
    # writer that waits here longer than that goes on to SQLite's own wait and error.
    writers = threading.Lock()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        options = connection.get_execution_options()
        if options.get(SINGLE_READ_OPTION, False):
            return
        if not options.get(IMMEDIATE_OPTION, False):
            connection.exec_driver_sql("BEGIN")
            return
        holds = writers.acquire(timeout=busy_timeout_ms / 1000)
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        except BaseException:
            if holds:
                writers.release()
            raise
        connection.info[_HOLDS_WRITE_LOCK] = holds

    @event.listens_for(engine, "commit")
    @event.listens_for(engine, "rollback")
    def _on_end(connection: Any) -> None:
        if connection.info.pop(_HOLDS_WRITE_LOCK, False):
            writers.release()


# Per SQLite engine, per event loop (an asyncio semaphore belongs to one loop; a test
# client may drive one app from several).
_write_turns: weakref.WeakKeyDictionary[
    Engine, weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore]
] = weakref.WeakKeyDictionary()


def write_turn(engine: Engine) -> AbstractAsyncContextManager[Any]:
    """Wait, on the event loop, for this process's turn to write, before taking a thread.

    SQLite takes one writer at a time: a write unit that took a request thread and then
    waited for the write lock held that thread idle, and reads queued behind it for the
    few threads there are. Waiting here holds none. PostgreSQL writers run side by side
    (row locks): no turn to wait for.
    """
    turns = _write_turns.get(engine)
    if turns is None:
        return contextlib.nullcontext()
    loop = asyncio.get_running_loop()
    turn = turns.get(loop)
    if turn is None:
        turn = turns[loop] = asyncio.Semaphore(SQLITE_WRITE_TURNS)
    return turn


class WriteInRead(RuntimeError):
    """A read unit tried to change something or to lock rows: a bug in the caller, which
    must run that work as a write (on PostgreSQL a read runs in autocommit, where each
    statement of a change would commit alone)."""


def read_engine(engine: Engine) -> Engine:
    """`engine` for reads: the same pool; on PostgreSQL its connections are in autocommit.

    A PostgreSQL read in a transaction paid two round trips for nothing: psycopg sends
    BEGIN before the first statement and the pool's reset sends ROLLBACK on return. At
    READ COMMITTED each statement reads as of its own start either way, so a read of
    several statements sees the same without them. The pool puts a connection back in
    transaction mode when it is returned (SQLAlchemy resets the isolation level at
    check-in, without a round trip), so the next write on it is a transaction as before.
    SQLite keeps its reads in a deferred transaction, one snapshot for all their
    statements (WAL), as it costs no round trip.

    Any statement that writes or locks rows (INSERT, UPDATE, DELETE, SELECT ... FOR
    UPDATE) on one of these connections raises `WriteInRead` before it is sent, on both
    databases: in autocommit, a change of several statements would commit half-way. A
    read that must write says so with `begin_write`, which moves its session back to
    `engine` and a transaction."""
    found: Engine | None = engine.__dict__.get(_READ_ENGINE)
    if found is None:
        options: dict[str, Any] = {READ_ONLY_OPTION: True}
        if engine.dialect.name == "postgresql":
            options["isolation_level"] = "AUTOCOMMIT"
        found = engine.execution_options(**options)
        # Listeners of a derived engine are its own: the write path runs without this one.
        event.listen(found, "before_execute", _refuse_writes)
        found.__dict__[_WRITE_ENGINE] = engine
        # Memoised on the engine itself (a cycle the collector frees with it), not in a
        # weak map whose value, holding the engine, would keep it alive for ever.
        engine.__dict__[_READ_ENGINE] = found
    return found


def _refuse_writes(
    _connection: Connection, statement: Any, _multi: Any, _params: Any, _options: Any
) -> None:
    locks = getattr(statement, "_for_update_arg", None) is not None
    if locks or getattr(statement, "is_dml", False):
        raise WriteInRead(
            f"A read unit may not write or lock rows; run this work as a write: {statement}"
        )


def read_connection(engine: Engine) -> Connection:
    """A pooled connection of `read_engine(engine)` for exactly one read statement and no
    ORM (see SINGLE_READ_OPTION): the sign-in check of a route that needs nothing else.
    Without a `Session` around it, checkout, execute and return are all it costs. Use it
    as a context manager; closing it returns the connection to the pool."""
    return read_engine(engine).connect().execution_options(**{SINGLE_READ_OPTION: True})


def all_rows(reader: Session | Connection, statement: Executable) -> Sequence[Any]:
    """Every row `statement` reads, on a `Session` or on a bare `Connection` (`Unit.read_core`):
    one helper (paginate, read_changes) serves both. On a `Session` it is SQLModel's `exec`,
    so a `select(Entity)` gives entities; on a `Connection`, statements are Core and give
    Core rows, as a Core statement does on a `Session` too."""
    if isinstance(reader, Session):
        return reader.exec(statement).all()  # type: ignore[call-overload,no-any-return]
    return reader.execute(statement).all()


def begin_write(session: Session) -> None:
    """Start the write part of a unit of work.

    On SQLite the transaction must take the write lock when it begins: a read
    transaction upgraded to a write fails with "database is locked" instead of
    waiting. A read-only transaction still open is therefore ended first; callers
    re-check what they read through constraints or compare-and-set writes.

    A read unit's session (`read_engine`) that is about to write (the missed-week alerts
    a read of alerts raises, the totals a read of progress rebuilds) moves to the engine's
    own connections here, so that its write is one transaction on PostgreSQL too.
    """
    bind = session.get_bind()
    writer: Engine | None = bind.__dict__.get(_WRITE_ENGINE)
    if writer is None and bind.dialect.name != "sqlite":
        return
    if session.in_transaction():
        if session.new or session.dirty or session.deleted:
            raise RuntimeError("begin_write() must come before the first change")
        session.commit()
    if writer is not None:
        session.bind = writer
    if session.get_bind().dialect.name == "sqlite":
        session.connection(execution_options={IMMEDIATE_OPTION: True})


def commit_then_read(session: Session) -> None:
    """Commit `session`'s write and go on reading through `read_engine`: on PostgreSQL the
    reads after the commit then pay no BEGIN and ROLLBACK round trips (a clinician's read
    of a patient's data, once its access-log line is committed). A write after this
    raises `WriteInRead` unless it says so with `begin_write`."""
    session.commit()
    bind = session.get_bind()
    if isinstance(bind, Engine) and _WRITE_ENGINE not in bind.__dict__:  # else: reading already
        session.bind = read_engine(bind)


def update_if_revision(
    session: Session,
    table: Any,
    where: ColumnElement[bool],
    revision: int,
    values: Mapping[str, object],
) -> bool:
    """Compare-and-set: write only if the row is still at `revision`, then bump it.

    The check and the write are one statement, so two writers holding the same
    ETag cannot both succeed: the second sees no row and answers 412.
    """
    result = session.execute(
        update(table)
        .where(where, table.revision == revision)
        .values(**values, revision=revision + 1)
    )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


# --- after-commit notices -------------------------------------------------------------
#
# A write marks its transaction with a topic (`changed_on_commit`); once that transaction
# commits, every callback registered for the topic on the session's engine runs. So a
# process's derived copies (app/catalog/live) follow each write path -- the admin API, an
# import, the seed -- without any of them remembering to say so, and never before the
# change is visible to a new transaction. A rollback drops the marks.

_after_commit: weakref.WeakKeyDictionary[
    Engine, dict[str, list[weakref.WeakMethod[Callable[[], None]]]]
] = weakref.WeakKeyDictionary()
_after_commit_lock = threading.Lock()


def changed_on_commit(session: Session, topic: str) -> None:
    """Call the `topic` listeners of the session's engine once this transaction commits."""
    session.info.setdefault(_CHANGED_TOPICS, set()).add(topic)


def on_commit(engine: Engine, topic: str, callback: Callable[[], None]) -> None:
    """Run `callback` (a bound method, held weakly) after each commit that changed `topic`."""
    with _after_commit_lock:
        topics = _after_commit.setdefault(engine, {})
        topics.setdefault(topic, []).append(weakref.WeakMethod(callback))


@event.listens_for(OrmSession, "after_commit")
def _notify(session: OrmSession) -> None:
    topics: set[str] | None = session.info.pop(_CHANGED_TOPICS, None)
    if not topics:
        return
    with _after_commit_lock:
        listeners = _after_commit.get(session.get_bind().engine, {})
        alive = [ref() for topic in topics for ref in listeners.get(topic, [])]
        for topic in topics:  # forget the listeners whose owner is gone
            listeners[topic] = [ref for ref in listeners.get(topic, []) if ref() is not None]
    for callback in alive:
        if callback is not None:
            callback()


@event.listens_for(OrmSession, "after_rollback")
def _forget(session: OrmSession) -> None:
    session.info.pop(_CHANGED_TOPICS, None)
