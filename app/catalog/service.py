"""Catalog rules: filter validation and turning rows into public models."""

from __future__ import annotations

from sqlmodel import Session

from app.catalog import repository
from app.catalog.models import (
    EquipmentPublic,
    Exercise,
    ExercisePublic,
    MusclePublic,
)
from app.catalog.repository import ExerciseFilter
from app.core.errors import FieldError, Invalid, NotFound
from app.core.pagination import Page, parse_sort


def to_public(row: Exercise) -> ExercisePublic:
    return ExercisePublic.model_validate(
        {
            **row.document,
            "revision": row.revision,
            "created_at": row.created_at,
            "updated_at": row.updated_at,
        }
    )


def _require_known(values: list[str], known: set[str], param: str) -> None:
    unknown = sorted(set(values) - known)
    if unknown:
        allowed = ", ".join(sorted(known))
        raise Invalid(
            f"Unknown {param} {', '.join(unknown)}; allowed: {allowed}.",
            errors=[FieldError(["query", param], f"allowed: {allowed}", "enum")],
        )


def list_exercises(
    session: Session, flt: ExerciseFilter, sort: str | None, cursor: str | None, limit: int
) -> Page[ExercisePublic]:
    order = parse_sort(sort, repository.SORTABLE, default="catalog_order")
    if flt.equipment:
        _require_known(flt.equipment, repository.equipment_slugs(session), "equipment")
    if flt.muscles:
        _require_known(flt.muscles, repository.muscle_slugs(session), "muscle")
    rows, next_cursor = repository.list_exercises(session, flt, order, cursor, limit)
    return Page[ExercisePublic](items=[to_public(r) for r in rows], next_cursor=next_cursor)


def get_exercise(session: Session, slug: str) -> ExercisePublic:
    row = repository.get_exercise(session, slug)
    if row is None:
        raise NotFound(f"No exercise with slug {slug!r}.")
    return to_public(row)


def list_equipment(session: Session) -> list[EquipmentPublic]:
    return [
        EquipmentPublic.model_validate({**item.model_dump(), "exercise_count": count})
        for item, count in repository.equipment_with_counts(session)
    ]


def list_muscles(session: Session) -> list[MusclePublic]:
    by_muscle = repository.exercise_slugs_by_muscle(session)
    return [
        MusclePublic.model_validate({**m.document, "exercises": by_muscle.get(m.slug, [])})
        for m in repository.list_muscles(session)
    ]


def get_muscle(session: Session, slug: str) -> MusclePublic:
    muscle = repository.get_muscle(session, slug)
    if muscle is None:
        raise NotFound(f"No muscle with slug {slug!r}.")
    exercises = repository.exercise_slugs_by_muscle(session).get(slug, [])
    return MusclePublic.model_validate({**muscle.document, "exercises": exercises})
