"""Medius' rules for building a routine, kept as data: the ONE level table, goals, timing.

Everything here is Medius' choice unless a row says it comes from the article; the
README renders `level_table_markdown()` so the documentation and the code never drift.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.vocabulary import Difficulty, Emphasis, Goal


@dataclass(frozen=True, slots=True)
class LevelRule:
    """How one level is served: which exercises, where in the ranges, how much."""

    difficulties: tuple[Difficulty, ...]
    range_position: float  # 0.0 = low end of the article's range, 1.0 = high end
    range_label: str
    sets: tuple[int, int]  # (normal, performance goal); Medius' choice, the article gives none
    rest_multiplier: float  # times the exercise's rest
    max_exercises: int
    hardest_first: bool  # walk the ladder from its hard end


_B, _I, _A = Difficulty.BEGINNER, Difficulty.INTERMEDIATE, Difficulty.ADVANCED
_LevelRow = tuple[tuple[Difficulty, ...], float, str, tuple[int, int], float, int, bool]
# The level table, one row a level, in LevelRule's field order.
# fmt: off
_LEVEL_ROWS: dict[Difficulty, _LevelRow] = {
    #     difficulties  range  label         sets    rest   max  hardest first
    _B: ((_B,),         0.0,   "low end",    (2, 2), 1.25,  3,   False),
    _I: ((_B, _I),      0.5,   "middle",     (2, 3), 1.0,   4,   True),
    _A: ((_I, _A),      1.0,   "high end",   (3, 3), 0.75,  5,   True),
}
# fmt: on
LEVEL_RULES: dict[Difficulty, LevelRule] = {
    level: LevelRule(*row) for level, row in _LEVEL_ROWS.items()
}


@dataclass(frozen=True, slots=True)
class GoalRule:
    """How a goal shifts the level's dosage."""

    position_shift: float  # added to the level's range position, clamped to 0..1
    rest_multiplier: float
    top_sets: bool  # take the level's higher set count
    summary: str


GOAL_RULES: dict[Goal, GoalRule] = {
    Goal.REHAB: GoalRule(-0.5, 1.5, False, "half a range lower, 50% more rest"),
    Goal.PREVENTION: GoalRule(0.0, 1.0, False, "as the level says"),
    Goal.PERFORMANCE: GoalRule(0.5, 1.0, True, "half a range higher, the level's top sets"),
}

# --- Timing ------------------------------------------------------------------------------

SWITCH_SIDE_SECONDS = 10
"""Turning over or changing the stance leg between the left and the right side."""

REST_ROUNDING_SECONDS = 5

# --- Dosage defaults and progression steps (all Medius') ----------------------------------

FALLBACK_COUNT = 10
"""Reps or steps per set when neither the article nor the default dosage gives one."""
FALLBACK_HOLD_SECONDS = 30
"""Seconds per set for a timed exercise that gives no figure at all."""
MEDIUS_COUNT_BEYOND = 1.25
"""Medius' reps/steps ceiling beyond the article's range: its top times this."""
MEDIUS_COUNT_GROWTH = 1.5
"""Medius' reps/steps ceiling when the article is silent: the default times this."""
MEDIUS_HOLD_EXTRA_SECONDS = 2
"""Hold seconds Medius adds beyond the article's longest hold (only with a longer-hold step)."""
SHRINK_COUNT_FLOOR = 0.5
"""Shrinking to fit a tiny time budget stops at this share of the starting reps/steps."""
REPS_INCREMENT = 2
STEPS_INCREMENT = 5
HOLD_INCREMENT_SECONDS = 1
TIMED_HOLD_INCREMENT_SECONDS = 5
STEP_HEIGHT_INCREMENT_CM = 2
FALLBACK_STEP_HEIGHT_CM = (5, 10)
QUALITATIVE_STAGES = 2
"""How many times a non-numeric progression (deeper knee bend, slower tempo) is applied."""
LEVEL_ABOVE_IN_LATER_WEEKS = 1
"""How far above the level's ceiling a ladder move may go in weeks 2+ (marked medius)."""

# --- Emphasis: what a cue must say to count -----------------------------------------------

EMPHASIS_PATTERNS: dict[Emphasis, re.Pattern[str]] = {
    Emphasis.KNEE_OVER_TOES: re.compile(r"\bknees?\b.*\b(over|toward)\b.*\btoes?\b", re.I),
    Emphasis.PELVIS_LEVEL: re.compile(r"\b(pelvis|hips?)\b.*\blevel\b", re.I),
    Emphasis.TRUNK_UPRIGHT: re.compile(
        r"\b(upper body|trunk|shoulders?)\b.*\b(still|quiet|level|parallel|upright)\b", re.I
    ),
}

DISCLAIMER = (
    "Medius is an exercise guide, not medical advice and not a diagnosis. Stop an exercise "
    "that causes pain, and see a qualified clinician about pain or injury."
)


def level_table_markdown() -> str:
    """The level and goal tables as Markdown, for the README."""
    rows = [
        "| level | difficulties | dose in the article's ranges | sets (Medius) "
        "| rest x | max exercises | ladder order |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for level, rule in LEVEL_RULES.items():
        low, high = rule.sets
        sets = str(low) if low == high else f"{low}-{high} ({high} for performance)"
        rows.append(
            f"| {level} | {', '.join(rule.difficulties)} | {rule.range_label} | {sets} "
            f"| {rule.rest_multiplier:g} | {rule.max_exercises} "
            f"| {'hardest allowed first' if rule.hardest_first else 'easiest first'} |"
        )
    rows += ["", "| goal | dose shift | sets | rest x |", "| --- | --- | --- | --- |"]
    for goal, g in GOAL_RULES.items():
        rows.append(
            f"| {goal} | {g.position_shift:+g} range | {'top' if g.top_sets else 'level'} "
            f"| {g.rest_multiplier:g} |"
        )
    return "\n".join(rows)
