"""Each closed vocabulary is declared once: in app/core/vocabulary.py, and once in the OpenAPI."""

from __future__ import annotations

import ast
import inspect
from collections import Counter
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Any

import httpx

from app.core import vocabulary
from app.core.vocabulary import AffectedSide, Leg, Side

APP = Path(__file__).resolve().parents[1] / "app"
# Closed sets that never reach the wire: the CLI's file formats and the deployment name.
OFF_THE_WIRE = {"FileFormat", "Environment"}

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
