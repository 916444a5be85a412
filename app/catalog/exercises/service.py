"""Catalog rules: filter validation and turning rows into public models."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

from app.catalog.exercises import repository
from app.catalog.exercises.models import (
    CatalogDocument,
    EquipmentPublic,
    Exercise,
    ExercisePublic,
    ExerciseSpec,
    ExerciseTombstone,
    ExerciseUpdate,
    MusclePublic,
)
from app.catalog.exercises.repository import ExerciseFilter
from app.catalog.exercises.seed import load_seed
from app.core.caching import conditional_write, require_if_match, revision_etag
from app.core.changes import SyncPosition, encode_token, read_changes
from app.core.db import begin_write
from app.core.errors import (
    Conflict,
    FieldError,
    Invalid,
    NotFound,
    invalid_from,
)
from app.core.pagination import SyncPage, list_order, require_sync_alone
from app.core.responses import Resource
from app.core.types import utcnow


def as_public(row: Exercise) -> ExercisePublic:
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


CATALOG_SCOPE = "catalog"


def list_exercises(
    session: Session,
    flt: ExerciseFilter,
    sort: str | None,
    cursor: str | None,
    limit: int,
    updated_since: datetime | None = None,
    sync_token: str | None = None,
    key: bytes = b"",
) -> SyncPage[ExercisePublic | ExerciseTombstone]:
    """A page of the catalog, or with `sync_token` every change after it (sync).

    `updated_since` is the deprecated sync by time: it can miss a change that commits late.
    """
    if flt.equipment:
        _require_known(flt.equipment, repository.equipment_slugs(session), "equipment")
    if flt.muscles:
        _require_known(flt.muscles, repository.muscle_slugs(session), "muscle")
    sync: str | None = None
    rows: Sequence[Exercise]
    if sync_token is not None:
        require_sync_alone(flt.narrowed, updated_since, sort, "filters, q")
        page = read_changes(
            session,
            repository.changes(),
            seq_column=col(Exercise.change_seq),
            id_column=col(Exercise.id),
            sync_token=sync_token,
            cursor=cursor,
            limit=limit,
            scope=CATALOG_SCOPE,
            key=key,
        )
        rows, next_cursor, sync = page.rows, page.next_cursor, page.sync_token
    else:
        order = list_order(sort, repository.SORTABLE, "catalog_order", updated_since)
        if updated_since is None:
            rows, next_cursor = repository.list_exercises(session, flt, order, cursor, limit)
        else:
            rows, next_cursor = repository.list_changes(
                session, flt, updated_since, cursor, limit, order
            )
    items: list[ExercisePublic | ExerciseTombstone] = [
        as_public(r)
        if r.deleted_at is None
        else ExerciseTombstone(slug=r.slug, deleted_at=r.deleted_at)
        for r in rows
    ]
    return SyncPage[ExercisePublic | ExerciseTombstone](
        items=items, next_cursor=next_cursor, sync_token=sync
    )


def catalog_document(session: Session, ladder: list[str], key: bytes) -> CatalogDocument:
    """The whole live catalog at its current revision, with the sync token to go on from.

    The revision is read before the exercises: everything up to it is committed (see
    app/core/changes.py), so the document holds at least that; a change committed in
    between may come again in the next sync, never be missed.
    """
    revision, changed_at = repository.catalog_revision(session)
    exercises = [as_public(r) for r in repository.all_exercises(session)]
    live = {e.slug for e in exercises}
    return CatalogDocument(
        version=revision,
        changed_at=changed_at,
        source=load_seed().source,
        exercises=exercises,
        muscles=list_muscles(session),
        equipment=list_equipment(session),
        ladder=[slug for slug in ladder if slug in live],
        sync_token=encode_token(SyncPosition(revision), CATALOG_SCOPE, key),
    )


def get_exercise(session: Session, slug: str) -> Exercise:
    row = repository.get_exercise(session, slug)
    if row is None:
        raise NotFound(f"No exercise with slug {slug!r}.")
    return row


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


# --- Admin writes ----------------------------------------------------------------------


def exercise_etag(row: Exercise) -> str:
    return revision_etag("exercise", row.slug, row.revision)


def _check_references(session: Session, spec: ExerciseSpec) -> None:
    errors: list[FieldError] = []
    known_equipment = repository.equipment_slugs(session)
    for field, values in (
        ("equipment", spec.equipment),
        ("optional_equipment", spec.optional_equipment),
    ):
        for i, slug in enumerate(values):
            if slug not in known_equipment:
                errors.append(
                    FieldError(
                        ["body", field, i], f"unknown equipment {slug!r}", "unknown_reference"
                    )
                )
    known_muscles = repository.muscle_slugs(session)
    for i, slug in enumerate(spec.muscles):
        if slug not in known_muscles:
            errors.append(
                FieldError(["body", "muscles", i], f"unknown muscle {slug!r}", "unknown_reference")
            )
    exercises = repository.existing_exercise_slugs(session) | {spec.slug}
    for field, steps in (("progressions", spec.progressions), ("regressions", spec.regressions)):
        for i, step in enumerate(steps):
            if step.target is not None and step.target not in exercises:
                errors.append(
                    FieldError(
                        ["body", field, i, "target"],
                        f"unknown exercise {step.target!r}",
                        "unknown_reference",
                    )
                )
    if errors:
        raise Invalid("The exercise refers to things the catalog does not have.", errors=errors)


def create_exercise(session: Session, spec: ExerciseSpec) -> Resource[ExercisePublic]:
    _check_references(session, spec)
    begin_write(session)
    existing = repository.get_exercise_including_deleted(session, spec.slug)
    if existing is not None and existing.deleted_at is None:
        raise Conflict(f"An exercise with slug {spec.slug!r} already exists.")
    try:
        if existing is None:
            repository.insert_exercise(session, spec)
        elif not repository.replace_exercise(session, existing, spec):
            raise Conflict(f"The exercise {spec.slug!r} is being changed; retry.")
        repository.bump_catalog_revision(session, [spec.slug])
        session.commit()
    except IntegrityError as exc:
        session.rollback()
        raise Conflict(f"An exercise with slug {spec.slug!r} already exists.") from exc
    return _reload(session, spec.slug)


def _reload(session: Session, slug: str) -> Resource[ExercisePublic]:
    session.expire_all()
    row = get_exercise(session, slug)
    return Resource(as_public(row), exercise_etag(row), f"/exercises/{slug}")


def update_exercise(
    session: Session, slug: str, changes: ExerciseUpdate, if_match: str | None
) -> Resource[ExercisePublic]:
    row = get_exercise(session, slug)
    require_if_match(if_match, exercise_etag(row))
    sent = changes.model_dump(mode="json", exclude_unset=True)
    merged = {**row.document, **sent}
    # A text field changed without its attribution is Medius' own from now on: an old
    # `article` claim must not carry over to words the article never said.
    kept = {
        name: value
        for name, value in (row.document.get("attribution") or {}).items()
        if name not in sent
    }
    merged["attribution"] = {**kept, **(sent.get("attribution") or {})}
    try:
        spec = ExerciseSpec.model_validate(merged)
    except ValidationError as exc:
        raise invalid_from(exc, ["body"], "The change would make the exercise invalid.") from exc
    _check_references(session, spec)
    with conditional_write(session) as current:
        current(repository.replace_exercise(session, row, spec))
        repository.bump_catalog_revision(session, [slug])
    return _reload(session, slug)


def delete_exercise(session: Session, slug: str, if_match: str | None) -> None:
    """Soft delete: the row stays as a tombstone so syncing clients learn of the removal."""
    row = get_exercise(session, slug)
    require_if_match(if_match, exercise_etag(row))
    spec = ExerciseSpec.model_validate(row.document)
    with conditional_write(session) as current:
        current(repository.replace_exercise(session, row, spec, deleted_at=utcnow()))
        repository.bump_catalog_revision(session, [slug])
