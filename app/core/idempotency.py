"""Create under a client-chosen id, once: the one way every such create is written.

A client may name the id of what it creates, so that a retry after a lost answer is safe.
The rule (README, "Client-chosen ids"): a retry of the request that made the record
answers the stored record (200, same Location), and any other request under a used id is
409 `id-taken`, one answer whoever holds the id, so it never says whose it is.

`create_once` writes it for every such create. It inserts first; the database's unique key
on the id decides between concurrent requests (16 identical ones store one row on SQLite
and on PostgreSQL: a loser's insert fails, or finds the id stored, and that loser reads
the winner's committed row back). A refused quota gives way to a stored record: a retry of
a stored create still answers 200 when the quota is full since.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

import orjson
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from app.core.db import begin_write
from app.core.errors import IdTaken, QuotaExceeded

R = TypeVar("R")  # the record as stored under the id, read back
A = TypeVar("A")  # the answer


def request_digest(request: object) -> str:
    """A fingerprint of a create request (its JSON form, keys sorted), stored with the
    record to tell a retry from another request under the same id."""
    return hashlib.sha256(orjson.dumps(request, option=orjson.OPT_SORT_KEYS)).hexdigest()


@dataclass(frozen=True, slots=True)
class ClientId(Generic[R]):
    """The id a create asks for and how to recognise its retry.

    `client_id` is None when the server chose the id (nothing to replay). `stored` reads
    back the record under the id, as the caller may see it (None: none, or not theirs to
    see); `is_retry` says whether that record is the caller's, made by this same request.
    `noun` names the kind of record in the 409."""

    noun: str
    client_id: uuid.UUID | None
    stored: Callable[[Session], R | None]
    is_retry: Callable[[R], bool]


def create_once(
    session: Session,
    claim: ClientId[R],
    write: Callable[[], A | None],
    replay: Callable[[R], A],
) -> tuple[A, bool]:
    """Run `write` in a write transaction and commit it: its answer, True. Or, when the id
    is already stored, the stored record's answer (`replay`), False; 409 `id-taken` when
    the stored record is not a retry of this request.

    `write` inserts the record (and whatever goes with it); it returns None when its insert
    found the id stored and skipped it (`ON CONFLICT DO NOTHING`: the transaction stays
    open, so `replay` may still write, e.g. an access-log entry), or raises
    `IntegrityError` on the id's unique key (the transaction is then rolled back and the
    stored record read in a new one). `QuotaExceeded` from `write` is raised unless a
    stored record under the id answers first.
    """
    refused: QuotaExceeded | None = None
    begin_write(session)
    try:
        answer = write()
        if answer is not None:
            session.commit()
            return answer, True
    except IntegrityError:
        session.rollback()
    except QuotaExceeded as exc:
        session.rollback()
        refused = exc
    stored = None if claim.client_id is None else claim.stored(session)
    if stored is None and refused is not None:
        raise refused
    if stored is None or not claim.is_retry(stored):
        session.rollback()  # a refusal writes nothing
        raise IdTaken.of(claim.noun)
    answer = replay(stored)
    session.commit()
    return answer, False
