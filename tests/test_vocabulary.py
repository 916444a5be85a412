"""Each closed vocabulary is declared once: in app/core/vocabulary.py, and once in the OpenAPI."""

from __future__ import annotations

import ast
import inspect
import uuid
from collections import Counter
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.exc import StatementError
from sqlmodel import Session, select

from app.core import vocabulary
from app.core.vocabulary import AffectedSide, BandLevel, Leg, Origin, Role, Side, Units
from app.logbook.sessions.models import SessionEntry
from app.training.routines.models import Routine, RoutineItem
from app.users.models import User
from tests.factories import SignedIn, routine_payload, session_payload

APP = Path(__file__).resolve().parents[1] / "app"
# Closed sets that never reach the wire: the CLI's file formats, the deployment name and the
# IPv6 forms that carry an IPv4 address (named in a refusal's message only).
OFF_THE_WIRE = {"FileFormat", "Environment", "AddressForm"}

VOCABULARIES = [
    member
    for _, member in inspect.getmembers(vocabulary, inspect.isclass)
    if issubclass(member, StrEnum) and member is not StrEnum
]


def _enums(node: Any) -> Iterator[tuple[str, ...]]:
    """Every `enum` value list anywhere in a JSON schema document."""
    if isinstance(node, dict):
        values = node.get("enum")
        if isinstance(values, list) and all(isinstance(v, str) for v in values):
            yield tuple(sorted(values))
        for child in node.values():
            yield from _enums(child)
    elif isinstance(node, list):
        for child in node:
            yield from _enums(child)


async def test_each_vocabulary_is_one_schema_in_the_openapi(
    spec_client: httpx.AsyncClient,
) -> None:
    spec = (await spec_client.get("/openapi.json")).json()
    schemas = spec["components"]["schemas"]
    seen = Counter(_enums(spec))
    for enum in VOCABULARIES:
        values = tuple(sorted(m.value for m in enum))
        assert seen[values] == 1, f"{enum.__name__}'s values are declared {seen[values]} times"
        assert tuple(sorted(schemas[enum.__name__]["enum"])) == values
    repeated = {values: n for values, n in seen.items() if n > 1}
    assert not repeated, f"value sets declared more than once: {repeated}"


def test_every_closed_vocabulary_lives_in_the_vocabulary_module() -> None:
    elsewhere = []
    for path in APP.rglob("*.py"):
        if path == APP / "core" / "vocabulary.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ClassDef) and node.name not in OFF_THE_WIRE:
                bases = {b.id for b in node.bases if isinstance(b, ast.Name)}
                if bases & {"StrEnum", "Enum"}:
                    elsewhere.append(f"{path.relative_to(APP)}: {node.name}")
    assert elsewhere == []


def test_side_vocabularies_extend_one_leg() -> None:
    """`Side` and `AffectedSide` are a `Leg` plus one value each, and differ only there."""
    legs = [leg.value for leg in Leg]
    assert [s.value for s in Side] == [*legs, "both"]
    assert [s.value for s in AffectedSide] == [*legs, "none"]


async def test_vocabulary_columns_store_the_value_and_read_back_the_enum(
    client: httpx.AsyncClient, alice: SignedIn, app: FastAPI
) -> None:
    made = await client.post("/api/v1/routines", json=routine_payload(), headers=alice.headers)
    assert made.status_code == 201
    routine_id = uuid.UUID(made.json()["id"])
    body = session_payload()
    logged = await client.post("/api/v1/sessions", json=body, headers=alice.headers)
    assert logged.status_code == 201
    with Session(app.state.engine) as session:
        routine = session.get(Routine, routine_id)
        assert routine is not None and routine.origin is Origin.USER
        first = session.exec(
            select(RoutineItem).where(RoutineItem.routine_id == routine_id, RoutineItem.order == 1)
        ).one()
        assert (first.exercise, first.side) == ("clamshell", Side.BOTH)
        assert first.side is Side.BOTH
        entries = session.exec(
            select(SessionEntry)
            .where(SessionEntry.session_id == uuid.UUID(body["id"]))
            .order_by(SessionEntry.position)  # type: ignore[arg-type]
        ).all()
        assert [e.side for e in entries] == [Leg.RIGHT, Leg.RIGHT, None]
        assert entries[0].side is Leg.RIGHT and entries[2].load_band is BandLevel.LIGHT
        user = session.get(User, alice.id)
        assert user is not None and user.role is Role.USER and user.units is Units.METRIC
        # The columns hold the plain values, under the names they were created with.
        stored = session.execute(
            text("SELECT exercise_slug, side FROM routine_item WHERE position = 1")
        ).all()
        assert ("clamshell", "both") in [tuple(r) for r in stored]

        first.side = "top"  # type: ignore[assignment]
        session.add(first)
        with pytest.raises(StatementError, match="'top' is not a valid Side"):
            session.flush()
