"""Cursor (keyset) pagination and sorting: one implementation for every list.

Order is total because every sort ends with the primary key, so a page boundary
never skips or repeats a row even when sort values tie.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Generic, NotRequired, TypedDict, TypeVar

import orjson
from fastapi import Depends, Query
from pydantic import BaseModel, Field, StringConstraints
from sqlalchemy import ColumnElement, Connection, Select, and_, or_
from sqlmodel import Session

from app.core.db import all_rows
from app.core.errors import FieldError, Invalid
from app.core.shapes import mirror
from app.core.types import ONE_LINE, AwareDatetime, in_time_range

T = TypeVar("T")

DEFAULT_LIMIT = 20
MAX_LIMIT = 100

Limit = Annotated[
    int,
    Query(ge=1, le=MAX_LIMIT, description=f"Page size, 1-{MAX_LIMIT} (above is 422)."),
]
# The bounds sit inside, before the text marker: pydantic would otherwise check them as a
# generic length ("at most 40 items") rather than a string's.
Cursor = Annotated[
    Annotated[str, StringConstraints(max_length=512), ONE_LINE] | None,
    Query(description="Opaque `next_cursor` from the previous page."),
]
SortParam = Annotated[
    Annotated[str, StringConstraints(max_length=40), ONE_LINE] | None,
    Query(description="`field` ascending or `-field` descending."),
]


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null at end.")


class SyncPage(Page[T], Generic[T]):
    """A list page that can also be a page of changes (with `sync_token`)."""

    @classmethod
    def model_parametrized_name(cls, params: tuple[Any, ...]) -> str:
        # The schema keeps the name it had as a Page, so generated clients keep their classes.
        return Page.model_parametrized_name(params)

    sync_token: str | None = Field(
        default=None,
        description="When you sent `sync_token`: store this and send it next time (it covers "
        "this page). Null for a plain list.",
    )


class PageBody(TypedDict, Generic[T]):
    """A `Page` as a service builds it: `items` of the item's own shape."""

    items: list[T]
    next_cursor: str | None


class SyncPageBody(PageBody[T], Generic[T]):
    """A `SyncPage` as a service builds it (`sync_token` when the caller sent one)."""

    sync_token: NotRequired[str | None]


mirror(PageBody, Page)
mirror(SyncPageBody, SyncPage)


UpdatedSince = Annotated[
    AwareDatetime | None,
    Query(
        deprecated=True,
        description="Deprecated sync by time (every change since this RFC 3339 time): "
        "may miss a change that commits late; use `sync_token`.",
    ),
]
SyncToken = Annotated[
    str | None,
    Query(
        max_length=512,
        description="Sync: every change after this position, in commit order, deletions as "
        "tombstones. Send `0` the first time, then the `sync_token` of your last page; "
        "follow `next_cursor` until it is null.",
    ),
]


@dataclass(frozen=True)
class ListQuery:
    """What every list clients mirror takes: paging, order, and the two sync modes."""

    sort: str | None
    limit: int
    cursor: str | None
    sync_token: str | None
    updated_since: datetime | None


async def _list_query(
    updated_since: UpdatedSince = None,
    sync_token: SyncToken = None,
    sort: SortParam = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> ListQuery:
    # async: the parameters are only parsed, so no thread-pool hop is spent on them
    return ListQuery(sort, limit, cursor, sync_token, updated_since)


# The query parameters of a syncable list (`GET /exercises`, `GET /sessions`), in one place.
SyncListQuery = Annotated[ListQuery, Depends(_list_query)]


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


def list_order(
    sort: str | None,
    allowed: Mapping[str, Any],
    default: str,
    updated_since: datetime | None = None,
) -> Sort:
    """The order of a list page. With `updated_since` (the deprecated sync by time: every
    change since then, tombstones included) the order is always `updated_at`."""
    if updated_since is None:
        return parse_sort(sort, allowed, default)
    if sort not in (None, "updated_at"):
        raise Invalid(
            "With updated_since the order is always updated_at.",
            errors=[FieldError(["query", "sort"], "allowed: updated_at", "enum")],
        )
    return parse_sort("updated_at", allowed, "updated_at")


def require_sync_alone(
    narrowed: bool, updated_since: datetime | None, sort: str | None, filters: str = "filters"
) -> None:
    """A `sync_token` read hands back every change: a filter or another order would
    silently drop some, so they are refused with it."""
    if narrowed or updated_since is not None or sort is not None:
        raise Invalid(
            f"sync_token returns every change in commit order; send it without {filters}, "
            "sort or updated_since.",
            errors=[FieldError(["query", "sync_token"], "no filters with sync", "sync_exclusive")],
        )


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


_INT64 = (-(2**63), 2**63 - 1)


def _typed(value: Any, python_type: type) -> Any:
    """A cursor value as the column's own type, or a bad cursor.

    Only what `encode_cursor` could have written is accepted, so a forged cursor can
    never reach the database as a value it cannot bind (an integer beyond 64 bits, a
    naive timestamp, a number compared with text).
    """
    if python_type is datetime:
        if not isinstance(value, str):
            raise _bad_cursor()
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            raise _bad_cursor()
        return in_time_range(parsed)  # ValueError (a bad cursor) outside 1900-2200
    if python_type is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _bad_cursor()
        if not _INT64[0] <= value <= _INT64[1]:
            raise _bad_cursor()
        return value
    if python_type is str:
        if not isinstance(value, str):
            raise _bad_cursor()
        return value
    if not isinstance(value, str):
        raise _bad_cursor()
    return python_type(value)


def python_type(column: Any) -> type:
    """The column's Python type; a decorated type (SQLModel's AutoString) asks its impl."""
    python_type: type = column.type.python_type
    if python_type is object:
        python_type = column.type.impl.python_type
    return python_type


def decode_cursor(cursor: str, sort: Sort, id_column: Any) -> tuple[Any, Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = orjson.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        if not isinstance(data, dict) or data.get("s") != sort.token:
            raise _bad_cursor()
        value = _typed(data["v"], python_type(sort.column))
        raw_id = data["i"]
        if not isinstance(raw_id, str) or len(raw_id) > 64:
            raise _bad_cursor()
        id_type = python_type(id_column)
        row_id = _typed(int(raw_id), int) if id_type is int else _typed(raw_id, id_type)
        return value, row_id
    except (ValueError, TypeError, KeyError, binascii.Error, orjson.JSONDecodeError) as exc:
        raise _bad_cursor() from exc


def encode_keyset(order: str, values: Sequence[int], row_id: Any) -> str:
    """A cursor for a list ordered by several computed integers, then an id (the care
    team's attention order): the values of the page's last row."""
    return encode_cursor(order, list(values), row_id)


def decode_keyset(
    cursor: str, order: str, arity: int, id_type: Callable[[str], T]
) -> tuple[tuple[int, ...], T]:
    """The integers and the id `encode_keyset` wrote for `order`, or a bad cursor (422)."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = orjson.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        if not isinstance(data, dict) or data.get("s") != order:
            raise _bad_cursor()
        values = data["v"]
        if not isinstance(values, list) or len(values) != arity:
            raise _bad_cursor()
        raw_id = data["i"]
        if not isinstance(raw_id, str) or len(raw_id) > 64:
            raise _bad_cursor()
        return tuple(_typed(v, int) for v in values), id_type(raw_id)
    except (ValueError, TypeError, KeyError, binascii.Error, orjson.JSONDecodeError) as exc:
        raise _bad_cursor() from exc


def paginate(
    session: Session | Connection,
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
    rows = all_rows(session, keyset_order(statement, sort, id_column).limit(limit + 1))
    return page_of(rows, sort=sort, id_column=id_column, limit=limit)


def keyset_order(statement: Select[Any], sort: Sort, id_column: Any) -> Select[Any]:
    """`statement` in the page order: the sort, then the id the same way."""
    column = sort.column
    if sort.descending:
        return statement.order_by(column.desc(), id_column.desc())
    return statement.order_by(column.asc(), id_column.asc())


def page_of(
    rows: Sequence[Any], *, sort: Sort, id_column: Any, limit: int
) -> tuple[Sequence[Any], str | None]:
    """A page from up to `limit + 1` rows read in `keyset_order`: the first `limit`, and
    the cursor after the last of them when one more was read. For a statement built once
    (a hot list's first page), run with the limit bound by its caller."""
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    last = rows[-1]
    token = sort.token
    return rows, encode_cursor(token, getattr(last, sort.column.key), getattr(last, id_column.key))
