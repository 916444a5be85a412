"""Routine rules: who sees what, dosage checked against each exercise, durations computed."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Collection, Mapping, Sequence

from pydantic import BaseModel, ValidationError
from sqlmodel import Session, col

from app.catalog.exercises.models import ExerciseSpec
from app.catalog.exercises.repository import bump_catalog_revision, specs_by_slug
from app.catalog.live.snapshot import CatalogSpecs
from app.catalog.planner.models import Interval, SideBody, WeekPlan
from app.catalog.planner.sides import item_fields
from app.catalog.planner.timing import routine_seconds, timeline
from app.catalog.planner.validation import dosage_errors, known_spec
from app.core import idempotency
from app.core.caching import conditional_write, require_if_match, revision_etag
from app.core.changes import bump_user_counter
from app.core.errors import (
    FieldError,
    Forbidden,
    Invalid,
    NotFound,
    PrescribedReadOnly,
    Unauthorized,
    reject_nulls,
)
from app.core.events import publish
from app.core.idempotency import ClientId
from app.core.pagination import PageBody, Sort, parse_sort
from app.core.responses import Resource
from app.core.types import JSONObject, utcnow
from app.core.vocabulary import Origin
from app.training.routines import limits, repository, versions
from app.training.routines.events import RoutineDeleted, RoutineWritten
from app.training.routines.models import (
    DeletedPrescription,
    DeletedPrescriptionBody,
    Routine,
    RoutineCopy,
    RoutineCreate,
    RoutineItem,
    RoutineItemBody,
    RoutineItemIn,
    RoutineItemPublic,
    RoutinePublic,
    RoutineUpdate,
    RoutineVersion,
    RoutineVersionBody,
    TemplateSpec,
)
from app.training.routines.models import RoutineBody as RoutineBody  # care's prescriptions
from app.training.routines.repository import AnyRoutine, ItemRow
from app.training.routines.versions import PrescriberInfo
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
    """One of the user's own routines, to change (a template or a prescription is 403,
    another's 404)."""
    routine = readable(session, routine_id, user)
    if routine.is_template:
        raise Forbidden("Templates are read-only; copy one with POST /api/v1/routines/{id}/copy.")
    if routine.origin is Origin.PRESCRIPTION:
        raise PrescribedReadOnly(
            "A clinician prescribed this routine: only they change it (each change is a new "
            "version). Copy it with POST /api/v1/routines/{id}/copy to make your own."
        )
    return routine


def deletable(session: Session, routine_id: uuid.UUID, user: Caller) -> AnyRoutine:
    """One of the user's routines, to delete: their own or one prescribed to them (the
    patient stays in control of what they keep); a template is 403, another's 404."""
    routine = readable(session, routine_id, user)
    if routine.is_template:
        raise Forbidden("Templates are read-only; copy one with POST /api/v1/routines/{id}/copy.")
    return routine


def delete_routine(
    session: Session, user: Caller, routine_id: uuid.UUID, if_match: str | None
) -> None:
    """Delete one of the user's routines, a prescribed one too (its clinic keeps a record
    of it: `DeletedPrescription`); the sessions naming it keep their data, unlinked, each
    as a change of its own (`RoutineDeleted`, handled by the sessions package)."""
    routine = deletable(session, routine_id, user)
    require_if_match(if_match, routine_etag(routine))
    now = utcnow()
    with conditional_write(session) as current:
        # The routine's owner is the only one who can log against it: holding the owner's
        # change counter first waits out any session write naming it, so none slips past.
        bump_user_counter(session, user.id)
        publish(session, RoutineDeleted(routine.id, now))
        if routine.origin is Origin.PRESCRIPTION:
            repository.record_deleted_prescription(session, routine, now)
        current(repository.delete_routine(session, routine))
        publish(session, RoutineWritten(user.id))


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
    fields = {name: getattr(item, name) for name in _ITEM_FIELDS}
    if spec is None:
        return RoutineItemPublic(**fields)
    return RoutineItemPublic(**fields, **item_fields(spec, item.side))


# The fields derived from an item's side when its exercise is unknown (the model's defaults).
_NO_SIDE: SideBody = {"working_leg": None, "lie_on": None, "placement": []}


def _item_body(item: ItemRow | RoutineItem, spec: ExerciseSpec | None) -> RoutineItemBody:
    """A served item, in the public model's order: the fields derived from its side, then
    the stored ones."""
    derived = item_fields(spec, item.side) if spec is not None else _NO_SIDE
    return {
        "working_leg": derived["working_leg"],
        "lie_on": derived["lie_on"],
        "placement": derived["placement"],
        "exercise": item.exercise,
        "order": item.order,
        "sets": item.sets,
        "reps": item.reps,
        "steps": item.steps,
        "hold_seconds": item.hold_seconds,
        "side": item.side,
        "rest_seconds": item.rest_seconds,
        "notes": item.notes,
        "reason": item.reason,
    }


def _body(routine: AnyRoutine, items: list[ItemRow], specs: dict[str, ExerciseSpec]) -> RoutineBody:
    """A routine as answered, JSON-ready, built straight from its rows (a `RoutinePublic`
    in shape: tests/training/routines/test_routine_answers.py holds it to the model)."""
    plan = stored_progression(routine)
    return {
        "id": routine.id,
        "name": routine.name,
        "notes": routine.notes,
        "sessions_per_week": routine.sessions_per_week,
        "is_template": routine.is_template,
        "origin": routine.origin,
        "items": [_item_body(i, specs.get(i.exercise)) for i in items],
        "estimated_seconds": routine_seconds(items, specs),
        "progression": plan,
        "rationale": routine.rationale,
        "revision": routine.revision,
        "version": routine.version,
        "prescriber": versions.prescriber_block(routine),
        "created_at": routine.created_at,
        "updated_at": routine.updated_at,
    }


def stored_progression(routine: AnyRoutine) -> list[WeekPlan] | None:
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
    rows, progression = _checked(session, data)
    routine = Routine(
        owner_id=owner.id,
        name=data.name,
        notes=data.notes,
        sessions_per_week=data.sessions_per_week,
        origin=Origin.BUILDER if data.progression is not None else origin,
        progression=progression,
        rationale=data.rationale,
    )
    stored, _ = _insert(session, routine, rows)
    assert isinstance(stored, Routine)
    return stored


def _checked(
    session: Session, data: RoutineCreate
) -> tuple[list[RoutineItem], list[JSONObject] | None]:
    """A new routine's items and plan, checked against the catalog (before any write)."""
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
    return rows, progression


def request_digest(kind: str, body: object) -> str:
    """A fingerprint of a create request under a client-chosen id (retry or clash)."""
    return idempotency.request_digest([kind, body])


# Called inside a write's transaction, before it commits, with the routine written: what
# must commit with the change or not at all (the care team's access log).
Audit = Callable[[Session, uuid.UUID], None]


def _insert(
    session: Session,
    routine: Routine,
    rows: Sequence[RoutineItem],
    audit: Audit | None = None,
    most_prescriptions: int | None = None,
) -> tuple[AnyRoutine, bool]:
    """Store a new routine with its version 1, under the owner's quota (a prescription:
    under its clinic's `most_prescriptions` for the patient instead); True when new.

    A routine made under a client-chosen id (`request_digest` set) is made once
    (app/core/idempotency.py): a retry of the same request answers the stored routine
    (False), even with the quota full since; the id used otherwise is 409.
    """
    assert routine.owner_id is not None
    owner_id, routine_id, fingerprint = routine.owner_id, routine.id, routine.request_digest

    def write() -> AnyRoutine:
        if routine.origin is Origin.PRESCRIPTION:
            assert routine.clinic_id is not None and most_prescriptions is not None
            limits.check_prescription_quota(
                session, owner_id, routine.clinic_id, most_prescriptions
            )
        else:
            limits.check_routine_quota(session, owner_id)
        repository.add_routine(session, routine, rows)
        repository.add_version(session, versions.snapshot(routine, 1, rows))
        publish(session, RoutineWritten(owner_id))
        if audit is not None:
            session.flush()
            audit(session, routine.id)
        return routine

    def is_retry(stored: AnyRoutine) -> bool:
        return stored.owner_id == owner_id and stored.request_digest == fingerprint

    claim: ClientId[AnyRoutine] = ClientId(
        "routine",
        routine_id if fingerprint else None,
        lambda s: repository.get(s, routine_id),
        is_retry,
    )
    return idempotency.create_once(session, claim, write, lambda stored: stored)


def list_for(
    session: Session,
    user: Caller | None,
    *,
    templates: bool,
    sort: str | None,
    cursor: str | None,
    limit: int,
    catalog: CatalogSpecs,
) -> PageBody[RoutineBody]:
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
    """The owner's edit of their own routine: the next version (a prescription is 403)."""
    edit(session, owned(session, routine_id, user), changes, if_match)
    return read(session, user, routine_id, catalog)


def edit(
    session: Session,
    routine: AnyRoutine,
    changes: RoutineUpdate,
    if_match: str | None,
    provenance: Mapping[str, object] | None = None,
    audit: Audit | None = None,
) -> None:
    """Apply a merge patch as the routine's next version, conditional on `If-Match`.

    The compare-and-set on the revision read decides between concurrent editors holding
    one ETag: one writes the routine and its next version, the others get 412. The new
    version is written whole (items and dosage) in the same transaction.
    """
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
    limits.check_versions(routine.version)
    values |= {**(provenance or {}), "version": routine.version + 1, "updated_at": utcnow()}
    with conditional_write(session) as current:
        current(repository.replace_routine(session, routine, values, rows))
        items = (
            rows if rows is not None else repository.items_for(session, [routine.id])[routine.id]
        )
        repository.add_version(
            session, versions.snapshot(routine, routine.version + 1, items, values)
        )
        if routine.owner_id is not None:
            publish(session, RoutineWritten(routine.owner_id))
        if audit is not None:
            audit(session, routine.id)
    session.expire_all()


def copy(
    session: Session,
    user: Caller,
    routine_id: uuid.UUID,
    request: RoutineCopy,
    catalog: CatalogSpecs,
) -> tuple[Resource[RoutineBody], bool]:
    """Your own editable copy of a readable routine (a template, a prescription); True when
    made now, False when `request.id` names the copy an earlier try of this request made."""
    source = readable(session, routine_id, user)
    items = repository.items_for(session, [source.id])[source.id]
    specs = specs_by_slug(session, sorted({i.exercise for i in items}), include_deleted=True)
    limits.check_duration(
        [_item_public(i, specs.get(i.exercise)) for i in items], specs, ["path", "routine_id"]
    )
    routine = Routine(
        id=request.id or uuid.uuid4(),
        owner_id=user.id,
        name=source.name,
        notes=source.notes,
        sessions_per_week=source.sessions_per_week,
        origin=Origin.COPY,
        progression=source.progression if stored_progression(source) is not None else None,
        rationale=source.rationale,
        request_digest=None if request.id is None else request_digest("copy", str(source.id)),
    )
    clones = [
        RoutineItem(**repository.item_values(i))  # same dosage, new owner
        for i in items
    ]
    stored, created = _insert(session, routine, clones)
    return _resource(session, stored, catalog), created


def prescribe(
    session: Session,
    prescriber: PrescriberInfo,
    patient_id: uuid.UUID,
    data: RoutineCreate,
    routine_id: uuid.UUID | None,
    catalog: CatalogSpecs,
    *,
    most_prescriptions: int,
    request: object = None,
    audit: Audit | None = None,
) -> tuple[Resource[RoutineBody], bool]:
    """A clinician's new routine for a patient: the patient's, read-only for them (they
    may delete it), version 1.

    The caller (a route above the care layer) has checked that the clinician may prescribe
    to this patient in this clinic. `routine_id`, the client's own id, makes a retry safe:
    the same id and `request` (what the client sent; default `data`) answer the stored
    prescription (False), another request 409. Counts against the clinic's own limit for
    the patient (`most_prescriptions`), never the patient's routine quota.
    """
    rows, progression = _checked(session, data)
    routine = Routine(
        id=routine_id or uuid.uuid4(),
        owner_id=patient_id,
        name=data.name,
        notes=data.notes,
        sessions_per_week=data.sessions_per_week,
        origin=Origin.PRESCRIPTION,
        progression=progression,
        rationale=data.rationale,
        request_digest=None
        if routine_id is None
        else request_digest(
            "prescription",
            [
                str(prescriber.clinic_id),
                str(patient_id),
                data.model_dump(mode="json") if request is None else request,
            ],
        ),
        **prescriber.columns(),
    )
    stored, created = _insert(session, routine, rows, audit, most_prescriptions)
    return _resource(session, stored, catalog), created


def prescription(
    session: Session, clinic_id: uuid.UUID, patient_id: uuid.UUID, routine_id: uuid.UUID
) -> AnyRoutine:
    """A routine prescribed to the patient in this clinic (any other id is 404)."""
    routine = repository.get_prescription(session, routine_id, patient_id, clinic_id)
    if routine is None:
        raise NotFound(f"No routine {routine_id} prescribed to this patient in this clinic.")
    return routine


def read_prescription(
    session: Session,
    clinic_id: uuid.UUID,
    patient_id: uuid.UUID,
    routine_id: uuid.UUID,
    catalog: CatalogSpecs,
) -> Resource[RoutineBody]:
    return _resource(session, prescription(session, clinic_id, patient_id, routine_id), catalog)


def list_prescriptions(
    session: Session,
    clinic_id: uuid.UUID,
    patient_id: uuid.UUID,
    *,
    sort: str | None,
    cursor: str | None,
    limit: int,
    catalog: CatalogSpecs,
) -> PageBody[RoutineBody]:
    """The patient's routines prescribed in this clinic, a page at a time."""
    order = parse_sort(sort, repository.SORTABLE, default="name")
    rows, next_cursor = repository.list_prescriptions(
        session, patient_id=patient_id, clinic_id=clinic_id, sort=order, cursor=cursor, limit=limit
    )
    return {"items": as_public(session, rows, catalog), "next_cursor": next_cursor}


def revise(
    session: Session,
    prescriber: PrescriberInfo,
    patient_id: uuid.UUID,
    routine_id: uuid.UUID,
    changes: RoutineUpdate,
    if_match: str | None,
    catalog: CatalogSpecs,
    audit: Audit | None = None,
) -> Resource[RoutineBody]:
    """A clinician's edit of a prescription of their clinic: the next version, signed by
    them, conditional on `If-Match` (concurrent edits with one ETag: one wins, 412s)."""
    routine = prescription(session, prescriber.clinic_id, patient_id, routine_id)
    edit(session, routine, changes, if_match, prescriber.columns(), audit)
    return read_prescription(session, prescriber.clinic_id, patient_id, routine_id, catalog)


def deleted_prescriptions(
    session: Session,
    clinic_id: uuid.UUID,
    patient_id: uuid.UUID,
    cursor: str | None,
    limit: int,
    catalog: CatalogSpecs,
) -> PageBody[DeletedPrescriptionBody]:
    """The clinic's record of the prescriptions this patient deleted, newest first."""
    sort = Sort(key="deleted_at", column=col(DeletedPrescription.deleted_at), descending=True)
    rows, next_cursor = repository.deleted_prescriptions(
        session, patient_id, clinic_id, sort, cursor, limit
    )
    specs = specs_for(session, catalog, {i["exercise"] for r in rows for i in r.items})
    items: list[DeletedPrescriptionBody] = [
        {
            "routine_id": r.routine_id,
            "prescribed_at": r.prescribed_at,
            "deleted_at": r.deleted_at,
            "last_version": version_body(_as_version(r), specs),
        }
        for r in rows
    ]
    return {"items": items, "next_cursor": next_cursor}


def _as_version(record: DeletedPrescription) -> RoutineVersion:
    return RoutineVersion(
        routine_id=record.routine_id,
        version=record.version,
        created_at=record.version_created_at,
        name=record.name,
        notes=record.notes,
        sessions_per_week=record.sessions_per_week,
        items=record.items,
        progression=record.progression,
        prescribed_by=record.prescribed_by,
        clinic_id=record.clinic_id,
        prescriber_name=record.prescriber_name,
        clinic_name=record.clinic_name,
    )


# --- versions ---------------------------------------------------------------------------

VERSION_SORTABLE = {"version": RoutineVersion.version}


def version_body(version: RoutineVersion, specs: Mapping[str, ExerciseSpec]) -> RoutineVersionBody:
    items = versions.items_of(version)
    plan = version.progression
    return {
        "routine_id": version.routine_id,
        "version": version.version,
        "created_at": version.created_at,
        "name": version.name,
        "notes": version.notes,
        "sessions_per_week": version.sessions_per_week,
        "items": [_item_body(i, specs.get(i.exercise)) for i in items],
        "estimated_seconds": routine_seconds(items, specs),
        "progression": plan,
        "prescriber": versions.prescriber_block(version),
    }


def _version_page(
    session: Session,
    routine: AnyRoutine,
    cursor: str | None,
    limit: int,
    catalog: CatalogSpecs,
) -> PageBody[RoutineVersionBody]:
    sort = Sort(key="version", column=VERSION_SORTABLE["version"], descending=True)
    rows, next_cursor = repository.list_versions(session, routine.id, sort, cursor, limit)
    slugs = {i["exercise"] for row in rows for i in row.items}
    specs = specs_for(session, catalog, slugs)
    return {"items": [version_body(r, specs) for r in rows], "next_cursor": next_cursor}


def _version(
    session: Session, routine: AnyRoutine, number: int, catalog: CatalogSpecs
) -> RoutineVersionBody:
    row = repository.get_version(session, routine.id, number)
    if row is None:
        raise NotFound(f"Routine {routine.id} has no version {number}; it is at {routine.version}.")
    return version_body(row, specs_for(session, catalog, {i["exercise"] for i in row.items}))


def list_versions(
    session: Session,
    user: Caller | None,
    routine_id: uuid.UUID,
    cursor: str | None,
    limit: int,
    catalog: CatalogSpecs,
) -> PageBody[RoutineVersionBody]:
    """A readable routine's versions, newest first."""
    return _version_page(session, readable(session, routine_id, user), cursor, limit, catalog)


def get_version(
    session: Session,
    user: Caller | None,
    routine_id: uuid.UUID,
    number: int,
    catalog: CatalogSpecs,
) -> RoutineVersionBody:
    return _version(session, readable(session, routine_id, user), number, catalog)


def prescription_versions(
    session: Session,
    clinic_id: uuid.UUID,
    patient_id: uuid.UUID,
    routine_id: uuid.UUID,
    cursor: str | None,
    limit: int,
    catalog: CatalogSpecs,
) -> PageBody[RoutineVersionBody]:
    """A prescription's versions as its clinic sees them, newest first."""
    routine = prescription(session, clinic_id, patient_id, routine_id)
    return _version_page(session, routine, cursor, limit, catalog)


def current_version(routine: AnyRoutine, requested: int | None, loc: Sequence[str]) -> int:
    """The version a session follows: `requested` when the routine has it, else its current."""
    if requested is None:
        return int(routine.version)
    if requested > routine.version:
        raise Invalid(
            f"The routine has versions 1 to {routine.version}.",
            errors=[FieldError(list(loc), f"at most {routine.version}", "unknown_reference")],
        )
    return requested


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


def template_as_create(
    session: Session, template: uuid.UUID, name: str | None, loc: Sequence[str]
) -> RoutineCreate:
    """A public template as a new routine's request (a clinician prescribing from it)."""
    routine = repository.get(session, template)
    if routine is None or not routine.is_template:
        raise Invalid(
            "template_id does not name a public template.",
            errors=[FieldError(list(loc), "no such template", "unknown_reference")],
        )
    items = repository.items_for(session, [routine.id])[routine.id]
    return RoutineCreate(
        name=name or routine.name,
        notes=routine.notes,
        sessions_per_week=routine.sessions_per_week,
        items=[RoutineItemIn.model_validate(repository.item_values(i)) for i in items],
    )


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
        repository.add_version(session, versions.snapshot(routine, 1, rows))
        added += 1
    if added:
        # Templates are public catalog data too (FHIR PlanDefinitions are cached per
        # catalog revision): adding one is a catalog change.
        bump_catalog_revision(session)
    session.commit()
    return added
