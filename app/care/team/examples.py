"""OpenAPI examples of the care team's bodies (see `app.core.examples`)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from app.care.team import scope_terms
from app.core.types import JSONObject, JSONValue
from app.core.vocabulary import CareScope
from app.logbook.sessions import examples as session_examples

CLINIC_ID = uuid.UUID("c11c0000-0000-4000-8000-000000000001")
CLINICIAN_ID = uuid.UUID("c11c0000-0000-4000-8000-0000000000c1")
PATIENT_ID = uuid.UUID("c11c0000-0000-4000-8000-0000000000a1")
RELATIONSHIP_ID = uuid.UUID("c11c0000-0000-4000-8000-0000000000e1")
INVITATION_ID = uuid.UUID("c11c0000-0000-4000-8000-0000000000f1")
AT = "2026-11-20T07:30:00Z"
EXPIRES = "2026-11-27T07:30:00Z"
SCOPES: list[JSONValue] = ["progress", "self_checks", "sessions"]


def _page(item: JSONObject) -> JSONObject:
    return {"items": [item], "next_cursor": None}


def clinic_create() -> JSONObject:
    return {"name": "Riverside Physiotherapy"}


def clinic() -> JSONObject:
    return {
        "id": str(CLINIC_ID),
        "name": "Riverside Physiotherapy",
        "role": "owner",
        "created_at": AT,
        "updated_at": AT,
    }


def clinic_page() -> JSONObject:
    return _page(clinic())


def member() -> JSONObject:
    return {
        "user": {"id": str(CLINICIAN_ID), "display_name": "Dr Lee"},
        "email": "lee@example.com",
        "role": "clinician",
        "created_at": AT,
    }


def member_page() -> JSONObject:
    return _page(member())


def member_update() -> JSONObject:
    return {"role": "owner"}


def clinic_invitation_create() -> JSONObject:
    return {"role": "clinician", "expires_in_days": 7}


def clinic_invitation() -> JSONObject:
    return {
        "id": str(INVITATION_ID),
        "code": "mcl_3q2Yb0v8Wm1f7P0nq0cY3kQ2ZB1lYF5kq9fQw8n3sDk",
        "expires_at": EXPIRES,
        "clinic_id": str(CLINIC_ID),
        "role": "clinician",
    }


def code() -> JSONObject:
    return {"code": "mcr_Hk2V0b1pQ9cX8wLr4m7tYz3sN6dA5fE0gJ2hK4uW1qI"}


def care_invitation_create() -> JSONObject:
    return {"scopes": SCOPES, "expires_in_days": 7}


def care_invitation() -> JSONObject:
    return {
        "id": str(INVITATION_ID),
        "code": code()["code"],
        "expires_at": EXPIRES,
        "clinic_id": str(CLINIC_ID),
        "scopes": SCOPES,
    }


def preview() -> JSONObject:
    asked = [CareScope.CLINIC_SYSTEMS, CareScope.PROGRESS, CareScope.SESSIONS]
    return {
        "clinic": {"id": str(CLINIC_ID), "name": "Riverside Physiotherapy"},
        "clinician": {"id": str(CLINICIAN_ID), "display_name": "Dr Lee"},
        "asked_by": "Dr Lee at Riverside Physiotherapy",
        "scopes": [s.value for s in asked],
        "scope_details": [d.model_dump(mode="json") for d in scope_terms.details(asked)],
        "expires_at": EXPIRES,
    }


def accept() -> JSONObject:
    return {**code(), "scopes": ["progress", "sessions"]}


def relationship() -> JSONObject:
    return {
        "id": str(RELATIONSHIP_ID),
        "clinic": {"id": str(CLINIC_ID), "name": "Riverside Physiotherapy"},
        "clinician": {"id": str(CLINICIAN_ID), "display_name": "Dr Lee"},
        "patient": {"id": str(PATIENT_ID), "display_name": "Sam"},
        "scopes": ["progress", "sessions"],
        "status": "active",
        "created_at": AT,
        "ended_at": None,
    }


def relationship_page() -> JSONObject:
    return _page(relationship())


def access_log_page() -> JSONObject:
    return _page(
        {
            "id": str(uuid.UUID("c11c0000-0000-4000-8000-0000000000b1")),
            "at": datetime(2026, 11, 21, 9, 0, tzinfo=UTC).isoformat().replace("+00:00", "Z"),
            "actor_id": str(CLINICIAN_ID),
            "actor_name": "Dr Lee",
            "clinic_id": str(CLINIC_ID),
            "clinic_name": "Riverside Physiotherapy",
            "relationship_id": str(RELATIONSHIP_ID),
            "share_link_id": None,
            "endpoint_id": None,
            "webhook_id": None,
            "action": "read",
            "resource": "progress",
            "address": "203.0.113.7",
        }
    )


def patient_sessions() -> JSONObject:
    """A patient's sessions as a clinician reads them: live sessions only (no sync)."""
    return _page(session_examples.session())


def care_patients() -> JSONObject:
    mondays = ["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"]
    done = [3, 2, 1, 1, 0]
    return _page(
        {
            "patient": {"id": str(PATIENT_ID), "display_name": "Sam"},
            "relationship_id": str(RELATIONSHIP_ID),
            "scopes": ["alerts", "measures", "progress", "sessions"],
            "open_alerts": 1,
            "latest_measure": {
                "answer_id": "7c2a3d4e-3333-4c2d-9e8f-0a1b2c3d4e5f",
                "instrument_id": "night-pain",
                "answered_at": "2026-11-20T21:10:00Z",
                "score": 6.0,
                "change": 2.0,
                "mcid": 1.5,
                "verdict": "worse",
            },
            "figures": {
                "sessions_per_week": 3,
                "adherence": 0.583,
                "weeks": [
                    {"starts_on": day, "sessions": n, "ratio": round(n / 3, 3)}
                    for day, n in zip(mondays, done, strict=True)
                ],
                "last_session_at": "2026-11-18T07:30:00Z",
                "latest_pain": 7,
                "latest_effort": 8,
                "asymmetry": [
                    {"starts_on": day, "asymmetry": value}
                    for day, value in zip(mondays, [-0.1, -0.15, -0.2, -0.3, None], strict=True)
                ],
            },
        }
    )


OWNER_ID = uuid.UUID("c11c0000-0000-4000-8000-0000000000b1")


def clinic_invitation_listed() -> JSONObject:
    return {
        "id": str(INVITATION_ID),
        "clinic_id": str(CLINIC_ID),
        "status": "used",
        "created_at": AT,
        "expires_at": EXPIRES,
        "used_at": "2026-11-21T09:00:00Z",
        "used_by": {"id": str(CLINICIAN_ID), "display_name": "Dr Lee"},
        "revoked_at": None,
        "role": "clinician",
        "created_by": {"id": str(OWNER_ID), "display_name": "Dr Okafor"},
    }


def clinic_invitation_page() -> JSONObject:
    return _page(clinic_invitation_listed())


def care_invitation_page() -> JSONObject:
    return _page(
        {
            "id": str(INVITATION_ID),
            "clinic_id": str(CLINIC_ID),
            "status": "open",
            "created_at": AT,
            "expires_at": EXPIRES,
            "used_at": None,
            "used_by": None,
            "revoked_at": None,
            "scopes": SCOPES,
        }
    )
