"""The report in the format `Accept` asks for, as the handout negotiates it (and answered
by the handout's `program_response`: same headers, same Content-Security-Policy)."""

from __future__ import annotations

from app.core.negotiation import negotiate
from app.exports.handout.render import HANDOUT_TYPES, PDF, Rendered
from app.exports.report import html, pdf
from app.exports.report.models import ReportData
from app.exports.report.sections import build_page

REPORT_TYPES = HANDOUT_TYPES  # text/html (also */* or no Accept), application/pdf


def media_type(accept: str | None) -> str:
    """The format to answer (406 when neither is acceptable): asked before any work."""
    return negotiate(accept, REPORT_TYPES)


def render(data: ReportData, accept: str | None) -> Rendered:
    """The report's file name stem, the media type and the document."""
    chosen = media_type(accept)
    page = build_page(data)
    name = f"progress report {data.period.first.isoformat()} {data.period.last.isoformat()}"
    if chosen == PDF:
        return name, chosen, pdf.render_pdf(page)
    return name, chosen, html.render_html(page)
