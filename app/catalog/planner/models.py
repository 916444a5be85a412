"""What the routine builder takes and gives: constraints in, a plan (and its weeks) out.

Plain pydantic models and closed vocabularies; no table, no HTTP. The routines and
workout-timer code reuse `PlanItem`'s dosage shape, `Interval` and `DosageLike`.
"""

from __future__ import annotations

from typing import Protocol, Self, TypedDict

from pydantic import BaseModel, ConfigDict, Field, StrictInt, model_validator

from app.core.shapes import mirror
from app.core.types import Notes, Sentence, ShortNotes, Slug
from app.core.vocabulary import (
    AffectedSide,
    Count,
    Difficulty,
    Emphasis,
    Goal,
    HoldSeconds,
    IntervalKind,
    Position,
    ProgressionBasis,
    ProgressionKind,
    Provenance,
    RestSeconds,
    SessionsPerWeek,
    Sets,
    Side,
)

# The size of anything planned, whoever plans it: the builder, or a client posting a plan.
MAX_PLAN_ITEMS = 30
MAX_WEEKS = 12
MAX_SESSION_MINUTES = 120
MAX_SESSION_SECONDS = MAX_SESSION_MINUTES * 60


_STRICT = ConfigDict(extra="forbid")


class Constraints(BaseModel):
    """What the user can do: level, time, equipment at hand, positions to avoid, side."""

    model_config = _STRICT
    level: Difficulty
    minutes: StrictInt = Field(
        ge=1, le=MAX_SESSION_MINUTES, description="Time budget for one session."
    )
    equipment: list[Slug] | None = Field(
        default=None,
        max_length=20,
        description="Equipment at hand; null means everything is available, [] means none.",
    )
    exclude_positions: list[Position] = Field(default_factory=list, max_length=6)
    affected_side: AffectedSide = AffectedSide.NONE
    goal: Goal = Goal.PREVENTION
    sessions_per_week: SessionsPerWeek = 3
    weeks: StrictInt = Field(
        default=4, ge=1, le=MAX_WEEKS, description="Weeks of progression to plan."
    )
    emphasis: list[Emphasis] = Field(default_factory=list, max_length=3)


class DosageLike(Protocol):
    """Anything carrying an item's dosage: a plan item, a routine item, a request body."""

    @property
    def exercise(self) -> str: ...
    @property
    def sets(self) -> int: ...
    @property
    def reps(self) -> int | None: ...
    @property
    def steps(self) -> int | None: ...
    @property
    def hold_seconds(self) -> int | None: ...
    @property
    def side(self) -> str | None: ...
    @property
    def rest_seconds(self) -> int: ...


class ItemDosage(BaseModel):
    """One exercise's dosage. Which of reps/steps/hold_seconds is set follows the unit."""

    model_config = _STRICT
    exercise: Slug
    sets: Sets = Field(description="Sets per side.")
    reps: Count | None = None
    steps: Count | None = Field(default=None, description="Steps per set (per direction).")
    hold_seconds: HoldSeconds | None = None
    side: Side | None = Field(
        default=None,
        description="The WORKING leg: left, right or both (left, then right); null for "
        "bilateral exercises. Side-lying work lies on the other side, with this leg on top "
        "(see `lie_on` and `placement` on the answer).",
    )
    rest_seconds: RestSeconds


class Placement(BaseModel):
    """How one side of a unilateral exercise is done, as data and in plain words."""

    working_leg: Side = Field(description="The leg that does the work: left or right.")
    lie_on: Side | None = Field(
        description="For side-lying work, the side of the body to lie on (the other leg "
        "is on top and works); null for standing work."
    )
    stand_on: Side | None = Field(
        description="For standing single-leg work, the leg to stand on; null otherwise."
    )
    instruction: str = Field(
        max_length=500, examples=["Lie on your left side; your right (top) leg does the work."]
    )


class SideFields(BaseModel):
    """Which leg works and how the body is placed, as data (additive; derived from `side`).

    Always computed by Medius from `side` and the exercise (`app.catalog.planner.sides`); a client
    may send them back (a plan posted as a routine) and they are ignored.
    """

    working_leg: Side | None = Field(
        default=None,
        description="The leg that does the work: left, right, or both (left, then right); "
        "null for bilateral exercises. Same as `side`.",
    )
    lie_on: Side | None = Field(
        default=None,
        description="Side-lying work only: the side of the body to lie on (the other leg is "
        "on top and works); both when both legs are trained in turn; null otherwise.",
    )
    placement: list[Placement] = Field(
        default_factory=list,
        max_length=2,
        description="One entry per working leg, in training order, with the plain words.",
    )


class SideBody(TypedDict):
    """`SideFields` as `app.catalog.planner.sides.item_fields` derives them."""

    working_leg: Side | None
    lie_on: Side | None
    placement: list[Placement]


mirror(SideBody, SideFields)


class PlanItem(SideFields, ItemDosage):
    """A dosed exercise in a plan, with why it was chosen and dosed so."""

    order: StrictInt = Field(
        ge=1, le=MAX_PLAN_ITEMS, description="1-based position in the routine."
    )
    notes: ShortNotes = ""
    reason: Notes = Field(description="The constraint or article fact behind it.")


class Interval(BaseModel):
    """One timer interval of a routine's timeline."""

    model_config = _STRICT
    kind: IntervalKind
    exercise: Slug
    set: int = Field(ge=1, description="1-based set number on this side.")
    side: Side | None = Field(
        description="The working leg; on a switch_side interval, the NEW working leg."
    )
    lie_on: Side | None = Field(
        default=None,
        description="Side-lying work: the side to lie on (on switch_side, the new one).",
    )
    seconds: int = Field(ge=1)
    cue: str = Field(description="Names the working leg (and lying side) on unilateral work.")


class ProgressionChange(BaseModel):
    model_config = _STRICT
    exercise: Slug = Field(description="The exercise changed, as named in the week's items.")
    change: Sentence = Field(examples=["reps 10 -> 12"])
    kind: ProgressionKind
    provenance: Provenance = Field(
        description="article: within the article's own ranges/progressions; medius: beyond them."
    )
    basis: ProgressionBasis | None = Field(
        default=None,
        description="Finer than provenance: article-progression (a progression the article "
        "itself states), article-range (moving within a range it gives) or medius. Null on "
        "plans saved before it existed.",
    )


class WeekPlan(BaseModel):
    """One week of a progression plan: week 1 is the routine, each later one a step on."""

    model_config = _STRICT
    week: StrictInt = Field(ge=1, le=MAX_WEEKS)
    changes: list[ProgressionChange] = Field(max_length=MAX_PLAN_ITEMS)
    items: list[PlanItem] = Field(
        min_length=1, max_length=MAX_PLAN_ITEMS, description="The full prescription for that week."
    )
    estimated_seconds: StrictInt = Field(
        ge=0, le=MAX_SESSION_SECONDS, description="Recomputed from the items when stored."
    )

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if sorted(i.order for i in self.items) != list(range(1, len(self.items) + 1)):
            raise ValueError("items' orders must be 1, 2, ... each once")
        named = {i.exercise for i in self.items}
        strangers = sorted({c.exercise for c in self.changes} - named)
        if strangers:
            raise ValueError(f"changes name exercises not in the week's items: {strangers}")
        return self


class Plan(BaseModel):
    model_config = _STRICT
    items: list[PlanItem] = Field(max_length=MAX_PLAN_ITEMS)
    estimated_seconds: StrictInt = Field(ge=0)
    rationale: list[str]
    progression: list[WeekPlan] = Field(max_length=MAX_WEEKS)
    unmet: list[str] = Field(description="What was asked for but could not be honoured.")
    disclaimer: str
