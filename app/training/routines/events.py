"""What the routines service tells the packages above it (app/core/events.py)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from app.core.events import domain_event


@domain_event(must_react=True)
@dataclass(frozen=True, slots=True)
class RoutineDeleted:
    """A routine is about to be deleted, inside the delete's transaction: rows above that
    name it record the change themselves (the foreign key's ON DELETE SET NULL would do it
    silently, so offline clients would never learn)."""

    routine_id: uuid.UUID
    at: datetime


@domain_event(must_react=False)
@dataclass(frozen=True, slots=True)
class RoutineWritten:
    """One of the owner's routines was created, edited (a new version) or deleted: which
    routine is their latest, and its sessions per week, may have changed. Published inside
    the write's transaction, after the change."""

    owner_id: uuid.UUID
