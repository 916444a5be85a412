"""OpenAPI examples of alerts (functions, see `app.core.examples`)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from app.core.types import JSONObject
from app.core.vocabulary import AlertKind, AlertStatus
from app.logbook.alerts.models import AlertPublic

ALERT_ID = uuid.UUID("a1e27000-2222-4c2d-9e8f-0a1b2c3d4e5f")
SESSION_ID = uuid.UUID("3f2b6c1e-9d4a-4b7e-8c5f-1a2b3c4d5e6f")
CLINICIAN_ID = uuid.UUID("c11a1c1a-0000-4c2d-9e8f-0a1b2c3d4e5f")


def alert() -> JSONObject:
    return AlertPublic(
        id=ALERT_ID,
        kind=AlertKind.PAIN,
        message="Pain of 8/10 logged in the session of 2026-11-20.",
        raised_at=datetime(2026, 11, 20, 7, 56, tzinfo=UTC),
        session_id=SESSION_ID,
        assessment_id=None,
        exercise=None,
        week=None,
        pain=8,
        status=AlertStatus.ACKNOWLEDGED,
        acknowledged_at=datetime(2026, 11, 20, 9, 12, tzinfo=UTC),
        acknowledged_by=CLINICIAN_ID,
        acknowledged_clinic_id=None,
        acknowledgement_note="Seen; we will lower the dosage at Thursday's visit.",
    ).model_dump(mode="json")


def alert_page() -> JSONObject:
    return {"items": [alert()], "next_cursor": None}


def acknowledge() -> JSONObject:
    return {"note": "Seen; we will lower the dosage at Thursday's visit."}
