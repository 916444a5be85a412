"""Change counters and sync tokens: a sync position that commit order cannot skip.

A clock read before commit cannot order changes: PostgreSQL commits concurrent
transactions in any order, so a change stamped 10:00:00.100 may become visible after
one stamped 10:00:00.200 and a client that synced in between never sees it.

Instead every transaction that changes a synced record first bumps a counter row
(`UPDATE ... SET seq = seq + 1 RETURNING seq`) and stamps the changed rows with the
new value. The bump takes the counter row's lock and keeps it until commit, so the
transaction that got `n + 1` could only do so after the one holding `n` committed or
rolled back. Hence when a reader sees any row stamped `s`, every row stamped below
`s` is already visible (or never will be): "everything after the last `seq` I saw"
never skips a change, whatever order the writers started in. SQLite serialises
writers anyway (BEGIN IMMEDIATE), so the same code is right there.

A sync token is the reader's position (`seq` and, mid-page, the last id at that seq)
signed with an HMAC bound to its scope (one user's sessions, or the catalog), so a
forged or another user's token is refused, never served.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import BigInteger, Column, ColumnElement, Connection, Select, and_, bindparam, or_
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Field as SQLField
from sqlmodel import Session, SQLModel

from app.core.db import all_rows
from app.core.errors import FieldError, Invalid
from app.core.pagination import python_type

# The position before any change: what a client sends the first time.
START = "0"
TOKEN_MAX_LENGTH = 512
_MAC_BYTES = 16


class UserChangeCounter(SQLModel, table=True):
    """One row per user: the sequence number of that user's latest change to synced data."""

    __tablename__ = "user_change_counter"
    user_id: uuid.UUID = SQLField(foreign_key="app_user.id", primary_key=True, ondelete="CASCADE")
    seq: int = SQLField(sa_column=Column(BigInteger(), nullable=False))


def _counter_upsert(insert: Any) -> Any:
    table = UserChangeCounter.__table__  # type: ignore[attr-defined]
    return (
        insert(table)
        .values(user_id=bindparam("user_id"), seq=1)
        .on_conflict_do_update(index_elements=[table.c.user_id], set_={"seq": table.c.seq + 1})
        .returning(table.c.seq)
    )


# Built once per dialect: every synced write runs it.
_COUNTER_UPSERT = {
    "postgresql": _counter_upsert(postgresql.insert),
    "sqlite": _counter_upsert(sqlite.insert),
}


def bump_user_counter(session: Session, user_id: uuid.UUID) -> int:
    """Take the next change number for `user_id`, locking the user's counter until commit.

    An upsert, so the first change of a new user needs no separate insert (and two
    first changes at once still get 1 and 2).
    """
    upsert = _COUNTER_UPSERT[session.get_bind().dialect.name]
    return int(session.execute(upsert, {"user_id": user_id}).scalar_one())


@dataclass(frozen=True)
class SyncPosition:
    """Everything with a smaller seq, and at `seq` every id up to `last_id`, has been seen."""

    seq: int
    last_id: str | None = None

    def after(self, seq_column: Any, id_column: Any) -> ColumnElement[bool]:
        """The rows beyond this position."""
        if self.last_id is None:
            return seq_column > self.seq  # type: ignore[no-any-return]
        last: Any = self.last_id
        if python_type(id_column) is int:
            last = int(last)
        elif python_type(id_column) is uuid.UUID:
            last = uuid.UUID(last)
        return or_(seq_column > self.seq, and_(seq_column == self.seq, id_column > last))


def _mac(key: bytes, scope: str, payload: bytes) -> bytes:
    message = scope.encode() + b"\x00" + payload
    return hmac.new(key, message, hashlib.sha256).digest()[:_MAC_BYTES]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode((text + "=" * (-len(text) % 4)).encode("ascii"))


def sync_key(secret_key: str) -> bytes:
    """The token-signing key, derived so it is never the key that signs access tokens."""
    return hmac.new(secret_key.encode(), b"medius sync token v1", hashlib.sha256).digest()


def encode_token(position: SyncPosition, scope: str, key: bytes) -> str:
    payload = orjson.dumps({"s": position.seq, "i": position.last_id})
    return f"{_b64(payload)}.{_b64(_mac(key, scope, payload))}"


def bad_token(param: str = "sync_token") -> Invalid:
    return Invalid(
        "The sync token is not one this list issued to you; sync again from sync_token=0.",
        errors=[FieldError(["query", param], "invalid sync token", "sync_token_invalid")],
    )


def decode_token(token: str, scope: str, key: bytes, param: str = "sync_token") -> SyncPosition:
    """The position a token names, or Invalid (422) when it is forged, foreign or garbled."""
    if token == START:
        return SyncPosition(0)
    try:
        encoded, _, mac = token.partition(".")
        payload = _unb64(encoded)
        if not hmac.compare_digest(_unb64(mac), _mac(key, scope, payload)):
            raise bad_token(param)
        data = orjson.loads(payload)
        seq, last_id = data["s"], data["i"]
    except (ValueError, TypeError, KeyError, binascii.Error, orjson.JSONDecodeError) as exc:
        raise bad_token(param) from exc
    if isinstance(seq, bool) or not isinstance(seq, int) or not 0 <= seq < 2**63:
        raise bad_token(param)
    if last_id is not None and not isinstance(last_id, str):
        raise bad_token(param)
    return SyncPosition(seq, last_id)


@dataclass(frozen=True)
class ChangesPage:
    rows: Sequence[Any]
    sync_token: str
    next_cursor: str | None


def read_changes(
    session: Session | Connection,
    statement: Select[Any],
    *,
    seq_column: Any,
    id_column: Any,
    sync_token: str,
    cursor: str | None,
    limit: int,
    scope: str,
    key: bytes,
) -> ChangesPage:
    """One page of the rows changed after the token's position, in change order.

    `cursor` (the `next_cursor` of the previous page) continues a sync that had more
    than one page; it is a sync token like any other.
    """
    position = (
        decode_token(cursor, scope, key, "cursor")
        if cursor is not None
        else decode_token(sync_token, scope, key)
    )
    rows = all_rows(
        session,
        statement.where(position.after(seq_column, id_column))
        .order_by(seq_column.asc(), id_column.asc())
        .limit(limit + 1),
    )
    more = len(rows) > limit
    rows = rows[:limit]
    if rows:
        last = rows[-1]
        position = SyncPosition(getattr(last, seq_column.key), str(getattr(last, id_column.key)))
    token = encode_token(position, scope, key)
    return ChangesPage(rows=rows, sync_token=token, next_cursor=token if more else None)
