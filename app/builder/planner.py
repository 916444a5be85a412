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
from collections.abc import Sequence
from dataclasses import replace

from app.builder import rules
from app.builder.dosing import (
    Prescription,
    allowed,
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
from app.builder.models import AffectedSide, Constraints, Emphasis, Plan
from app.builder.progression import plan_weeks
from app.catalog.models import Difficulty, ExerciseSpec, Provenance, Statement
from app.core.errors import FieldError, Infeasible


def _ladder_order(exercises: Sequence[ExerciseSpec], ladder: Sequence[str]) -> list[ExerciseSpec]:
    """Unique exercises in ladder order; those off the ladder after, by difficulty then slug."""
    unique: dict[str, ExerciseSpec] = {}
    for exercise in exercises:
        unique.setdefault(exercise.slug, exercise)
    rank = {slug: i for i, slug in enumerate(dict.fromkeys(ladder))}
    return sorted(
        unique.values(),
        key=lambda e: (rank.get(e.slug, len(rank)), e.difficulty.rank, e.slug),
    )


def _infeasible(detail: str, field: str, msg: str) -> Infeasible:
    return Infeasible(detail, errors=[FieldError(["body", field], msg, "infeasible")])


def _usable(ordered: list[ExerciseSpec], c: Constraints) -> list[ExerciseSpec]:
    """Exercises whose equipment is at hand and position allowed; Infeasible if none."""
    usable = [e for e in ordered if allowed(e, c)]
    if usable:
        return usable
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


def _allowed_difficulty(
    usable: list[ExerciseSpec], c: Constraints
) -> tuple[list[ExerciseSpec], list[str]]:
    """The usable exercises of the level's difficulties, else of the nearest easier one."""
    wanted = rules.LEVEL_RULES[c.level].difficulties
    chosen = [e for e in usable if e.difficulty in wanted]
    if chosen:
        return chosen, []
    floor = min(d.rank for d in wanted)
    easier = [e for e in usable if e.difficulty.rank < floor]
    # No dead end: the article calls every one of its exercises basic, and difficulty is
    # Medius' grading, so when the level's band leaves nothing, the easiest that fit serve.
    pool = easier or usable
    nearest = (
        max(e.difficulty.rank for e in easier) if easier else min(e.difficulty.rank for e in usable)
    )
    fallback = [e for e in pool if e.difficulty.rank == nearest]
    which = "nearest easier" if easier else "easiest"
    note = (
        f"No {'/'.join(wanted)} exercise fits your equipment and positions, so the {which} "
        f"that fit ({list(Difficulty)[nearest]}, by Medius' grading; the article calls all "
        "its exercises basic) are used instead."
    )
    return fallback, [note]


def _findings(exercise: ExerciseSpec, emphasis: list[Emphasis]) -> list[tuple[Emphasis, Statement]]:
    """Which asked-for emphases the exercise's cues speak to, with the cue."""
    found: list[tuple[Emphasis, Statement]] = []
    for wanted in dict.fromkeys(emphasis):
        pattern = rules.EMPHASIS_PATTERNS[wanted]
        cue = next((q for q in exercise.cues if pattern.search(q.text)), None)
        if cue is not None:
            found.append((wanted, cue))
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
    candidates: list[ExerciseSpec], c: Constraints, why: dict[str, str]
) -> tuple[list[Prescription], list[str]]:
    """Greedily add dosed exercises within the budget; shrink one if none fits."""
    budget = c.minutes * 60
    limit = rules.LEVEL_RULES[c.level].max_exercises
    chosen: list[Prescription] = []
    for exercise in candidates:
        if len(chosen) == limit:
            break
        p = prescribe(exercise, c, why[exercise.slug])
        if total_seconds([*chosen, p]) <= budget:
            chosen.append(p)
    if chosen:
        return chosen, []
    shortest = min(total_seconds([prescribe(e, c, why[e.slug])]) for e in candidates)
    for exercise in candidates:
        full = prescribe(exercise, c, why[exercise.slug])
        for variant in _shrunk(full):
            seconds = total_seconds([variant])
            shortest = min(shortest, seconds)
            if seconds <= budget:
                note = (
                    f"{_plural(c.minutes, 'minute')} only fit a shortened {exercise.name}: "
                    f"{_dose_text(variant)} instead of {_dose_text(full)}."
                )
                return [variant], [note]
    raise _infeasible(
        f"No exercise fits in {_plural(c.minutes, 'minute')}.",
        "minutes",
        f"the shortest possible routine needs {shortest} seconds; "
        f"allow at least {_plural(math.ceil(shortest / 60), 'minute')}",
    )


LISTED = 8


def _listing(names: list[str]) -> str:
    """At most LISTED names, then how many more: a rationale line stays one readable line
    (and within a routine's bounds) however large the catalog grows."""
    shown = ", ".join(names[:LISTED])
    return shown if len(names) <= LISTED else f"{shown} and {len(names) - LISTED} more"


def _rationale(
    c: Constraints,
    everything: list[ExerciseSpec],
    chosen: list[Prescription],
    spare: list[str],
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
    lacking = [
        f"{e.slug} (needs {', '.join(missing_equipment(e, c))})"
        for e in everything
        if missing_equipment(e, c)
    ]
    left_out = f"; left out: {_listing(lacking)}." if lacking else "."
    lines.append(gear[0].upper() + gear[1:] + left_out)
    if c.exclude_positions:
        out = [e.slug for e in everything if e.position in c.exclude_positions]
        lines.append(
            f"Positions excluded: {', '.join(c.exclude_positions)}"
            + (f"; left out: {_listing(out)}." if out else ".")
        )
    lines.append(
        f"The routine fits {seconds} of {c.minutes * 60} seconds with "
        f"{_plural(len(chosen), 'exercise')}."
        + (
            f" Also allowed but left out for time or the level's maximum: {_listing(spare)}."
            if spare
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


def build_plan(exercises: Sequence[ExerciseSpec], ladder: Sequence[str], c: Constraints) -> Plan:
    """Build a dosed routine and its weekly progression; raise `Infeasible` if nothing fits."""
    rule = rules.LEVEL_RULES[c.level]
    everything = _ladder_order(exercises, ladder)
    usable = _usable(everything, c)
    candidates, unmet = _allowed_difficulty(usable, c)
    if rule.hardest_first:
        candidates.reverse()
    findings = {e.slug: _findings(e, c.emphasis) for e in candidates}
    candidates.sort(key=lambda e: -len(findings[e.slug]))
    why = {e.slug: _why(e, c, findings[e.slug]) for e in candidates}
    chosen, shrink_note = _fit(candidates, c, why)
    unmet += shrink_note
    picked = {p.spec.slug for p in chosen}
    for wanted in dict.fromkeys(c.emphasis):
        matching = [e.slug for e in candidates if any(w is wanted for w, _ in findings[e.slug])]
        if not matching:
            unmet.append(f"No allowed exercise that fits has a {wanted} cue.")
        elif not picked & set(matching):
            unmet.append(f"The {wanted} exercises ({_listing(matching)}) did not fit the time.")
    items = to_items(chosen)
    seconds = total_seconds(chosen)
    return Plan(
        items=items,
        estimated_seconds=seconds,
        rationale=_rationale(
            c, everything, chosen, [e.slug for e in candidates if e.slug not in picked], seconds
        ),
        progression=plan_weeks(chosen, everything, ladder, c),
        unmet=unmet,
        disclaimer=rules.DISCLAIMER,
    )
