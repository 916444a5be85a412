"""The week-by-week plan: week 1 is the routine; each later week moves every item one step.

For each item, in routine order, the next step is taken from the first non-empty phase:

1. the article's own progressions (provenance `article`): more reps/steps or a longer hold
   within the article's range, a higher step within its 5-10 cm, a deeper knee bend where
   the article asks for one;
2. Medius' extensions (provenance `medius`): reps/steps beyond the article's range (to a
   catalogued "up to N", else `rules.MEDIUS_COUNT_BEYOND` x its top or
   `rules.MEDIUS_COUNT_GROWTH` x the default), Medius' own catalogued progressions;
3. only when both are exhausted (the dosage is at the top of its range): a move up the
   ladder to the next harder exercise that still fits equipment, positions and the level's
   ceiling, or, from week 2 on, one level above it (always marked `medius`).

Within a phase the kind applied least often so far goes first (reps, then hold, then reps
...). A step is taken only if the whole week still fits `minutes * 60`; otherwise that item
stays as it is that week. Non-numeric steps (deeper knee bend, slower tempo) go in the
notes and do not change the time estimate.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from app.catalog.exercises.models import ExerciseSpec
from app.catalog.planner import rules
from app.catalog.planner.dosing import (
    QUALITATIVE_KINDS,
    Prescription,
    allowed,
    count_cap,
    count_span,
    counts,
    hold_cap,
    hold_span,
    prescribe,
    step_height_span,
    to_items,
    total_seconds,
)
from app.catalog.planner.models import Constraints, ProgressionChange, WeekPlan
from app.core.vocabulary import DosageUnit, ProgressionBasis, ProgressionKind, Provenance


@dataclass(frozen=True, slots=True)
class _Step:
    kind: ProgressionKind
    provenance: Provenance
    result: Prescription
    change: str
    why: str
    basis: ProgressionBasis | None = None  # None: a figure, so article-range or medius

    def grounds(self) -> ProgressionBasis:
        if self.basis is not None:
            return self.basis
        if self.provenance is Provenance.ARTICLE:
            return ProgressionBasis.ARTICLE_RANGE
        return ProgressionBasis.MEDIUS


def _raise(
    p: Prescription,
    field: Literal["count", "hold", "height_cm"],
    increment: int,
    top: int,
    kind: ProgressionKind,
    what: str,
    unit: str,
    provenance: Provenance,
    why: str,
) -> _Step:
    """One figure of the prescription (`field`) up by `increment`, capped at `top`."""
    old = getattr(p, field)
    assert isinstance(old, int)
    new = min(old + increment, top)
    if field == "count":
        raised = replace(p, count=new)
    elif field == "hold":
        raised = replace(p, hold=new)
    else:
        raised = replace(p, height_cm=new)
    return _Step(kind, provenance, raised, f"{what} {old}{unit} -> {new}{unit}", why)


def _count_step(p: Prescription, top: int, provenance: Provenance, why: str) -> _Step:
    unit = p.spec.dosage.unit
    inc = rules.REPS_INCREMENT if unit is DosageUnit.REPS else rules.STEPS_INCREMENT
    return _raise(p, "count", inc, top, ProgressionKind.MORE_REPS, unit.value, "", provenance, why)


def _hold_step(p: Prescription, top: int, provenance: Provenance, why: str) -> _Step:
    timed = not counts(p.spec)
    inc = rules.TIMED_HOLD_INCREMENT_SECONDS if timed else rules.HOLD_INCREMENT_SECONDS
    what = "seconds per set" if timed else "hold"
    return _raise(p, "hold", inc, top, ProgressionKind.LONGER_HOLD, what, " s", provenance, why)


def _height_step(p: Prescription, top: int, provenance: Provenance, why: str) -> _Step:
    inc, kind = rules.STEP_HEIGHT_INCREMENT_CM, ProgressionKind.HIGHER_STEP
    return _raise(p, "height_cm", inc, top, kind, "step height", " cm", provenance, why)


def _qualitative_steps(p: Prescription, provenance: Provenance) -> list[_Step]:
    steps: list[_Step] = []
    for progression in p.spec.progressions:
        done = p.stage(progression.kind)
        if (
            progression.kind in QUALITATIVE_KINDS
            and progression.provenance is provenance
            and done < rules.QUALITATIVE_STAGES
            and progression.kind not in {s.kind for s in steps}
        ):
            why = (
                f'in the article\'s words: "{progression.article_text}"'
                if progression.article_text
                else progression.description
            )
            steps.append(
                _Step(
                    progression.kind,
                    provenance,
                    p.with_stage(progression.kind, done + 1),
                    f"{progression.kind.value.replace('-', ' ')} step {done} -> {done + 1}",
                    why,
                    progression.basis,
                )
            )
    return steps


def _article_steps(p: Prescription) -> list[_Step]:
    """Steps that stay within the article's own ranges and progressions."""
    steps: list[_Step] = []
    span = count_span(p.spec)
    if span is not None and p.count is not None and p.count < span.high:
        why = f"the article gives {span.text('')} {p.spec.dosage.unit.value}"
        steps.append(_count_step(p, span.high, Provenance.ARTICLE, why))
    holds = hold_span(p.spec)
    if holds is not None and holds.article and p.hold is not None and p.hold < holds.high:
        why = f"the article gives {holds.text(' s')}"
        steps.append(_hold_step(p, holds.high, Provenance.ARTICLE, why))
    heights = step_height_span(p.spec)
    if (
        heights is not None
        and heights.article
        and p.height_cm is not None
        and p.height_cm < heights.high
    ):
        why = f"the article gives a {heights.text(' cm')} step"
        steps.append(_height_step(p, heights.high, Provenance.ARTICLE, why))
    return steps + _qualitative_steps(p, Provenance.ARTICLE)


def _medius_steps(p: Prescription) -> list[_Step]:
    """Medius' extensions beyond the article."""
    steps: list[_Step] = []
    cap = count_cap(p.spec)
    if p.count is not None and p.count < cap:
        span = count_span(p.spec)
        where = f"beyond the article's {span.text('')}" if span else "the article gives no figure"
        steps.append(_count_step(p, cap, Provenance.MEDIUS, f"{where}; Medius goes up to {cap}"))
    top = hold_cap(p.spec)
    if p.hold is not None and p.hold < top:
        steps.append(_hold_step(p, top, Provenance.MEDIUS, f"Medius' extension up to {top} s"))
    heights = step_height_span(p.spec)
    if (
        heights is not None
        and not heights.article
        and p.height_cm is not None
        and p.height_cm < heights.high
    ):
        why = f"Medius' {heights.text(' cm')} range"
        steps.append(_height_step(p, heights.high, Provenance.MEDIUS, why))
    return steps + _qualitative_steps(p, Provenance.MEDIUS)


@dataclass(slots=True)
class _Context:
    c: Constraints
    by_slug: Mapping[str, ExerciseSpec]
    ladder: list[str]
    applied: dict[str, Counter[ProgressionKind]]

    retired: set[str]


def _ladder_move(items: list[Prescription], i: int, ctx: _Context) -> _Step | None:
    """The next harder exercise for item `i`, if one fits every constraint but time."""
    old = items[i].spec
    present = {p.spec.slug for p in items}
    targets = [
        (p.target, p.provenance)
        for p in old.progressions
        if p.kind is ProgressionKind.NEXT_EXERCISE and p.target is not None
    ]
    if old.slug in ctx.ladder:
        after = ctx.ladder[ctx.ladder.index(old.slug) + 1 :]
        targets += [(slug, Provenance.MEDIUS) for slug in after]
    ceiling = max(d.rank for d in rules.LEVEL_RULES[ctx.c.level].difficulties)
    for slug, provenance in targets:
        new = ctx.by_slug.get(slug)
        if new is None or slug in present or slug in ctx.retired or not allowed(new, ctx.c):
            continue
        if new.difficulty.rank > ceiling + rules.LEVEL_ABOVE_IN_LATER_WEEKS:
            continue
        above = new.difficulty.rank > ceiling
        source = (
            "the article's next exercise"
            if provenance is Provenance.ARTICLE
            else ("the next on Medius' ladder")
        )
        why = (
            f"{new.name} replaces {old.name}, which reached the top of its range; it is "
            f"{source}, starting at the low end"
            + (f", one level above the {ctx.c.level} ceiling (Medius' extension)" if above else "")
            + "."
        )
        result = prescribe(new, ctx.c, why, position=0.0)
        return _Step(
            ProgressionKind.NEXT_EXERCISE,
            Provenance.MEDIUS if above else provenance,
            result,
            f"{old.slug} -> {new.slug}",
            why,
            ProgressionBasis.MEDIUS
            if above or provenance is Provenance.MEDIUS
            else ProgressionBasis.ARTICLE_PROGRESSION,
        )
    return None


def _advance(
    week: int, current: list[Prescription], ctx: _Context
) -> tuple[list[Prescription], list[ProgressionChange]]:
    """One week on: at most one step per item, each kept only if the week fits the budget."""
    items = list(current)
    changes: list[ProgressionChange] = []
    budget = ctx.c.minutes * 60
    for i, p in enumerate(current):
        applied = ctx.applied.setdefault(p.spec.slug, Counter())
        phase = _article_steps(p) or _medius_steps(p)
        if phase:
            options = sorted(phase, key=lambda s: applied[s.kind])
        else:
            move = _ladder_move(items, i, ctx)
            options = [move] if move is not None else []
        for step in options:
            trial = [*items[:i], step.result, *items[i + 1 :]]
            if total_seconds(trial) > budget:
                continue
            source = {
                ProgressionBasis.ARTICLE_PROGRESSION: "the article's own progression",
                ProgressionBasis.ARTICLE_RANGE: "within the article's range",
                ProgressionBasis.MEDIUS: "Medius' extension",
            }[step.grounds()]
            progress = f"Week {week}: {step.change} ({source}: {step.why})."
            if step.kind is ProgressionKind.NEXT_EXERCISE:
                ctx.retired.add(p.spec.slug)
            items[i] = replace(step.result, progress=progress)
            applied[step.kind] += 1
            changes.append(
                ProgressionChange(
                    exercise=step.result.spec.slug,
                    change=step.change,
                    kind=step.kind,
                    provenance=step.provenance,
                    basis=step.grounds(),
                )
            )
            break
    return items, changes


def plan_weeks(
    start: Sequence[Prescription],
    catalog: Mapping[str, ExerciseSpec],
    ladder: Sequence[str],
    c: Constraints,
) -> list[WeekPlan]:
    """`c.weeks` weeks: week 1 is `start`, each later one a step further, all within budget.

    `catalog` is every exercise by slug (read, never copied: it may be the whole catalog).
    """
    by_slug = catalog
    if any(catalog.get(p.spec.slug) is not p.spec for p in start):
        by_slug = {**catalog, **{p.spec.slug: p.spec for p in start}}
    ctx = _Context(c, by_slug, list(dict.fromkeys(ladder)), {}, set())
    current = list(start)
    weeks = [
        WeekPlan(
            week=1, changes=[], items=to_items(current), estimated_seconds=total_seconds(current)
        )
    ]
    for week in range(2, c.weeks + 1):
        current, changes = _advance(week, current, ctx)
        weeks.append(
            WeekPlan(
                week=week,
                changes=changes,
                items=to_items(current),
                estimated_seconds=total_seconds(current),
            )
        )
    return weeks
