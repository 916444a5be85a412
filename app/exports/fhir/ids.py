"""FHIR ids of the records Medius exports, and reading them back for a read by id.

A record Medius keeps is exported under its own id (a UUID or, for an exercise, its slug).
One exercise of a session is an Observation Medius keeps no row of: its id is the session's
id, a dot and a stable suffix derived from the exercise, so `Observation/{id}` finds the
session in one lookup (a slug is up to 64 characters, too long to join whole; FHIR ids are
`[A-Za-z0-9\\-\\.]{1,64}`).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from app.exports.fhir import codes
from app.exports.fhir.models import FHIR_ID_PATTERN

_FHIR_ID = re.compile(FHIR_ID_PATTERN)
MEMBER_SUFFIX_LENGTH = 20


def is_fhir_id(value: str) -> bool:
    return _FHIR_ID.fullmatch(value) is not None


def record_uuid(value: str) -> uuid.UUID | None:
    """The UUID a FHIR id names, or None for a malformed one (a 404, not a 422). Only the
    form Medius exports names it: FHIR ids are case-sensitive, so `Patient/6AE5...` or the
    UUID without its hyphens is another, unknown id, not a second address of the record."""
    try:
        parsed = uuid.UUID(value) if is_fhir_id(value) else None
    except ValueError:
        return None
    return parsed if parsed is not None and str(parsed) == value else None


def member_id(session_id: uuid.UUID, exercise: str) -> str:
    """The id of the Observation of one exercise of one session."""
    suffix = codes.derived_id("session", session_id, exercise).replace("-", "")
    return f"{session_id}.{suffix[:MEMBER_SUFFIX_LENGTH]}"


@dataclass(frozen=True, slots=True)
class ObservationKey:
    """An Observation id read back: the record it comes from, and whether it is one
    exercise of that record (a session) rather than the record itself."""

    record_id: uuid.UUID
    member: bool


def observation_key(value: str) -> ObservationKey | None:
    head, dot, suffix = value.partition(".")
    record_id = record_uuid(head)
    if record_id is None or (dot and len(suffix) != MEMBER_SUFFIX_LENGTH):
        return None
    return ObservationKey(record_id, member=bool(dot))
