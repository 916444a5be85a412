"""Which leg works and how the body is placed, in the person's own left and right.

The ONE place that turns (exercise, side) into words. The routine items, the builder's
plan items, the timeline and the handout (HTML and PDF) all read it, so a patient never
has to work out that "right side" on a side-lying exercise means "lie on your LEFT side,
the right leg on top does the work".

`side` on an item always names the working leg. For top-leg (side-lying) work the body
lies on the other side; for stance-leg work the person stands on the working leg.
"""

from __future__ import annotations

import re

from app.catalog.exercises.models import ExerciseSpec
from app.catalog.planner.models import Placement, SideBody
from app.core.vocabulary import Laterality, Side, WorkingLeg

_OTHER = {Side.LEFT: Side.RIGHT, Side.RIGHT: Side.LEFT}


def working_sides(side: Side | None) -> list[Side]:
    """The working legs, in the order they are trained: `both` is left, then right."""
    if side is None:
        return []
    return [Side.LEFT, Side.RIGHT] if side is Side.BOTH else [Side(side)]


def placement(exercise: ExerciseSpec, leg: Side) -> Placement:
    """How to do `exercise` with `leg` (left or right) working."""
    if leg is Side.BOTH:
        raise ValueError("a placement is for one leg; use placements() for both")
    other = _OTHER[leg]
    if exercise.working_leg is WorkingLeg.TOP_LEG:
        return Placement(
            working_leg=leg,
            lie_on=other,
            stand_on=None,
            instruction=f"Lie on your {other} side; your {leg} (top) leg does the work.",
        )
    on_step = " on the step" if "step" in exercise.equipment else ""
    return Placement(
        working_leg=leg,
        lie_on=None,
        stand_on=leg,
        instruction=f"Stand on your {leg} leg{on_step}; your {leg} leg does the work "
        f"and the {other} leg is the free one.",
    )


def placements(exercise: ExerciseSpec, side: Side | None) -> list[Placement]:
    """One placement per working leg, in training order; none for bilateral work."""
    if exercise.laterality is Laterality.BILATERAL:
        return []
    return [placement(exercise, leg) for leg in working_sides(side)]


def lie_on(exercise: ExerciseSpec, side: Side | None) -> Side | None:
    """The side to lie on (both when both legs are trained in turn); null if not side-lying."""
    if exercise.working_leg is not WorkingLeg.TOP_LEG or side is None:
        return None
    return Side.BOTH if side is Side.BOTH else _OTHER[Side(side)]


AFFECTED_MEANS_WORKING = (
    'In the steps, "affected" means the working leg named here and "unaffected" the other.'
)


def reading_note(exercise: ExerciseSpec, side: Side | None) -> str | None:
    """For steps that say "affected": which leg that is, when the reader has no affected
    leg (both sides trained) or may not think of theirs by that word."""
    if exercise.laterality is Laterality.BILATERAL or side is None:
        return None
    if any(re.search(r"\b(un)?affected\b", s.text, re.I) for s in exercise.steps):
        return AFFECTED_MEANS_WORKING
    return None


def switch_cue(exercise: ExerciseSpec, new: Placement) -> str:
    """The timer's `switch_side` words: the new working leg, and the new lying side."""
    if new.lie_on is not None:
        return (
            f"Switch sides: now lie on your {new.lie_on} side; "
            f"your {new.working_leg} (top) leg works."
        )
    return f"Switch legs: now stand on your {new.working_leg} leg; it does the work."


def leg_prefix(new: Placement) -> str:
    """A short reminder before every cue of a unilateral set."""
    if new.lie_on is not None:
        return f"{new.working_leg.capitalize()} leg (lying on your {new.lie_on} side): "
    return f"{new.working_leg.capitalize()} leg: "


def item_fields(exercise: ExerciseSpec, side: Side | None) -> SideBody:
    """The additive wire fields of an item: `working_leg`, `lie_on` and `placement`."""
    if exercise.laterality is Laterality.BILATERAL:
        return {"working_leg": None, "lie_on": None, "placement": []}
    return {
        "working_leg": side,
        "lie_on": lie_on(exercise, side),
        "placement": placements(exercise, side),
    }
