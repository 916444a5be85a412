"""OpenAPI example of the account export: the other domains' examples, as one account's.

A function (see `app.core.examples`): called once, when the document is first built.
"""

from __future__ import annotations

from app.core.types import JSONObject
from app.exports.account.models import EXPORT_FORMAT, UserExport
from app.exports.sharing import examples as sharing
from app.logbook.alerts import examples as alerts
from app.logbook.comments import examples as comments
from app.logbook.sessions import examples as sessions
from app.training.routines import examples as routines
from app.training.self_checks import examples as assessments
from app.users import examples as users
from app.webhooks import examples as webhooks


def account_export() -> JSONObject:
    return UserExport.model_validate(
        {
            "format": EXPORT_FORMAT,
            "exported_at": "2026-11-25T12:00:00Z",
            "profile": users.user(),
            "routines": [routines.routine()],
            "assessments": [assessments.assessment()],
            "sessions": [sessions.session()],
            "alerts": [alerts.alert()],
            "session_comments": [comments.comment()],
            "webhooks": [webhooks.endpoint()],
            "share_links": [sharing.link()],
        }
    ).model_dump(mode="json")
