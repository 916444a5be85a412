"""Routines: ordered, dosed exercises a user owns; public templates anyone can read."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Self, TypedDict

from pydantic import BaseModel, ConfigDict, Field, StrictInt, model_validator
from sqlalchemy import JSON, Column, Index, UniqueConstraint
from sqlmodel import Field as SQLField
from sqlmodel import SQLModel

from app.catalog.planner.models import MAX_PLAN_ITEMS, MAX_WEEKS, Placement, SideFields, WeekPlan
from app.core.shapes import mirror
from app.core.sqltypes import UTCDateTime, VocabularyColumn
from app.core.types import (
    NOTES_MAX,
    SHORT_NOTES_MAX,
    SHORT_TEXT_MAX,
    SLUG_MAX,
    JSONObject,
    LongText,
    Notes,
    ShortNotes,
    ShortText,
    Slug,
    utcnow,
)
from app.core.vocabulary import (
    Count,
    HoldSeconds,
    Origin,
    RestSeconds,
    SessionsPerWeek,
    Sets,
    Side,
)

MAX_ITEMS = MAX_PLAN_ITEMS
# A prescriber's name as printed (a display name, 80; rows written before issue #22 may hold
# an email, up to 254).
PRESCRIBER_NAME_MAX = 254
# Versions one routine keeps (README, "Limits"): years of weekly revisions, and a bound on
# what one account's edits can store.
MAX_VERSIONS = 1000
MAX_RATIONALE = 20


class Routine(SQLModel, table=True):
    __tablename__ = "routine"
    __table_args__ = (
        UniqueConstraint("template_key", name="uq_routine_template_key"),
        Index("ix_routine_owner_updated", "owner_id", "updated_at", "id"),
        Index("ix_routine_owner_name", "owner_id", "name", "id"),
        Index("ix_routine_template_name", "is_template", "name", "id"),
    )

    id: uuid.UUID = SQLField(default_factory=uuid.uuid4, primary_key=True)
    owner_id: uuid.UUID | None = SQLField(
        default=None, foreign_key="app_user.id", ondelete="CASCADE"
    )
    is_template: bool = SQLField(default=False)
    template_key: str | None = SQLField(default=None, max_length=SLUG_MAX)
    name: str = SQLField(max_length=SHORT_TEXT_MAX)
    notes: str = SQLField(default="", max_length=NOTES_MAX)
    sessions_per_week: int
    origin: Origin = SQLField(sa_type=VocabularyColumn(Origin, 16))
    # A JSON column: `WeekPlan`s as checked, dumped. Left open (`Any`): a typed JSON
    # alias would make pydantic walk the document whenever a row is validated.
    progression: list[dict[str, Any]] | None = SQLField(default=None, sa_column=Column(JSON))
    rationale: list[str] | None = SQLField(default=None, sa_column=Column(JSON))
    revision: int = SQLField(default=1)
    # The content's version: 1 when made, +1 with every edit; each one kept whole in
    # `routine_version` (the ETag's `revision` is the row's, this is the program's).
    version: int = SQLField(default=1)
    # Provenance of a prescription (origin `prescription`): who prescribed or last revised
    # it, in which clinic, and both names as they were then (a signed paper prescription
    # keeps its signature when the clinician renames themselves or leaves).
    prescribed_by: uuid.UUID | None = SQLField(
        default=None, foreign_key="app_user.id", ondelete="SET NULL", index=True
    )
    clinic_id: uuid.UUID | None = SQLField(
        default=None, foreign_key="clinic.id", ondelete="SET NULL", index=True
    )
    prescriber_name: str | None = SQLField(default=None, max_length=PRESCRIBER_NAME_MAX)
    clinic_name: str | None = SQLField(default=None, max_length=SHORT_TEXT_MAX)
    # SHA-256 of the request that made this routine under a client-chosen id (a copy, a
    # prescription): a retry with the same id and request finds it, another request is 409.
    request_digest: str | None = SQLField(default=None, max_length=64)
    created_at: datetime = SQLField(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    updated_at: datetime = SQLField(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )


class RoutineVersion(SQLModel, table=True):
    """One version of a routine's program, whole: append-only (no update path, no route).

    Written in the transaction of the create or edit it records; its `version` is the
    routine's at that moment, so the primary key refuses a second writer of one version.
    """

    __tablename__ = "routine_version"

    routine_id: uuid.UUID = SQLField(foreign_key="routine.id", primary_key=True, ondelete="CASCADE")
    version: int = SQLField(primary_key=True)
    created_at: datetime = SQLField(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    name: str = SQLField(max_length=SHORT_TEXT_MAX)
    notes: str = SQLField(default="", max_length=NOTES_MAX)
    sessions_per_week: int
    # A JSON column: the items and `WeekPlan`s as written. Left open (`Any`): a typed JSON
    # alias would make pydantic walk the document whenever a row is validated.
    items: list[dict[str, Any]] = SQLField(sa_column=Column(JSON, nullable=False))
    progression: list[dict[str, Any]] | None = SQLField(default=None, sa_column=Column(JSON))
    prescribed_by: uuid.UUID | None = SQLField(
        default=None, foreign_key="app_user.id", ondelete="SET NULL"
    )
    clinic_id: uuid.UUID | None = None
    prescriber_name: str | None = SQLField(default=None, max_length=PRESCRIBER_NAME_MAX)
    clinic_name: str | None = SQLField(default=None, max_length=SHORT_TEXT_MAX)


class DeletedPrescription(SQLModel, table=True):
    """A clinic's record of a prescription its patient deleted: when it was prescribed and
    deleted, and its last version as the clinic wrote it (the patient's sessions, notes or
    copies are not kept). Written in the deletion's transaction; goes with the patient's
    account or the clinic."""

    __tablename__ = "deleted_prescription"
    __table_args__ = (
        Index("ix_deleted_prescription_patient", "patient_id", "clinic_id", "deleted_at"),
    )

    routine_id: uuid.UUID = SQLField(primary_key=True)
    patient_id: uuid.UUID = SQLField(foreign_key="app_user.id", ondelete="CASCADE")
    clinic_id: uuid.UUID = SQLField(foreign_key="clinic.id", ondelete="CASCADE")
    prescribed_at: datetime = SQLField(sa_column=Column(UTCDateTime(), nullable=False))
    deleted_at: datetime = SQLField(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    # The last version, whole, as `routine_version` kept it.
    version: int
    version_created_at: datetime = SQLField(sa_column=Column(UTCDateTime(), nullable=False))
    name: str = SQLField(max_length=SHORT_TEXT_MAX)
    notes: str = SQLField(default="", max_length=NOTES_MAX)
    sessions_per_week: int
    # A JSON column: the version's items and `WeekPlan`s, dumped. Left open (`Any`): a typed JSON
    # alias would make pydantic walk the document whenever a row is validated.
    items: list[dict[str, Any]] = SQLField(sa_column=Column(JSON, nullable=False))
    progression: list[dict[str, Any]] | None = SQLField(default=None, sa_column=Column(JSON))
    prescribed_by: uuid.UUID | None = SQLField(
        default=None, foreign_key="app_user.id", ondelete="SET NULL"
    )
    prescriber_name: str | None = SQLField(default=None, max_length=PRESCRIBER_NAME_MAX)
    clinic_name: str | None = SQLField(default=None, max_length=SHORT_TEXT_MAX)


class RoutineItem(SQLModel, table=True):
    __tablename__ = "routine_item"
    __table_args__ = (Index("ix_routine_item_exercise", "exercise"),)

    routine_id: uuid.UUID | None = SQLField(
        default=None, foreign_key="routine.id", primary_key=True, ondelete="CASCADE"
    )
    # The attributes carry the wire names (`order`, `exercise`); the columns keep the names
    # they were created with (`position`, `exercise_slug`), so no migration renames them.
    order: int = SQLField(primary_key=True, sa_column_kwargs={"name": "position", "key": "order"})
    exercise: str = SQLField(
        foreign_key="exercise.slug",
        max_length=SLUG_MAX,
        sa_column_kwargs={"name": "exercise_slug", "key": "exercise"},
    )
    sets: int
    reps: int | None = None
    steps: int | None = None
    hold_seconds: int | None = None
    side: Side | None = SQLField(default=None, sa_type=VocabularyColumn(Side, 8))
    rest_seconds: int
    notes: str = SQLField(default="", max_length=SHORT_NOTES_MAX)
    reason: str | None = SQLField(default=None, max_length=NOTES_MAX)


class RoutineItemIn(SideFields):
    """One routine item as sent. Which of reps/steps/hold_seconds is set follows the unit.

    `working_leg`, `lie_on` and `placement` are accepted (a builder answer posts as is) but
    ignored: Medius derives them from `side`.
    """

    model_config = ConfigDict(extra="forbid")
    exercise: Slug
    order: StrictInt | None = Field(
        default=None, ge=1, le=MAX_ITEMS, description="1-based; or list order."
    )
    sets: Sets = Field(description="Sets per side.")
    reps: Count | None = None
    steps: Count | None = None
    hold_seconds: HoldSeconds | None = None
    side: Side | None = Field(
        default=None,
        description="The working leg, left/right/both, unilateral only; side-lying work "
        "lies on the other side with this leg on top.",
    )
    rest_seconds: RestSeconds | None = Field(
        default=None, description="Seconds between sets; the exercise's default when absent."
    )
    notes: ShortNotes = ""
    reason: Notes | None = None


def _orders_consistent(items: list[RoutineItemIn] | None) -> None:
    if not items:
        return
    orders = [i.order for i in items]
    given = [o for o in orders if o is not None]
    if given and (len(given) != len(items) or len(set(given)) != len(given)):
        raise ValueError("give every item a distinct order, or none (list order)")


class RoutineCreate(BaseModel):
    """A new routine. A routine-builder answer can be posted as it is (add a name)."""

    model_config = ConfigDict(extra="forbid")
    name: ShortText = "My routine"
    notes: Notes = ""
    sessions_per_week: SessionsPerWeek = 3
    items: list[RoutineItemIn] = Field(min_length=1, max_length=MAX_ITEMS)
    progression: list[WeekPlan] | None = Field(
        default=None,
        max_length=MAX_WEEKS,
        description="A routine-builder plan: weeks 1, 2, ... in order, week 1 being `items`; "
        "every week is checked like the routine (known exercises, dosage, at most 120 "
        "minutes). Dropped when a later PATCH replaces the items.",
    )
    rationale: list[LongText] | None = Field(default=None, max_length=MAX_RATIONALE)
    estimated_seconds: StrictInt | None = Field(
        default=None, ge=0, le=10**6, description="Ignored: always recomputed from the items."
    )
    unmet: list[LongText] | None = Field(default=None, max_length=20, description="Ignored.")
    disclaimer: Notes | None = Field(default=None, description="Ignored.")
    routine_id: uuid.UUID | None = Field(default=None, description="Ignored.")

    @model_validator(mode="after")
    def _check_orders(self) -> Self:
        _orders_consistent(self.items)
        return self


class RoutineUpdate(BaseModel):
    """JSON merge patch; `items`, when sent, replaces the whole list."""

    model_config = ConfigDict(extra="forbid")
    name: ShortText | None = None
    notes: Notes | None = None
    sessions_per_week: SessionsPerWeek | None = None
    items: list[RoutineItemIn] | None = Field(default=None, min_length=1, max_length=MAX_ITEMS)

    @model_validator(mode="after")
    def _check_orders(self) -> Self:
        _orders_consistent(self.items)
        return self


class RoutineItemPublic(SideFields):
    exercise: Slug
    order: int
    sets: int
    reps: int | None
    steps: int | None
    hold_seconds: int | None
    side: Side | None
    rest_seconds: int
    notes: str
    reason: str | None


class Prescriber(BaseModel):
    """Who prescribed (or last revised) a prescribed routine, and in which clinic."""

    user_id: uuid.UUID | None = Field(description="The clinician; null once their account is gone.")
    name: str = Field(
        description="The clinician's display name when they wrote it (never their "
        "email: 'your clinician' when they had none)."
    )
    clinic_id: uuid.UUID | None
    clinic_name: str | None = Field(description="The clinic's name when they wrote it.")


class RoutinePublic(BaseModel):
    id: uuid.UUID
    name: str
    notes: str
    sessions_per_week: int
    is_template: bool
    origin: Origin
    items: list[RoutineItemPublic]
    estimated_seconds: int = Field(description="Computed from the items' dosage; see README.")
    progression: list[WeekPlan] | None
    rationale: list[str] | None
    revision: int
    version: int = Field(
        description="The program's version: 1 when made, +1 with every edit; each is kept "
        "(`GET /routines/{id}/versions`) and a session records the one it followed."
    )
    prescriber: Prescriber | None = Field(
        description="Set when a clinician prescribed this routine (origin `prescription`): "
        "it is then read-only for you; copy it to change it."
    )
    created_at: datetime
    updated_at: datetime


class RoutineVersionPublic(BaseModel):
    """One version of a routine's program as it was: items with dosage, plan, prescriber."""

    routine_id: uuid.UUID
    version: int
    created_at: datetime = Field(description="When this version was made.")
    name: str
    notes: str
    sessions_per_week: int
    items: list[RoutineItemPublic]
    estimated_seconds: int
    progression: list[WeekPlan] | None
    prescriber: Prescriber | None


class DeletedPrescriptionPublic(BaseModel):
    """A prescription the patient deleted, as the clinic that prescribed it keeps it."""

    routine_id: uuid.UUID
    prescribed_at: datetime
    deleted_at: datetime = Field(description="When the patient deleted it.")
    last_version: RoutineVersionPublic = Field(
        description="The last version the clinic wrote, whole (earlier versions are not kept)."
    )


# The answers as the service builds them (JSON-ready dicts, encoded without a second
# validation: app/core/responses.py), each the shape of the public model beside it.


class RoutineItemBody(TypedDict):
    working_leg: Side | None
    lie_on: Side | None
    placement: list[Placement]
    exercise: str
    order: int
    sets: int
    reps: int | None
    steps: int | None
    hold_seconds: int | None
    side: Side | None
    rest_seconds: int
    notes: str
    reason: str | None


class PrescriberBody(TypedDict):
    user_id: uuid.UUID | None
    name: str
    clinic_id: uuid.UUID | None
    clinic_name: str | None


class RoutineBody(TypedDict):
    id: uuid.UUID
    name: str
    notes: str
    sessions_per_week: int
    is_template: bool
    origin: Origin
    items: list[RoutineItemBody]
    estimated_seconds: int
    progression: list[WeekPlan] | None
    rationale: list[str] | None
    revision: int
    version: int
    prescriber: PrescriberBody | None
    created_at: datetime
    updated_at: datetime


class RoutineVersionBody(TypedDict):
    routine_id: uuid.UUID
    version: int
    created_at: datetime
    name: str
    notes: str
    sessions_per_week: int
    items: list[RoutineItemBody]
    estimated_seconds: int
    # As the version stored it: JSON of `WeekPlan`'s shape, checked when it was written.
    progression: list[JSONObject] | None
    prescriber: PrescriberBody | None


class DeletedPrescriptionBody(TypedDict):
    routine_id: uuid.UUID
    prescribed_at: datetime
    deleted_at: datetime
    last_version: RoutineVersionBody


mirror(RoutineItemBody, RoutineItemPublic)
mirror(PrescriberBody, Prescriber)
mirror(RoutineBody, RoutinePublic)
mirror(RoutineVersionBody, RoutineVersionPublic)
mirror(DeletedPrescriptionBody, DeletedPrescriptionPublic)


class RoutineCopy(BaseModel):
    """Optional body of a copy: your own id for the copy makes a retried copy safe."""

    model_config = ConfigDict(extra="forbid")
    id: uuid.UUID | None = Field(
        default=None,
        description="Your UUID for the copy: a retry with the same id answers the copy already "
        "made (200); the same id for another source is 409. Without it every call copies.",
    )


class TemplateSpec(BaseModel):
    """A public template as authored in seed_data/templates.yaml."""

    model_config = ConfigDict(extra="forbid")
    key: Slug
    name: ShortText
    notes: Notes = ""
    sessions_per_week: SessionsPerWeek
    items: list[RoutineItemIn] = Field(min_length=1, max_length=MAX_ITEMS)
