"""OpenAPI examples of self-checks: a check as sent, and the app's own reading of it.

Each is a function (see `app.core.examples`): called once, when the document is first built.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from functools import cache

from app.core.types import JSONObject
from app.training.self_checks.interpretation import interpret
from app.training.self_checks.models import AssessmentCreate, AssessmentPublic

ASSESSMENT_ID = uuid.UUID("5a1e3c9b-1111-4c2d-9e8f-0a1b2c3d4e5f")


def check() -> JSONObject:
    return {
        "stance_leg": "right",
        "pelvis_drop": "slight",
        "knee_drifts_in": True,
        "trunk_lean": False,
        "hold_seconds": 20,
        "pain": 1,
        "notes": "",
    }


@cache
def assessment() -> JSONObject:
    sent = AssessmentCreate.model_validate(check())
    answer = AssessmentPublic(
        **sent.model_dump(),
        id=ASSESSMENT_ID,
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
        interpretation=interpret(sent),
    )
    return answer.model_dump(mode="json")


def assessment_page() -> JSONObject:
    return {"items": [assessment()], "next_cursor": None}
