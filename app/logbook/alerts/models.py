"""Alerts: one per patient event, unique per (patient, kind, source)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TypedDict

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Column, Index, UniqueConstraint
from sqlmodel import Field as SQLField
from sqlmodel import SQLModel

from app.core.sqltypes import UTCDateTime, VocabularyColumn
from app.core.types import SENTENCE_MAX, SLUG_MAX, Sentence, utcnow
from app.core.vocabulary import AlertKind, AlertStatus

SOURCE_MAX = 120
WEEK_LABEL_MAX = 10  # "2026-W47"


class Alert(SQLModel, table=True):
    """Something the care team should look at, raised for the patient (not for one
    relationship: every clinician the patient granted `alerts` sees the same alert; each
    clinic acknowledges it for itself, `AlertAcknowledgement`).

    `source` names the event that raised it (`session:<id>`, `assessment:<id>`,
    `reduce:<exercise>:<episode>`, `week:<routine id>:<ISO week>`): with the unique key a
    retried or concurrent write raises it once.
    """

    __tablename__ = "alert"
    __table_args__ = (
        UniqueConstraint("patient_id", "kind", "source", name="uq_alert_patient_kind_source"),
        Index("ix_alert_patient_raised", "patient_id", "raised_at", "id"),
    )

    id: uuid.UUID = SQLField(default_factory=uuid.uuid4, primary_key=True)
    patient_id: uuid.UUID = SQLField(foreign_key="app_user.id", ondelete="CASCADE")
    kind: AlertKind = SQLField(sa_type=VocabularyColumn(AlertKind, 24))
    source: str = SQLField(max_length=SOURCE_MAX)
    message: str = SQLField(max_length=SENTENCE_MAX)
    # What the alert is about; no foreign keys: an alert outlives a deleted session.
    session_id: uuid.UUID | None = None
    assessment_id: uuid.UUID | None = None
    exercise: str | None = SQLField(default=None, max_length=SLUG_MAX)
    week: str | None = SQLField(default=None, max_length=WEEK_LABEL_MAX)
    pain: int | None = None
    raised_at: datetime = SQLField(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )


class AlertAcknowledgement(SQLModel, table=True):
    """One clinic's acknowledgement of an alert, with its note: each clinic acknowledges
    for itself (another clinic's acknowledgement neither closes its alert nor shows to it);
    the patient sees them all. The clinic's account may go (the clinic id becomes null),
    the patient keeps the note."""

    __tablename__ = "alert_acknowledgement"
    __table_args__ = (
        UniqueConstraint("alert_id", "clinic_id", name="uq_alert_acknowledgement_clinic"),
    )

    id: uuid.UUID = SQLField(default_factory=uuid.uuid4, primary_key=True)
    alert_id: uuid.UUID = SQLField(foreign_key="alert.id", ondelete="CASCADE")
    clinic_id: uuid.UUID | None = SQLField(
        default=None, foreign_key="clinic.id", ondelete="SET NULL"
    )
    acknowledged_by: uuid.UUID | None = SQLField(
        default=None, foreign_key="app_user.id", ondelete="SET NULL"
    )
    acknowledged_at: datetime = SQLField(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    note: str = SQLField(max_length=SENTENCE_MAX)


class AdviceState(SQLModel, table=True):
    """Whether an exercise's progression advice stood at "reduce" after the patient's last
    session write, and how many times it has turned to "reduce": what makes "the advice
    changed to reduce" a fact the next write can compare against."""

    __tablename__ = "alert_advice_state"

    patient_id: uuid.UUID = SQLField(
        foreign_key="app_user.id", primary_key=True, ondelete="CASCADE"
    )
    exercise: str = SQLField(primary_key=True, max_length=SLUG_MAX)
    reducing: bool
    episodes: int


class NewAlert(TypedDict):
    """An alert's columns as a trigger raises it (`repository.insert_alerts` adds its id)."""

    patient_id: uuid.UUID
    kind: AlertKind
    source: str
    message: str
    session_id: uuid.UUID | None
    assessment_id: uuid.UUID | None
    exercise: str | None
    week: str | None
    pain: int | None
    raised_at: datetime


class AlertValues(NewAlert):
    """An alert's columns as inserted."""

    id: uuid.UUID


class AcknowledgementValues(TypedDict):
    """An acknowledgement's columns as the clinic's acknowledge inserts them (its id added)."""

    alert_id: uuid.UUID
    clinic_id: uuid.UUID
    acknowledged_by: uuid.UUID
    acknowledged_at: datetime
    note: str


class AcknowledgementPublic(BaseModel):
    acknowledged_at: datetime
    acknowledged_by: uuid.UUID | None = Field(description="The clinician who acknowledged it.")
    clinic_id: uuid.UUID | None = Field(description="Their clinic.")
    note: str


class AlertPublic(BaseModel):
    id: uuid.UUID
    kind: AlertKind
    message: str
    raised_at: datetime
    session_id: uuid.UUID | None = Field(description="The session that raised it, if any.")
    assessment_id: uuid.UUID | None = Field(description="The self-check that raised it, if any.")
    exercise: str | None = Field(description="The exercise whose advice turned to reduce.")
    week: str | None = Field(description="The missed ISO week (`2026-W47`), local time.")
    pain: int | None = Field(description="The pain (0-10) that raised it, if any.")
    status: AlertStatus = Field(
        description="For the patient: acknowledged once any clinic has. For a clinic: "
        "whether that clinic has (each clinic acknowledges for itself)."
    )
    acknowledged_at: datetime | None = Field(
        description="The first acknowledgement shown (`acknowledgements[0]`), if any."
    )
    acknowledged_by: uuid.UUID | None = Field(description="The clinician who acknowledged it.")
    acknowledged_clinic_id: uuid.UUID | None = Field(description="Their clinic.")
    acknowledgement_note: str | None
    acknowledgements: list[AcknowledgementPublic] = Field(
        default_factory=list,
        description="Oldest first. The patient sees every clinic's; a clinic only its own.",
    )


class AlertAcknowledge(BaseModel):
    model_config = ConfigDict(extra="forbid")
    note: Sentence = Field(description="A short note for the patient (1-500 characters).")
