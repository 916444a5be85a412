"""What the sessions service tells the packages above it (app/core/events.py)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from app.core.events import domain_event


@dataclass(frozen=True, slots=True)
class WrittenSession:
    """What a create already holds, so handlers need not read it back."""

    started_at: datetime
    pain_max: int | None
    exercises: frozenset[str]


@domain_event(must_react=True)
@dataclass(frozen=True, slots=True)
class SessionWritten:
    """A session was created, changed (fields or entries) or deleted; published inside
    the write's transaction, after the change, before the commit."""

    owner_id: uuid.UUID
    time_zone: str
    session_id: uuid.UUID
    deleted: bool = False
    written: WrittenSession | None = None  # a create's session as stored; None: read it
