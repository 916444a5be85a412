"""The routine builder: a pure, deterministic function from (catalog, constraints) to a plan.

No FastAPI and no database here: callers pass plain `ExerciseSpec`s and the ladder.
"""

from app.catalog.planner.models import (
    Constraints,
    DosageLike,
    Interval,
    ItemDosage,
    Plan,
    PlanItem,
    ProgressionChange,
    WeekPlan,
)
from app.catalog.planner.planner import build_plan
from app.catalog.planner.rules import LEVEL_RULES, level_table_markdown
from app.catalog.planner.timing import item_seconds, routine_seconds, timeline
from app.catalog.planner.validation import dosage_errors
from app.core.vocabulary import AffectedSide, Difficulty, Emphasis, Goal, IntervalKind, Side

__all__ = [
    "LEVEL_RULES",
    "AffectedSide",
    "Constraints",
    "Difficulty",
    "DosageLike",
    "Emphasis",
    "Goal",
    "Interval",
    "IntervalKind",
    "ItemDosage",
    "Plan",
    "PlanItem",
    "ProgressionChange",
    "Side",
    "WeekPlan",
    "build_plan",
    "dosage_errors",
    "item_seconds",
    "level_table_markdown",
    "routine_seconds",
    "timeline",
]
