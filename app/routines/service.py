"""Routine rules: who sees what, dosage checked against each exercise, durations computed."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Collection, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError
from sqlmodel import Session

from app.builder.models import Interval, SideFields, WeekPlan
from app.builder.sides import item_fields
from app.builder.timing import routine_seconds, timeline
from app.builder.validation import dosage_errors, known_spec
from app.catalog.models import ExerciseSpec
from app.catalog.repository import bump_catalog_revision, specs_by_slug
from app.core.caching import conditional_write, require_if_match, revision_etag
from app.core.db import begin_write
from app.core.errors import (
    FieldError,
    Forbidden,
    Invalid,
    NotFound,
    Unauthorized,
    reject_nulls,
)
from app.core.pagination import parse_sort
from app.core.responses import Resource
from app.core.types import utcnow
from app.core.vocabulary import Origin
from app.live_catalog.snapshot import CatalogSpecs
from app.routines import limits, repository
from app.routines.models import (
    Routine,
    RoutineCreate,
    RoutineItem,
    RoutineItemIn,
    RoutineItemPublic,
    RoutinePublic,
    RoutineUpdate,
    TemplateSpec,
)
from app.routines.repository import AnyRoutine, ItemRow
from app.users.models import Caller

logger = logging.getLogger("medius")


class Timeline(BaseModel):
    routine_id: uuid.UUID
    estimated_seconds: int
    intervals: list[Interval]


def routine_etag(routine: AnyRoutine) -> str:
    return revision_etag("routine", routine.id, routine.revision)


def _not_found(routine_id: uuid.UUID) -> NotFound:
    return NotFound(f"No routine {routine_id} among yours or the templates.")


def readable(session: Session, routine_id: uuid.UUID, user: Caller | None) -> AnyRoutine:
    """The caller's own routine or a template; anything else is indistinguishable from absent.

    Templates are public; an anonymous caller asking for anything else must sign in
    (401 whether or not the id exists, so nothing is revealed).
    """
    routine = repository.get_readable(session, routine_id, user.id if user else None)
    if routine is not None:
        return routine
    if user is None:
        raise Unauthorized("Sign in to read your routines; templates are public.")
    raise _not_found(routine_id)


def referenced(
    session: Session, user: Caller, routine_id: uuid.UUID, loc: Sequence[str]
) -> AnyRoutine:
    """The routine another record names (a session's or a report's `routine_id`): the
    user's own or a template; anything else is an invalid value at `loc` (422)."""
    routine = repository.get_readable(session, routine_id, user.id)
    if routine is None:
        raise Invalid(
            "routine_id does not name one of your routines or a template.",
            errors=[FieldError(list(loc), "no such routine", "unknown_reference")],
        )
    return routine


def owned(session: Session, routine_id: uuid.UUID, user: Caller) -> AnyRoutine:
    """One of the user's own routines, to change (a template is 403, another's 404)."""
    routine = readable(session, routine_id, user)
    if routine.is_template:
        raise Forbidden("Templates are read-only; copy one with POST /api/v1/routines/{id}/copy.")
    return routine


# The fields a routine item row shares, by name, with the item sent and the item served
# (the row adds its routine and its `order`, which the request may leave to list order).
_STORED = set(RoutineItem.model_fields) - {"routine_id", "order"}
_ITEM_FIELDS = (*sorted(_STORED), "order")  # what a stored item gives its view


def build_items(
    items: Sequence[RoutineItemIn], specs: dict[str, ExerciseSpec], loc: Sequence[str | int]
) -> list[RoutineItem]:
    """Check every item against its exercise; raise one Invalid listing every problem."""
    ordered = sorted(enumerate(items), key=lambda pair: pair[1].order or pair[0] + 1)
    errors: list[FieldError] = []
    rows: list[RoutineItem] = []
    for position, (index, item) in enumerate(ordered, start=1):
        spec = known_spec(specs, item.exercise, [*loc, index], errors)
        if spec is None:
            continue
        rest = (
            item.rest_seconds if item.rest_seconds is not None else spec.default_dosage.rest_seconds
        )
        candidate = item.model_copy(update={"rest_seconds": rest})
        errors += dosage_errors(candidate, spec, [*loc, index])  # type: ignore[arg-type]
        rows.append(RoutineItem(**candidate.model_dump(include=_STORED), order=position))
    if errors:
        raise Invalid("Some items do not fit their exercise's dosage.", errors=errors)
    limits.check_duration([_item_public(r, specs.get(r.exercise)) for r in rows], specs, loc)
    return rows


def _checked_week(
    items: Sequence[RoutineItemIn], specs: dict[str, ExerciseSpec], loc: Sequence[str | int]
) -> tuple[list[RoutineItemPublic], int]:
    """One progression week checked like a routine: its items and seconds per session."""
    public = [_item_public(r, specs.get(r.exercise)) for r in build_items(items, specs, loc)]
    return public, routine_seconds(public, specs)


def _item_public(item: RoutineItem | ItemRow, spec: ExerciseSpec | None) -> RoutineItemPublic:
    derived = item_fields(spec, item.side) if spec is not None else {}
    return RoutineItemPublic(**{name: getattr(item, name) for name in _ITEM_FIELDS}, **derived)


# What a served item carries, in the public model's order: the stored fields, then the
# fields derived from its side (their model defaults when the exercise is unknown).
_ITEM_PUBLIC = tuple(RoutineItemPublic.model_fields)
_SIDE_DEFAULTS = {
    name: RoutineItemPublic.model_fields[name].get_default(call_default_factory=True)
    for name in SideFields.model_fields
}
RoutineBody = dict[str, Any]


def _item_body(item: ItemRow, spec: ExerciseSpec | None) -> dict[str, Any]:
    derived = item_fields(spec, item.side) if spec is not None else _SIDE_DEFAULTS
    return {
        name: derived[name] if name in derived else getattr(item, name) for name in _ITEM_PUBLIC
    }


def _body(routine: AnyRoutine, items: list[ItemRow], specs: dict[str, ExerciseSpec]) -> RoutineBody:
    """A routine as answered, JSON-ready, built straight from its rows (a `RoutinePublic`
    in shape: tests/routines/test_routine_answers.py holds it to the model)."""
    plan = _stored_progression(routine)
    return {
        "id": routine.id,
        "name": routine.name,
        "notes": routine.notes,
        "sessions_per_week": routine.sessions_per_week,
        "is_template": routine.is_template,
        "origin": routine.origin,
        "items": [_item_body(i, specs.get(i.exercise)) for i in items],
        "estimated_seconds": routine_seconds(items, specs),
        "progression": None if plan is None else [w.model_dump(mode="json") for w in plan],
        "rationale": routine.rationale,
        "revision": routine.revision,
        "created_at": routine.created_at,
        "updated_at": routine.updated_at,
    }


def _stored_progression(routine: AnyRoutine) -> list[WeekPlan] | None:
    """The stored plan; one stored before plans were bounded and checked reads as none."""
    if routine.progression is None:
        return None
    try:
        return [WeekPlan.model_validate(w) for w in routine.progression]
    except ValidationError:
        logger.warning("routine %s: stored progression no longer valid; shown as none", routine.id)
        return None


def specs_for(
    session: Session, catalog: CatalogSpecs, slugs: Collection[str]
) -> dict[str, ExerciseSpec]:
    """The named exercises' specs from the process's catalog cache (one revision read);
    only exercises deleted since a routine named them are read and validated apart."""
    live = catalog.live(session)
    specs = {slug: live[slug] for slug in slugs if slug in live}
    missing = sorted(set(slugs) - specs.keys())
    if missing:
        specs |= specs_by_slug(session, missing, include_deleted=True)
    return specs


def as_public(
    session: Session, routines: Sequence[AnyRoutine], catalog: CatalogSpecs
) -> list[RoutineBody]:
    """The routines as answered, with two more queries in all (items, catalog revision)."""
    items = repository.items_for(session, [r.id for r in routines])
    slugs = {i.exercise for rows in items.values() for i in rows}
    specs = specs_for(session, catalog, slugs)
    return [_body(r, items[r.id], specs) for r in routines]


def as_models(bodies: Sequence[RoutineBody]) -> list[RoutinePublic]:
    """The bodies as validated models, for what computes on them (timeline, handout)."""
    return [RoutinePublic.model_validate(b) for b in bodies]


def _resource(
    session: Session, routine: AnyRoutine, catalog: CatalogSpecs
) -> Resource[RoutineBody]:
    (public,) = as_public(session, [routine], catalog)
    return Resource(public, routine_etag(routine), f"/routines/{routine.id}")


def read(
    session: Session, user: Caller | None, routine_id: uuid.UUID, catalog: CatalogSpecs
) -> Resource[RoutineBody]:
    """A readable routine (see `readable`) as answered, with its ETag."""
    return _resource(session, readable(session, routine_id, user), catalog)


def create(
    session: Session, owner: Caller, data: RoutineCreate, catalog: CatalogSpecs
) -> Resource[RoutineBody]:
    return _resource(session, store(session, owner, data), catalog)


def store(
    session: Session, owner: Caller, data: RoutineCreate, origin: Origin = Origin.USER
) -> Routine:
    """Check and store a new routine of `owner` (the builder saves its answers here too)."""
    planned = {i.exercise for w in data.progression or [] for i in w.items}
    specs = specs_by_slug(session, sorted({i.exercise for i in data.items} | planned))
    rows = build_items(data.items, specs, ["body", "items"])
    progression = None
    if data.progression is not None:
        progression = limits.check_progression(
            data.progression,
            [_item_public(r, specs.get(r.exercise)) for r in rows],
            lambda items, loc: _checked_week(items, specs, loc),
        )
    begin_write(session)
    limits.check_routine_quota(session, owner.id)
    routine = Routine(
        owner_id=owner.id,
        name=data.name,
        notes=data.notes,
        sessions_per_week=data.sessions_per_week,
        origin=Origin.BUILDER if data.progression is not None else origin,
        progression=progression,
        rationale=data.rationale,
    )
    repository.add_routine(session, routine, rows)
    session.commit()
    return routine


def list_for(
    session: Session,
    user: Caller | None,
    *,
    templates: bool,
    sort: str | None,
    cursor: str | None,
    limit: int,
    catalog: CatalogSpecs,
) -> dict[str, Any]:
    if user is None and not templates:
        raise Unauthorized("Sign in to list your routines; `?template=true` lists the public ones.")
    order = parse_sort(sort, repository.SORTABLE, default="name")
    rows, next_cursor = repository.list_routines(
        session,
        owner_id=user.id if user else None,
        templates=templates,
        sort=order,
        cursor=cursor,
        limit=limit,
    )
    return {"items": as_public(session, rows, catalog), "next_cursor": next_cursor}


def update(
    session: Session,
    user: Caller,
    routine_id: uuid.UUID,
    changes: RoutineUpdate,
    if_match: str | None,
    catalog: CatalogSpecs,
) -> Resource[RoutineBody]:
    routine = owned(session, routine_id, user)
    require_if_match(if_match, routine_etag(routine))
    values = changes.model_dump(exclude_unset=True, exclude={"items"})
    reject_nulls(values, ("name", "sessions_per_week", "notes"))
    rows = None
    if changes.items is not None:
        specs = specs_by_slug(session, sorted({i.exercise for i in changes.items}))
        rows = build_items(changes.items, specs, ["body", "items"])
        # The plan was made for the old items (and from the builder's constraints, which
        # are not kept): it would prescribe removed exercises, so it goes with them.
        values["progression"] = None
    with conditional_write(session) as current:
        current(
            repository.replace_routine(session, routine, {**values, "updated_at": utcnow()}, rows)
        )
    session.expire_all()
    return read(session, user, routine_id, catalog)


def copy(
    session: Session, user: Caller, routine_id: uuid.UUID, catalog: CatalogSpecs
) -> Resource[RoutineBody]:
    source = readable(session, routine_id, user)
    items = repository.items_for(session, [source.id])[source.id]
    specs = specs_by_slug(session, sorted({i.exercise for i in items}), include_deleted=True)
    limits.check_duration(
        [_item_public(i, specs.get(i.exercise)) for i in items], specs, ["path", "routine_id"]
    )
    begin_write(session)
    limits.check_routine_quota(session, user.id)
    routine = Routine(
        owner_id=user.id,
        name=source.name,
        notes=source.notes,
        sessions_per_week=source.sessions_per_week,
        origin=Origin.COPY,
        progression=source.progression if _stored_progression(source) is not None else None,
        rationale=source.rationale,
    )
    clones = [
        RoutineItem(**repository.item_values(i))  # same dosage, new owner
        for i in items
    ]
    repository.add_routine(session, routine, clones)
    session.commit()
    return _resource(session, routine, catalog)


def routine_timeline(
    session: Session, user: Caller | None, routine_id: uuid.UUID, catalog: CatalogSpecs
) -> Timeline:
    routine = readable(session, routine_id, user)
    (public,) = as_models(as_public(session, [routine], catalog))
    specs = specs_for(session, catalog, {i.exercise for i in public.items})
    return Timeline(
        routine_id=routine.id,
        estimated_seconds=public.estimated_seconds,
        intervals=timeline(public.items, specs),
    )


def handout_data(
    session: Session, user: Caller | None, routine_id: uuid.UUID, catalog: CatalogSpecs
) -> tuple[RoutinePublic, dict[str, ExerciseSpec]]:
    """A readable routine and every exercise its printed program names (plan included)."""
    routine = readable(session, routine_id, user)
    (public,) = as_models(as_public(session, [routine], catalog))
    slugs = {i.exercise for i in public.items}
    for week in public.progression or []:
        slugs |= {c.exercise for c in week.changes} | {i.exercise for i in week.items}
    return public, specs_for(session, catalog, slugs)


def template_id(key: str) -> uuid.UUID:
    """Templates get stable ids, so links to them survive reseeding."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"https://medius.dev/templates/{key}")


def seed_templates(session: Session, templates: Sequence[TemplateSpec]) -> int:
    """Insert templates not yet present; return how many were added."""
    have = repository.template_keys(session)
    added = 0
    for spec in templates:
        if spec.key in have:
            continue
        specs = specs_by_slug(session, sorted({i.exercise for i in spec.items}))
        rows = build_items(spec.items, specs, ["templates", spec.key, "items"])
        routine = Routine(
            id=template_id(spec.key),
            owner_id=None,
            is_template=True,
            template_key=spec.key,
            name=spec.name,
            notes=spec.notes,
            sessions_per_week=spec.sessions_per_week,
            origin=Origin.TEMPLATE,
        )
        repository.add_routine(session, routine, rows)
        added += 1
    if added:
        # Templates are public catalog data too (FHIR PlanDefinitions are cached per
        # catalog revision): adding one is a catalog change.
        bump_catalog_revision(session)
    session.commit()
    return added
