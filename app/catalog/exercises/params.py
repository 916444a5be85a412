"""Path parameters of the catalog routes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path

from app.core.types import SLUG_PATTERN

ExerciseSlug = Annotated[
    str,
    Path(
        min_length=1,
        max_length=64,
        pattern=SLUG_PATTERN,
        description="Exercise slug.",
        examples=["clamshell"],
    ),
]

MuscleSlug = Annotated[
    str,
    Path(
        min_length=1,
        max_length=64,
        pattern=SLUG_PATTERN,
        description="Muscle slug.",
        examples=["gluteus-medius"],
    ),
]
