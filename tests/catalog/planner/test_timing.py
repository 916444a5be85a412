"""Routine timing and the timer timeline: one formula, and intervals that add up to it."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings

from app.catalog.exercises.models import ExerciseSpec
from app.catalog.exercises.seed import load_seed
from app.catalog.planner.models import ItemDosage
from app.catalog.planner.rules import SWITCH_SIDE_SECONDS
from app.catalog.planner.timing import item_seconds, routine_seconds, timeline
from app.core.vocabulary import DosageUnit, IntervalKind, Side
from tests.catalog.planner.strategies import routines

SEED = {e.slug: e for e in load_seed().exercises}


def item(exercise: str, **dosage: object) -> ItemDosage:
    """An item with a plain default dosage; override what the test is about."""
    base: dict[str, object] = {"exercise": exercise, "sets": 2, "rest_seconds": 30}
    base.update(dosage)
    return ItemDosage.model_validate(base)


@settings(max_examples=150, deadline=None)
@given(routines())
def test_timeline_seconds_always_add_up_to_routine_seconds(
    routine: tuple[list[ItemDosage], dict[str, ExerciseSpec]],
) -> None:
    items, exercises = routine
    intervals = timeline(items, exercises)
    assert sum(i.seconds for i in intervals) == routine_seconds(items, exercises)
    assert all(i.seconds >= 1 for i in intervals)


@settings(max_examples=150, deadline=None)
@given(routines())
def test_routine_seconds_is_item_seconds_without_the_final_rest(
    routine: tuple[list[ItemDosage], dict[str, ExerciseSpec]],
) -> None:
    items, exercises = routine
    full = sum(item_seconds(i, exercises[i.exercise]) for i in items)
    final_rest = items[-1].rest_seconds if items else 0
    assert routine_seconds(items, exercises) == full - final_rest


def test_clamshell_on_both_sides_follows_the_documented_formula() -> None:
    clamshell = item("clamshell", reps=10, hold_seconds=3, side=Side.BOTH, rest_seconds=40)
    # 2 sides x 2 sets x 10 reps x (2 s tempo + 3 s hold) + one switch + 3 rests (not the last)
    expected = 2 * 2 * 10 * (2 + 3) + SWITCH_SIDE_SECONDS + 3 * 40
    assert routine_seconds([clamshell], SEED) == expected == 330


def test_held_reps_get_a_work_and_a_hold_interval_each() -> None:
    clamshell = item("clamshell", sets=1, reps=3, hold_seconds=4, side=Side.LEFT)
    kinds = [(i.kind, i.seconds) for i in timeline([clamshell], SEED)]
    assert kinds == [(IntervalKind.WORK, 2), (IntervalKind.HOLD, 4)] * 3


def test_unheld_reps_get_one_work_interval_per_set_with_rest_between() -> None:
    swing = item("side-lying-leg-swing", sets=2, reps=10, side=Side.RIGHT, rest_seconds=30)
    intervals = timeline([swing], SEED)
    assert [(i.kind, i.set, i.side, i.seconds) for i in intervals] == [
        (IntervalKind.WORK, 1, Side.RIGHT, 40),
        (IntervalKind.REST, 1, Side.RIGHT, 30),
        (IntervalKind.WORK, 2, Side.RIGHT, 40),
    ]


def test_steps_per_direction_count_twice() -> None:
    walk = item("monster-walk", sets=1, steps=20)
    assert routine_seconds([walk], SEED) == 20 * 1 * 2


def test_both_sides_do_every_left_set_then_switch_once_then_the_right() -> None:
    clamshell = item("clamshell", sets=2, reps=10, side=Side.BOTH)
    intervals = timeline([clamshell], SEED)
    switches = [i for i in intervals if i.kind is IntervalKind.SWITCH_SIDE]
    assert len(switches) == 1 and switches[0].seconds == SWITCH_SIDE_SECONDS
    sides = [i.side for i in intervals if i.kind is IntervalKind.WORK]
    assert sides == [Side.LEFT, Side.LEFT, Side.RIGHT, Side.RIGHT]
    assert intervals.index(switches[0]) == len(intervals) // 2


def test_rest_separates_items_but_not_after_the_last_set_of_the_routine() -> None:
    items = [
        item("monster-walk", sets=1, steps=20, rest_seconds=60),
        item("side-stepping", sets=1, steps=15, rest_seconds=45),
    ]
    intervals = timeline(items, SEED)
    assert [i.kind for i in intervals] == [IntervalKind.WORK, IntervalKind.REST, IntervalKind.WORK]
    assert intervals[1].seconds == 60 and "Side stepping" in intervals[1].cue


def test_item_seconds_counts_the_rest_after_every_set_unless_last() -> None:
    walk = item("monster-walk", sets=3, steps=20, rest_seconds=60)
    assert item_seconds(walk, SEED["monster-walk"]) == 3 * 40 + 3 * 60
    assert item_seconds(walk, SEED["monster-walk"], last=True) == 3 * 40 + 2 * 60


def test_a_timed_exercise_set_is_one_hold_interval() -> None:
    plank = SEED["clamshell"].model_copy(
        update={
            "slug": "side-plank",
            "dosage": SEED["clamshell"].dosage.model_copy(update={"unit": DosageUnit.SECONDS}),
        }
    )
    held = item("side-plank", sets=2, hold_seconds=20, side=Side.LEFT, rest_seconds=15)
    intervals = timeline([held], {"side-plank": plank})
    assert [(i.kind, i.seconds) for i in intervals] == [
        (IntervalKind.HOLD, 20),
        (IntervalKind.REST, 15),
        (IntervalKind.HOLD, 20),
    ]


def test_work_cues_go_round_the_exercises_cues() -> None:
    clamshell = item("clamshell", sets=1, reps=4, hold_seconds=3, side=Side.LEFT)
    cues = [i.cue for i in timeline([clamshell], SEED) if i.kind is IntervalKind.WORK]
    expected = SEED["clamshell"].cues_text()
    placed = "Lie on your right side; your left (top) leg does the work."
    again = "Left leg (lying on your right side): "
    assert cues == [
        f"{placed} {expected[0]}",
        again + expected[1],
        again + expected[2],
        again + expected[0],
    ]
    holds = Counter(i.cue for i in timeline([clamshell], SEED) if i.kind is IntervalKind.HOLD)
    assert holds == {again + "Hold for 3 s.": 4}


def test_switch_side_names_the_new_working_leg_and_the_new_lying_side() -> None:
    clamshell = item("clamshell", sets=1, reps=2, side=Side.BOTH)
    (switch,) = [i for i in timeline([clamshell], SEED) if i.kind is IntervalKind.SWITCH_SIDE]
    assert (switch.side, switch.lie_on) == (Side.RIGHT, Side.LEFT)
    assert switch.cue == "Switch sides: now lie on your left side; your right (top) leg works."
    step_down = item("step-down", sets=1, reps=2, side=Side.BOTH)
    (switch,) = [i for i in timeline([step_down], SEED) if i.kind is IntervalKind.SWITCH_SIDE]
    assert (switch.side, switch.lie_on) == (Side.RIGHT, None)
    assert switch.cue == "Switch legs: now stand on your right leg; it does the work."
