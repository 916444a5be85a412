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
    """The user's time zone changed (their local days and weeks with it), inside the
    profile write's transaction, at `at`: what is kept in local time (the clinic's attention
    summaries, the calendar feed's events) follows it."""

    user_id: uuid.UUID
    time_zone: str
    at: datetime
