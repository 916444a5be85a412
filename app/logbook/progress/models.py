"""What the progress endpoint answers: adherence, trends per exercise, alerts and advice."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, TypedDict

from pydantic import BaseModel, Field
from sqlalchemy import JSON, Column
from sqlmodel import Field as SQLField
from sqlmodel import SQLModel

from app.core.shapes import mirror
from app.core.sqltypes import UTCDateTime, VocabularyColumn
from app.core.types import SLUG_MAX, JSONObject
from app.core.vocabulary import Decision, DosageUnit, ProgressionBasis, Provenance


class WeekAdherence(BaseModel):
    week: str = Field(examples=["2026-W47"], description="ISO week in your time zone.")
    starts_on: date
    sessions: int
    target: int | None = Field(description="The routine's sessions_per_week, if you have one.")
    met: bool | None


class SideWeek(BaseModel):
    sets: int
    total: int = Field(description="Reps, steps or hold seconds, by the exercise's unit.")


class ExerciseWeek(BaseModel):
    week: str
    sessions: int
    sets: int
    total_reps: int
    total_steps: int
    total_hold_seconds: int
    pain_mean: float
    pain_max: int
    effort_mean: float
    left: SideWeek | None = None
    right: SideWeek | None = None
    asymmetry: float | None = Field(
        default=None,
        description="(left - right) / the larger side, from -1 to 1; 0 is balanced.",
    )


class ExerciseProgress(BaseModel):
    exercise: str
    unit: DosageUnit
    sessions: int
    sets: int
    total_reps: int
    total_steps: int
    total_hold_seconds: int
    best_set: int = Field(description="The most reps, steps or hold seconds in one set.")
    weeks: list[ExerciseWeek]


class PainAlert(BaseModel):
    session_id: uuid.UUID
    started_at: datetime
    max_pain: int
    advice: str


class PrescribedDosage(BaseModel):
    """A routine item's prescription: what advice compares against and proposes next."""

    sets: int
    reps: int | None = None
    steps: int | None = None
    hold_seconds: int | None = None


class Advice(BaseModel):
    exercise: str
    decision: Decision
    reason: str
    current: PrescribedDosage
    next: PrescribedDosage
    change: str | None
    provenance: Provenance | None = Field(
        description="Whose the proposed change is: `article` when it moves within a range "
        "the article gives, `medius` for Medius' own rules (every reduction, and any step "
        "past the article's range); null when nothing changes."
    )
    basis: ProgressionBasis | None = Field(
        description="Finer than `provenance`: `article-range` (within the article's figures), "
        "`article-progression` (a progression the article itself states) or `medius`."
    )
    see_a_professional: bool


class Progress(BaseModel):
    starts_on: date = Field(alias="from", serialization_alias="from")
    ends_on: date = Field(alias="to", serialization_alias="to")
    time_zone: str
    routine_id: uuid.UUID | None
    adherence: list[WeekAdherence]
    current_streak: int = Field(description="Weeks in a row, up to this one, that met the plan.")
    best_streak: int
    exercises: list[ExerciseProgress]
    alerts: list[PainAlert]
    advice: list[Advice]

    model_config = {"populate_by_name": True}


# The report as `service.progress_document` builds it: plain dicts from the database's
# integers, dates as ISO text (a busy year holds thousands of exercise weeks; no model each).


class WeekAdherenceBody(TypedDict):
    week: str
    starts_on: str  # ISO date
    sessions: int
    target: int | None
    met: bool | None


class SideWeekBody(TypedDict):
    sets: int
    total: int


class ExerciseWeekBody(TypedDict):
    week: str
    sessions: int
    sets: int
    total_reps: int
    total_steps: int
    total_hold_seconds: int
    pain_mean: float
    pain_max: int
    effort_mean: float
    left: SideWeekBody | None
    right: SideWeekBody | None
    asymmetry: float | None


class ExerciseProgressBody(TypedDict):
    exercise: str
    unit: str  # a DosageUnit's value
    sessions: int
    sets: int
    total_reps: int
    total_steps: int
    total_hold_seconds: int
    best_set: int
    weeks: list[ExerciseWeekBody]


# `from` and `to` are Python keywords, hence the functional form.
ProgressBody = TypedDict(
    "ProgressBody",
    {
        "from": str,  # ISO date
        "to": str,
        "time_zone": str,
        "routine_id": str | None,
        "adherence": list[WeekAdherenceBody],
        "current_streak": int,
        "best_streak": int,
        "exercises": list[ExerciseProgressBody],
        # `PainAlert`s and `Advice`s as their models dump them (few per report).
        "alerts": list[JSONObject],
        "advice": list[JSONObject],
    },
)

mirror(WeekAdherenceBody, WeekAdherence)
mirror(SideWeekBody, SideWeek)
mirror(ExerciseWeekBody, ExerciseWeek)
mirror(ExerciseProgressBody, ExerciseProgress)
mirror(ProgressBody, Progress)


class AnnouncedAdvice(SQLModel, table=True):
    """The advice last announced by a `progress.advice_changed` webhook, per routine item
    exercise: what the next session write compares its fresh advice with."""

    __tablename__ = "announced_advice"

    owner_id: uuid.UUID = SQLField(foreign_key="app_user.id", primary_key=True, ondelete="CASCADE")
    routine_id: uuid.UUID = SQLField(foreign_key="routine.id", primary_key=True, ondelete="CASCADE")
    exercise: str = SQLField(primary_key=True, max_length=SLUG_MAX)
    decision: Decision = SQLField(sa_type=VocabularyColumn(Decision, 16))
    # A JSON column: a `PrescribedDosage`, dumped. Left open (`Any`): a typed JSON
    # alias would make pydantic walk the document whenever a row is validated.
    next: dict[str, Any] = SQLField(sa_column=Column(JSON, nullable=False))
    announced_at: datetime = SQLField(sa_column=Column(UTCDateTime(), nullable=False))
