"""OpenAPI example of the handout: the real page of the routines' example routine.

A function (see `app.core.examples`): called once, when the document is first built.
"""

from __future__ import annotations

from functools import cache

from app.exports.handout import html
from app.training.routines import examples as routines


@cache
def handout_html() -> str:
    """The real page for the example routine, so the docs show exactly what is served."""
    return html.render_html(routines.routine_view(), routines.exercise_specs())
