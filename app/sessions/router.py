"""Session logs: idempotent creates, sync with tombstones, conditional edits, export."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response, StreamingResponse

from app.core.changes import sync_key
from app.core.deps import IfMatch, SettingsDep
from app.core.examples import example_body, example_response, lazy_example
from app.core.pagination import DEFAULT_LIMIT, Cursor, Limit, SortParam, SyncPage, SyncToken
from app.core.problems import problem_responses
from app.core.responses import private_json
from app.core.types import SLUG_PATTERN, AwareDatetime
from app.core.vocabulary import ExportFormat
from app.live_catalog.deps import CatalogDep
from app.sessions import examples, service
from app.sessions.models import (
    EntriesReplace,
    SessionCreate,
    SessionPublic,
    SessionTombstone,
    SessionUpdate,
)
from app.sessions.repository import SessionFilter
from app.users.auth import SignedIn

router = APIRouter(prefix="/sessions", tags=["sessions"])

SessionID = Annotated[uuid.UUID, Path(description="The session's id (UUID).")]
WRITE_ERRORS = (400, 401, 404, 412, 413, 415, 422, 428)


def _one(view: service.SessionView, status_code: int = 200) -> Response:
    return private_json(
        view.body,
        status_code=status_code,
        headers={"ETag": service.session_etag(view), "Location": f"/api/v1/sessions/{view.id}"},
    )


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
    view, created = await unit.run(service.create, data, settings.max_sessions_per_day, catalog)
    return _one(view, status_code=201 if created else 200)


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
    responses={
        200: example_response(examples.session_page),
        **problem_responses(401, 422),
    },
)
async def list_sessions(
    unit: SignedIn,
    settings: SettingsDep,
    started_from: Annotated[
        AwareDatetime | None, Query(alias="from", description="Start time >=")
    ] = None,
    started_to: Annotated[
        AwareDatetime | None, Query(alias="to", description="Start time <")
    ] = None,
    routine_id: uuid.UUID | None = None,
    exercise: Annotated[
        list[Annotated[str, Query(min_length=1, max_length=64, pattern=SLUG_PATTERN)]],
        Query(max_length=20),
    ] = [],  # noqa: B006
    updated_since: Annotated[
        AwareDatetime | None,
        Query(
            deprecated=True,
            description="Deprecated sync by time: may miss a change that commits late; "
            "use `sync_token`.",
        ),
    ] = None,
    sync_token: SyncToken = None,
    sort: SortParam = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Response:
    flt = SessionFilter(
        started_from=started_from,
        started_to=started_to,
        routine_id=routine_id,
        exercises=exercise,
        updated_since=updated_since,
    )
    key = sync_key(settings.signing_key)
    page = await unit.run(service.list_for, flt, sort, cursor, limit, sync_token, key)
    return private_json(page)


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
        "Cache-Control": "private, no-store",
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
    responses={200: example_response(examples.session), **problem_responses(401, 404, 422)},
)
async def get_session(session_id: SessionID, unit: SignedIn) -> Response:
    return _one(await unit.run(service.get_one, session_id))


@router.patch(
    "/{session_id:uuid}",
    summary="Change a session",
    description="JSON merge patch of `routine_id`, `started_at`, `ended_at`, `notes`. Send "
    "`If-Match` (412 when stale, 428 when missing).",
    response_model=SessionPublic,
    openapi_extra=example_body(examples.session_patch),
    responses={200: example_response(examples.session), **problem_responses(*WRITE_ERRORS)},
)
async def update_session(
    session_id: SessionID, changes: SessionUpdate, unit: SignedIn, if_match: IfMatch = None
) -> Response:
    return _one(await unit.run(service.update, session_id, changes, if_match))


@router.put(
    "/{session_id:uuid}/entries",
    summary="Replace a session's entries",
    description="Replaces the whole list of entries (validated like a new session). Send "
    "`If-Match`.",
    response_model=SessionPublic,
    openapi_extra=example_body(examples.entries),
    responses={200: example_response(examples.session), **problem_responses(*WRITE_ERRORS)},
)
async def replace_entries(
    session_id: SessionID,
    body: EntriesReplace,
    unit: SignedIn,
    catalog: CatalogDep,
    if_match: IfMatch = None,
) -> Response:
    return _one(
        await unit.run(service.replace_entries, session_id, body.entries, if_match, catalog)
    )


@router.post(
    "/{session_id:uuid}/entries",
    summary="Add entries to a session",
    description="Appends sets to the session. Send `If-Match`: a retried append carrying the "
    "old ETag gets 412 instead of adding the sets twice.",
    response_model=SessionPublic,
    openapi_extra=example_body(examples.entries),
    responses={200: example_response(examples.session), **problem_responses(*WRITE_ERRORS)},
)
async def append_entries(
    session_id: SessionID,
    body: EntriesReplace,
    unit: SignedIn,
    catalog: CatalogDep,
    if_match: IfMatch = None,
) -> Response:
    return _one(await unit.run(service.append_entries, session_id, body.entries, if_match, catalog))


@router.delete(
    "/{session_id:uuid}",
    status_code=204,
    summary="Delete a session",
    description="Send `If-Match`. Syncing clients receive a tombstone.",
    responses={204: {"description": "Deleted"}, **problem_responses(401, 404, 412, 422, 428)},
)
async def delete_session(
    session_id: SessionID, unit: SignedIn, if_match: IfMatch = None
) -> Response:
    await unit.run(service.delete, session_id, if_match)
    return Response(status_code=204, headers={"Cache-Control": "private, no-store"})
