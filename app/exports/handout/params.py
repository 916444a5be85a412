"""The printed program's representations in OpenAPI, shared with a shared handout
(app/exports/sharing)."""

from __future__ import annotations

from app.core.examples import lazy_example
from app.exports.handout import examples
from app.exports.handout.render import HTML, PDF

HANDOUT_CONTENT = {
    HTML: {"schema": {"type": "string"}, "example": lazy_example(examples.handout_html)},
    PDF: {"schema": {"type": "string", "format": "binary"}},
}

CONTENT_DISPOSITION = {
    "description": 'PDF only: `inline; filename="<routine-name>.pdf"`.',
    "schema": {"type": "string"},
}
