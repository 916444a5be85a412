"""Typed answer shapes: what a service builds as a plain dict, checked by mypy.

The hot paths build their JSON answers as dicts, encoded once by orjson without a model
validation; a `TypedDict` gives each such dict a shape mypy checks at every key. `mirror`
pairs a shape with the pydantic model the OpenAPI document publishes for it, and
tests/core/test_shapes.py checks, for every pair, that both name the same keys, so the
shape the code builds and the schema a client reads cannot drift apart.
"""

from __future__ import annotations

from pydantic import BaseModel

MIRRORS: list[tuple[type, type[BaseModel]]] = []


def mirror(shape: type, model: type[BaseModel]) -> None:
    """Record that `shape` (a TypedDict) is the dict form of `model`'s JSON."""
    if (shape, model) not in MIRRORS:
        MIRRORS.append((shape, model))
