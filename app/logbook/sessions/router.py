"""Session logs: idempotent creates, sync with tombstones, conditional edits, export."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.responses import Response, StreamingResponse

from app.catalog.live.deps import CatalogDep
from app.core.caching import PRIVATE
from app.core.changes import sync_key
from app.core.deps import IfMatch, SettingsDep
from app.core.examples import example_body, example_response, lazy_example
from app.core.middleware import ParsedJsonRoute
from app.core.pagination import SyncListQuery, SyncPage
from app.core.problems import answers, problem_responses
from app.core.responses import respond, respond_created
from app.core.types import SLUG_PATTERN
from app.core.vocabulary import ExportFormat
from app.logbook.sessions import examples, service
from app.logbook.sessions.models import (
    EntriesReplace,
    SessionCreate,
    SessionPublic,
    SessionTombstone,
    SessionUpdate,
)
from app.logbook.sessions.params import SessionID, StartedFrom, StartedTo
from app.logbook.sessions.repository import SessionFilter
from app.users.auth import SignedIn

# The bodies of this hot write path are parsed once, by the request guard.
router = APIRouter(prefix="/sessions", tags=["sessions"], route_class=ParsedJsonRoute)

WRITE_ERRORS = (400, 401, 404, 412, 413, 415, 422, 428)


@router.post(
    "",
    status_code=201,
    summary="Log a session",
    description="Send your own UUID `id` so a retry is safe: the first request stores the "
    "session (201); the same id with the same body returns the stored session (200), even "
    "when retries arrive at once; the same id with a different body is 409. Entries are "
    "checked against their exercise (reps, steps or hold_seconds by its unit; side for "
    "unilateral exercises). A session is stored whole or not at all (at most 500 entries). "
    "An account logs at most `MAX_SESSIONS_PER_DAY` (200) sessions per calendar day of "
    "`started_at` in its time zone: past that, 409 `quota-exceeded`.",
    response_model=SessionPublic,
    openapi_extra=example_body(examples.session_create),
    responses={
        201: example_response(examples.session, "Stored"),
        200: {
            "model": SessionPublic,
            **example_response(examples.session, "Already stored by an earlier identical request"),
        },
        **problem_responses(400, 401, 409, 413, 415, 422),
    },
)
async def create_session(
    data: SessionCreate, unit: SignedIn, settings: SettingsDep, catalog: CatalogDep
) -> Response:
    most = settings.max_sessions_per_day
    view, created = await unit.write(
        lambda db, caller: service.create(db, caller, data=data, max_per_day=most, catalog=catalog)
    )
    return respond_created(view, created)


@router.get(
    "",
    summary="List your sessions (or sync changes)",
    description="Newest first by default, filtered by `from`/`to` (start time), `routine_id` "
    "and `exercise` (repeatable). For offline sync pass `sync_token` (`0` the first time): "
    "you get every change after it in commit order, deletions as `{id, deleted_at}` "
    "tombstones, a `sync_token` to store and send next time, and a `next_cursor` to follow "
    "while more changes wait. Unlike a time, the token cannot skip a change that commits "
    "late. `updated_since` (RFC 3339) still works but is deprecated: a session whose write "
    "commits after a later one can be missed.",
    response_model=SyncPage[SessionPublic | SessionTombstone],
    responses=answers(examples.session_page, 401, 422),
)
async def list_sessions(
    unit: SignedIn,
    settings: SettingsDep,
    started_from: StartedFrom = None,
    started_to: StartedTo = None,
    routine_id: uuid.UUID | None = None,
    exercise: Annotated[
        list[Annotated[str, Query(min_length=1, max_length=64, pattern=SLUG_PATTERN)]],
        Query(max_length=20),
    ] = [],  # noqa: B006
    *,
    query: SyncListQuery,
) -> Response:
    flt = SessionFilter(
        started_from=started_from,
        started_to=started_to,
        routine_id=routine_id,
        exercises=exercise,
        updated_since=query.updated_since,
    )
    key = sync_key(settings.signing_key)
    page = await unit.read_core(
        lambda db, caller: service.list_for(
            db,
            caller,
            flt=flt,
            sort=query.sort,
            cursor=query.cursor,
            limit=query.limit,
            sync_token=query.sync_token,
            key=key,
        )
    )
    return respond(page)


@router.get(
    "/export",
    summary="Export your log",
    description="One row per entry (and one, with empty entry columns, per session without "
    "entries), for sharing with a physiotherapist: CSV (header: "
    + ", ".join(service.EXPORT_COLUMNS)
    + ") or JSON (`{columns, rows}`). `notes` is the set's note, `session_notes` the "
    "session's. CSV fields are all quoted, and a text cell starting with `=`, `+`, `-`, "
    "`@`, tab or carriage return gets a leading `'` so no spreadsheet runs it as a formula "
    "(OWASP). Streamed as it is read.",
    responses={
        200: {
            "description": "The export",
            "content": {
                "text/csv": {
                    "schema": {"type": "string"},
                    "example": lazy_example(examples.export_csv),
                },
                "application/json": {
                    "schema": {"type": "object"},
                    "example": lazy_example(examples.export_json),
                },
            },
        },
        **problem_responses(401, 422),
    },
)
async def export_sessions(
    request: Request, unit: SignedIn, format: ExportFormat = ExportFormat.CSV
) -> Response:
    user = await unit.caller()
    headers = {
        "Cache-Control": PRIVATE,
        "Content-Disposition": f'attachment; filename="medius-sessions.{format.value}"',
    }
    engine = request.app.state.engine
    if format is ExportFormat.CSV:
        return StreamingResponse(
            service.export_csv(engine, user),
            media_type="text/csv; charset=utf-8",
            headers=headers,
        )
    return StreamingResponse(
        service.export_json(engine, user), media_type="application/json", headers=headers
    )


@router.get(
    "/{session_id:uuid}",
    summary="Get one of your sessions",
    description="Another user's session is 404. Sends an `ETag` for conditional updates.",
    response_model=SessionPublic,
    responses=answers(examples.session, 401, 404, 422),
)
async def get_session(session_id: SessionID, unit: SignedIn) -> Response:
    return respond(
        await unit.read_core(lambda db, caller: service.get_one(db, caller, session_id=session_id))
    )


@router.patch(
    "/{session_id:uuid}",
    summary="Change a session",
    description="JSON merge patch of `routine_id`, `started_at`, `ended_at`, `notes`. Send "
    "`If-Match` (412 when stale, 428 when missing).",
    response_model=SessionPublic,
    openapi_extra=example_body(examples.session_patch),
    responses=answers(examples.session, *WRITE_ERRORS),
)
async def update_session(
    session_id: SessionID, changes: SessionUpdate, unit: SignedIn, if_match: IfMatch = None
) -> Response:
    updated = await unit.write(
        lambda db, caller: service.update(
            db, caller, session_id=session_id, changes=changes, if_match=if_match
        )
    )
    return respond(updated)


ENTRIES_WRITE: dict[str, Any] = {
    "response_model": SessionPublic,
    "openapi_extra": example_body(examples.entries),
    "responses": answers(examples.session, *WRITE_ERRORS),
}


# One endpoint, two operations: PUT replaces the entries, POST appends to them.
@router.post(
    "/{session_id:uuid}/entries",
    name="append_entries",
    summary="Add entries to a session",
    description="Appends sets to the session. Send `If-Match`: a retried append carrying the "
    "old ETag gets 412 instead of adding the sets twice.",
    **ENTRIES_WRITE,
)
@router.put(
    "/{session_id:uuid}/entries",
    name="replace_entries",
    summary="Replace a session's entries",
    description="Replaces the whole list of entries (validated like a new session). Send "
    "`If-Match`.",
    **ENTRIES_WRITE,
)
async def write_entries(
    request: Request,
    session_id: SessionID,
    body: EntriesReplace,
    unit: SignedIn,
    catalog: CatalogDep,
    if_match: IfMatch = None,
) -> Response:
    append = request.method == "POST"
    written = await unit.write(
        lambda db, caller: service.write_entries(
            db,
            caller,
            session_id=session_id,
            entries=body.entries,
            if_match=if_match,
            catalog=catalog,
            append=append,
        )
    )
    return respond(written)


@router.delete(
    "/{session_id:uuid}",
    status_code=204,
    summary="Delete a session",
    description="Send `If-Match`. Syncing clients receive a tombstone.",
    responses=answers(None, 401, 404, 412, 422, 428, status=204, description="Deleted"),
)
async def delete_session(
    session_id: SessionID, unit: SignedIn, if_match: IfMatch = None
) -> Response:
    await unit.write(
        lambda db, caller: service.delete(db, caller, session_id=session_id, if_match=if_match)
    )
    return respond()
