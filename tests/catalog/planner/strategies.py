"""Hypothesis strategies for the builder: random catalogs, ladders, constraints and items.

Catalogs stay valid `ExerciseSpec`s: bilateral exactly when both legs work, and no piece
of equipment both required and optional.
"""

from __future__ import annotations

from itertools import product
from typing import Any

from hypothesis import strategies as st

from app.catalog.exercises.models import ExerciseSpec
from app.catalog.planner.models import Constraints, ItemDosage
from app.core.vocabulary import (
    AffectedSide,
    Difficulty,
    DosageUnit,
    Emphasis,
    Goal,
    Laterality,
    Position,
    ProgressionKind,
    Provenance,
    Side,
    WorkingLeg,
)

SLUGS = [f"exercise-{i}" for i in range(10)]
EQUIPMENT = ["step", "resistance-band", "wall", "mat"]
CUES = [
    "The knee of the standing leg travels straight over the toes.",
    "The pelvis stays level.",
    "The upper body stays still throughout.",
    "Shoulders stay level.",
    "Heels stay still and in contact.",
    "Lower slowly.",
]
STEPS = [
    "Stand on your affected leg.",
    "Lie on your unaffected side.",
    "Move slowly and with control.",
    "Use a step about 5-10 cm high.",
]
PROGRESSION_TEXTS = [
    "Add repetitions, up to {n} per set.",
    "Raise the step from about 5 cm toward 10 cm.",
    "Go a little further each week.",
]
FORWARD_KINDS = [
    ProgressionKind.MORE_REPS,
    ProgressionKind.LONGER_HOLD,
    ProgressionKind.DEEPER_KNEE_BEND,
    ProgressionKind.HIGHER_STEP,
    ProgressionKind.LONGER_STEPS,
    ProgressionKind.SLOWER_TEMPO,
    ProgressionKind.MORE_RANGE,
]


# Each hypothesis draw costs time, so an exercise is a handful of draws from pools of
# pre-combined, valid field groups (thousands of dosages, every position x difficulty x leg).
_PROGRESSIONS = [
    {"kind": kind, "description": text.format(n=n), "provenance": provenance}
    for kind in FORWARD_KINDS
    for provenance in Provenance
    for text, n in zip(PROGRESSION_TEXTS, (15, 0, 0), strict=True)
]
_COUNTS = [(None, None), (10, 20), (20, 30), (None, 15), (8, None), (1, 1), (30, 40), (12, 12)]
_HOLDS = [(None, None), (3, 5), (1, 1), (0, 2), (None, 10), (20, 30)]
_LEGS = [
    (Laterality.BILATERAL, WorkingLeg.BOTH_LEGS),
    (Laterality.UNILATERAL, WorkingLeg.TOP_LEG),
    (Laterality.UNILATERAL, WorkingLeg.STANCE_LEG),
]
_KINDS = [
    {"position": p, "difficulty": d, "laterality": lat, "working_leg": leg}
    for p, d, (lat, leg) in product(Position, Difficulty, _LEGS)
]
_GEAR = [
    {"equipment": req, "optional_equipment": [o for o in opt if o not in req]}
    for req, opt in product(
        [[], [], ["step"], ["wall"], ["resistance-band"], ["step", "resistance-band"]],
        [[], ["wall"], ["mat"]],
    )
]
_CUE_SETS = [[], *[[c] for c in CUES], *[[a, b] for a in CUES for b in CUES if a < b]]
_TEXTS = [
    {"steps": steps, "cues": cues}
    for steps, cues in product([STEPS[:1], STEPS[1:2], STEPS[2:], STEPS], _CUE_SETS)
]
_DOSAGES = [
    {
        "unit": unit,
        "count_min": counts[0],
        "count_max": counts[1],
        "hold_seconds_min": holds[0],
        "hold_seconds_max": holds[1],
        "sets": sets,
        "rest_seconds": rest,
        "per_direction": per_direction,
    }
    for unit, counts, holds, sets, rest, per_direction in product(
        DosageUnit, _COUNTS, _HOLDS, [None, 1, 3], [None, 0, 30, 90], [False, True]
    )
]
_DEFAULTS = [
    {
        "sets": sets,
        "count": count,
        "hold_seconds": hold,
        "rest_seconds": rest,
        "seconds_per_rep": tempo,
        "note": "Medius default.",
    }
    for sets, count, hold, rest, tempo in product(
        range(1, 5), [None, 1, 8, 10, 15, 30], [None, 0, 1, 3, 10], [0, 15, 30, 60, 90], (1, 3, 6)
    )
]


def _spec(parts: tuple[dict[str, Any], ...]) -> dict[str, Any]:
    kind, gear, texts, dosage, default, progressions = parts
    return {
        "name": "Random exercise",
        "summary": "A random exercise.",
        **kind,
        **gear,
        **texts,
        "dosage": dosage,
        "default_dosage": default,
        "progressions": progressions,
        "muscles": ["gluteus-medius"],
    }


EXERCISE_FIELDS = st.tuples(
    st.sampled_from(_KINDS),
    st.sampled_from(_GEAR),
    st.sampled_from(_TEXTS),
    st.sampled_from(_DOSAGES),
    st.sampled_from(_DEFAULTS),
    st.lists(st.sampled_from(_PROGRESSIONS), max_size=3, unique_by=lambda p: p["kind"]),
).map(_spec)

# Exercises that reach the top of their range within a few weeks: no progressions listed
# and narrow ranges, so the ladder moves of a 12-week plan actually happen.
QUICK_EXERCISE_FIELDS = st.tuples(
    st.sampled_from(_KINDS),
    st.sampled_from(_GEAR),
    st.sampled_from(_TEXTS),
    st.sampled_from(
        [d for d in _DOSAGES if d["count_min"] in (None, 1, 12) and d["count_max"] in (None, 1, 12)]
    ),
    st.sampled_from([d for d in _DEFAULTS if d["count"] in (None, 1, 8, 10)]),
    st.just([]),
).map(_spec)


@st.composite
def catalogs(draw: st.DrawFn, quick: bool = False) -> tuple[list[ExerciseSpec], list[str]]:
    """A catalog of 1-6 random exercises and a ladder over some of them.

    `quick`: exercises that top out fast, at least three of them, all on the ladder.
    """
    slugs = draw(
        st.lists(st.sampled_from(SLUGS), unique=True, min_size=3 if quick else 1, max_size=6)
    )
    strategy = QUICK_EXERCISE_FIELDS if quick else EXERCISE_FIELDS
    fields = draw(st.lists(strategy, min_size=len(slugs), max_size=len(slugs)))
    exercises = [
        ExerciseSpec.model_validate({**f, "slug": slug})
        for slug, f in zip(slugs, fields, strict=True)
    ]
    ladder = draw(st.permutations(slugs))
    return exercises, ladder if quick else ladder[: draw(st.integers(0, len(ladder)))]


@st.composite
def constraints(draw: st.DrawFn, min_weeks: int = 1, min_minutes: int = 1) -> Constraints:
    """Random constraints; `min_weeks`/`min_minutes` steer towards long progressions."""
    fields: dict[str, Any] = {
        "level": draw(st.sampled_from(Difficulty)),
        "minutes": draw(
            st.integers(min_minutes, max(min_minutes, 10)) | st.integers(min_minutes, 120)
        ),
        "equipment": draw(
            st.none() | st.lists(st.sampled_from([*EQUIPMENT, "foam-roller"]), max_size=4)
        ),
        "exclude_positions": draw(st.lists(st.sampled_from(Position), unique=True, max_size=3)),
        "affected_side": draw(st.sampled_from(AffectedSide)),
        "goal": draw(st.sampled_from(Goal)),
        "sessions_per_week": draw(st.integers(1, 7)),
        "weeks": draw(st.integers(min_weeks, 12)),
        "emphasis": draw(st.lists(st.sampled_from(Emphasis), unique=True, max_size=3)),
    }
    return Constraints(**fields)


_ITEM_DOSAGES = [
    {
        "sets": sets,
        "reps": reps,
        "steps": steps,
        "hold_seconds": hold,
        "side": side,
        "rest_seconds": rest,
    }
    for sets, reps, steps, hold, side, rest in product(
        (1, 2, 3, 10),
        (None, 1, 10, 100),
        (None, 1, 15, 100),
        (None, 0, 3, 300),
        (None, *Side),
        (0, 30, 600),
    )
]


@st.composite
def routines(draw: st.DrawFn) -> tuple[list[ItemDosage], dict[str, ExerciseSpec]]:
    """Random items over a random catalog; the dosage fields need not obey the unit rule."""
    exercises, _ = draw(catalogs())
    picks = draw(
        st.lists(
            st.tuples(st.integers(0, len(exercises) - 1), st.sampled_from(_ITEM_DOSAGES)),
            max_size=6,
        )
    )
    items = [ItemDosage(exercise=exercises[i].slug, **dosage) for i, dosage in picks]
    return items, {e.slug: e for e in exercises}
