"""Column types that behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import BigInteger, DateTime, String
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC in and out; SQLite would otherwise hand back naive values."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)  # type: ignore[no-any-return]
        return value.astimezone(UTC)  # type: ignore[no-any-return]

    @property
    def python_type(self) -> type[datetime]:
        return datetime


E = TypeVar("E", bound=StrEnum)


class VocabularyColumn(TypeDecorator[E]):
    """A closed vocabulary stored as its text value in a plain VARCHAR, read back as the enum.

    Plain text, not a database enum or CHECK constraint: the schema stays what the
    migrations made it on both databases, and a new value needs no migration. The enum
    guards every write (an unknown value raises before it reaches the database).
    """

    impl = String
    cache_ok = True

    def __init__(self, enum: type[E], length: int) -> None:
        super().__init__(length)
        self.enum = enum

    def process_bind_param(self, value: E | str | None, dialect: Dialect) -> str | None:
        return None if value is None else self.enum(value).value

    def process_result_value(self, value: str | None, dialect: Dialect) -> E | None:
        return None if value is None else self.enum(value)

    @property
    def python_type(self) -> type[E]:
        return self.enum


class epoch_seconds(FunctionElement[int]):  # noqa: N801 - reads as the SQL function it is
    """Whole seconds since the Unix epoch (floored) of a UTCDateTime column, as an integer.

    The one place the two dialects differ: SQLite stores the column as text and has
    `strftime('%s')` (which floors); PostgreSQL has `extract(epoch)` (a numeric, floored
    here so both round the same way before integer arithmetic).
    """

    type = BigInteger()
    inherit_cache = True


@compiles(epoch_seconds, "sqlite")
def _epoch_sqlite(element: epoch_seconds, compiler: SQLCompiler, **kw: Any) -> str:
    (column,) = element.clauses
    return f"CAST(strftime('%s', {compiler.process(column, **kw)}) AS INTEGER)"


@compiles(epoch_seconds, "postgresql")
def _epoch_postgresql(element: epoch_seconds, compiler: SQLCompiler, **kw: Any) -> str:
    (column,) = element.clauses
    return f"CAST(floor(extract(epoch FROM {compiler.process(column, **kw)})) AS BIGINT)"
