"""Fixed-window counters in the database, shared by every worker and counted atomically.

One row per key (`login:pair:...`, `register:...`). `hit` is a single
INSERT ... ON CONFLICT DO UPDATE ... RETURNING statement on SQLite and PostgreSQL
alike, so N parallel requests see the counts 1..N and never all read the same
"under the limit" value (the check and the count are the same statement).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Column, Index, String, case, delete, literal, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Field, Session, SQLModel, col, select

from app.core.sqltypes import UTCDateTime


class RateCounter(SQLModel, table=True):
    """How many times `key` was hit in its current window, and when that window ends."""

    __tablename__ = "rate_counter"
    __table_args__ = (Index("ix_rate_counter_expires_at", "expires_at"),)

    key: str = Field(sa_column=Column(String(400), primary_key=True))
    count: int
    expires_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


@dataclass(frozen=True)
class Window:
    """A counter's value after a hit, and when its window ends."""

    count: int
    expires_at: datetime

    def retry_after(self, now: datetime) -> int:
        """Whole seconds until the window ends (at least 1), for `Retry-After`."""
        return max(1, math.ceil((self.expires_at - now).total_seconds()))


def hit(session: Session, key: str, now: datetime, length: timedelta) -> Window:
    """Count one event under `key` and return the count, in one atomic statement.

    A window that has ended restarts at 1. Call inside a write transaction
    (`begin_write`); the row stays locked until the caller commits.
    """
    table: Any = RateCounter.__table__  # type: ignore[attr-defined]
    expired = table.c.expires_at <= literal(now, UTCDateTime())
    insert = _insert(session)(table).values(key=key, count=1, expires_at=now + length)
    statement = insert.on_conflict_do_update(
        index_elements=[table.c.key],
        set_={
            "count": case((expired, 1), else_=table.c.count + 1),
            "expires_at": case(
                (expired, literal(now + length, UTCDateTime())), else_=table.c.expires_at
            ),
        },
    ).returning(table.c.count, table.c.expires_at)
    count, expires_at = session.execute(statement).one()
    return Window(int(count), expires_at)


def peek(session: Session, key: str, now: datetime) -> int:
    """The count of `key` in its current window (0 if none), without counting."""
    found = session.exec(
        select(RateCounter.count).where(
            col(RateCounter.key) == key, col(RateCounter.expires_at) > now
        )
    ).first()
    return int(found or 0)


def refund(session: Session, key: str, window: Window) -> None:
    """Take back one hit of `window` (an attempt that turned out legitimate)."""
    session.execute(
        update(RateCounter)
        .where(
            col(RateCounter.key) == key,
            col(RateCounter.expires_at) == window.expires_at,
            col(RateCounter.count) > 0,
        )
        .values(count=col(RateCounter.count) - 1)
    )


def clear(session: Session, key: str) -> None:
    session.execute(delete(RateCounter).where(col(RateCounter.key) == key))


def purge(session: Session, now: datetime, batch: int = 500) -> None:
    """Drop up to `batch` counters whose window has ended (indexed by `expires_at`).

    Call it last in a transaction, after the hits. On PostgreSQL rows that another
    transaction holds are skipped rather than waited for, so a purge never waits and two
    transactions never deadlock over each other's expired rows (SQLite's one write lock
    serialises everything anyway).
    """
    expired = (
        select(RateCounter.key)
        .where(col(RateCounter.expires_at) <= now)
        .order_by(col(RateCounter.expires_at))
        .limit(batch)
        .with_for_update(skip_locked=True)
    )
    session.execute(delete(RateCounter).where(col(RateCounter.key).in_(expired.scalar_subquery())))


def _insert(session: Session) -> Any:
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
