"""`DELETE /routines/{id}`: the routine, and its sessions' change, in one transaction."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from app.core.deps import IfMatch
from app.core.problems import answers
from app.core.responses import respond
from app.routine_deletion import service
from app.routines.router import RoutineID
from app.users.auth import SignedIn

router = APIRouter(tags=["routines"])


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
    await unit.write(service.delete_routine, routine_id, if_match)
    return respond()
