"""Cursor (keyset) pagination and sorting: one implementation for every list.

Order is total because every sort ends with the primary key, so a page boundary
never skips or repeats a row even when sort values tie.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Generic, TypeVar

import orjson
from fastapi import Query
from pydantic import BaseModel, Field
from sqlalchemy import ColumnElement, Select, and_, or_
from sqlmodel import Session

from app.core.errors import FieldError, Invalid

T = TypeVar("T")

DEFAULT_LIMIT = 20
MAX_LIMIT = 100

Limit = Annotated[
    int,
    Query(ge=1, le=MAX_LIMIT, description=f"Page size, 1-{MAX_LIMIT} (above is 422)."),
]
Cursor = Annotated[
    str | None,
    Query(max_length=512, description="Opaque `next_cursor` from the previous page."),
]
SortParam = Annotated[
    str | None,
    Query(max_length=40, description="`field` ascending or `-field` descending."),
]


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null at end.")


@dataclass(frozen=True)
class Sort:
    key: str
    column: Any
    descending: bool

    @property
    def token(self) -> str:
        return ("-" if self.descending else "") + self.key


def parse_sort(value: str | None, allowed: Mapping[str, Any], default: str) -> Sort:
    """Turn `name` / `-name` into a Sort, or raise Invalid listing the allowed fields."""
    raw = value or default
    descending = raw.startswith("-")
    key = raw.removeprefix("-")
    if key not in allowed:
        choices = sorted(allowed)
        raise Invalid(
            f"Unknown sort field {key!r}; allowed: {', '.join(choices)} (prefix - to reverse).",
            errors=[FieldError(["query", "sort"], f"allowed: {', '.join(choices)}", "enum")],
        )
    return Sort(key=key, column=allowed[key], descending=descending)


def _bad_cursor() -> Invalid:
    return Invalid(
        "The cursor is not one this list issued; start again without it.",
        errors=[FieldError(["query", "cursor"], "invalid cursor", "cursor_invalid")],
    )


def encode_cursor(sort_key: str, value: Any, row_id: Any) -> str:
    if isinstance(value, datetime):
        value = value.isoformat()
    payload = orjson.dumps({"s": sort_key, "v": value, "i": str(row_id)})
    return base64.urlsafe_b64encode(payload).decode().rstrip("=")


def decode_cursor(cursor: str, sort: Sort, id_column: Any) -> tuple[Any, Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = orjson.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        if not isinstance(data, dict) or data.get("s") != sort.token:
            raise _bad_cursor()
        value, row_id = data["v"], data["i"]
        if sort.column.type.python_type is datetime:
            value = datetime.fromisoformat(value)
        elif isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise _bad_cursor()
        id_type = id_column.type.python_type
        return value, id_type(row_id)
    except (ValueError, TypeError, KeyError, binascii.Error, orjson.JSONDecodeError) as exc:
        raise _bad_cursor() from exc


def paginate(
    session: Session,
    statement: Select[Any],
    *,
    sort: Sort,
    id_column: Any,
    cursor: str | None,
    limit: int,
) -> tuple[Sequence[Any], str | None]:
    """Run one keyset page of `statement`; return its rows and the next cursor."""
    column, descending = sort.column, sort.descending
    if cursor is not None:
        value, last_id = decode_cursor(cursor, sort, id_column)
        after: ColumnElement[bool]
        if descending:
            after = or_(column < value, and_(column == value, id_column < last_id))
        else:
            after = or_(column > value, and_(column == value, id_column > last_id))
        statement = statement.where(after)
    order = (column.desc(), id_column.desc()) if descending else (column.asc(), id_column.asc())
    rows = session.exec(statement.order_by(*order).limit(limit + 1)).all()  # type: ignore[call-overload]
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    last = rows[-1]
    return rows, encode_cursor(sort.token, getattr(last, column.key), getattr(last, id_column.key))
