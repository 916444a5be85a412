"""OpenAPI examples drawn from the seed data, so the docs show the real catalog."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from app.catalog.seed import load_seed

_STAMP = "2026-01-01T00:00:00Z"


@lru_cache
def exercise_example() -> dict[str, Any]:
    seed = load_seed()
    exercise = seed.exercises[0].model_copy(update={"source": seed.source})
    return {
        **exercise.model_dump(mode="json"),
        "revision": 1,
        "created_at": _STAMP,
        "updated_at": _STAMP,
    }


@lru_cache
def exercise_spec_example() -> dict[str, Any]:
    seed = load_seed()
    return seed.exercises[0].model_dump(mode="json", exclude={"source"})


@lru_cache
def muscle_example() -> dict[str, Any]:
    seed = load_seed()
    exercises = [e.slug for e in seed.exercises]
    muscle = seed.muscles[0].model_copy(update={"source": seed.source})
    return {**muscle.model_dump(mode="json"), "exercises": exercises}


@lru_cache
def equipment_example() -> dict[str, Any]:
    return {**load_seed().equipment[0].model_dump(mode="json"), "exercise_count": 2}


def example_response(example: Any, description: str = "Successful Response") -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"example": example}}}
