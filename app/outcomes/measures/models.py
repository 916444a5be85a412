"""Assignments of an instrument to a patient (with a schedule) and the answers given.

An assignment belongs to the clinic that made it; its answers are the patient's, scored
when written (score, change from the assignment's baseline, the verdict against the
source's MCID) by the one scoring module. The first answer of an assignment that has a
baseline is its baseline; an answer that is not comparable with it (another side) is
compared with the first comparable one.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    model_validator,
)
from sqlalchemy import JSON, Column, ForeignKey, Index, Uuid
from sqlmodel import Field as SQLField
from sqlmodel import SQLModel

from app.core.sqltypes import UTCDateTime, VocabularyColumn
from app.core.types import SLUG_MAX, AwareDatetime, CalendarDate, ShortText
from app.core.vocabulary import DueStatus, MeasureVerdict, Reporter

DIGEST_MAX = 64
MAX_EVERY_WEEKS = 52
MAX_ANSWER_ITEMS = 10


def _at(nullable: bool = False) -> Any:
    return SQLField(
        default=None if nullable else ...,
        sa_column=Column(UTCDateTime(), nullable=nullable),
    )


def _fk(table: str, ondelete: str, nullable: bool) -> Any:
    return SQLField(
        default=None if nullable else ...,
        sa_column=Column(Uuid(), ForeignKey(f"{table}.id", ondelete=ondelete), nullable=nullable),
    )


class MeasureAssignment(SQLModel, table=True):
    """An instrument a clinic asked the patient to answer, on a schedule: at the start
    (`starts_on`), every `every_weeks` weeks from it, and at discharge (`discharge_on`)."""

    __tablename__ = "measure_assignment"
    __table_args__ = (
        Index("ix_measure_assignment_patient", "patient_id", "created_at", "id"),
        Index("ix_measure_assignment_clinic_patient", "clinic_id", "patient_id", "created_at"),
    )

    id: uuid.UUID = SQLField(default_factory=uuid.uuid4, primary_key=True)
    patient_id: uuid.UUID = _fk("app_user", "CASCADE", nullable=False)
    # The clinic may go; the patient keeps the assignment and its answers.
    clinic_id: uuid.UUID | None = _fk("clinic", "SET NULL", nullable=True)
    assigned_by: uuid.UUID | None = _fk("app_user", "SET NULL", nullable=True)
    instrument_id: str = SQLField(max_length=SLUG_MAX)
    instrument_version: int
    at_start: bool
    every_weeks: int | None = None
    starts_on: date
    discharge_on: date | None = None
    request_digest: str | None = SQLField(default=None, max_length=DIGEST_MAX)
    created_at: datetime = _at()
    # When the care it was assigned under ended (no relationship at the clinic grants
    # `measures` any more): nothing is due from then on, and it takes no new answer.
    ended_at: datetime | None = _at(nullable=True)


class MeasureAnswer(SQLModel, table=True):
    """One completed measure: the answers as given, and their scoring when written."""

    __tablename__ = "measure_answer"
    __table_args__ = (
        Index("ix_measure_answer_assignment", "assignment_id", "answered_at", "id"),
        Index("ix_measure_answer_patient", "patient_id", "answered_at", "id"),
    )

    id: uuid.UUID = SQLField(default_factory=uuid.uuid4, primary_key=True)
    patient_id: uuid.UUID = _fk("app_user", "CASCADE", nullable=False)
    assignment_id: uuid.UUID = _fk("measure_assignment", "CASCADE", nullable=False)
    clinic_id: uuid.UUID | None = _fk("clinic", "SET NULL", nullable=True)
    instrument_id: str = SQLField(max_length=SLUG_MAX)
    instrument_version: int
    answers: dict[str, Any] = SQLField(sa_column=Column(JSON, nullable=False))
    score: float | None = None
    baseline_score: float | None = None  # the score of the answer this one is compared with
    change: float | None = None
    verdict: MeasureVerdict | None = SQLField(
        default=None, sa_type=VocabularyColumn(MeasureVerdict, 8), nullable=True
    )
    due_on: date
    answered_at: datetime = _at()
    entered_by: uuid.UUID | None = _fk("app_user", "SET NULL", nullable=True)
    reporter: Reporter = SQLField(sa_type=VocabularyColumn(Reporter, 12))
    request_digest: str = SQLField(max_length=DIGEST_MAX)
    revision: int = 1
    created_at: datetime = _at()
    updated_at: datetime = _at()


# --- On the wire ----------------------------------------------------------------------------


class ActivityRating(BaseModel):
    """One activity of the Patient-Specific Functional Scale, as the patient names it."""

    model_config = ConfigDict(extra="forbid")
    activity: ShortText = Field(description="The activity, in the patient's words (1-80).")
    # Bounded by the instrument's item (checked with the rest of the answers, one loc).
    rating: StrictInt | None = Field(
        default=None, description="0 (unable) to 10 (as before); null: not rated this time."
    )


AnswerValue = StrictBool | StrictInt | StrictFloat | ShortText | list[ActivityRating]
Answers = Annotated[
    dict[Annotated[str, Field(max_length=SLUG_MAX)], AnswerValue],
    Field(
        max_length=MAX_ANSWER_ITEMS,
        description="Item id -> value, as the instrument's `items` define them (422 naming "
        "the item when a value is out of bounds, of the wrong type, or a required one is "
        "missing).",
        examples=[{"activities": [{"activity": "Climbing stairs", "rating": 4}]}],
    ),
]


class Schedule(BaseModel):
    """When the measure is due: at the start, every N weeks from it, at discharge (any of
    them, at least one)."""

    model_config = ConfigDict(extra="forbid")
    at_start: StrictBool = Field(default=True, description="Due on `starts_on`.")
    every_weeks: Annotated[StrictInt, Field(ge=1, le=MAX_EVERY_WEEKS)] | None = Field(
        default=None, description="Due every N weeks after `starts_on` (until discharge)."
    )
    starts_on: CalendarDate | None = Field(
        default=None, description="The first day (default: today in the patient's zone)."
    )
    discharge_on: CalendarDate | None = Field(
        default=None, description="The planned discharge: due that day, and nothing after."
    )

    @model_validator(mode="after")
    def _something_due(self) -> Self:
        if not self.at_start and self.every_weeks is None and self.discharge_on is None:
            raise ValueError("give at least one of at_start, every_weeks, discharge_on")
        if self.starts_on and self.discharge_on and self.discharge_on < self.starts_on:
            raise ValueError("discharge_on is before starts_on")
        return self


class AssignmentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: uuid.UUID | None = Field(
        default=None,
        description="Your UUID for the assignment: a retry with the same id and body answers "
        "the one made (200); another body is 409.",
    )
    instrument_id: Annotated[str, Field(min_length=1, max_length=SLUG_MAX)] = Field(
        examples=["psfs"]
    )
    schedule: Schedule


class AssignmentPublic(BaseModel):
    id: uuid.UUID
    instrument_id: str
    instrument_version: int
    clinic_id: uuid.UUID | None
    at_start: bool
    every_weeks: int | None
    starts_on: date
    discharge_on: date | None
    created_at: datetime
    ended_at: datetime | None = Field(
        description="When the care it was assigned under ended: nothing is due after."
    )


class AnswerCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: uuid.UUID = Field(
        description="Your UUID for this answer (offline-safe: a retry with the same id and "
        "body answers the stored one, 200; another body is 409)."
    )
    assignment_id: uuid.UUID
    answered_at: AwareDatetime | None = Field(
        default=None,
        description="When it was answered (an offline client sends its own time; default "
        "now). Not in the future.",
    )
    answers: Answers


class AnswerUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    answers: Answers


class AnswerPublic(BaseModel):
    id: uuid.UUID
    assignment_id: uuid.UUID
    instrument_id: str
    instrument_version: int
    answers: dict[str, Any]
    score: float | None = Field(description="The instrument's score; null when nothing scored.")
    baseline: float | None = Field(description="The score of the baseline it is compared with.")
    change: float | None = Field(
        description="Change from the baseline in the score's unit (null: the first answer, "
        "a rating of change, or not comparable)."
    )
    mcid: float | None = Field(description="The source's MCID (see the instrument).")
    verdict: MeasureVerdict | None = Field(
        description="`better` or `worse` by at least the MCID, else `within`; null without "
        "a change or a published MCID."
    )
    due_on: date
    answered_at: datetime
    reporter: Reporter
    revision: int
    editable_until: datetime
    created_at: datetime
    updated_at: datetime


class DueMeasure(BaseModel):
    assignment_id: uuid.UUID
    instrument_id: str
    title: str
    clinic_id: uuid.UUID | None
    due_on: date
    status: DueStatus
    reported_by: list[Reporter]


class MeasureResult(BaseModel):
    """One assignment's results: each scored answer in time order, with the baseline, the
    latest change and its verdict against the MCID."""

    assignment: AssignmentPublic
    title: str
    unit: str
    higher_is_better: bool
    mcid: float | None
    baseline: float | None
    latest_score: float | None
    latest_change: float | None
    latest_verdict: MeasureVerdict | None
    points: list[MeasurePoint]


class MeasurePoint(BaseModel):
    answer_id: uuid.UUID
    answered_at: datetime
    score: float


MeasureResult.model_rebuild()
