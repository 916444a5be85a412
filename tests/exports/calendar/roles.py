"""The role matrix's rows for the operations of app.exports.calendar (tests/role_matrix.py)."""

from __future__ import annotations

from tests.role_matrix import Case, Rows, json_body

ROWS: Rows = {
    # The calendar feed: each caller's own token; the feed itself takes only the feed
    # token (none sent here: 422 whoever signs in, a bearer token grants nothing).
    ("POST", "/api/v1/me/calendar-token"): Case(
        "401 201 201 201 201 201 201 201", json_body(lambda w: {})
    ),
    ("DELETE", "/api/v1/me/calendar-token"): Case("401 204 204 204 204 204 204 204"),
    ("GET", "/api/v1/me/calendar.ics"): Case("422 422 422 422 422 422 422 422"),
}
