"""Routines, templates, timelines and the routine builder.

One routine route reads a context above: `GET /routines/{id}/handout` lives in
`app.exports.handout` (it prints progress' warnings). Deleting a routine unlinks its
sessions through an event (`events.RoutineDeleted`), so it stays here.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Query
from sqlmodel import Session
from starlette.responses import Response

from app.catalog.live.deps import CatalogDep
from app.core.deps import IfMatch
from app.core.examples import example_body, retry_response
from app.core.pagination import DEFAULT_LIMIT, Cursor, Limit, Page, SortParam
from app.core.problems import answers
from app.core.responses import respond, respond_created
from app.training.routines import builder_service, examples, service
from app.training.routines.builder_service import BuilderAnswer, BuilderRequest
from app.training.routines.models import (
    RoutineCopy,
    RoutineCreate,
    RoutinePublic,
    RoutineUpdate,
    RoutineVersionPublic,
)
from app.training.routines.params import RoutineID, VersionNumber
from app.training.routines.service import Timeline
from app.users.auth import SignedIn, Visitor
from app.users.models import Caller

router = APIRouter(tags=["routines"])

WRITE_ERRORS = (400, 401, 413, 415, 422)


@router.get(
    "/routines",
    summary="List your routines, or the public templates",
    description="Your routines (signed in), or with `template=true` the public templates "
    "(anyone). Sort by `name`, `created_at` or `updated_at` (prefix `-` to reverse).",
    response_model=Page[RoutinePublic],
    responses=answers(examples.routine_page, 401, 422),
)
async def list_routines(
    unit: Visitor,
    catalog: CatalogDep,
    template: Annotated[bool, Query(description="List the public templates instead.")] = False,
    sort: SortParam = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Response:
    page = await unit.read(
        lambda db, caller: service.list_for(
            db, caller, templates=template, sort=sort, cursor=cursor, limit=limit, catalog=catalog
        )
    )
    return respond(page)


@router.post(
    "/routines",
    status_code=201,
    summary="Create a routine",
    description="Items are checked against their exercise: `reps`, `steps` or `hold_seconds` "
    "as its dosage unit says, `side` only for unilateral exercises, bounded sets/reps/holds/"
    "rest. At most 120 minutes per session. A routine-builder answer can be posted as it is: "
    "its `progression` is checked week by week like the items (week 1 is the items). One "
    "account keeps at most 200 routines (409 `quota-exceeded`). Nothing is stored on error.",
    response_model=RoutinePublic,
    openapi_extra=example_body(examples.routine_create),
    responses=answers(examples.routine, *WRITE_ERRORS, 409, status=201),
)
async def create_routine(data: RoutineCreate, unit: SignedIn, catalog: CatalogDep) -> Response:
    made = await unit.write(
        lambda db, caller: service.create(db, caller, data=data, catalog=catalog)
    )
    return respond(made, status_code=201)


@router.get(
    "/routines/{routine_id}",
    summary="Get a routine",
    description="One of your routines, or a template (templates need no sign-in). Another "
    "user's routine is 404. Sends an `ETag` for conditional updates.",
    response_model=RoutinePublic,
    responses=answers(examples.routine, 401, 404, 422),
)
async def get_routine(routine_id: RoutineID, unit: Visitor, catalog: CatalogDep) -> Response:
    return respond(
        await unit.read(
            lambda db, caller: service.read(db, caller, routine_id=routine_id, catalog=catalog)
        )
    )


@router.patch(
    "/routines/{routine_id}",
    summary="Change a routine",
    description="JSON merge patch; `items`, when sent, replaces the whole list, is "
    "validated like a new routine (at most 120 minutes per session) and drops the "
    "`progression`, which was planned for the old items. Send `If-Match` (412 when stale, "
    "428 when missing). "
    "Templates are read-only (403); so is a routine a clinician prescribed you (403 "
    "`prescribed-routine-read-only`: copy it to change it). Every edit is a new `version`.",
    response_model=RoutinePublic,
    openapi_extra=example_body(examples.routine_patch),
    responses=answers(examples.routine, *WRITE_ERRORS, 403, 404, 412, 428),
)
async def update_routine(
    routine_id: RoutineID,
    changes: RoutineUpdate,
    unit: SignedIn,
    catalog: CatalogDep,
    if_match: IfMatch = None,
) -> Response:
    updated = await unit.write(
        lambda db, caller: service.update(
            db, caller, routine_id=routine_id, changes=changes, if_match=if_match, catalog=catalog
        )
    )
    return respond(updated)


@router.post(
    "/routines/{routine_id}/copy",
    status_code=201,
    summary="Copy a routine or template into yours",
    description="Makes your own editable copy of a template, of a routine a clinician "
    "prescribed you, or of one of your routines (its version history starts afresh at 1). "
    "Send your own `id` for the copy to make retries safe: the same id for the same source "
    "answers the copy already made (200), for anything else 409. Without a body every call "
    "makes a new copy. 409 `quota-exceeded` when you already keep 200 routines.",
    response_model=RoutinePublic,
    openapi_extra=example_body(examples.routine_copy),
    responses={
        **answers(examples.routine, 400, 401, 404, 409, 413, 415, 422, status=201),
        **retry_response(examples.routine, "the copy this id already made", RoutinePublic),
    },
)
async def copy_routine(
    routine_id: RoutineID,
    unit: SignedIn,
    catalog: CatalogDep,
    request: Annotated[RoutineCopy | None, Body()] = None,
) -> Response:
    copy = request or RoutineCopy()
    copied, created = await unit.write(
        lambda db, caller: service.copy(
            db, caller, routine_id=routine_id, request=copy, catalog=catalog
        )
    )
    return respond_created(copied, created)


@router.get(
    "/routines/{routine_id}/versions",
    summary="A routine's versions",
    description="Every version of the routine's program, newest first, each whole: items "
    "with dosage, plan, and who prescribed it when a clinician did. Version 1 is the "
    "routine as made; every edit adds one (nothing is ever rewritten). Readable like the "
    "routine.",
    response_model=Page[RoutineVersionPublic],
    responses=answers(examples.version_page, 401, 404, 422),
)
async def list_routine_versions(
    routine_id: RoutineID,
    unit: Visitor,
    catalog: CatalogDep,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Response:
    page = await unit.read(
        lambda db, caller: service.list_versions(
            db, caller, routine_id=routine_id, cursor=cursor, limit=limit, catalog=catalog
        )
    )
    return respond(page)


@router.get(
    "/routines/{routine_id}/versions/{version}",
    summary="One version of a routine",
    description="The routine's program as it was at this version. 404 for a version the "
    "routine does not have.",
    response_model=RoutineVersionPublic,
    responses=answers(examples.version, 401, 404, 422),
)
async def get_routine_version(
    routine_id: RoutineID, version: VersionNumber, unit: Visitor, catalog: CatalogDep
) -> Response:
    found = await unit.read(
        lambda db, caller: service.get_version(
            db, caller, routine_id=routine_id, number=version, catalog=catalog
        )
    )
    return respond(found)


@router.get(
    "/routines/{routine_id}/timeline",
    summary="Workout timer intervals",
    description="The ordered intervals a workout timer runs: `work`, `hold`, `rest` and "
    "`switch_side`, each with its exercise, set, side, seconds and a form cue. The seconds "
    "add up to the routine's `estimated_seconds`.",
    response_model=Timeline,
    responses=answers(examples.timeline, 401, 404, 422),
)
async def get_routine_timeline(
    routine_id: RoutineID, unit: Visitor, catalog: CatalogDep
) -> Response:
    timeline = await unit.read(
        lambda db, caller: service.routine_timeline(
            db, caller, routine_id=routine_id, catalog=catalog
        )
    )
    return respond(timeline)


@router.post(
    "/routine-builder",
    summary="Build a routine from constraints",
    description="Turns level, minutes, equipment at hand, positions to avoid, affected side "
    "(or a self-check's likely weak side), goal and weeks into a routine with a reason for "
    "every choice and a week-by-week progression. `save: true` also stores it as your "
    "routine (`routine_id`; 409 `quota-exceeded` when you keep 200 routines already). "
    "When nothing fits, 422 names the constraint.",
    response_model=BuilderAnswer,
    openapi_extra=example_body(examples.builder_request),
    responses=answers(examples.builder_answer, *WRITE_ERRORS, 409, description="The proposal"),
)
async def build_routine(request: BuilderRequest, unit: SignedIn, catalog: CatalogDep) -> Response:
    def propose(db: Session, caller: Caller) -> BuilderAnswer:
        return builder_service.propose(db, caller, request=request, catalog=catalog)

    # Only a saved proposal writes: a plain one plans beside other requests' writes.
    return respond(await (unit.write(propose) if request.save else unit.read(propose)))


@router.delete(
    "/routines/{routine_id}",
    status_code=204,
    summary="Delete a routine",
    description="Send `If-Match` with the routine's ETag. Templates are read-only (403). A "
    "routine a clinician prescribed you may be deleted too, at any time, consent or not "
    "(you cannot change it, but you decide what you keep); the clinic keeps its record of "
    "having prescribed it. Sessions logged against the routine keep their data, unlinked.",
    responses=answers(None, 401, 403, 404, 412, 422, 428, status=204, description="Deleted"),
)
async def delete_routine(
    routine_id: RoutineID, unit: SignedIn, if_match: IfMatch = None
) -> Response:
    await unit.write(
        lambda db, caller: service.delete_routine(
            db, caller, routine_id=routine_id, if_match=if_match
        )
    )
    return respond()
