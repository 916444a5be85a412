"""Session comments: written by the care team, read by the patient."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TypedDict

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Column, Index
from sqlmodel import Field as SQLField
from sqlmodel import SQLModel

from app.core.sqltypes import UTCDateTime
from app.core.types import LONG_TEXT_MAX, LongText, utcnow


class SessionComment(SQLModel, table=True):
    __tablename__ = "session_comment"
    __table_args__ = (
        Index("ix_session_comment_session_created", "session_id", "created_at", "id"),
    )

    id: uuid.UUID = SQLField(primary_key=True)
    session_id: uuid.UUID = SQLField(foreign_key="workout_session.id", ondelete="CASCADE")
    patient_id: uuid.UUID = SQLField(foreign_key="app_user.id", ondelete="CASCADE")
    # The author's account may go; their comment stays with the patient's session.
    author_id: uuid.UUID | None = SQLField(
        default=None, foreign_key="app_user.id", ondelete="SET NULL"
    )
    clinic_id: uuid.UUID | None = SQLField(
        default=None, foreign_key="clinic.id", ondelete="SET NULL"
    )
    body: str = SQLField(max_length=LONG_TEXT_MAX)
    created_at: datetime = SQLField(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )


class CommentValues(TypedDict):
    """A new comment's columns, as `repository.insert` writes them."""

    id: uuid.UUID
    session_id: uuid.UUID
    patient_id: uuid.UUID
    author_id: uuid.UUID
    clinic_id: uuid.UUID | None
    body: str
    created_at: datetime


class SessionCommentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: uuid.UUID | None = Field(
        default=None,
        description="Your own UUID makes a retry safe: the same id and body again answers "
        "the stored comment (200); the same id with another body is 409.",
    )
    body: LongText = Field(description="1-2000 characters; tab and newline allowed.")


class SessionCommentPublic(BaseModel):
    id: uuid.UUID
    session_id: uuid.UUID
    author_id: uuid.UUID | None = Field(description="The clinician who wrote it.")
    clinic_id: uuid.UUID | None = Field(description="Their clinic.")
    body: str
    created_at: datetime
