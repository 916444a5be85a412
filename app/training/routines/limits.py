"""What a routine may cost: its length per session, its plan, and how many one user keeps.

Every routine, however it arrives (posted, patched, copied, saved by the builder), is held
to the builder's own ceilings, so no client can make a timeline, a handout or a PDF that
costs more than a routine the builder could have planned.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence

from sqlmodel import Session

from app.catalog.exercises.models import ExerciseSpec
from app.catalog.planner.models import (
    MAX_SESSION_MINUTES,
    MAX_SESSION_SECONDS,
    DosageLike,
    WeekPlan,
)
from app.catalog.planner.timing import routine_seconds
from app.core.errors import FieldError, Invalid, QuotaExceeded
from app.core.types import JSONObject
from app.training.routines import repository
from app.training.routines.models import MAX_VERSIONS, RoutineItemIn

# Per-user quota (README, "Limits"): far above any real use, low enough that one account
# cannot fill the database.
MAX_ROUTINES_PER_USER = 200

DOSAGE_FIELDS = ("exercise", "sets", "reps", "steps", "hold_seconds", "side", "rest_seconds")


def check_duration(
    items: Sequence[DosageLike],
    specs: Mapping[str, ExerciseSpec],
    loc: Sequence[str | int],
) -> int:
    """The routine's seconds per session, or Invalid when over the builder's ceiling."""
    seconds = routine_seconds(items, specs)
    if seconds > MAX_SESSION_SECONDS:
        minutes = -(-seconds // 60)
        raise Invalid(
            f"The routine takes {minutes} minutes per session; the most is "
            f"{MAX_SESSION_MINUTES} minutes. Use fewer sets, reps or items.",
            errors=[
                FieldError(
                    list(loc),
                    f"takes {seconds} s per session; at most {MAX_SESSION_SECONDS} s",
                    "routine_too_long",
                )
            ],
        )
    return seconds


def check_progression(
    progression: Sequence[WeekPlan],
    routine_items: Sequence[DosageLike],
    build: Callable[
        [Sequence[RoutineItemIn], Sequence[str | int]], tuple[Sequence[DosageLike], int]
    ],
) -> list[JSONObject]:
    """A client's plan checked like the builder's own, as it is stored (JSON).

    Weeks run 1, 2, ... in order; week 1 is the routine itself; every week's items pass
    `build` (known, live exercises, dosage fitting each exercise, at most the session
    ceiling), and each week's `estimated_seconds` is recomputed rather than trusted.
    `build` checks one week's items and returns them with their seconds per session.
    """
    loc: list[str | int] = ["body", "progression"]
    numbers = [w.week for w in progression]
    if numbers != list(range(1, len(numbers) + 1)):
        raise Invalid(
            "The progression's weeks must be numbered 1, 2, ... in order, each once.",
            errors=[FieldError(loc, "weeks must be 1, 2, ... in order", "progression_weeks")],
        )
    errors: list[FieldError] = []
    stored: list[JSONObject] = []
    for index, week in enumerate(progression):
        week_loc = [*loc, index]
        if index == 0 and week.changes:
            errors.append(
                FieldError([*week_loc, "changes"], "week 1 has no changes", "progression_week_1")
            )
        ordered = sorted(week.items, key=lambda i: i.order)
        candidates = [RoutineItemIn.model_validate(i.model_dump()) for i in ordered]
        try:
            built, seconds = build(candidates, [*week_loc, "items"])
        except Invalid as exc:
            errors += exc.errors
            continue
        if index == 0 and _dosages(built) != _dosages(routine_items):
            errors.append(
                FieldError(
                    [*week_loc, "items"],
                    "week 1 must be the routine's own items, in order, with the same dosage",
                    "progression_week_1",
                )
            )
        stored.append({**week.model_dump(mode="json"), "estimated_seconds": seconds})
    if errors:
        raise Invalid("The progression does not fit its exercises; see `errors`.", errors=errors)
    return stored


def _dosages(items: Sequence[DosageLike]) -> list[tuple[object, ...]]:
    return [tuple(getattr(i, f) for f in DOSAGE_FIELDS) for i in items]


def check_routine_quota(session: Session, owner_id: uuid.UUID) -> None:
    """409 quota-exceeded (transaction rolled back) when the owner keeps the most routines
    of their own allowed (prescriptions are not counted: they have their own limit).

    Call inside the writing transaction (after `begin_write`): the owner's row is locked
    first (SQLite's write lock already serialises writers), so concurrent creates are
    counted one after the other and never overshoot.
    """
    count = repository.lock_owner_and_count_routines(session, owner_id)
    if count >= MAX_ROUTINES_PER_USER:
        session.rollback()
        raise QuotaExceeded(
            f"You keep {count} routines of your own, the most one account may keep "
            f"({MAX_ROUTINES_PER_USER}; routines prescribed to you are not counted); "
            "delete one first."
        )


def check_prescription_quota(
    session: Session, patient_id: uuid.UUID, clinic_id: uuid.UUID, most: int
) -> None:
    """409 quota-exceeded (rolled back) when the clinic already keeps `most` prescriptions
    for the patient: a clinic's own limit, so it never uses up the patient's routines.
    Locks like `check_routine_quota`, so concurrent prescriptions never overshoot."""
    count = repository.lock_owner_and_count_prescriptions(session, patient_id, clinic_id)
    if count >= most:
        session.rollback()
        raise QuotaExceeded(
            f"This clinic has {count} prescriptions for this patient, the most one clinic "
            f"may keep for one patient ({most}); revise one of them instead (the patient's "
            "own routines are not affected)."
        )


def check_versions(version: int) -> None:
    """409 quota-exceeded when the routine already has the most versions one may keep."""
    if version >= MAX_VERSIONS:
        raise QuotaExceeded(
            f"This routine has {version} versions, the most one routine keeps "
            f"({MAX_VERSIONS}); copy it (POST /api/v1/routines/{{id}}/copy) to start afresh."
        )
