"""Routines, templates, timelines and the routine builder."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from app.catalog.examples import example_response
from app.catalog.seed import load_seed
from app.core.caching import PRIVATE
from app.core.deps import CatalogDep, IfMatch, SessionDep
from app.core.negotiation import negotiate
from app.core.pagination import DEFAULT_LIMIT, Cursor, Limit, Page, SortParam
from app.core.problems import problem_responses
from app.core.responses import private_json
from app.progress import service as progress_service
from app.routines import builder_service, handout, service
from app.routines.builder_service import BuilderAnswer, BuilderRequest
from app.routines.models import Routine, RoutineCreate, RoutinePublic, RoutineUpdate
from app.routines.service import Timeline
from app.users.auth import CurrentUser, OptionalUser, Visitor

router = APIRouter(tags=["routines"])

RoutineID = Annotated[uuid.UUID, Path(description="The routine's id (UUID).")]
ITEM_EXAMPLE: dict[str, Any] = {
    "exercise": "clamshell",
    "order": 1,
    "sets": 2,
    "reps": 10,
    "steps": None,
    "hold_seconds": 3,
    "side": "right",
    "rest_seconds": 30,
    "notes": "",
    "reason": None,
}
ROUTINE_EXAMPLE: dict[str, Any] = {
    "id": "0b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d",
    "name": "Morning glute med",
    "notes": "",
    "sessions_per_week": 3,
    "is_template": False,
    "origin": "user",
    "items": [ITEM_EXAMPLE],
    "estimated_seconds": 230,
    "progression": None,
    "rationale": None,
    "revision": 1,
    "created_at": "2026-01-01T00:00:00Z",
    "updated_at": "2026-01-01T00:00:00Z",
}
CREATE_EXAMPLE = {
    "name": "Morning glute med",
    "sessions_per_week": 3,
    "items": [{"exercise": "clamshell", "sets": 2, "reps": 10, "hold_seconds": 3, "side": "right"}],
}
WRITE_ERRORS = (400, 401, 413, 415, 422)
HTML = "text/html"
PDF = "application/pdf"
HANDOUT_TYPES = (HTML, PDF)  # the first is what `*/*` or no Accept gets


def _one(
    session: SessionDep, routine: Routine, catalog: CatalogDep, status_code: int = 200
) -> Response:
    (public,) = service.present(session, [routine], catalog)
    return _answer(routine, public, status_code)


def _answer(routine: Routine, public: RoutinePublic, status_code: int = 200) -> Response:
    return private_json(
        public,
        status_code=status_code,
        headers={
            "ETag": service.routine_etag(routine),
            "Location": f"/api/v1/routines/{routine.id}",
        },
    )


@router.get(
    "/routines",
    summary="List your routines, or the public templates",
    description="Your routines (signed in), or with `template=true` the public templates "
    "(anyone). Sort by `name`, `created_at` or `updated_at` (prefix `-` to reverse).",
    response_model=Page[RoutinePublic],
    responses={
        200: example_response({"items": [ROUTINE_EXAMPLE], "next_cursor": None}),
        **problem_responses(401, 422),
    },
)
async def list_routines(
    unit: Visitor,
    catalog: CatalogDep,
    template: Annotated[bool, Query(description="List the public templates instead.")] = False,
    sort: SortParam = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Response:
    page = await unit.run(
        service.list_for, templates=template, sort=sort, cursor=cursor, limit=limit, catalog=catalog
    )
    return private_json(page)


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
    openapi_extra={"requestBody": {"content": {"application/json": {"example": CREATE_EXAMPLE}}}},
    responses={
        201: example_response(ROUTINE_EXAMPLE),
        **problem_responses(*WRITE_ERRORS, 409),
    },
)
def create_routine(
    data: RoutineCreate, session: SessionDep, user: CurrentUser, catalog: CatalogDep
) -> Response:
    return _one(session, service.create(session, user, data), catalog, status_code=201)


@router.get(
    "/routines/{routine_id}",
    summary="Get a routine",
    description="One of your routines, or a template (templates need no sign-in). Another "
    "user's routine is 404. Sends an `ETag` for conditional updates.",
    response_model=RoutinePublic,
    responses={200: example_response(ROUTINE_EXAMPLE), **problem_responses(401, 404, 422)},
)
async def get_routine(routine_id: RoutineID, unit: Visitor, catalog: CatalogDep) -> Response:
    return _answer(*await unit.run(service.read, routine_id, catalog))


@router.patch(
    "/routines/{routine_id}",
    summary="Change a routine",
    description="JSON merge patch; `items`, when sent, replaces the whole list, is "
    "validated like a new routine (at most 120 minutes per session) and drops the "
    "`progression`, which was planned for the old items. Send `If-Match` (412 when stale, "
    "428 when missing). "
    "Templates are read-only (403).",
    response_model=RoutinePublic,
    openapi_extra={
        "requestBody": {"content": {"application/json": {"example": {"name": "Evening"}}}}
    },
    responses={
        200: example_response(ROUTINE_EXAMPLE),
        **problem_responses(*WRITE_ERRORS, 403, 404, 412, 428),
    },
)
def update_routine(
    routine_id: RoutineID,
    changes: RoutineUpdate,
    session: SessionDep,
    user: CurrentUser,
    catalog: CatalogDep,
    if_match: IfMatch = None,
) -> Response:
    return _one(session, service.update(session, user, routine_id, changes, if_match), catalog)


@router.delete(
    "/routines/{routine_id}",
    status_code=204,
    summary="Delete a routine",
    description="Send `If-Match` with the routine's ETag. Templates are read-only (403).",
    responses={204: {"description": "Deleted"}, **problem_responses(401, 403, 404, 412, 422, 428)},
)
def delete_routine(
    routine_id: RoutineID, session: SessionDep, user: CurrentUser, if_match: IfMatch = None
) -> Response:
    service.delete(session, user, routine_id, if_match)
    return Response(status_code=204, headers={"Cache-Control": "private, no-store"})


@router.post(
    "/routines/{routine_id}/copy",
    status_code=201,
    summary="Copy a routine or template into yours",
    description="Makes your own editable copy of a template (or of one of your routines). "
    "409 `quota-exceeded` when you already keep 200 routines.",
    response_model=RoutinePublic,
    responses={
        201: example_response(ROUTINE_EXAMPLE),
        **problem_responses(401, 404, 409, 422),
    },
)
def copy_routine(
    routine_id: RoutineID, session: SessionDep, user: CurrentUser, catalog: CatalogDep
) -> Response:
    return _one(session, service.copy(session, user, routine_id), catalog, status_code=201)


@router.get(
    "/routines/{routine_id}/timeline",
    summary="Workout timer intervals",
    description="The ordered intervals a workout timer runs: `work`, `hold`, `rest` and "
    "`switch_side`, each with its exercise, set, side, seconds and a form cue. The seconds "
    "add up to the routine's `estimated_seconds`.",
    response_model=Timeline,
    responses={
        200: example_response(
            {
                "routine_id": ROUTINE_EXAMPLE["id"],
                "estimated_seconds": 5,
                "intervals": [
                    {
                        "kind": "work",
                        "exercise": "clamshell",
                        "set": 1,
                        "side": "right",
                        "seconds": 2,
                        "cue": "Heels stay still and in contact.",
                    },
                    {
                        "kind": "hold",
                        "exercise": "clamshell",
                        "set": 1,
                        "side": "right",
                        "seconds": 3,
                        "cue": "Heels stay still and in contact.",
                    },
                ],
            }
        ),
        **problem_responses(401, 404, 422),
    },
)
def get_routine_timeline(
    routine_id: RoutineID, session: SessionDep, user: OptionalUser, catalog: CatalogDep
) -> Response:
    return private_json(service.routine_timeline(session, user, routine_id, catalog))


@router.post(
    "/routine-builder",
    summary="Build a routine from constraints",
    description="Turns level, minutes, equipment at hand, positions to avoid, affected side "
    "(or a self-check's likely weak side), goal and weeks into a routine with a reason for "
    "every choice and a week-by-week progression. `save: true` also stores it as your "
    "routine (`routine_id`; 409 `quota-exceeded` when you keep 200 routines already). "
    "When nothing fits, 422 names the constraint.",
    response_model=BuilderAnswer,
    openapi_extra={
        "requestBody": {
            "content": {
                "application/json": {
                    "example": {
                        "level": "beginner",
                        "minutes": 15,
                        "equipment": [],
                        "affected_side": "right",
                        "weeks": 4,
                    }
                }
            }
        }
    },
    responses={
        200: example_response(builder_service.example_answer(), "The proposal"),
        **problem_responses(*WRITE_ERRORS, 409),
    },
)
def build_routine(
    http: Request, request: BuilderRequest, session: SessionDep, user: CurrentUser
) -> Response:
    catalog = http.app.state.catalog_specs
    return private_json(builder_service.propose(session, user, request, catalog))


def _handout_example() -> str:
    """The real page for ROUTINE_EXAMPLE, so the docs show exactly what is served."""
    specs = {spec.slug: spec for spec in load_seed().exercises}
    return handout.render_html(RoutinePublic.model_validate(ROUTINE_EXAMPLE), specs)


@router.get(
    "/routines/{routine_id}/handout",
    summary="Printable program (HTML or PDF)",
    description="The routine as a program to print or hand to a patient: its name and notes; "
    "for each exercise in order its steps, form cues and dosage in plain words (sets x "
    "reps/steps/hold, side, rest); the week-by-week plan when the routine has one (each "
    "change marked (article) or (Medius)); a grid to tick sessions (rows: the plan's weeks, "
    "else 4; columns: `sessions_per_week`); a disclaimer and the source article's credit. "
    "Choose the format with `Accept`: `application/pdf` for an A4 PDF, `text/html` (also "
    "`*/*` or no `Accept`) for a self-contained page; anything else is 406. Readable like "
    "the routine: your own, or a template (no sign-in needed).",
    response_class=Response,
    responses={
        200: {
            "description": "The program, as the `Accept` header asked",
            "headers": {
                "Cache-Control": {
                    "description": "User data: `private, no-store`.",
                    "required": True,
                    "schema": {"type": "string", "enum": [PRIVATE]},
                },
                "Content-Disposition": {
                    "description": 'PDF only: `inline; filename="<routine-name>.pdf"`.',
                    "schema": {"type": "string"},
                },
            },
            "content": {
                HTML: {"schema": {"type": "string"}, "example": _handout_example()},
                PDF: {"schema": {"type": "string", "format": "binary"}},
            },
        },
        **problem_responses(401, 404, 406, 422),
    },
)
def routine_handout(
    routine_id: RoutineID,
    request: Request,
    session: SessionDep,
    user: OptionalUser,
    catalog: CatalogDep,
) -> Response:
    routine, specs = service.handout_data(session, user, routine_id, catalog)
    media_type = negotiate(request.headers.get("accept"), HANDOUT_TYPES)
    warnings = progress_service.safety_warnings(session, user, routine_id) if user else []
    headers = {"Cache-Control": PRIVATE, "Vary": "Accept, Authorization"}
    if media_type == PDF:
        filename = handout.pdf_filename(routine.name)
        headers["Content-Disposition"] = f'inline; filename="{filename}"'
        return Response(
            handout.render_pdf(routine, specs, warnings), media_type=PDF, headers=headers
        )
    headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    headers["X-Content-Type-Options"] = "nosniff"
    return Response(
        handout.render_html(routine, specs, warnings),
        media_type="text/html; charset=utf-8",
        headers=headers,
    )
