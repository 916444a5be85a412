"""The report's representations and headers in OpenAPI, shared with a shared report
(app/exports/sharing)."""

from __future__ import annotations

from app.core.examples import lazy_example
from app.exports.handout.render import HTML, PDF
from app.exports.report import examples

REPORT_CONTENT = {
    HTML: {"schema": {"type": "string"}, "example": lazy_example(examples.report_html)},
    PDF: {"schema": {"type": "string", "format": "binary"}},
}

CONTENT_DISPOSITION = {
    "description": 'PDF only: `inline; filename="progress-report-<from>-<to>.pdf"`.',
    "schema": {"type": "string"},
}
