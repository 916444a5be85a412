"""An outcome instrument as Medius serves it: its items, scoring rule and provenance.

Definitions are plain data (definitions.py), validated through these models once at import
and served read-only. The MCID is the source's figure, never Medius': `mcid.source` names
where it was published and `mcid.value` is null (with `mcid.reason`) where nothing is.
"""

from __future__ import annotations

from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.core.vocabulary import AnswerType, Reporter, ScoringRule


class Citation(BaseModel):
    """A published work, cited as a reader would look it up."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    citation: str = Field(description="Authors, title, journal, year;volume(issue):pages.")
    doi: str | None = Field(default=None, description="The DOI, when the work has one.")


class Choice(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    value: str
    label: str


class Item(BaseModel):
    """One question (or measured value) of an instrument."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(description="The key of this item in an answer's `answers`.")
    text: str = Field(description="What the patient (or clinician) is asked, Medius' words.")
    answer_type: AnswerType
    required: bool = True
    minimum: float | None = Field(default=None, description="Lowest value (numbers, ratings).")
    maximum: float | None = Field(default=None, description="Highest value (numbers, ratings).")
    unit: str | None = Field(default=None, description="UCUM-style unit of a numeric value.")
    choices: list[Choice] = Field(default_factory=list, description="For `choice` items.")
    anchors: dict[str, str] = Field(
        default_factory=dict, description="What the ends (and middle) of a rating scale mean."
    )
    max_activities: int | None = Field(
        default=None, description="For `activities` items: how many the patient may name."
    )

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        numeric = self.answer_type in (AnswerType.INTEGER, AnswerType.NUMBER, AnswerType.ACTIVITIES)
        if numeric and (self.minimum is None or self.maximum is None):
            raise ValueError(f"{self.id}: a numeric item needs its bounds")
        if (self.answer_type is AnswerType.CHOICE) != bool(self.choices):
            raise ValueError(f"{self.id}: choices belong to choice items only")
        return self


class Mcid(BaseModel):
    """The minimal clinically important difference (or the measurement error) as its source
    published it; Medius never sets one of its own."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    value: float | None = Field(
        description="The source's figure in the score's unit, as a positive size of change; "
        "null where no published figure exists (see `reason`)."
    )
    kind: str | None = Field(
        default=None,
        description="What the figure is: `mcid` (an anchor-based minimal important change) "
        "or `mdc` (a measurement error).",
    )
    provenance: str = Field(
        default="source",
        description="Always `source`: the figure is the cited source's, not Medius'.",
    )
    source: Citation | None = None
    reason: str = Field(description="Where the figure comes from and how it applies, or why none.")


class Instrument(BaseModel):
    """A versioned outcome instrument with its provenance and scoring rule."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(examples=["psfs"], description="Stable identifier.")
    version: int = Field(ge=1, description="Bumped whenever items or scoring change.")
    title: str
    summary: str
    reported_by: list[Reporter] = Field(description="Who may record an answer.")
    items: list[Item]
    rule: ScoringRule = Field(description="How the score is computed (see `scoring`).")
    score_item: str = Field(description="The item the score is read from.")
    scoring: str = Field(description="How the score is computed, in words.")
    score_unit: str = Field(description="The unit of the score (UCUM-style).")
    score_minimum: float
    score_maximum: float
    higher_is_better: bool
    has_baseline: bool = Field(
        description="False for a rating of change (the global rating of change), which is "
        "itself a change: no baseline, no change is computed from it."
    )
    comparable_on: list[str] = Field(
        default_factory=list,
        description="Items an answer must share with the baseline to be compared with it "
        "(the side measured, its unit).",
    )
    mcid: Mcid
    sources: list[Citation] = Field(description="Where the instrument and its use come from.")
    licence: str = Field(description="The terms of the instrument's text, and of Medius' wording.")
    loinc: str | None = Field(
        default=None, description="The LOINC code of the score, where one exists."
    )

    @model_validator(mode="after")
    def _scored_item_exists(self) -> Self:
        if self.item(self.score_item) is None:
            raise ValueError(f"{self.id}: no item {self.score_item!r} to score")
        return self

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items if i.id == item_id), None)


class WithheldInstrument(BaseModel):
    """An instrument Medius does not ship, and why (its text is not free to redistribute)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    title: str
    source: Citation
    reason: str
