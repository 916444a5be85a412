"""Calendar feed tokens: one per user, stored hashed, with the feed's time of day."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Column
from sqlmodel import Field as SQLField
from sqlmodel import SQLModel

from app.core.sqltypes import UTCDateTime
from app.core.types import utcnow

DEFAULT_TIME_OF_DAY = "18:00"
TOKEN_HASH_LENGTH = 64  # SHA-256, hex
TIME_OF_DAY_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


class CalendarFeed(SQLModel, table=True):
    """The user's feed. A new token replaces the row, so the old URL stops working."""

    __tablename__ = "calendar_feed"

    user_id: uuid.UUID = SQLField(foreign_key="app_user.id", primary_key=True, ondelete="CASCADE")
    token_hash: str = SQLField(max_length=TOKEN_HASH_LENGTH, unique=True)
    minute_of_day: int
    created_at: datetime = SQLField(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    # Changes of the user's time zone or of the feed's time of day, which move every event
    # with no new routine version: each one is a revision of every event (its SEQUENCE).
    schedule_changes: int = SQLField(default=0)
    schedule_changed_at: datetime | None = SQLField(
        default=None, sa_column=Column(UTCDateTime(), nullable=True)
    )


class CalendarTokenCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    time_of_day: str = Field(
        default=DEFAULT_TIME_OF_DAY,
        pattern=TIME_OF_DAY_PATTERN,
        description="When the planned sessions start, local time (HH:MM, 24-hour).",
    )


class CalendarTokenPublic(BaseModel):
    token: str = Field(description="Shown once: Medius keeps only its hash.")
    url: str = Field(
        description="The feed's absolute URL (on the server's PUBLIC_BASE_URL); subscribe to "
        "it from any calendar app."
    )
    time_of_day: str
    created_at: datetime
