"""Single-leg stance self-checks and what they suggest."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, StrictBool
from sqlalchemy import JSON, Column, Index
from sqlmodel import Field as SQLField
from sqlmodel import SQLModel

from app.core.sqltypes import UTCDateTime, VocabularyColumn
from app.core.types import NOTES_MAX, Notes, utcnow
from app.core.vocabulary import (
    AffectedSide,
    Emphasis,
    Leg,
    PelvisDrop,
    Provenance,
    Scale,
    StanceSeconds,
)


class AssessmentCreate(BaseModel):
    """What the user saw while standing on one leg (ideally filmed or in a mirror)."""

    model_config = ConfigDict(extra="forbid")
    stance_leg: Leg = Field(description="The leg stood on.")
    pelvis_drop: PelvisDrop = Field(description="Did the hip on the OTHER side drop?")
    knee_drifts_in: StrictBool = Field(description="Did the stance knee drift toward the midline?")
    trunk_lean: StrictBool = Field(description="Did the upper body lean toward the stance side?")
    hold_seconds: StanceSeconds = Field(description="How long the stance was held.")
    pain: Scale = Field(description="Pain during the check, 0-10.")
    notes: Notes = ""


class Finding(BaseModel):
    code: str = Field(examples=["trendelenburg-sign"])
    finding: str
    explanation: str
    provenance: Provenance
    emphasis: Emphasis | None = Field(description="What the routine builder favours for it.")


class Interpretation(BaseModel):
    likely_weak_side: AffectedSide
    findings: list[Finding]
    emphasis: list[Emphasis]
    advice: list[str]
    disclaimer: str


class Assessment(SQLModel, table=True):
    __tablename__ = "assessment"
    __table_args__ = (Index("ix_assessment_owner_created", "owner_id", "created_at", "id"),)

    id: uuid.UUID = SQLField(default_factory=uuid.uuid4, primary_key=True)
    owner_id: uuid.UUID = SQLField(foreign_key="app_user.id", ondelete="CASCADE")
    stance_leg: Leg = SQLField(sa_type=VocabularyColumn(Leg, 8))
    pelvis_drop: PelvisDrop = SQLField(sa_type=VocabularyColumn(PelvisDrop, 8))
    knee_drifts_in: bool
    trunk_lean: bool
    hold_seconds: int
    pain: int
    notes: str = SQLField(default="", max_length=NOTES_MAX)
    # A JSON column: the interpretation's model, dumped. Left open (`Any`): a typed JSON
    # alias would make pydantic walk the document whenever a row is validated.
    interpretation: dict[str, Any] = SQLField(sa_column=Column(JSON, nullable=False))
    created_at: datetime = SQLField(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )


class AssessmentPublic(AssessmentCreate):
    model_config = ConfigDict(extra="ignore")
    id: uuid.UUID
    interpretation: Interpretation
    created_at: datetime
