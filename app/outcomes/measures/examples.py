"""OpenAPI examples of the measure routes (called when the document is first built)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from functools import cache

from app.core.types import JSONObject
from app.core.vocabulary import DueStatus, MeasureVerdict, Reporter
from app.outcomes.measures.models import (
    AnswerPublic,
    AssignmentPublic,
    DueMeasure,
    MeasurePoint,
    MeasureResult,
)

ASSIGNMENT_ID = uuid.UUID("6b1f2c3d-2222-4c2d-9e8f-0a1b2c3d4e5f")
ANSWER_ID = uuid.UUID("7c2a3d4e-3333-4c2d-9e8f-0a1b2c3d4e5f")
CLINIC_ID = uuid.UUID("8d3b4e5f-4444-4c2d-9e8f-0a1b2c3d4e5f")
AT = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)
ACTIVITIES: JSONObject = {
    "activities": [
        {"activity": "Climbing stairs", "rating": 6},
        {"activity": "Lying on my side", "rating": 5},
    ]
}


def assign() -> JSONObject:
    return {
        "id": str(ASSIGNMENT_ID),
        "instrument_id": "psfs",
        "schedule": {"at_start": True, "every_weeks": 2, "discharge_on": "2026-04-27"},
    }


@cache
def _assignment() -> AssignmentPublic:
    return AssignmentPublic(
        id=ASSIGNMENT_ID,
        instrument_id="psfs",
        instrument_version=1,
        clinic_id=CLINIC_ID,
        at_start=True,
        every_weeks=2,
        starts_on=date(2026, 2, 16),
        discharge_on=date(2026, 4, 27),
        created_at=datetime(2026, 2, 16, 9, tzinfo=UTC),
        ended_at=None,
    )


def assignment() -> JSONObject:
    return _assignment().model_dump(mode="json")


def answer_create() -> JSONObject:
    return {"id": str(ANSWER_ID), "assignment_id": str(ASSIGNMENT_ID), "answers": ACTIVITIES}


def answer_update() -> JSONObject:
    return {"answers": ACTIVITIES}


@cache
def _answer() -> AnswerPublic:
    return AnswerPublic(
        id=ANSWER_ID,
        assignment_id=ASSIGNMENT_ID,
        instrument_id="psfs",
        instrument_version=1,
        answers=ACTIVITIES,
        score=5.5,
        baseline=3.5,
        change=2.0,
        mcid=1.3,
        verdict=MeasureVerdict.BETTER,
        due_on=date(2026, 3, 2),
        answered_at=AT,
        reporter=Reporter.PATIENT,
        revision=1,
        editable_until=datetime(2026, 3, 3, 8, 30, tzinfo=UTC),
        created_at=AT,
        updated_at=AT,
    )


def answer() -> JSONObject:
    return _answer().model_dump(mode="json")


def answer_page() -> JSONObject:
    return {"items": [answer()], "next_cursor": None}


def due_list() -> JSONObject:
    due = [
        DueMeasure(
            assignment_id=ASSIGNMENT_ID,
            instrument_id="psfs",
            title="Patient-Specific Functional Scale",
            clinic_id=CLINIC_ID,
            due_on=date(2026, 3, 2),
            status=DueStatus.DUE,
            reported_by=[Reporter.PATIENT],
        ).model_dump(mode="json")
    ]
    return {"items": due, "next_cursor": None}  # type: ignore[dict-item]


def result_page() -> JSONObject:
    result = MeasureResult(
        assignment=_assignment(),
        title="Patient-Specific Functional Scale",
        unit="{score}",
        higher_is_better=True,
        mcid=1.3,
        baseline=3.5,
        latest_score=5.5,
        latest_change=2.0,
        latest_verdict=MeasureVerdict.BETTER,
        points=[
            MeasurePoint(
                answer_id=uuid.UUID("9e4c5f60-5555-4c2d-9e8f-0a1b2c3d4e5f"),
                answered_at=datetime(2026, 2, 16, 9, 5, tzinfo=UTC),
                score=3.5,
            ),
            MeasurePoint(answer_id=ANSWER_ID, answered_at=AT, score=5.5),
        ],
    )
    return {"items": [result.model_dump(mode="json")], "next_cursor": None}
