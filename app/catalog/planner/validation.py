"""The dosage-fields rule every routine item obeys, as a pure check the routines service reuses.

- unit `reps`: `reps` set, `steps` null, `hold_seconds` only if the exercise has a hold
  (clamshell 3-5 s, lying wall angel 1 s), else null;
- unit `steps`: `steps` set, `reps` and `hold_seconds` null;
- unit `seconds`: `hold_seconds` set (at least 1), `reps` and `steps` null;
- `side`: left, right or both for unilateral exercises, null for bilateral ones.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from app.catalog.exercises.models import ExerciseSpec
from app.catalog.planner.dosing import has_hold
from app.catalog.planner.models import DosageLike
from app.core.errors import FieldError
from app.core.vocabulary import DosageUnit, Laterality, Side

_SIDES = ", ".join(s.value for s in Side)


def known_spec(
    specs: Mapping[str, ExerciseSpec],
    slug: str,
    loc: Sequence[str | int],
    errors: list[FieldError],
) -> ExerciseSpec | None:
    """The spec of the exercise a routine item or session entry names; an unknown slug
    adds its error (at `loc` + "exercise") to `errors` and gives None."""
    spec = specs.get(slug)
    if spec is None:
        errors.append(
            FieldError([*loc, "exercise"], f"unknown exercise {slug!r}", "unknown_reference")
        )
    return spec


def dosage_errors(
    item: DosageLike, exercise: ExerciseSpec, loc: Sequence[str | int] = ()
) -> list[FieldError]:
    """What is wrong with `item`'s dosage fields for `exercise`; `loc` prefixes each error."""
    unit = exercise.dosage.unit
    errors: list[FieldError] = []

    def need(field: str, value: int | None, present: bool, why: str) -> None:
        if present and value is None:
            errors.append(
                FieldError([*loc, field], f"{field} is required: {why}", "dosage_unit_missing")
            )
        elif not present and value is not None:
            errors.append(
                FieldError([*loc, field], f"{field} must be null: {why}", "dosage_unit_mismatch")
            )

    counted = f"{exercise.slug} is dosed in {unit.value}"
    need("reps", item.reps, unit is DosageUnit.REPS, counted)
    need("steps", item.steps, unit is DosageUnit.STEPS, counted)
    if unit is DosageUnit.SECONDS:
        need("hold_seconds", item.hold_seconds, True, counted)
        if item.hold_seconds == 0:
            errors.append(
                FieldError(
                    [*loc, "hold_seconds"],
                    f"hold_seconds must be at least 1: {counted}",
                    "dosage_unit_mismatch",
                )
            )
    elif unit is DosageUnit.REPS and has_hold(exercise):
        pass  # a hold is allowed, not required
    else:
        need("hold_seconds", item.hold_seconds, False, f"{counted} with no hold")

    if exercise.laterality is Laterality.UNILATERAL:
        if item.side is None or item.side not in {s.value for s in Side}:
            errors.append(
                FieldError(
                    [*loc, "side"],
                    f"side must be one of {_SIDES}: {exercise.slug} is unilateral",
                    "side_required",
                )
            )
    elif item.side is not None:
        errors.append(
            FieldError(
                [*loc, "side"], f"side must be null: {exercise.slug} is bilateral", "side_forbidden"
            )
        )
    return errors
