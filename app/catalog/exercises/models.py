"""Catalog fields and tables: exercises, muscles, equipment (SQLModel multiple-models pattern).

The `*Spec` models are what the article becomes: the seed loader, the admin API and
the CLI all validate through them. Tables store them; `*Public` models go on the wire.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, ClassVar, Self

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    StrictBool,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema
from sqlalchemy import JSON, BigInteger, Column, Index, String, UniqueConstraint
from sqlmodel import Field as SQLField
from sqlmodel import SQLModel

from app.core.sqltypes import UTCDateTime, VocabularyColumn
from app.core.types import (
    SENTENCE_MAX,
    SHORT_TEXT_MAX,
    SLUG_MAX,
    LongText,
    Sentence,
    ShortText,
    Slug,
    utcnow,
)
from app.core.vocabulary import (
    Count,
    Difficulty,
    DosageUnit,
    HoldSeconds,
    Laterality,
    Position,
    ProgressionBasis,
    ProgressionKind,
    Provenance,
    RestSeconds,
    SecondsPerRep,
    Sets,
    WorkingLeg,
)

_STRICT = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Attribution(BaseModel):
    """Whose one value is: the article's, or Medius' own.

    `article_text` holds the article's own words where ours differ from them (a
    paraphrase, a unit or a name we inferred from its sentence); it is null when the
    value is the article's verbatim, or Medius' own.
    """

    model_config = _STRICT
    provenance: Provenance
    article_text: LongText | None = Field(
        default=None, description="The article's sentence our words render, when they differ."
    )

    @model_validator(mode="after")
    def _only_article_quotes(self) -> Self:
        if self.provenance is Provenance.MEDIUS and self.article_text is not None:
            raise ValueError("a Medius value quotes no article text")
        return self


def _bare_provenance(value: object) -> object:
    """`"medius"` is short for `{"provenance": "medius"}`."""
    return {"provenance": value} if isinstance(value, str) else value


AttributionIn = Annotated[Attribution, BeforeValidator(_bare_provenance)]
MEDIUS_OWN = Attribution(provenance=Provenance.MEDIUS)


class Statement(Attribution):
    """One sentence (a step, a cue, a reason it matters) and whose it is.

    Sent as a bare string, a statement is Medius' own: text nobody has checked against
    the article never claims to be the article's.
    """

    text: Sentence

    @model_validator(mode="before")
    @classmethod
    def _bare_text(cls, value: object) -> object:
        return {"text": value, "provenance": "medius"} if isinstance(value, str) else value

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        """On input, the contract says what `_bare_text` accepts: a statement or its text."""
        schema = handler(core_schema)
        if handler.mode != "validation":
            return schema
        text = {
            "type": "string",
            "minLength": 1,
            "maxLength": SENTENCE_MAX,
            "description": "Shorthand for {text, provenance: medius}.",
        }
        # Titled apart from the output model, which code generators name after its title.
        return {"title": "StatementOrText", "anyOf": [{**schema, "title": "StatementIn"}, text]}


class Attributed(BaseModel):
    """A record whose text fields each carry an `Attribution` in `attribution`.

    `ATTRIBUTED` lists those fields; one left out of `attribution` is Medius' own, so
    every served value says whose it is.
    """

    ATTRIBUTED: ClassVar[tuple[str, ...]] = ()
    attribution: dict[str, AttributionIn] = Field(
        default_factory=dict,
        max_length=20,
        description="Whose each text field is, by field name; a field not listed is Medius'.",
    )

    @model_validator(mode="after")
    def _every_field_attributed(self) -> Self:
        unknown = set(self.attribution) - set(self.ATTRIBUTED)
        if unknown:
            raise ValueError(f"attribution names unknown fields {sorted(unknown)}")
        self.attribution = {
            name: self.attribution.get(name, MEDIUS_OWN) for name in self.ATTRIBUTED
        }
        return self


class Source(BaseModel):
    model_config = _STRICT
    title: ShortText = Field(examples=["Glut-Med Exercises"])
    author: ShortText = Field(examples=["Ross Harris"])


class Dosage(Attributed):
    """What the article prescribes. `null` means the article gives no figure.

    Every figure here is the article's; `attribution` says whether the unit and
    `per_direction` are stated by it or inferred by Medius, and `note` is Medius' words.
    """

    ATTRIBUTED = ("unit", "per_direction", "note")
    model_config = _STRICT
    unit: DosageUnit = Field(description="What one set counts: reps, steps or seconds.")
    count_min: Count | None = Field(default=None, description="Low end of reps/steps per set.")
    count_max: Count | None = Field(default=None, description="High end of reps/steps per set.")
    hold_seconds_min: HoldSeconds | None = None
    hold_seconds_max: HoldSeconds | None = None
    sets: Sets | None = None
    rest_seconds: RestSeconds | None = None
    per_direction: StrictBool = Field(
        default=False, description="The count applies to each walking direction."
    )
    note: Sentence | None = None

    @model_validator(mode="after")
    def _ranges_ordered(self) -> Self:
        for low, high in (
            (self.count_min, self.count_max),
            (self.hold_seconds_min, self.hold_seconds_max),
        ):
            if low is not None and high is not None and low > high:
                raise ValueError("a range's minimum exceeds its maximum")
        return self


class DefaultDosage(BaseModel):
    """Medius' own defaults where the article is silent; never presented as the article's."""

    model_config = _STRICT
    provenance: Provenance = Field(default=Provenance.MEDIUS)
    sets: Sets
    count: Count | None = Field(default=None, description="Reps or steps per set.")
    hold_seconds: HoldSeconds | None = None
    rest_seconds: RestSeconds
    seconds_per_rep: SecondsPerRep = Field(
        default=3, description="Tempo used to estimate durations."
    )
    note: Sentence


class Progression(BaseModel):
    model_config = _STRICT
    kind: ProgressionKind
    description: Sentence
    provenance: Provenance
    basis: ProgressionBasis | None = Field(
        default=None,
        description="article-progression: the article's own progression; article-range: "
        "moving within a range the article gives; medius: Medius' own. Defaults from "
        "provenance (article -> article-range).",
    )
    article_text: LongText | None = Field(
        default=None, description="The article's sentence our description renders."
    )
    target: Slug | None = Field(default=None, description="Next exercise, for next-exercise.")

    @model_validator(mode="after")
    def _basis_matches(self) -> Self:
        if self.basis is None:
            self.basis = (
                ProgressionBasis.MEDIUS
                if self.provenance is Provenance.MEDIUS
                else ProgressionBasis.ARTICLE_RANGE
            )
        if (self.basis is ProgressionBasis.MEDIUS) != (self.provenance is Provenance.MEDIUS):
            raise ValueError("basis medius goes with provenance medius, and only with it")
        if self.provenance is Provenance.MEDIUS and self.article_text is not None:
            raise ValueError("a Medius progression quotes no article text")
        return self


# The bounded lists of an exercise, shared by the spec and its merge patch.
EquipmentSlugs = Annotated[list[Slug], Field(max_length=10)]
Steps = Annotated[list[Statement], Field(min_length=1, max_length=20)]
Cues = Annotated[list[Statement], Field(max_length=20)]
Progressions = Annotated[list[Progression], Field(max_length=10)]
MuscleSlugs = Annotated[list[Slug], Field(min_length=1, max_length=10)]

DIFFICULTY_DESCRIPTION = (
    "Medius' own grading (always attributed to Medius): the article calls all its "
    "exercises basic and grades none of them."
)


class ExerciseSpec(Attributed):
    """An exercise as authored: seed data, admin writes and imports all validate here.

    Provenance is per statement: each step and cue is a `Statement`, and `attribution`
    says whose the name, summary, position, laterality, working leg and difficulty are.
    """

    ATTRIBUTED = ("name", "summary", "position", "laterality", "working_leg", "difficulty")
    model_config = _STRICT
    slug: Slug
    name: ShortText
    summary: Sentence
    position: Position
    equipment: EquipmentSlugs = Field(default_factory=list)
    optional_equipment: EquipmentSlugs = Field(default_factory=list)
    laterality: Laterality
    working_leg: WorkingLeg
    difficulty: Difficulty = Field(description=DIFFICULTY_DESCRIPTION)
    steps: Steps
    cues: Cues = Field(default_factory=list)
    dosage: Dosage
    default_dosage: DefaultDosage
    progressions: Progressions = Field(default_factory=list)
    regressions: Progressions = Field(default_factory=list)
    muscles: MuscleSlugs
    source: Source | None = None

    def steps_text(self) -> list[str]:
        return [s.text for s in self.steps]

    def cues_text(self) -> list[str]:
        return [c.text for c in self.cues]

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.attribution["difficulty"].provenance is not Provenance.MEDIUS:
            raise ValueError("difficulty is Medius' grading; the article grades no exercise")
        if set(self.equipment) & set(self.optional_equipment):
            raise ValueError("an item cannot be both required and optional equipment")
        if (self.laterality is Laterality.BILATERAL) != (self.working_leg is WorkingLeg.BOTH_LEGS):
            raise ValueError("bilateral exercises work both legs, unilateral ones one leg")
        return self


class Exercise(SQLModel, table=True):
    __tablename__ = "exercise"
    __table_args__ = (
        UniqueConstraint("slug", name="uq_exercise_slug"),
        Index("ix_exercise_name_id", "name", "id"),
        Index("ix_exercise_updated_at_id", "updated_at", "id"),
        Index("ix_exercise_change_seq_id", "change_seq", "id"),
    )

    id: int | None = SQLField(default=None, primary_key=True)
    slug: str = SQLField(sa_column=Column(String(SLUG_MAX), nullable=False))
    name: str = SQLField(max_length=SHORT_TEXT_MAX)
    summary: str = SQLField(max_length=SENTENCE_MAX)
    position: Position = SQLField(sa_type=VocabularyColumn(Position, 20), index=True)
    laterality: Laterality = SQLField(sa_type=VocabularyColumn(Laterality, 20))
    working_leg: WorkingLeg = SQLField(sa_type=VocabularyColumn(WorkingLeg, 20))
    difficulty: Difficulty = SQLField(sa_type=VocabularyColumn(Difficulty, 20))
    difficulty_rank: int = SQLField(index=True)
    search_text: str = SQLField(max_length=20000)
    # A JSON column: the `ExerciseSpec` as validated when written. Left open (`Any`): a typed JSON
    # alias would make pydantic walk the document whenever a row is validated.
    document: dict[str, Any] = SQLField(sa_column=Column(JSON, nullable=False))
    revision: int = SQLField(default=1)
    created_at: datetime = SQLField(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    updated_at: datetime = SQLField(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    deleted_at: datetime | None = SQLField(
        default=None, sa_column=Column(UTCDateTime(), nullable=True)
    )
    # The catalog revision of this row's last change (see app/core/changes.py).
    change_seq: int = SQLField(
        default=0, sa_column=Column(BigInteger(), nullable=False, server_default="0")
    )


class ExerciseEquipment(SQLModel, table=True):
    __tablename__ = "exercise_equipment"
    __table_args__ = (Index("ix_exercise_equipment_slug", "equipment_slug", "exercise_id"),)

    exercise_id: int = SQLField(foreign_key="exercise.id", primary_key=True, ondelete="CASCADE")
    equipment_slug: str = SQLField(
        foreign_key="equipment.slug", primary_key=True, max_length=SLUG_MAX
    )
    required: bool


class ExerciseMuscle(SQLModel, table=True):
    __tablename__ = "exercise_muscle"
    __table_args__ = (Index("ix_exercise_muscle_slug", "muscle_slug", "exercise_id"),)

    exercise_id: int = SQLField(foreign_key="exercise.id", primary_key=True, ondelete="CASCADE")
    muscle_slug: str = SQLField(foreign_key="muscle.slug", primary_key=True, max_length=SLUG_MAX)


class ExercisePublic(ExerciseSpec):
    """An exercise as served."""

    model_config = ConfigDict(extra="ignore")
    revision: int = Field(description="Increments on every change; the ETag is derived from it.")
    created_at: datetime
    updated_at: datetime


class ExerciseTombstone(BaseModel):
    slug: Slug
    deleted_at: datetime


# --- Equipment ---------------------------------------------------------------------------


class EquipmentSpec(BaseModel):
    model_config = _STRICT
    slug: Slug
    name: ShortText
    description: Sentence
    note: Sentence | None = None


class Equipment(SQLModel, table=True):
    __tablename__ = "equipment"
    slug: str = SQLField(primary_key=True, max_length=SLUG_MAX)
    name: str = SQLField(max_length=SHORT_TEXT_MAX)
    description: str = SQLField(max_length=SENTENCE_MAX)
    note: str | None = SQLField(default=None, max_length=SENTENCE_MAX)


class EquipmentPublic(EquipmentSpec):
    model_config = ConfigDict(extra="ignore")
    exercise_count: int = Field(ge=0, description="Exercises that require or may use it.")


# --- Muscles -----------------------------------------------------------------------------


class _Named(Attributed):
    """A catalog record with a stable slug and a display name (exercise, muscle, action...)."""

    model_config = _STRICT
    slug: Slug
    name: ShortText


class Action(_Named):
    ATTRIBUTED = ("name", "description")
    description: Sentence


class WeaknessSign(_Named):
    ATTRIBUTED = ("name", "description", "example")
    description: LongText
    example: LongText


class Compensation(_Named):
    ATTRIBUTED = ("name", "description", "seen_as")
    description: Sentence
    seen_as: Sentence


class MuscleSpec(_Named):
    ATTRIBUTED = ("name", "summary", "primary_role")
    summary: LongText
    actions: list[Action] = Field(max_length=20)
    primary_role: LongText
    weakness_signs: list[WeaknessSign] = Field(max_length=10)
    compensations: list[Compensation] = Field(max_length=10)
    why_it_matters: list[Statement] = Field(max_length=10)
    source: Source | None = None


class Muscle(SQLModel, table=True):
    __tablename__ = "muscle"
    slug: str = SQLField(primary_key=True, max_length=SLUG_MAX)
    name: str = SQLField(max_length=SHORT_TEXT_MAX)
    # A JSON column: the `MuscleSpec` as validated when written. Left open (`Any`): a typed JSON
    # alias would make pydantic walk the document whenever a row is validated.
    document: dict[str, Any] = SQLField(sa_column=Column(JSON, nullable=False))


class MusclePublic(MuscleSpec):
    model_config = ConfigDict(extra="ignore")
    exercises: list[Slug] = Field(description="Slugs of exercises that train this muscle.")


# --- Ladder ------------------------------------------------------------------------------


class CatalogSeed(BaseModel):
    """The whole of `seed_data/`: what the article becomes."""

    model_config = _STRICT
    source: Source
    muscles: list[MuscleSpec]
    equipment: list[EquipmentSpec]
    exercises: list[ExerciseSpec]
    ladder: list[Slug] = Field(description="Exercises from easiest to hardest (Medius' ordering).")
    ladder_provenance: Provenance = Provenance.MEDIUS

    @model_validator(mode="after")
    def _references_resolve(self) -> Self:
        exercise_slugs = {e.slug for e in self.exercises}
        equipment_slugs = {e.slug for e in self.equipment}
        muscle_slugs = {m.slug for m in self.muscles}
        for ex in self.exercises:
            missing = set(ex.equipment + ex.optional_equipment) - equipment_slugs
            if missing:
                raise ValueError(f"{ex.slug}: unknown equipment {sorted(missing)}")
            if set(ex.muscles) - muscle_slugs:
                raise ValueError(f"{ex.slug}: unknown muscle")
            for step in ex.progressions + ex.regressions:
                if step.target is not None and step.target not in exercise_slugs:
                    raise ValueError(f"{ex.slug}: unknown progression target {step.target}")
        if set(self.ladder) - exercise_slugs or len(set(self.ladder)) != len(self.ladder):
            raise ValueError("the ladder must list known exercises, each once")
        if len(exercise_slugs) != len(self.exercises):
            raise ValueError("exercise slugs must be unique")
        return self


class ExerciseUpdate(BaseModel):
    """JSON merge patch of an exercise: fields sent replace the stored ones; slug is fixed."""

    model_config = _STRICT
    name: ShortText | None = None
    summary: Sentence | None = None
    position: Position | None = None
    equipment: EquipmentSlugs | None = None
    optional_equipment: EquipmentSlugs | None = None
    laterality: Laterality | None = None
    working_leg: WorkingLeg | None = None
    difficulty: Difficulty | None = Field(default=None, description=DIFFICULTY_DESCRIPTION)
    steps: Steps | None = None
    cues: Cues | None = None
    dosage: Dosage | None = None
    default_dosage: DefaultDosage | None = None
    progressions: Progressions | None = None
    regressions: Progressions | None = None
    muscles: MuscleSlugs | None = None
    source: Source | None = None
    attribution: dict[str, AttributionIn] | None = Field(
        default=None,
        max_length=20,
        description="Replaces the attribution of the fields it names; a text field changed "
        "without one here becomes Medius' own.",
    )


class CatalogState(SQLModel, table=True):
    """One row whose revision moves with every catalog change: the cache key of all caches."""

    __tablename__ = "catalog_state"
    id: int = SQLField(default=1, primary_key=True)
    revision: int = SQLField(default=1)
    changed_at: datetime = SQLField(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )


class CatalogDocument(BaseModel):
    """The whole catalog in one response, for integrators who mirror it."""

    version: int = Field(description="Moves with every change; also the ETag.")
    changed_at: datetime
    source: Source
    exercises: list[ExercisePublic]
    muscles: list[MusclePublic]
    equipment: list[EquipmentPublic]
    ladder: list[Slug] = Field(description="Easiest to hardest (Medius' ordering).")
    sync_token: str = Field(
        description="Send as `sync_token` to `GET /exercises` for the changes since this version."
    )
