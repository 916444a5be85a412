"""Path parameters of the instrument routes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path

from app.core.types import SLUG_MAX, SLUG_PATTERN

InstrumentID = Annotated[
    str,
    Path(
        min_length=1,
        max_length=SLUG_MAX,
        pattern=SLUG_PATTERN,
        description="The instrument's id.",
        examples=["psfs"],
    ),
]
