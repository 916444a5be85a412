"""What the accounts service tells the packages above it (app/core/events.py)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EverySignInEnded:
    """Every sign-in of the account was ended (a password change): whatever else stands
    in for the password (a calendar feed's token) ends with them. Published inside the
    write's transaction, before its commit."""

    user_id: uuid.UUID
