"""Test data factories: one function per entity, sensible defaults, override what matters."""

from __future__ import annotations

from typing import Any

from app.catalog.seed import load_seed


def exercise_payload(**overrides: Any) -> dict[str, Any]:
    """A valid exercise body for admin writes, based on the seeded clamshell."""
    base = load_seed().exercises[0].model_dump(mode="json", exclude={"source"})
    base.update({"slug": "test-clamshell", "name": "Test clamshell"})
    base.update(overrides)
    return base
