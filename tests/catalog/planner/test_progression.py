"""The weekly progression: the article's steps first, then Medius', then up the ladder."""

from __future__ import annotations

from hypothesis import given, settings

from app.catalog.exercises.models import ExerciseSpec
from app.catalog.exercises.seed import load_seed
from app.catalog.planner import build_plan
from app.catalog.planner.dosing import count_cap, count_span, hold_cap, hold_span, step_height_span
from app.catalog.planner.models import Constraints, Plan, PlanItem
from app.catalog.planner.rules import LEVEL_RULES
from app.core.errors import Infeasible
from app.core.vocabulary import ProgressionKind, Provenance
from tests.catalog.planner.strategies import catalogs, constraints

SEED = load_seed()
BY_SLUG = {e.slug: e for e in SEED.exercises}
Catalog = tuple[list[ExerciseSpec], list[str]]


def plan_for(**fields: object) -> Plan:
    base: dict[str, object] = {"level": "beginner", "minutes": 30, "weeks": 6}
    base.update(fields)
    return build_plan(SEED.exercises, SEED.ladder, Constraints.model_validate(base))


def series(plan: Plan, slug: str, field: str) -> list[object]:
    """`field` of exercise `slug` week by week (None in weeks it is not in the plan)."""
    return [
        next((getattr(i, field) for i in week.items if i.exercise == slug), None)
        for week in plan.progression
    ]


def changes_of(plan: Plan, slug: str) -> list[tuple[int, ProgressionKind, Provenance]]:
    return [
        (week.week, change.kind, change.provenance)
        for week in plan.progression
        for change in week.changes
        if change.exercise == slug
    ]


def find(items: list[PlanItem], slug: str) -> PlanItem:
    return next(i for i in items if i.exercise == slug)


def count(it: PlanItem) -> int:
    """Reps or steps per set; 0 for timed exercises."""
    return it.reps or it.steps or 0


# --- Properties over random catalogs --------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(catalogs(), constraints(min_weeks=4, min_minutes=5))
def test_article_steps_stay_in_the_articles_ranges_and_medius_steps_come_after_them(
    catalog: Catalog, c: Constraints
) -> None:
    exercises, ladder = catalog
    try:
        plan = build_plan(exercises, ladder, c)
    except Infeasible:
        return
    by_slug = {e.slug: e for e in exercises}
    assert plan.progression[0].items == plan.items and plan.progression[0].changes == []
    for before, week in zip(plan.progression, plan.progression[1:], strict=False):
        assert len({ch.exercise for ch in week.changes}) == len(week.changes)
        for change in week.changes:
            if change.kind is ProgressionKind.NEXT_EXERCISE:
                continue
            exercise = by_slug[change.exercise]
            old, new = find(before.items, change.exercise), find(week.items, change.exercise)
            counts, holds = count_span(exercise), hold_span(exercise)
            if change.provenance is Provenance.ARTICLE:
                if change.kind is ProgressionKind.MORE_REPS:
                    assert counts is not None and 1 <= count(new) <= counts.high
                if change.kind is ProgressionKind.LONGER_HOLD:
                    assert holds is not None and holds.article
                    assert new.hold_seconds is not None and new.hold_seconds <= holds.high
            else:  # medius: only once the article's own steps are used up
                if counts is not None and count(old):
                    assert count(old) >= counts.high
                if holds is not None and holds.article and old.hold_seconds is not None:
                    assert old.hold_seconds >= holds.high


@settings(max_examples=150, deadline=None)
@given(catalogs(quick=True), constraints(min_weeks=8, min_minutes=20))
def test_ladder_moves_wait_for_the_top_and_go_at_most_one_level_above_as_medius(
    catalog: Catalog, c: Constraints
) -> None:
    exercises, ladder = catalog
    try:
        plan = build_plan(exercises, ladder, c)
    except Infeasible:
        return
    by_slug = {e.slug: e for e in exercises}
    ceiling = max(d.rank for d in LEVEL_RULES[c.level].difficulties)
    for before, week in zip(plan.progression, plan.progression[1:], strict=False):
        for change in week.changes:
            if change.kind is not ProgressionKind.NEXT_EXERCISE:
                continue
            old_slug, new_slug = change.change.split(" -> ")
            old, new = by_slug[old_slug], by_slug[new_slug]
            was = find(before.items, old_slug)
            if count(was):
                assert count(was) == count_cap(old)
            if was.hold_seconds is not None:
                assert was.hold_seconds >= hold_cap(old)
            assert new.difficulty.rank <= ceiling + 1
            if new.difficulty.rank > ceiling:
                assert change.provenance is Provenance.MEDIUS
            assert new_slug in {i.exercise for i in week.items}
            assert old_slug not in {i.exercise for i in week.items}


# --- Examples on the article's catalog ------------------------------------------------


def test_beginner_clamshell_climbs_toward_20_reps_and_5_s_as_the_articles_progression() -> None:
    plan = plan_for(level="beginner", minutes=30, equipment=[], weeks=6)
    assert series(plan, "clamshell", "reps") == [10, 12, 12, 14, 14, 16]
    assert series(plan, "clamshell", "hold_seconds") == [3, 3, 4, 4, 5, 5]
    clamshell = changes_of(plan, "clamshell")
    assert [kind for _, kind, _ in clamshell] == [
        ProgressionKind.MORE_REPS,
        ProgressionKind.LONGER_HOLD,
    ] * 2 + [ProgressionKind.MORE_REPS]
    assert {provenance for _, _, provenance in clamshell} == {Provenance.ARTICLE}
    assert (
        "Week 6: reps 14 -> 16 (within the article's range: the article gives 10-20 reps)"
        in find(plan.progression[5].items, "clamshell").reason
    )


def test_steps_beyond_the_article_are_marked_medius() -> None:
    plan = plan_for(level="beginner", minutes=30, equipment=[], weeks=12)
    reps = series(plan, "clamshell", "reps")
    holds = series(plan, "clamshell", "hold_seconds")
    at_top = next(
        w for w, (r, h) in enumerate(zip(reps, holds, strict=True), 1) if (r, h) == (20, 5)
    )
    for week, _, provenance in changes_of(plan, "clamshell"):
        assert provenance is (Provenance.ARTICLE if week <= at_top else Provenance.MEDIUS)
    assert max(r for r in reps if isinstance(r, int)) > 20
    swing = changes_of(plan, "side-lying-leg-swing")
    assert swing and {provenance for _, _, provenance in swing} == {Provenance.MEDIUS}


def test_step_down_rises_within_the_articles_5_to_10_cm_before_medius_reps() -> None:
    plan = plan_for(level="advanced", goal="rehab", minutes=40, equipment=["step"], weeks=5)
    assert "Step about 8 cm high" in find(plan.items, "step-down").notes
    step_down = changes_of(plan, "step-down")
    assert step_down[0][1:] == (ProgressionKind.HIGHER_STEP, Provenance.ARTICLE)
    assert "Step about 10 cm high" in find(plan.progression[1].items, "step-down").notes
    assert step_down[1][1:] == (ProgressionKind.MORE_REPS, Provenance.MEDIUS)
    assert step_height_span(BY_SLUG["step-down"]) is not None


def test_monster_walk_bends_the_knees_deeper_as_the_articles_progression() -> None:
    plan = plan_for(level="advanced", minutes=45, weeks=4)
    walk = changes_of(plan, "monster-walk")
    assert walk[:2] == [
        (2, ProgressionKind.DEEPER_KNEE_BEND, Provenance.ARTICLE),
        (3, ProgressionKind.DEEPER_KNEE_BEND, Provenance.ARTICLE),
    ]
    assert "bend the knees deeper" in find(plan.progression[1].items, "monster-walk").notes


def test_a_move_up_the_ladder_waits_until_the_exercise_tops_out() -> None:
    plan = plan_for(level="intermediate", minutes=20, affected_side="right", weeks=8)
    steps = series(plan, "side-stepping", "steps")
    moved = next(
        w
        for w in plan.progression
        if any(c.change == "side-stepping -> monster-walk" for c in w.changes)
    )
    assert steps[moved.week - 2] == 30  # its "up to 30" reached the week before
    change = next(c for c in moved.changes if c.exercise == "monster-walk")
    assert change.provenance is Provenance.MEDIUS
    assert "one level above the intermediate ceiling" in find(moved.items, "monster-walk").reason
    assert find(moved.items, "monster-walk").steps == 20  # the new exercise starts low


def test_a_tight_budget_stops_the_progression_rather_than_overrun() -> None:
    plan = plan_for(level="beginner", minutes=10, equipment=[], weeks=12)
    assert all(w.estimated_seconds <= 600 for w in plan.progression)
    assert plan.progression[-1].changes == []
    reps = series(plan, "clamshell", "reps")
    assert isinstance(reps[-1], int) and reps[-1] < 20


def test_weeks_count_as_asked_and_each_lists_the_full_prescription() -> None:
    plan = plan_for(level="intermediate", minutes=25, weeks=5)
    assert [w.week for w in plan.progression] == [1, 2, 3, 4, 5]
    assert all(len(w.items) == len(plan.items) for w in plan.progression)
    assert all(
        [i.order for i in w.items] == list(range(1, len(w.items) + 1)) for w in plan.progression
    )
