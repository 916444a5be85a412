"""Workout session logs: what was actually done, set by set."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Self, TypedDict

from pydantic import BaseModel, ConfigDict, Field, StrictInt, model_validator
from sqlalchemy import BigInteger, Column, Index, Numeric
from sqlmodel import Field as SQLField
from sqlmodel import SQLModel

from app.core.shapes import mirror
from app.core.sqltypes import UTCDateTime, VocabularyColumn
from app.core.types import (
    NOTES_MAX,
    SHORT_NOTES_MAX,
    SLUG_MAX,
    AwareDatetime,
    Notes,
    ShortNotes,
    Slug,
    utcnow,
)
from app.core.vocabulary import BandLevel, Count, HoldSeconds, Kilograms, Leg, Scale, SetNumber
from app.training.routines.models import MAX_VERSIONS

MAX_ENTRIES = 500
RoutineVersionNumber = Annotated[StrictInt, Field(ge=1, le=MAX_VERSIONS)]


class WorkoutSession(SQLModel, table=True):
    __tablename__ = "workout_session"
    __table_args__ = (
        Index("ix_session_owner_started", "owner_id", "started_at", "id"),
        Index("ix_session_owner_updated", "owner_id", "updated_at", "id"),
        Index("ix_session_owner_change", "owner_id", "change_seq", "id"),
    )

    id: uuid.UUID = SQLField(primary_key=True)
    owner_id: uuid.UUID = SQLField(foreign_key="app_user.id", ondelete="CASCADE")
    routine_id: uuid.UUID | None = SQLField(
        default=None, foreign_key="routine.id", ondelete="SET NULL", index=True
    )
    # The version of the routine's program this session followed (None without a routine).
    routine_version: int | None = None
    started_at: datetime = SQLField(sa_column=Column(UTCDateTime(), nullable=False))
    ended_at: datetime | None = SQLField(default=None, sa_column=Column(UTCDateTime()))
    notes: str = SQLField(default="", max_length=NOTES_MAX)
    body_digest: str = SQLField(max_length=64)
    revision: int = SQLField(default=1)
    created_at: datetime = SQLField(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    updated_at: datetime = SQLField(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    deleted_at: datetime | None = SQLField(default=None, sa_column=Column(UTCDateTime()))
    # The owner's change counter when this row last changed (app/core/changes.py).
    change_seq: int = SQLField(
        default=0, sa_column=Column(BigInteger(), nullable=False, server_default="0")
    )
    # The worst pain of the session's entries (None without entries), kept with them: pain
    # alerts read sessions, not every set (app/logbook/sessions/totals.py).
    pain_max: int | None = None


class SessionEntry(SQLModel, table=True):
    __tablename__ = "session_entry"
    __table_args__ = (Index("ix_session_entry_exercise", "exercise", "session_id"),)

    session_id: uuid.UUID | None = SQLField(
        default=None, foreign_key="workout_session.id", primary_key=True, ondelete="CASCADE"
    )
    position: int = SQLField(primary_key=True)
    # The wire's name on the attribute; the column keeps its name (`exercise_slug`).
    exercise: str = SQLField(
        foreign_key="exercise.slug",
        max_length=SLUG_MAX,
        sa_column_kwargs={"name": "exercise_slug", "key": "exercise"},
    )
    set_number: int
    side: Leg | None = SQLField(default=None, sa_type=VocabularyColumn(Leg, 8))
    reps: int | None = None
    steps: int | None = None
    hold_seconds: int | None = None
    load_band: BandLevel | None = SQLField(default=None, sa_type=VocabularyColumn(BandLevel, 16))
    load_kg: Decimal | None = SQLField(default=None, sa_column=Column(Numeric(6, 2)))
    pain: int
    effort: int
    notes: str = SQLField(default="", max_length=SHORT_NOTES_MAX)


class EntryIn(BaseModel):
    """One set as done. Which of reps/steps/hold_seconds is set follows the exercise's unit."""

    model_config = ConfigDict(extra="forbid")
    exercise: Slug
    set_number: SetNumber
    side: Leg | None = Field(
        default=None, description="left or right for unilateral exercises; null for bilateral."
    )
    reps: Count | None = None
    steps: Count | None = None
    hold_seconds: HoldSeconds | None = None
    load_band: BandLevel | None = Field(default=None, description="Band used, if any.")
    load_kg: Kilograms | None = Field(default=None, description="Added weight in kg, if any.")
    pain: Scale = Field(description="Pain during the set, 0 (none) to 10 (worst).")
    effort: Scale = Field(description="Perceived effort, 0-10.")
    notes: ShortNotes = ""

    @model_validator(mode="after")
    def _one_load(self) -> Self:
        if self.load_band is not None and self.load_kg is not None:
            raise ValueError("give the load as a band level or in kg, not both")
        return self


def _check_times(started_at: datetime | None, ended_at: datetime | None) -> None:
    if started_at is not None and ended_at is not None and ended_at < started_at:
        raise ValueError("ended_at is before started_at")


class SessionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: uuid.UUID | None = Field(
        default=None,
        description="Your own UUID makes retries safe; the server makes one if absent.",
    )
    routine_id: uuid.UUID | None = None
    routine_version: RoutineVersionNumber | None = Field(
        default=None,
        description="The version of the routine followed (with `routine_id` only); default "
        "the routine's current version.",
    )
    started_at: AwareDatetime = Field(description="RFC 3339 with an offset; stored in UTC.")
    ended_at: AwareDatetime | None = None
    notes: Notes = ""
    entries: list[EntryIn] = Field(default_factory=list, max_length=MAX_ENTRIES)

    @model_validator(mode="after")
    def _times(self) -> Self:
        _check_times(self.started_at, self.ended_at)
        if self.routine_version is not None and self.routine_id is None:
            raise ValueError("routine_version needs a routine_id")
        return self


class SessionUpdate(BaseModel):
    """JSON merge patch of a session's own fields; entries change through /entries."""

    model_config = ConfigDict(extra="forbid")
    routine_id: uuid.UUID | None = None
    routine_version: RoutineVersionNumber | None = Field(
        default=None,
        description="The version followed; when `routine_id` changes without it, that "
        "routine's current version.",
    )
    started_at: AwareDatetime | None = None
    ended_at: AwareDatetime | None = None
    notes: Notes | None = None


class EntriesReplace(BaseModel):
    model_config = ConfigDict(extra="forbid")
    entries: list[EntryIn] = Field(max_length=MAX_ENTRIES)


class EntryPublic(BaseModel):
    exercise: Slug
    set_number: int
    side: Leg | None
    reps: int | None
    steps: int | None
    hold_seconds: int | None
    load_band: BandLevel | None
    load_kg: float | None
    pain: int
    effort: int
    notes: str


class SessionPublic(BaseModel):
    id: uuid.UUID
    routine_id: uuid.UUID | None
    routine_version: int | None = Field(description="The routine's version this followed.")
    started_at: datetime
    ended_at: datetime | None
    notes: str
    entries: list[EntryPublic]
    revision: int
    created_at: datetime
    updated_at: datetime


class SessionTombstone(BaseModel):
    id: uuid.UUID
    deleted_at: datetime


# A session as answered: a JSON-ready dict of SessionPublic's shape, built from rows or
# from the validated request, never through response models: the database and the request
# model already hold valid values (docs/architecture/hot-paths.md).


class EntryBody(TypedDict):
    exercise: str
    set_number: int
    side: str | None  # a `Leg` (as the column reads it, or the request's value)
    reps: int | None
    steps: int | None
    hold_seconds: int | None
    load_band: str | None  # a `BandLevel`, likewise
    load_kg: float | None
    pain: int
    effort: int
    notes: str


class SessionBody(TypedDict):
    id: uuid.UUID
    routine_id: uuid.UUID | None
    routine_version: int | None
    started_at: datetime
    ended_at: datetime | None
    notes: str
    entries: list[EntryBody]
    revision: int
    created_at: datetime
    updated_at: datetime


class NewSession(TypedDict):
    """A workout_session row's columns as a create inserts them."""

    id: uuid.UUID
    owner_id: uuid.UUID
    routine_id: uuid.UUID | None
    routine_version: int | None
    started_at: datetime
    ended_at: datetime | None
    notes: str
    body_digest: str
    revision: int
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None
    change_seq: int
    pain_max: int | None


class SessionTombstoneBody(TypedDict):
    id: uuid.UUID
    deleted_at: datetime


mirror(EntryBody, EntryPublic)
mirror(SessionBody, SessionPublic)
mirror(SessionTombstoneBody, SessionTombstone)


class DayFigures(SQLModel):
    """The figures a per-day or per-week total holds (sums, and maxima that are 0 where
    no set had the value); the order is the order of repository.TOTAL_VALUES."""

    sessions: int
    sets: int
    reps: int
    steps: int
    hold_seconds: int
    best_reps: int
    best_steps: int
    best_hold: int
    pain_sum: int
    pain_max: int
    effort_sum: int
    left_sets: int
    left_counted: int
    left_held: int
    right_sets: int
    right_counted: int
    right_held: int


class ExerciseDayTotal(DayFigures, table=True):
    """One owner's sets of one exercise on one local calendar day, summed
    (app/logbook/sessions/totals.py).

    What /me/progress reads instead of every entry: a year is at most 366 rows per
    exercise however many sets were logged. `day` is the date's proleptic ordinal
    (`date.toordinal()`) in the owner's time zone named by `ExerciseDayZone`, so a week is
    integer arithmetic on both databases. Maxima are 0 where no set had the value.
    """

    __tablename__ = "exercise_day_total"

    owner_id: uuid.UUID = SQLField(foreign_key="app_user.id", primary_key=True, ondelete="CASCADE")
    day: int = SQLField(primary_key=True)
    exercise_slug: str = SQLField(primary_key=True, max_length=64)


class ExerciseWeekTotal(DayFigures, table=True):
    """The same figures per local ISO week (Monday to Sunday): the owner's day rows of the
    week combined, kept with them (app/logbook/sessions/totals.py).

    /me/progress reads whole weeks of its range here (at most 53 rows per exercise, no
    grouping of day rows) and only the range's clipped first and last weeks from the day
    rows. `week` is the ordinal of the week's Monday, in the zone of `ExerciseDayZone`.
    """

    __tablename__ = "exercise_week_total"

    owner_id: uuid.UUID = SQLField(foreign_key="app_user.id", primary_key=True, ondelete="CASCADE")
    week: int = SQLField(primary_key=True)
    exercise_slug: str = SQLField(primary_key=True, max_length=64)


class ExerciseDayZone(SQLModel, table=True):
    """The time zone an owner's `exercise_day_total` rows are dated in.

    A user's time zone can change (PATCH /me, a layer below sessions): the rows are
    rebuilt in the new zone by the first session write or progress read that finds this
    row different from the user's zone. No row: the owner has no totals yet.
    """

    __tablename__ = "exercise_day_zone"

    owner_id: uuid.UUID = SQLField(foreign_key="app_user.id", primary_key=True, ondelete="CASCADE")
    time_zone: str = SQLField(max_length=64)
