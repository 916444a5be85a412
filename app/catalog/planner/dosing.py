"""An exercise's dosage ranges (the article's, else Medius') and the prescription record.

`Prescription` is the builder's working copy of a plan item: it also carries the step
height and progression stages the weeks move through, and turns into a `PlanItem`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from app.catalog.exercises.models import ExerciseSpec
from app.catalog.planner import rules
from app.catalog.planner.models import Constraints, PlanItem
from app.catalog.planner.sides import item_fields, placement
from app.catalog.planner.timing import routine_seconds
from app.core.vocabulary import (
    AffectedSide,
    DosageUnit,
    Laterality,
    ProgressionKind,
    Provenance,
    Side,
    WorkingLeg,
)

QUALITATIVE_KINDS = (
    ProgressionKind.DEEPER_KNEE_BEND,
    ProgressionKind.LONGER_STEPS,
    ProgressionKind.SLOWER_TEMPO,
    ProgressionKind.MORE_RANGE,
)
_CM_RANGE = re.compile(r"(\d+)\s*(?:cm\s*)?(?:-|\u2013|to|toward)\s*(\d+)\s*cm", re.I)
_UP_TO = re.compile(r"\bup to (\d+)\b", re.I)


@dataclass(frozen=True, slots=True)
class Span:
    """A closed range and whether the article gave it (else it is Medius')."""

    low: int
    high: int
    article: bool

    def where(self, position: float, unit: str) -> str:
        """How a value at `position` sits in this range, for a reason."""
        source = "the article's" if self.article else "Medius'"
        if self.low == self.high:
            return f"as {source} {self.text(unit)}"
        return f"the {range_label(position)} of {source} {self.text(unit)}"

    def text(self, unit: str) -> str:
        return f"{self.low}{unit}" if self.low == self.high else f"{self.low}-{self.high}{unit}"


def lerp(low: int, high: int, position: float) -> int:
    """The value `position` (0..1) of the way from low to high, rounded half up."""
    return low + math.floor((high - low) * position + 0.5)


def counts(exercise: ExerciseSpec) -> bool:
    """Whether a set counts reps or steps (rather than seconds)."""
    return exercise.dosage.unit is not DosageUnit.SECONDS


def count_span(exercise: ExerciseSpec) -> Span | None:
    """The article's reps/steps range, if it gives one."""
    d = exercise.dosage
    if not counts(exercise) or (d.count_min is None and d.count_max is None):
        return None
    low = d.count_min if d.count_min is not None else d.count_max
    high = d.count_max if d.count_max is not None else d.count_min
    assert low is not None and high is not None
    return Span(low, high, article=True)


def default_count(exercise: ExerciseSpec) -> int:
    return exercise.default_dosage.count or rules.FALLBACK_COUNT


def count_cap(exercise: ExerciseSpec) -> int:
    """Medius' top for reps/steps: a catalogued "up to N", else a share beyond the start."""
    stated = [
        int(m.group(1))
        for p in exercise.progressions
        if p.kind is ProgressionKind.MORE_REPS
        for m in [_UP_TO.search(p.description)]
        if m is not None
    ]
    span = count_span(exercise)
    if span is not None:
        base = math.ceil(span.high * rules.MEDIUS_COUNT_BEYOND)
        floor = span.high
    else:
        base = math.ceil(default_count(exercise) * rules.MEDIUS_COUNT_GROWTH)
        floor = default_count(exercise)
    return min(100, max(floor, *stated) if stated else max(floor, base))


def hold_span(exercise: ExerciseSpec) -> Span | None:
    """The hold range: the article's when given, else Medius' default hold; None if no hold."""
    d, dd = exercise.dosage, exercise.default_dosage
    low = d.hold_seconds_min if d.hold_seconds_min is not None else d.hold_seconds_max
    high = d.hold_seconds_max if d.hold_seconds_max is not None else d.hold_seconds_min
    if high is not None and low is not None and high > 0:
        return Span(max(low, 1) if not counts(exercise) else low, high, article=True)
    if dd.hold_seconds:
        return Span(dd.hold_seconds, dd.hold_seconds, article=False)
    if not counts(exercise):
        seconds = dd.count or rules.FALLBACK_HOLD_SECONDS
        return Span(seconds, seconds, article=False)
    return None


def has_hold(exercise: ExerciseSpec) -> bool:
    """Whether a rep of this exercise may carry a hold (clamshell 3-5 s, wall angel 1 s)."""
    return exercise.dosage.unit is DosageUnit.REPS and hold_span(exercise) is not None


def hold_cap(exercise: ExerciseSpec) -> int:
    """Medius' top hold: beyond the article's only where a longer-hold step is catalogued."""
    span = hold_span(exercise)
    if span is None:
        return 0
    if not counts(exercise):
        return min(300, math.ceil(span.high * rules.MEDIUS_COUNT_GROWTH))
    longer = any(p.kind is ProgressionKind.LONGER_HOLD for p in exercise.progressions)
    return min(300, span.high + rules.MEDIUS_HOLD_EXTRA_SECONDS) if longer else span.high


def step_height_span(exercise: ExerciseSpec) -> Span | None:
    """The step-height range for exercises with a higher-step progression."""
    steps = [p for p in exercise.progressions if p.kind is ProgressionKind.HIGHER_STEP]
    if not steps:
        return None
    texts = [steps[0].description, exercise.dosage.note or "", *exercise.steps_text()]
    for text in texts:
        match = _CM_RANGE.search(text)
        if match is not None:
            low, high = sorted((int(match.group(1)), int(match.group(2))))
            return Span(low, high, article=steps[0].provenance is Provenance.ARTICLE)
    low, high = rules.FALLBACK_STEP_HEIGHT_CM
    return Span(low, high, article=False)


@dataclass(frozen=True, slots=True)
class Prescription:
    """A dosed exercise while the builder works on it."""

    spec: ExerciseSpec
    sets: int
    count: int | None  # reps or steps per set; None for timed exercises
    hold: int | None
    rest: int
    side: Side | None
    reason: str
    height_cm: int | None = None
    stages: tuple[tuple[ProgressionKind, int], ...] = ()
    note: str = ""
    progress: str = ""  # the latest week's change, shown before the reason

    # `DosageLike`, so timing can read a prescription without building a `PlanItem`.
    @property
    def exercise(self) -> str:
        return self.spec.slug

    @property
    def reps(self) -> int | None:
        return self.count if self.spec.dosage.unit is DosageUnit.REPS else None

    @property
    def steps(self) -> int | None:
        return self.count if self.spec.dosage.unit is DosageUnit.STEPS else None

    @property
    def hold_seconds(self) -> int | None:
        return self.hold

    @property
    def rest_seconds(self) -> int:
        return self.rest

    def stage(self, kind: ProgressionKind) -> int:
        return dict(self.stages).get(kind, 0)

    def with_stage(self, kind: ProgressionKind, value: int) -> Prescription:
        stages = dict(self.stages)
        stages[kind] = value
        return replace(self, stages=tuple(sorted(stages.items())))

    def notes(self) -> str:
        parts = [self.note] if self.note else []
        span = step_height_span(self.spec)
        if self.height_cm is not None and span is not None:
            source = "the article's range" if span.article else "Medius' range"
            parts.append(f"Step about {self.height_cm} cm high ({source}: {span.text(' cm')}).")
        for progression in self.spec.progressions:
            done = self.stage(progression.kind)
            if progression.kind in QUALITATIVE_KINDS and done:
                parts.append(
                    f"{progression.description} (step {done} of {rules.QUALITATIVE_STAGES})"
                )
        return " ".join(parts)[:500]

    def to_item(self, order: int) -> PlanItem:
        return PlanItem(
            exercise=self.spec.slug,
            order=order,
            sets=self.sets,
            reps=self.reps,
            steps=self.steps,
            hold_seconds=self.hold,
            side=self.side,
            rest_seconds=self.rest,
            notes=self.notes(),
            reason=f"{self.progress} {self.reason}".strip()[:2000],
            **item_fields(self.spec, self.side),
        )


def to_items(prescriptions: list[Prescription]) -> list[PlanItem]:
    return [p.to_item(i) for i, p in enumerate(prescriptions, start=1)]


def total_seconds(prescriptions: list[Prescription]) -> int:
    """`timing.routine_seconds` of prescriptions."""
    return routine_seconds(prescriptions, {p.spec.slug: p.spec for p in prescriptions})


# --- Fitting an exercise to the constraints ------------------------------------------------


def missing_equipment(exercise: ExerciseSpec, c: Constraints) -> list[str]:
    """Required equipment not at hand (optional equipment never counts)."""
    if c.equipment is None:
        return []
    return [e for e in exercise.equipment if e not in c.equipment]


def allowed(exercise: ExerciseSpec, c: Constraints) -> bool:
    """Equipment at hand and position not excluded."""
    return not missing_equipment(exercise, c) and exercise.position not in c.exclude_positions


def range_label(position: float) -> str:
    return {0.0: "low end", 0.5: "middle", 1.0: "high end"}.get(position, f"{position:.0%} point")


def dose_position(c: Constraints) -> float:
    """Where in the article's ranges this user is dosed: the level's point, shifted by goal."""
    shifted = rules.LEVEL_RULES[c.level].range_position + rules.GOAL_RULES[c.goal].position_shift
    return min(1.0, max(0.0, shifted))


def _quote(text: str, limit: int = 120) -> str:
    return f'"{text if len(text) <= limit else text[: limit - 3] + "..."}"'


def side_for(exercise: ExerciseSpec, affected: AffectedSide) -> tuple[Side | None, str]:
    """Which side a unilateral exercise is done on, and the instruction that says so."""
    if exercise.laterality is Laterality.BILATERAL:
        return None, "Both legs work together, so no side."
    if affected is AffectedSide.NONE:
        return Side.BOTH, "No affected side: every set on the left, then on the right."
    side = Side(affected.value)
    said = next(
        (
            s
            for s in exercise.steps
            if s.provenance is Provenance.ARTICLE and re.search(r"\b(un)?affected\b", s.text, re.I)
        ),
        None,
    )
    if exercise.working_leg is WorkingLeg.STANCE_LEG:
        what = f"Stand on the affected ({side}) leg: the stance leg does the work"
    else:
        what = f"Lie on the good side so the affected ({side}) leg is on top and works"
    how = placement(exercise, side).instruction
    if said is not None:
        words = said.article_text or said.text
        return side, f"{what}. {how} As the article says: {_quote(words.rstrip('.'))}."
    return side, f"{what}. {how} (Medius' reading; the article does not name the leg.)"


def prescribe(
    exercise: ExerciseSpec, c: Constraints, why: str, position: float | None = None
) -> Prescription:
    """Dose `exercise` for `c`: the article's range where it gives one, else Medius' default."""
    level, goal = rules.LEVEL_RULES[c.level], rules.GOAL_RULES[c.goal]
    pos = dose_position(c) if position is None else position
    d, dd = exercise.dosage, exercise.default_dosage
    parts: list[str] = []
    count: int | None = None
    if counts(exercise):
        unit = d.unit.value + (" each way" if d.per_direction else "")
        span = count_span(exercise)
        if span is not None:
            count = lerp(span.low, span.high, pos)
            parts.append(f"{count} {unit}, {span.where(pos, '')}")
        else:
            count = default_count(exercise)
            parts.append(f"{count} {unit}, Medius' default (the article gives no figure)")
    hold: int | None = None
    hs = hold_span(exercise) if exercise.dosage.unit is not DosageUnit.STEPS else None
    if hs is not None:
        per = "per set" if not counts(exercise) else "hold"
        if hs.article:
            hold = lerp(hs.low, hs.high, pos)
            parts.append(f"{hold} s {per}, {hs.where(pos, ' s')}")
        else:
            hold = hs.low
            parts.append(f"{hold} s {per}, Medius' default (the article gives no figure)")
    if d.sets is not None:
        sets = d.sets
        parts.append(f"{sets} sets as the article says")
    else:
        sets = level.sets[1] if goal.top_sets else level.sets[0]
        parts.append(f"{sets} sets, Medius' choice for {c.level} (the article gives none)")
    base = d.rest_seconds if d.rest_seconds is not None else dd.rest_seconds
    factor = level.rest_multiplier * goal.rest_multiplier
    step = rules.REST_ROUNDING_SECONDS
    rest = min(600, max(0, step * math.floor(base * factor / step + 0.5)))
    source = "the article's" if d.rest_seconds is not None else "Medius'"
    parts.append(f"{rest} s rest ({source} {base} s x {factor:g} for {c.level}/{c.goal})")
    heights = step_height_span(exercise)
    height = lerp(heights.low, heights.high, pos) if heights is not None else None
    side, side_reason = side_for(exercise, c.affected_side)
    reason = f"{why} Dosage: {'; '.join(parts)}. {side_reason}"
    return Prescription(exercise, sets, count, hold, rest, side, reason, height_cm=height)
