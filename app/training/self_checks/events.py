"""What the self-checks service tells the packages above it (app/core/events.py)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from app.core.events import domain_event


@domain_event(must_react=True)
@dataclass(frozen=True, slots=True)
class SelfCheckRecorded:
    """A self-check was stored; published inside its transaction, before the commit."""

    owner_id: uuid.UUID
    assessment_id: uuid.UUID
    pain: int
    see_a_professional: bool
