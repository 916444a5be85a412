"""Bulk-load the scale data into a migrated, seeded database, in one transaction.

PostgreSQL gets COPY; SQLite gets executemany of a prepared INSERT inside one
transaction. Values go through SQLAlchemy's own bind processors for the table's
column types, so the stored form is exactly what the app's ORM would write.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import JSON, Engine, create_engine, text
from sqlmodel import Session, SQLModel

import app.models  # noqa: F401  (every table on SQLModel.metadata)
from app.care.team.attention import refresh_all
from app.core.config import Settings
from app.core.db import build_engine
from app.core.migrations import upgrade
from app.core.security import configure_password_hashing, hash_password
from app.core.types import utcnow
from app.logbook.sessions.totals import backfill
from app.seed import seed_all
from bench.datagen import (
    BENCH_PASSWORD,
    CLINIC_COLUMNS,
    ENDPOINT_COLUMNS,
    ENTRY_COLUMNS,
    EXERCISE_COLUMNS,
    MEMBER_COLUMNS,
    RELATIONSHIP_COLUMNS,
    ROUTINE_COLUMNS,
    SESSION_COLUMNS,
    USER_COLUMNS,
    ScaleData,
    SessionPlan,
)

Row = tuple[Any, ...]


def _processor(engine: Engine, column: Any) -> Any:
    if engine.dialect.name == "postgresql" and isinstance(column.type, JSON):
        from psycopg.types.json import Json  # COPY needs the adapter SQLAlchemy binds with

        return Json
    return column.type.bind_processor(engine.dialect)


def _processors(engine: Engine, table: str, columns: tuple[str, ...]) -> list[Any]:
    sa_table = SQLModel.metadata.tables[table]
    return [
        _processor(engine, sa_table.c[name]) if name in sa_table.c else None for name in columns
    ]


def _processed(rows: Iterable[Row], processors: list[Any]) -> Iterable[Row]:
    active = [(i, p) for i, p in enumerate(processors) if p is not None]
    for row in rows:
        values = list(row)
        for i, process in active:
            if values[i] is not None:
                values[i] = process(values[i])
        yield tuple(values)


class BulkWriter:
    """Writes rows through one raw DBAPI connection, inside one transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.raw = engine.raw_connection()
        self.is_postgres = engine.dialect.name == "postgresql"
        if not self.is_postgres:
            self.raw.driver_connection.isolation_level = None  # type: ignore[union-attr]
            cursor = self.raw.cursor()
            # One big transaction straight into the file: no WAL copy to checkpoint later,
            # no fsync until the end (a failed load is thrown away, not recovered).
            cursor.execute("PRAGMA journal_mode=DELETE")
            cursor.execute("PRAGMA synchronous=OFF")
            cursor.execute("PRAGMA cache_size=-1000000")  # 1 GB: the indexes stay in memory
            cursor.execute("BEGIN IMMEDIATE")

    def write(
        self, table: str, columns: tuple[str, ...], rows: Iterable[Row], like: str | None = None
    ) -> int:
        """Insert rows; `like` names the app table whose column types a temp table shares."""
        values = _processed(rows, _processors(self.engine, like or table, columns))
        names = ", ".join(columns)
        count = 0

        def counted() -> Iterable[Row]:
            nonlocal count
            for row in values:
                count += 1
                yield row

        cursor = self.raw.cursor()
        if self.is_postgres:
            with self.raw.driver_connection.cursor().copy(  # type: ignore[union-attr]
                f"COPY {table} ({names}) FROM STDIN"
            ) as copy:
                for row in counted():
                    copy.write_row(row)
        else:
            marks = ", ".join("?" for _ in columns)
            sqlite_cursor = self.raw.driver_connection.cursor()  # type: ignore[union-attr]
            sqlite_cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", counted())
            sqlite_cursor.close()
        cursor.close()
        return count

    def execute(self, sql: str) -> int:
        cursor = self.raw.cursor()
        cursor.execute(sql)
        count = int(cursor.rowcount)
        cursor.close()
        return count

    def commit(self) -> None:
        if self.is_postgres:
            self.raw.commit()
        else:
            cursor = self.raw.cursor()
            cursor.execute("COMMIT")
            cursor.execute("PRAGMA journal_mode=WAL")  # what the app configures
            cursor.close()
        self.raw.close()


@contextmanager
def _foreign_keys_checked_after(writer: BulkWriter, table: str) -> Iterator[None]:
    """Check `table`'s foreign keys once for the whole load instead of once per row.

    PostgreSQL: drop the constraints and add them back (which validates every row in
    one pass, as pg_restore does). SQLite: the loading connection does not enforce
    them, so `PRAGMA foreign_key_check` runs at the end and any orphan is an error.
    """
    if not writer.is_postgres:
        yield
        cursor = writer.raw.cursor()
        orphans = cursor.execute(f"PRAGMA foreign_key_check({table})").fetchall()
        cursor.close()
        if orphans:
            raise RuntimeError(f"{len(orphans)} rows of {table} break a foreign key")
        return
    cursor = writer.raw.cursor()
    cursor.execute(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE conrelid = %s::regclass AND contype = 'f'",
        (table,),
    )
    constraints = cursor.fetchall()
    for name, _definition in constraints:
        cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    yield
    for name, definition in constraints:
        cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
    cursor.close()


def _write_entries(writer: BulkWriter, plan: SessionPlan) -> int:
    """Each session's entries are its shape's: one INSERT ... SELECT joins them in the database."""
    columns = ", ".join(ENTRY_COLUMNS[1:])
    writer.execute(
        "CREATE TEMPORARY TABLE bench_shape_entry AS "
        f"SELECT 0 AS shape, {columns} FROM session_entry WHERE 1 = 0"
    )
    writer.execute(
        "CREATE TEMPORARY TABLE bench_session_shape AS "
        "SELECT id AS session_id, 0 AS shape FROM workout_session WHERE 1 = 0"
    )
    writer.write(
        "bench_shape_entry", ("shape", *ENTRY_COLUMNS[1:]), plan.shape_rows(), "session_entry"
    )
    writer.write(
        "bench_session_shape", ("session_id", "shape"), plan.session_shape_rows(), "session_entry"
    )
    selected = ", ".join(f"e.{c}" for c in ENTRY_COLUMNS[1:])
    count = writer.execute(
        f"INSERT INTO session_entry ({', '.join(ENTRY_COLUMNS)}) "
        f"SELECT m.session_id, {selected} FROM bench_session_shape m "
        "JOIN bench_shape_entry e ON e.shape = m.shape ORDER BY m.session_id, e.position"
    )
    writer.execute("DROP TABLE bench_session_shape")
    writer.execute("DROP TABLE bench_shape_entry")
    return count


def one_password_hash() -> str:
    """The bench password hashed once, with the production argon2id parameters."""
    defaults = Settings.model_fields
    configure_password_hashing(
        defaults["argon2_time_cost"].default, defaults["argon2_memory_kib"].default
    )
    return hash_password(BENCH_PASSWORD)


def migrate_and_seed(database_url: str) -> None:
    """What `python -m app serve` does before serving (done once, before any server starts)."""
    upgrade(database_url)
    engine = build_engine(Settings(database_url=database_url))
    with Session(engine, expire_on_commit=False) as session:
        seed_all(session)
    engine.dispose()


def prepare_scale(database_url: str, data: ScaleData, log: Callable[[str], None] = print) -> None:
    """Migrate and seed, then bulk-load."""
    migrate_and_seed(database_url)
    load_scale(database_url, data, log)


class _Steps:
    """Times each loading step, for the log line."""

    def __init__(self) -> None:
        self.last = time.monotonic()
        self.spent: list[str] = []

    def done(self, name: str) -> None:
        now = time.monotonic()
        self.spent.append(f"{name} {now - self.last:.1f}s")
        self.last = now


def load_care(engine: Engine, data: ScaleData) -> dict[str, int]:
    """The bench clinic (bench/datagen.py `care_data`), in one transaction of bulk Core
    inserts through the tables' own column types."""
    tables = SQLModel.metadata.tables
    care = data.care
    caring = [care.caring_clinic] if care.caring_clinic else []
    batches = (
        ("clinic", CLINIC_COLUMNS, [care.clinic, *caring]),
        ("clinic_member", MEMBER_COLUMNS, [care.member, *care.caring_members]),
        ("routine", ROUTINE_COLUMNS, care.routines),
        ("care_relationship", RELATIONSHIP_COLUMNS, care.relationships),
        ("webhook_endpoint", ENDPOINT_COLUMNS, care.endpoints),
    )
    with engine.begin() as conn:
        for table, columns, rows in batches:
            if rows:
                conn.execute(
                    tables[table].insert(), [dict(zip(columns, r, strict=True)) for r in rows]
                )
        # Below the services: the summaries each relationship keeps, as migration 0019
        # derives them for an existing database.
        refresh_all(conn, utcnow())
    return {table: len(rows) for table, _, rows in batches}


def load_scale(
    database_url: str, data: ScaleData, log: Callable[[str], None] = print
) -> dict[str, int]:
    """Add the scale data to a database already migrated and seeded; return row counts."""
    started = time.monotonic()
    steps = _Steps()
    engine = create_engine(database_url)
    with engine.connect() as conn:
        first_id = int(conn.execute(text("SELECT coalesce(max(id), 0) FROM exercise")).scalar_one())
    first_id += 1
    writer = BulkWriter(engine)
    counts: dict[str, int] = {}
    counts["exercise"] = writer.write(
        "exercise", EXERCISE_COLUMNS, ((first_id + i, *row) for i, row in enumerate(data.exercises))
    )
    counts["exercise_equipment"] = writer.write(
        "exercise_equipment",
        ("exercise_id", "equipment_slug", "required"),
        ((first_id + i, slug, required) for i, slug, required in data.exercise_equipment),
    )
    counts["exercise_muscle"] = writer.write(
        "exercise_muscle",
        ("exercise_id", "muscle_slug"),
        ((first_id + i, slug) for i, slug in data.exercise_muscle),
    )
    counts["app_user"] = writer.write("app_user", USER_COLUMNS, data.users)
    steps.done("catalog+users")
    counts["workout_session"] = writer.write("workout_session", SESSION_COLUMNS, data.plan.sessions)
    steps.done("sessions")
    with _foreign_keys_checked_after(writer, "session_entry"):
        counts["session_entry"] = _write_entries(writer, data.plan)
    steps.done("entries")
    writer.commit()
    steps.done("commit")
    # The entries went in below the sessions service: derive the progress day totals the
    # service keeps with each write, as migration 0008 does for an existing database.
    with engine.begin() as conn:
        backfill(conn)
        counts["exercise_day_total"] = int(
            conn.execute(text("SELECT count(*) FROM exercise_day_total")).scalar_one()
        )
    steps.done("day totals")
    counts.update(load_care(engine, data))
    steps.done("clinic")
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(
                text(
                    "SELECT setval(pg_get_serial_sequence('exercise', 'id'), max(id)) FROM exercise"
                )
            )
            conn.execute(text("VACUUM ANALYZE"))  # what autovacuum would soon do
        steps.done("vacuum analyze")
    engine.dispose()
    log(
        f"loaded {', '.join(f'{n:,} {t}' for t, n in counts.items())} "
        f"in {time.monotonic() - started:.1f}s ({', '.join(steps.spent)})"
    )
    return counts
