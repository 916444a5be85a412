"""The printed program in the format `Accept` asks for, and its response: one place for
`GET /routines/{id}/handout` and a shared handout (`app.exports.sharing`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from starlette.responses import Response

from app.catalog.exercises.models import ExerciseSpec
from app.core.negotiation import negotiate
from app.exports.handout import html, pdf
from app.training.routines.models import RoutinePublic

HTML = "text/html"
PDF = "application/pdf"
HANDOUT_TYPES = (HTML, PDF)  # the first is what `*/*` or no Accept gets
Rendered = tuple[str, str, bytes | str]  # the routine's name, the media type, the document


def render(
    routine: RoutinePublic,
    specs: Mapping[str, ExerciseSpec],
    warnings: Sequence[str],
    accept: str | None,
) -> Rendered:
    """The program in the format `accept` prefers (406 when none is offered)."""
    media_type = negotiate(accept, HANDOUT_TYPES)
    if media_type == PDF:
        return routine.name, media_type, pdf.render_pdf(routine, specs, warnings)
    return routine.name, media_type, html.render_html(routine, specs, warnings)


def program_response(rendered: Rendered, headers: Mapping[str, str]) -> Response:
    """The rendered program as its response, with `headers` (caching, vary) added."""
    name, media_type, body = rendered
    merged = dict(headers)
    if media_type == PDF:
        merged["Content-Disposition"] = f'inline; filename="{pdf.pdf_filename(name)}"'
        return Response(body, media_type=PDF, headers=merged)
    merged["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    merged["X-Content-Type-Options"] = "nosniff"
    return Response(body, media_type="text/html; charset=utf-8", headers=merged)
