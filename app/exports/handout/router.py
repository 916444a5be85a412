"""`GET /routines/{id}/handout`: the routine as a program to print, in the format asked."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from sqlmodel import Session
from starlette.responses import Response

from app.catalog.live.deps import CatalogDep
from app.catalog.live.snapshot import CatalogSpecs
from app.core.caching import PRIVATE
from app.core.examples import lazy_example
from app.core.negotiation import negotiate
from app.core.problems import problem_responses
from app.exports.handout import examples
from app.exports.handout.render import HANDOUT_TYPES, HTML, PDF, Rendered, program_response, render
from app.logbook.progress import service as progress_service
from app.training.routines import service as routines_service
from app.training.routines.router import RoutineID
from app.users.auth import Visitor
from app.users.models import Caller

router = APIRouter(tags=["routines"])

# The printed program's representations in OpenAPI (a shared handout answers them too).
HANDOUT_CONTENT = {
    HTML: {"schema": {"type": "string"}, "example": lazy_example(examples.handout_html)},
    PDF: {"schema": {"type": "string", "format": "binary"}},
}
CONTENT_DISPOSITION = {
    "description": 'PDF only: `inline; filename="<routine-name>.pdf"`.',
    "schema": {"type": "string"},
}


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
                "Content-Disposition": CONTENT_DISPOSITION,
            },
            "content": HANDOUT_CONTENT,
        },
        **problem_responses(401, 404, 406, 422),
    },
)
async def routine_handout(
    routine_id: RoutineID, request: Request, unit: Visitor, catalog: CatalogDep
) -> Response:
    rendered = await unit.run(_render, routine_id, catalog, request.headers.get("accept"))
    return program_response(rendered, {"Cache-Control": PRIVATE, "Vary": "Accept, Authorization"})


def _render(
    session: Session,
    user: Caller | None,
    routine_id: uuid.UUID,
    catalog: CatalogSpecs,
    accept: str | None,
) -> Rendered:
    """The routine's name, the format chosen and the printed program (rendering is CPU
    work: off the event loop). A routine you may not read is 404 whatever you accept."""
    routine, specs = routines_service.handout_data(session, user, routine_id, catalog)
    negotiate(accept, HANDOUT_TYPES)  # 406 before the warnings are computed
    warnings = progress_service.safety_warnings(session, user, routine_id) if user else []
    return render(routine, specs, warnings, accept)
