"""`build_plan`: from a catalog, Medius' ladder and a user's constraints to a dosed routine.

Steps, each deterministic:
1. Filter: required equipment at hand (optional never excludes), position not excluded,
   difficulty allowed by the level (`rules.LEVEL_RULES`); if no allowed difficulty fits,
   the nearest easier one is used, else the easiest that fits, and `unmet` says so
   (difficulty is Medius' grading; only equipment and positions can make a plan infeasible).
2. Order along the ladder (easiest first for beginners, hardest allowed first above),
   exercises whose cues match an asked-for emphasis first.
3. Dose each (`dosing.prescribe`) and add it while the routine fits `minutes * 60`
   (`timing.routine_seconds`), up to the level's maximum number of exercises. If not even
   one fits, shrink sets, then reps/steps (not below the article's minimum, or half
   Medius' default) and holds; if that fails too, raise `Infeasible` naming `minutes`.
4. Plan the weeks (`progression.plan_weeks`), each within the same budget.

Affected side: unilateral exercises are done on that side only (stand on the affected
leg; lie on the good side so the affected leg is on top). Medius adds no extra set for
it: the article asks for none, and the time is better spent on another exercise.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import islice

from app.catalog.exercises.models import ExerciseSpec, Statement
from app.catalog.planner import rules
from app.catalog.planner.dosing import (
    Prescription,
    count_span,
    counts,
    default_count,
    dose_position,
    hold_span,
    missing_equipment,
    prescribe,
    range_label,
    to_items,
    total_seconds,
)
from app.catalog.planner.index import RANK, GroupKey, PlannerCatalog, Selection
from app.catalog.planner.models import Constraints, Plan
from app.catalog.planner.progression import plan_weeks
from app.core.errors import FieldError, Infeasible
from app.core.vocabulary import AffectedSide, Difficulty, Emphasis, Provenance


def _infeasible(detail: str, field: str, msg: str) -> Infeasible:
    return Infeasible(detail, errors=[FieldError(["body", field], msg, "infeasible")])


def _fits(key: GroupKey, c: Constraints) -> bool:
    """A group's equipment is at hand and its position allowed (`dosing.allowed`)."""
    position, _, required = key
    at_hand = c.equipment is None or required <= set(c.equipment)
    return at_hand and position not in c.exclude_positions


def _usable(catalog: PlannerCatalog, c: Constraints) -> Selection:
    """Exercises whose equipment is at hand and position allowed; Infeasible if none."""
    usable = catalog.select(lambda k: _fits(k, c))
    if usable:
        return usable
    ordered = list(catalog.ordered)  # only on the way to an error: say what would help
    if not ordered:
        raise Infeasible(
            "The catalog has no exercises.",
            errors=[FieldError(["body"], "the catalog has no exercises", "infeasible")],
        )
    equipment_ok = [e for e in ordered if not missing_equipment(e, c)]
    position_ok = [e for e in ordered if e.position not in c.exclude_positions]
    errors: list[FieldError] = []
    if not equipment_ok or position_ok:
        nearest = min(position_ok or ordered, key=lambda e: len(missing_equipment(e, c)))
        have = ", ".join(c.equipment or []) or "no equipment"
        need = ", ".join(missing_equipment(nearest, c))
        errors.append(
            FieldError(
                ["body", "equipment"],
                f"nothing that fits can be done with {have}; {nearest.slug} would need {need}",
                "infeasible",
            )
        )
    if not position_ok or equipment_ok:
        nearest = (equipment_ok or ordered)[0]
        excluded = ", ".join(c.exclude_positions)
        errors.append(
            FieldError(
                ["body", "exclude_positions"],
                f"every exercise that fits is done {excluded}; "
                f"allowing {nearest.position} would make {nearest.slug} possible",
                "infeasible",
            )
        )
    raise Infeasible("No exercise fits the equipment and positions given.", errors=errors)


def _allowed_difficulty(usable: Selection, c: Constraints) -> tuple[Selection, list[str]]:
    """The usable exercises of the level's difficulties, else of the nearest easier one."""
    wanted = rules.LEVEL_RULES[c.level].difficulties
    chosen = usable.narrow(lambda k: k[1] in wanted)
    if chosen:
        return chosen, []
    floor = min(RANK[d] for d in wanted)
    ranks = {RANK[k[1]] for k in usable.keys}
    easier = [r for r in ranks if r < floor]
    # No dead end: the article calls every one of its exercises basic, and difficulty is
    # Medius' grading, so when the level's band leaves nothing, the easiest that fit serve.
    nearest = max(easier) if easier else min(ranks)
    fallback = usable.narrow(lambda k: RANK[k[1]] == nearest)
    which = "nearest easier" if easier else "easiest"
    note = (
        f"No {'/'.join(wanted)} exercise fits your equipment and positions, so the {which} "
        f"that fit ({list(Difficulty)[nearest]}, by Medius' grading; the article calls all "
        "its exercises basic) are used instead."
    )
    return fallback, [note]


Findings = dict[str, list[tuple[Emphasis, Statement]]]


def _findings(candidates: Selection, emphasis: list[Emphasis]) -> Findings:
    """Per candidate whose cues speak to an asked-for emphasis: which ones, with the cue
    (candidates with none are left out)."""
    found: Findings = {}
    by_slug = candidates.catalog.by_slug
    for wanted in dict.fromkeys(emphasis):
        for slug, cue in candidates.catalog.cues(wanted).items():
            if by_slug[slug] in candidates:
                found.setdefault(slug, []).append((wanted, cue))
    return found


def _cue_words(cue: Statement) -> str:
    """A cue quoted with whose words it is: never our paraphrase as the article's."""
    text = f'"{cue.text[:120].rstrip(".")}"'
    if cue.provenance is Provenance.MEDIUS:
        return f"its cue {text} (Medius' own cue, not the article's)"
    if cue.article_text is None:
        return f"the article's cue {text}"
    return f'its cue {text} (our words for the article\'s "{cue.article_text[:160].rstrip(".")}")'


def _why(exercise: ExerciseSpec, c: Constraints, findings: list[tuple[Emphasis, Statement]]) -> str:
    gear = ", ".join(exercise.equipment)
    article = "an" if exercise.difficulty[0] in "aeiou" else "a"
    band = rules.LEVEL_RULES[c.level].difficulties
    if exercise.difficulty in band:
        fits = f"allowed at {c.level} level"
    elif exercise.difficulty.rank < min(d.rank for d in band):
        fits = f"the nearest easier work, as no {c.level}-level exercise fits"
    else:
        fits = f"the easiest work that fits, as no {c.level}-level exercise does"
    text = (
        f"{exercise.name}: {article} {exercise.difficulty} (Medius' grading) "
        f"{exercise.position} exercise, {fits}; "
        f"{'needs ' + gear + ', which is at hand' if gear else 'no equipment'}."
    )
    for wanted, cue in findings:
        text += f" Picked first for the {wanted} emphasis: {_cue_words(cue)}."
    return text


def _shrunk(p: Prescription) -> list[Prescription]:
    """Ever smaller versions of `p`: fewer sets, then fewer reps/steps, then shorter holds."""
    out = [replace(p, sets=s) for s in range(p.sets - 1, 0, -1)]
    one = out[-1] if out else p
    ex = p.spec
    if counts(ex) and one.count is not None:
        span = count_span(ex)
        floor = span.low if span else math.ceil(default_count(ex) * rules.SHRINK_COUNT_FLOOR)
        for n in range(one.count - 1, max(1, floor) - 1, -1):
            one = replace(one, count=n)
            out.append(one)
    holds = hold_span(ex)
    if one.hold is not None and holds is not None:
        floor = holds.low if counts(ex) else math.ceil(holds.low * rules.SHRINK_COUNT_FLOOR)
        for h in range(one.hold - 1, max(0 if counts(ex) else 1, floor) - 1, -1):
            one = replace(one, hold=h)
            out.append(one)
    return [replace(q, note="Shortened to fit the time budget.") for q in out]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _dose_text(p: Prescription) -> str:
    """ "2 x 10 reps, 3 s hold" and the like."""
    text = _plural(p.sets, "set")
    if p.count is not None:
        text += f" of {p.count} {p.spec.dosage.unit.value}"
    if p.hold is not None:
        text += f", {p.hold} s {'hold' if p.count is not None else 'each'}"
    return text


def _fit(
    candidates: Callable[[], Iterator[ExerciseSpec]],
    c: Constraints,
    why: Callable[[ExerciseSpec], str],
) -> tuple[list[Prescription], list[str]]:
    """Greedily add dosed exercises within the budget; shrink one if none fits.

    `candidates` gives a fresh walk in order each call; the greedy pass stops at the
    level's maximum, so it reads only as many exercises as it needs.
    """
    budget = c.minutes * 60
    limit = rules.LEVEL_RULES[c.level].max_exercises
    chosen: list[Prescription] = []
    for exercise in candidates():
        if len(chosen) == limit:
            break
        p = prescribe(exercise, c, why(exercise))
        if total_seconds([*chosen, p]) <= budget:
            chosen.append(p)
    if chosen:
        return chosen, []
    # Shrink the first that can be shrunk to fit; the shortest only matters to the error.
    shortest: int | None = None
    for exercise in candidates():
        full = prescribe(exercise, c, why(exercise))
        whole = total_seconds([full])
        shortest = whole if shortest is None else min(shortest, whole)
        for variant in _shrunk(full):
            seconds = total_seconds([variant])
            shortest = min(shortest, seconds)
            if seconds <= budget:
                note = (
                    f"{_plural(c.minutes, 'minute')} only fit a shortened {exercise.name}: "
                    f"{_dose_text(variant)} instead of {_dose_text(full)}."
                )
                return [variant], [note]
    assert shortest is not None  # candidates are never empty (see _allowed_difficulty)
    raise _infeasible(
        f"No exercise fits in {_plural(c.minutes, 'minute')}.",
        "minutes",
        f"the shortest possible routine needs {shortest} seconds; "
        f"allow at least {_plural(math.ceil(shortest / 60), 'minute')}",
    )


LISTED = 8


def _listing(names: Iterable[str], total: int) -> str:
    """At most LISTED of the `total` names, then how many more: a rationale line stays one
    readable line (and within a routine's bounds) however large the catalog grows, and
    only the names shown are read."""
    shown = ", ".join(islice(names, LISTED))
    return shown if total <= LISTED else f"{shown} and {total - LISTED} more"


def _rationale(
    c: Constraints,
    catalog: PlannerCatalog,
    chosen: list[Prescription],
    spare: tuple[Iterable[str], int],
    seconds: int,
) -> list[str]:
    rule, goal = rules.LEVEL_RULES[c.level], rules.GOAL_RULES[c.goal]
    sets = rule.sets[1] if goal.top_sets else rule.sets[0]
    lines = [
        f"Level {c.level}: {'/'.join(rule.difficulties)} exercises, dosed at the "
        f"{range_label(dose_position(c))} of the article's ranges where it gives one "
        f"(Medius' defaults where it does not); {sets} sets and rest x{rule.rest_multiplier:g} "
        f"are Medius' choices; at most {rule.max_exercises} exercises.",
        f"Goal {c.goal}: {goal.summary}.",
    ]
    gear = (
        "all equipment assumed at hand"
        if c.equipment is None
        else ("equipment at hand: " + (", ".join(c.equipment) or "none"))
    )
    have = set(c.equipment or [])
    lacking = catalog.select(lambda k: c.equipment is not None and not k[2] <= have)
    names = (f"{e.slug} (needs {', '.join(missing_equipment(e, c))})" for e in lacking)
    left_out = f"; left out: {_listing(names, len(lacking))}." if lacking else "."
    lines.append(gear[0].upper() + gear[1:] + left_out)
    if c.exclude_positions:
        out = catalog.select(lambda k: k[0] in c.exclude_positions)
        lines.append(
            f"Positions excluded: {', '.join(c.exclude_positions)}"
            + (f"; left out: {_listing((e.slug for e in out), len(out))}." if out else ".")
        )
    spare_names, spare_count = spare
    lines.append(
        f"The routine fits {seconds} of {c.minutes * 60} seconds with "
        f"{_plural(len(chosen), 'exercise')}."
        + (
            " Also allowed but left out for time or the level's maximum: "
            f"{_listing(spare_names, spare_count)}."
            if spare_count
            else ""
        )
    )
    if c.affected_side is AffectedSide.NONE:
        lines.append("No affected side: unilateral exercises are done on both sides.")
    else:
        lines.append(
            f"Affected side {c.affected_side}: unilateral exercises train it only (stand on it, "
            "or lie on the other side so it is on top); no extra set is added."
        )
    if c.emphasis:
        lines.append(f"Emphasis {', '.join(c.emphasis)}: exercises with matching cues come first.")
    lines.append(
        f"Progression over {_plural(c.weeks, 'week')}, {_plural(c.sessions_per_week, 'session')} "
        "a week: the article's own progressions first, then Medius' (marked), and a move up "
        "the ladder only once an exercise is at the top of its range."
    )
    return lines


def build_plan(
    exercises: Sequence[ExerciseSpec] | PlannerCatalog, ladder: Sequence[str], c: Constraints
) -> Plan:
    """Build a dosed routine and its weekly progression; raise `Infeasible` if nothing fits.

    `exercises` may be a `PlannerCatalog` prepared once for many requests (it must have
    been built with the same ladder); the plan is the same either way.
    """
    catalog = (
        exercises if isinstance(exercises, PlannerCatalog) else PlannerCatalog(exercises, ladder)
    )
    rule = rules.LEVEL_RULES[c.level]
    usable = _usable(catalog, c)
    candidates, unmet = _allowed_difficulty(usable, c)
    if rule.hardest_first:
        candidates = candidates.reversed()
    findings = _findings(candidates, c.emphasis)
    # Those speaking to more asked-for emphases first; otherwise the candidates' order.
    flagged = candidates.in_order(catalog.by_slug[slug] for slug in findings)
    flagged.sort(key=lambda e: -len(findings[e.slug]))  # stable: keeps the walk's order

    def ordered() -> Iterator[ExerciseSpec]:
        yield from flagged
        yield from (e for e in candidates if e.slug not in findings)

    def why(exercise: ExerciseSpec) -> str:
        return _why(exercise, c, findings.get(exercise.slug, []))

    chosen, shrink_note = _fit(ordered, c, why)
    unmet += shrink_note
    picked = {p.spec.slug for p in chosen}
    for wanted in dict.fromkeys(c.emphasis):
        matching = [e.slug for e in flagged if any(w is wanted for w, _ in findings[e.slug])]
        if not matching:
            unmet.append(f"No allowed exercise that fits has a {wanted} cue.")
        elif not picked & set(matching):
            unmet.append(
                f"The {wanted} exercises ({_listing(matching, len(matching))}) did not fit "
                "the time."
            )
    items = to_items(chosen)
    seconds = total_seconds(chosen)
    spare = (e.slug for e in ordered() if e.slug not in picked)
    return Plan(
        items=items,
        estimated_seconds=seconds,
        rationale=_rationale(c, catalog, chosen, (spare, len(candidates) - len(picked)), seconds),
        progression=plan_weeks(chosen, catalog.by_slug, ladder, c),
        unmet=unmet,
        disclaimer=rules.DISCLAIMER,
    )
