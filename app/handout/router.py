"""`GET /routines/{id}/handout`: the routine as a program to print, in the format asked."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.core.caching import PRIVATE
from app.core.deps import SessionDep
from app.core.examples import lazy_example
from app.core.negotiation import negotiate
from app.core.problems import problem_responses
from app.handout import examples, html, pdf
from app.live_catalog.deps import CatalogDep
from app.progress import service as progress_service
from app.routines import service as routines_service
from app.routines.router import RoutineID
from app.users.auth import OptionalUser

router = APIRouter(tags=["routines"])

HTML = "text/html"
PDF = "application/pdf"
HANDOUT_TYPES = (HTML, PDF)  # the first is what `*/*` or no Accept gets


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
                HTML: {
                    "schema": {"type": "string"},
                    "example": lazy_example(examples.handout_html),
                },
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
    routine, specs = routines_service.handout_data(session, user, routine_id, catalog)
    media_type = negotiate(request.headers.get("accept"), HANDOUT_TYPES)
    warnings = progress_service.safety_warnings(session, user, routine_id) if user else []
    headers = {"Cache-Control": PRIVATE, "Vary": "Accept, Authorization"}
    if media_type == PDF:
        filename = pdf.pdf_filename(routine.name)
        headers["Content-Disposition"] = f'inline; filename="{filename}"'
        return Response(pdf.render_pdf(routine, specs, warnings), media_type=PDF, headers=headers)
    headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    headers["X-Content-Type-Options"] = "nosniff"
    return Response(
        html.render_html(routine, specs, warnings),
        media_type="text/html; charset=utf-8",
        headers=headers,
    )
