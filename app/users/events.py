"""What the accounts service tells the packages above it (app/core/events.py)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from app.core.events import domain_event


@domain_event(must_react=True)
@dataclass(frozen=True, slots=True)
class EverySignInEnded:
    """Every sign-in of the account was ended (a password change): whatever else stands
    in for the password (a calendar feed's token) ends with them. Published inside the
    write's transaction, before its commit."""

    user_id: uuid.UUID


@domain_event(must_react=True)
@dataclass(frozen=True, slots=True)
class AccountDeleting:
    """The account is about to be deleted, inside the deleting transaction, before its rows
    cascade away: what needs a decision first (a clinic whose only owner leaves must get
    another owner or go: app/care/team) is decided here, and commits or rolls back with
    the deletion."""

    user_id: uuid.UUID


@domain_event(must_react=True)
@dataclass(frozen=True, slots=True)
class TimeZoneChanged:
    """The user's time zone changed, inside the profile write's transaction: what is
    placed in local time by a record of its own (the calendar feed's events) records the
    change there, at `at`."""

    user_id: uuid.UUID
    at: datetime
