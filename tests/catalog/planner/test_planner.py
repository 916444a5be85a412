"""build_plan: properties over random catalogs, and examples on the article's own catalog."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings

from app.catalog.exercises.models import ExerciseSpec
from app.catalog.exercises.seed import load_seed
from app.catalog.planner import build_plan, dosage_errors, level_table_markdown
from app.catalog.planner.dosing import allowed as fits_constraints
from app.catalog.planner.models import Constraints, Plan, PlanItem
from app.catalog.planner.rules import LEVEL_RULES
from app.catalog.planner.timing import routine_seconds
from app.core.errors import Infeasible
from app.core.vocabulary import AffectedSide, Difficulty, Emphasis, Laterality, Position, Side
from app.training.routines.models import RoutineCreate
from tests.catalog.planner.strategies import catalogs, constraints

SEED = load_seed()
BY_SLUG = {e.slug: e for e in SEED.exercises}
Catalog = tuple[list[ExerciseSpec], list[str]]
CONSTRAINT_FIELDS = {"equipment", "exclude_positions", "minutes", "level"}


def plan_for(**fields: object) -> Plan:
    """A plan on the seed catalog; fields override a beginner, 10-minute, default request."""
    base: dict[str, object] = {"level": "beginner", "minutes": 10}
    base.update(fields)
    return build_plan(SEED.exercises, SEED.ladder, Constraints.model_validate(base))


def attempt(catalog: Catalog, c: Constraints) -> Plan | Infeasible:
    exercises, ladder = catalog
    try:
        return build_plan(exercises, ladder, c)
    except Infeasible as exc:
        return exc


def all_weeks(plan: Plan) -> list[list[PlanItem]]:
    return [plan.items] + [week.items for week in plan.progression]


def item(plan: Plan, slug: str) -> PlanItem:
    return next(i for i in plan.items if i.exercise == slug)


# --- Properties over random catalogs --------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(catalogs(), constraints())
def test_the_plan_and_every_week_fit_the_time_budget(catalog: Catalog, c: Constraints) -> None:
    result = attempt(catalog, c)
    if isinstance(result, Infeasible):
        return
    by_slug = {e.slug: e for e in catalog[0]}
    assert result.estimated_seconds == routine_seconds(result.items, by_slug)
    assert result.estimated_seconds <= c.minutes * 60
    assert [w.week for w in result.progression] == list(range(1, c.weeks + 1))
    for week in result.progression:
        assert week.estimated_seconds == routine_seconds(week.items, by_slug)
        assert week.estimated_seconds <= c.minutes * 60


@settings(max_examples=150, deadline=None)
@given(catalogs(), constraints())
def test_the_same_input_gives_the_same_plan_or_the_same_error(
    catalog: Catalog, c: Constraints
) -> None:
    first, second = attempt(catalog, c), attempt(catalog, c)
    if isinstance(first, Infeasible):
        assert isinstance(second, Infeasible) and first.errors == second.errors
    else:
        assert isinstance(second, Plan) and first.model_dump() == second.model_dump()


@settings(max_examples=150, deadline=None)
@given(catalogs(), constraints())
def test_no_week_needs_missing_equipment_an_excluded_position_or_breaks_dosage_and_side(
    catalog: Catalog, c: Constraints
) -> None:
    result = attempt(catalog, c)
    if isinstance(result, Infeasible):
        return
    by_slug = {e.slug: e for e in catalog[0]}
    for items in all_weeks(result):
        assert 1 <= len(items) <= LEVEL_RULES[c.level].max_exercises
        assert len({i.exercise for i in items}) == len(items)
        for it in items:
            exercise = by_slug[it.exercise]
            if c.equipment is not None:
                assert set(exercise.equipment) <= set(c.equipment)
            assert exercise.position not in c.exclude_positions
            assert dosage_errors(it, exercise) == []
            unilateral = exercise.laterality is Laterality.UNILATERAL
            if unilateral and c.affected_side is not AffectedSide.NONE:
                assert it.side == Side(c.affected_side.value)
            elif unilateral:
                assert it.side is Side.BOTH


@settings(max_examples=150, deadline=None)
@given(catalogs(), constraints())
def test_week_one_keeps_to_the_levels_difficulties_unless_unmet_says_otherwise(
    catalog: Catalog, c: Constraints
) -> None:
    result = attempt(catalog, c)
    if isinstance(result, Infeasible):
        assert result.errors
        for error in result.errors:
            assert error.loc[0] == "body" and error.loc[1] in CONSTRAINT_FIELDS
            assert error.msg
        return
    by_slug = {e.slug: e for e in catalog[0]}
    allowed = LEVEL_RULES[c.level].difficulties
    outside = [i for i in result.items if by_slug[i.exercise].difficulty not in allowed]
    if outside:
        assert any("instead" in note for note in result.unmet)
        floor = min(d.rank for d in allowed)
        fits = [e for e in catalog[0] if fits_constraints(e, c)]
        if any(e.difficulty.rank < floor for e in fits):
            assert all(by_slug[i.exercise].difficulty.rank < floor for i in outside)
        else:  # nothing easier either: the easiest that fit, never a dead end
            easiest = min(e.difficulty.rank for e in fits)
            assert all(by_slug[i.exercise].difficulty.rank == easiest for i in outside)


@settings(max_examples=150, deadline=None)
@given(catalogs(), constraints())
def test_difficulty_alone_never_makes_a_plan_infeasible(catalog: Catalog, c: Constraints) -> None:
    result = attempt(catalog, c)
    if isinstance(result, Infeasible):
        assert all(error.loc[1] != "level" for error in result.errors)


# --- Examples on the article's catalog ------------------------------------------------


def test_beginner_without_equipment_gets_clamshell_at_the_articles_low_end() -> None:
    plan = plan_for(level="beginner", minutes=10, equipment=[])
    clamshell = item(plan, "clamshell")
    assert (clamshell.reps, clamshell.hold_seconds, clamshell.sets) == (10, 3, 2)
    assert "low end of the article's 10-20" in clamshell.reason
    assert all(BY_SLUG[i.exercise].position is Position.SIDE_LYING for i in plan.items)
    assert all(BY_SLUG[i.exercise].equipment == [] for i in plan.items)
    assert plan.estimated_seconds <= 600
    assert any(f"fits {plan.estimated_seconds} of 600 seconds" in r for r in plan.rationale)


def test_advanced_with_everything_gets_single_leg_and_band_work_at_the_high_end() -> None:
    plan = plan_for(level="advanced", minutes=45)
    slugs = [i.exercise for i in plan.items]
    assert {"monster-walk", "step-down", "single-leg-squat-leg-behind"} <= set(slugs)
    assert all(
        BY_SLUG[s].difficulty in LEVEL_RULES[Difficulty.ADVANCED].difficulties for s in slugs
    )
    walk = item(plan, "monster-walk")
    assert (walk.steps, walk.sets) == (30, 3)
    assert "high end of the article's 20-30" in walk.reason
    assert "10 cm" in item(plan, "step-down").notes


def test_advanced_falling_back_to_side_lying_work_doses_clamshell_at_20_reps_and_5_s() -> None:
    plan = plan_for(level="advanced", minutes=30, equipment=[], exclude_positions=["standing"])
    clamshell = item(plan, "clamshell")
    assert (clamshell.reps, clamshell.hold_seconds) == (20, 5)
    assert any("(beginner, by Medius' grading" in n and "instead" in n for n in plan.unmet)


def test_excluding_side_lying_leaves_only_standing_exercises() -> None:
    plan = plan_for(level="intermediate", minutes=30, exclude_positions=["side-lying"])
    assert plan.items
    assert all(BY_SLUG[i.exercise].position is Position.STANDING for i in plan.items)
    assert any("Positions excluded: side-lying" in r for r in plan.rationale)


def test_affected_right_side_puts_the_step_down_on_the_right_leg_as_the_article_says() -> None:
    plan = plan_for(level="advanced", minutes=30, affected_side="right")
    step_down = item(plan, "step-down")
    assert step_down.side is Side.RIGHT
    assert "Stand on the affected (right) leg" in step_down.reason
    assert (
        'As the article says: "Stand on your affected leg on a 2-4 inch step"' in step_down.reason
    )
    assert "Stand on your right leg on the step" in step_down.reason


def test_affected_side_puts_side_lying_work_on_the_top_leg_as_the_article_says() -> None:
    clamshell = item(plan_for(level="beginner", affected_side="left"), "clamshell")
    assert clamshell.side is Side.LEFT
    assert "Lie on the good side so the affected (left) leg is on top" in clamshell.reason
    assert "Lie on your right side; your left (top) leg does the work." in clamshell.reason
    # The article's own words, never our paraphrase ("unaffected side") quoted as its words.
    assert 'As the article says: "Lie on your good side' in clamshell.reason
    assert "unaffected" not in clamshell.reason
    assert (clamshell.working_leg, clamshell.lie_on) == (Side.LEFT, Side.RIGHT)


def test_without_an_affected_side_unilateral_work_is_done_on_both_sides() -> None:
    plan = plan_for(level="advanced", minutes=45)
    assert item(plan, "step-down").side is Side.BOTH
    assert item(plan, "monster-walk").side is None


def test_knee_over_toes_emphasis_puts_step_down_or_single_leg_squat_first() -> None:
    plan = plan_for(level="advanced", minutes=20, equipment=["step"], emphasis=["knee-over-toes"])
    first = plan.items[0]
    assert first.exercise in {"step-down", "single-leg-squat-leg-behind"}
    assert "knee-over-toes emphasis" in first.reason and "over the toes" in first.reason


def test_trunk_upright_emphasis_moves_matching_exercises_ahead_of_the_ladder() -> None:
    plain = plan_for(level="advanced", minutes=20, equipment=["step"])
    emphasised = plan_for(
        level="advanced", minutes=20, equipment=["step"], emphasis=[Emphasis.TRUNK_UPRIGHT]
    )
    assert plain.items[0].exercise == "single-leg-squat-leg-behind"
    assert emphasised.items[0].exercise in {"hip-hike", "side-stepping"}
    assert "trunk-upright emphasis" in emphasised.items[0].reason


def test_an_emphasis_no_allowed_exercise_matches_is_reported_unmet() -> None:
    plan = plan_for(level="intermediate", minutes=20, emphasis=["knee-over-toes"])
    assert any("knee-over-toes" in note for note in plan.unmet)


def test_one_minute_with_everything_gives_a_tiny_plan_or_names_minutes() -> None:
    plan = plan_for(level="advanced", minutes=1)
    assert plan.estimated_seconds <= 60 and len(plan.items) == 1
    assert plan.items[0].sets == 1 and plan.unmet
    with pytest.raises(Infeasible) as caught:
        plan_for(level="beginner", minutes=1)
    (error,) = caught.value.errors
    assert error.loc == ["body", "minutes"]
    assert "the shortest possible routine needs 90 seconds" in error.msg


def test_no_usable_equipment_is_infeasible_and_names_equipment() -> None:
    needs_gear = [BY_SLUG[s] for s in ("hip-hike", "step-down", "monster-walk")]
    c = Constraints(level=Difficulty.ADVANCED, minutes=30, equipment=[])
    with pytest.raises(Infeasible) as caught:
        build_plan(needs_gear, SEED.ladder, c)
    (error,) = caught.value.errors
    assert error.loc == ["body", "equipment"] and "would need" in error.msg


def test_excluding_every_position_is_infeasible_and_names_exclude_positions() -> None:
    with pytest.raises(Infeasible) as caught:
        plan_for(level="intermediate", exclude_positions=["standing", "side-lying"])
    assert [e.loc for e in caught.value.errors] == [["body", "exclude_positions"]]


def test_beginner_who_cannot_lie_on_a_side_gets_the_easiest_standing_exercises() -> None:
    plan = plan_for(level="beginner", minutes=15, exclude_positions=["side-lying"])
    slugs = {i.exercise for i in plan.items}
    assert slugs and slugs <= {"hip-hike", "side-stepping"}
    assert all(BY_SLUG[s].position is Position.STANDING for s in slugs)
    assert any("easiest that fit" in note and "basic" in note for note in plan.unmet)
    assert all("the easiest work that fits" in i.reason for i in plan.items)


def test_beginner_without_side_lying_or_equipment_still_gets_side_stepping() -> None:
    plan = plan_for(level="beginner", equipment=[], exclude_positions=["side-lying"])
    assert [i.exercise for i in plan.items] == ["side-stepping"]


def test_rehab_doses_lower_with_more_rest_and_performance_higher_with_more_sets() -> None:
    def clamshell(goal: str) -> PlanItem:
        plan = plan_for(level="intermediate", minutes=60, goal=goal, exclude_positions=["standing"])
        return item(plan, "clamshell")

    rehab, prevention, performance = (clamshell(g) for g in ("rehab", "prevention", "performance"))
    assert (rehab.reps, prevention.reps, performance.reps) == (10, 15, 20)
    assert rehab.rest_seconds > prevention.rest_seconds
    assert (prevention.sets, performance.sets) == (2, 3)


def test_medius_defaults_are_used_and_named_where_the_article_gives_no_figure() -> None:
    swing = item(plan_for(level="beginner", minutes=20), "side-lying-leg-swing")
    assert swing.reps == 10
    assert "Medius' default (the article gives no figure)" in swing.reason
    assert "Medius' choice" in swing.reason


def test_the_plan_carries_a_disclaimer_and_a_rationale() -> None:
    plan = plan_for()
    assert "not medical advice" in plan.disclaimer and "diagnosis" in plan.disclaimer
    assert any(r.startswith("Level beginner") for r in plan.rationale)


def test_the_level_table_renders_every_level_and_goal() -> None:
    table = level_table_markdown()
    for name in ("beginner", "intermediate", "advanced", "rehab", "prevention", "performance"):
        assert f"| {name} |" in table


def test_the_builder_imports_neither_fastapi_nor_a_database_session() -> None:
    code = (
        "import sys, app.catalog.planner; "
        "print('fastapi' in sys.modules, 'app.core.db' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_a_plan_from_a_large_catalog_is_a_routine_the_api_accepts() -> None:
    """Rationale lines name at most a few exercises, so a builder answer stays within a
    routine's bounds (and `save` cannot fail) however large the catalog grows."""
    seed = load_seed()
    base = next(e for e in seed.exercises if e.slug == "monster-walk")
    extra = [
        base.model_copy(update={"slug": f"walk-{n:03d}-{'x' * 50}", "equipment": ["step"]})
        for n in range(300)
    ]
    c = Constraints(level=Difficulty.ADVANCED, minutes=120, equipment=[], weeks=12)
    plan = build_plan([*seed.exercises, *extra], seed.ladder, c)
    assert any("and 2" in line and "more" in line for line in plan.rationale)
    RoutineCreate.model_validate({**plan.model_dump(), "name": "Built"})


def test_a_medius_cue_behind_an_emphasis_is_called_ours_in_the_reason() -> None:
    plan = plan_for(level="advanced", minutes=20, equipment=[], emphasis=["knee-over-toes"])
    squat = plan.items[0]
    assert squat.exercise == "single-leg-squat-leg-behind"
    assert "knee-over-toes emphasis" in squat.reason
    assert "(Medius' own cue, not the article's)" in squat.reason


def test_an_article_cue_behind_an_emphasis_is_quoted_in_the_articles_own_words() -> None:
    plan = plan_for(level="advanced", minutes=20, equipment=["step"], emphasis=["knee-over-toes"])
    step_down = item(plan, "step-down")
    words = "the knee of your affected leg passes directly over your toes"
    assert f'our words for the article\'s "{words}"' in step_down.reason
