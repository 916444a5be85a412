"""Shared field types and vocabularies, declared once with their bounds."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Slug = Annotated[
    str,
    StringConstraints(min_length=1, max_length=64, pattern=SLUG_PATTERN),
    Field(description="Lower-case, hyphenated, stable identifier.", examples=["clamshell"]),
]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
Sentence = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Notes = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]


def utcnow() -> datetime:
    return datetime.now(UTC)


def _as_utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError("timestamp needs a UTC offset or Z")
    return value.astimezone(UTC)


AwareDatetime = Annotated[datetime, AfterValidator(_as_utc)]
