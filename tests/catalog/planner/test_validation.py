"""dosage_errors: the unit and side rule that plan items and routine items share."""

from __future__ import annotations

from app.catalog.exercises.seed import load_seed
from app.catalog.planner.models import ItemDosage
from app.catalog.planner.validation import dosage_errors
from app.core.vocabulary import DosageUnit, Side

SEED = {e.slug: e for e in load_seed().exercises}
LOC = ["body", "items", 2]


def item(exercise: str, **dosage: object) -> ItemDosage:
    base: dict[str, object] = {"exercise": exercise, "sets": 2, "rest_seconds": 30}
    base.update(dosage)
    return ItemDosage.model_validate(base)


def locs(it: ItemDosage, slug: str) -> list[list[str | int]]:
    return [e.loc for e in dosage_errors(it, SEED[slug], LOC)]


def test_a_reps_exercise_with_reps_a_hold_it_allows_and_a_side_passes() -> None:
    assert locs(item("clamshell", reps=10, hold_seconds=3, side=Side.LEFT), "clamshell") == []
    assert (
        locs(item("lying-wall-angel", reps=10, hold_seconds=1, side=Side.BOTH), "lying-wall-angel")
        == []
    )


def test_a_reps_exercise_needs_reps_and_refuses_steps() -> None:
    errors = dosage_errors(item("clamshell", steps=10, side=Side.LEFT), SEED["clamshell"], LOC)
    assert [e.loc for e in errors] == [[*LOC, "reps"], [*LOC, "steps"]]
    assert all("reps" in e.msg for e in errors)  # names the exercise's unit


def test_a_hold_is_refused_where_the_exercise_has_none() -> None:
    it = item("hip-hike", reps=12, hold_seconds=2, side=Side.RIGHT)
    (error,) = dosage_errors(it, SEED["hip-hike"], LOC)
    assert error.loc == [*LOC, "hold_seconds"] and "hip-hike" in error.msg


def test_a_steps_exercise_needs_steps_only() -> None:
    assert locs(item("monster-walk", steps=20), "monster-walk") == []
    assert locs(item("monster-walk", reps=20, hold_seconds=1), "monster-walk") == [
        [*LOC, "reps"],
        [*LOC, "steps"],
        [*LOC, "hold_seconds"],
    ]


def test_a_timed_exercise_needs_a_positive_hold_and_no_count() -> None:
    plank = SEED["clamshell"].model_copy(
        update={"dosage": SEED["clamshell"].dosage.model_copy(update={"unit": DosageUnit.SECONDS})}
    )
    assert dosage_errors(item("x", hold_seconds=30, side=Side.LEFT), plank) == []
    assert [
        e.loc for e in dosage_errors(item("x", reps=5, hold_seconds=0, side=Side.LEFT), plank)
    ] == [
        ["reps"],
        ["hold_seconds"],
    ]


def test_side_is_required_for_unilateral_and_refused_for_bilateral_exercises() -> None:
    assert locs(item("step-down", reps=10), "step-down") == [[*LOC, "side"]]
    assert locs(item("side-stepping", steps=15, side=Side.BOTH), "side-stepping") == [
        [*LOC, "side"]
    ]
