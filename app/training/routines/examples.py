"""OpenAPI examples of routines, the timer and the builder: real presentations of seed data.

Each is a function (see `app.core.examples`): called once, when the document is first built,
so importing the router runs neither the seed loader nor the builder.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from functools import cache

from app.catalog.exercises.models import ExerciseSpec
from app.catalog.exercises.seed import load_seed
from app.catalog.planner import timing
from app.catalog.planner.models import Constraints
from app.catalog.planner.planner import build_plan
from app.catalog.planner.sides import item_fields
from app.core.types import JSONObject
from app.core.vocabulary import AffectedSide, Difficulty, Origin, Side
from app.training.routines.builder_service import BuilderAnswer
from app.training.routines.models import RoutineItemPublic, RoutinePublic
from app.training.routines.service import Timeline

ROUTINE_ID = uuid.UUID("0b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d")
STAMP = datetime(2026, 1, 1, tzinfo=UTC)
CLINICIAN_ID = uuid.UUID("5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d")
CLINIC_ID = uuid.UUID("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f")
CLAMSHELL = "clamshell"


def exercise_specs() -> dict[str, ExerciseSpec]:
    return {spec.slug: spec for spec in load_seed().exercises}


@cache
def routine_view() -> RoutinePublic:
    """One clamshell item for the right leg, presented as the service presents it."""
    specs = exercise_specs()
    item = RoutineItemPublic(
        **item_fields(specs[CLAMSHELL], Side.RIGHT),
        exercise=CLAMSHELL,
        order=1,
        sets=2,
        reps=10,
        steps=None,
        hold_seconds=3,
        side=Side.RIGHT,
        rest_seconds=30,
        notes="",
        reason=None,
    )
    return RoutinePublic(
        id=ROUTINE_ID,
        name="Morning glute med",
        notes="",
        sessions_per_week=3,
        is_template=False,
        origin=Origin.USER,
        items=[item],
        estimated_seconds=timing.routine_seconds([item], specs),
        progression=None,
        rationale=None,
        revision=1,
        version=1,
        prescriber=None,
        created_at=STAMP,
        updated_at=STAMP,
    )


@cache
def routine() -> JSONObject:
    return routine_view().model_dump(mode="json")


def routine_page() -> JSONObject:
    return {"items": [routine()], "next_cursor": None}


def prescribed_routine() -> JSONObject:
    """A prescription at its second version, as the patient reads it."""
    return {
        **routine(),
        "origin": Origin.PRESCRIPTION.value,
        "revision": 2,
        "version": 2,
        "prescriber": {
            "user_id": str(CLINICIAN_ID),
            "name": "Dr Ada Moss",
            "clinic_id": str(CLINIC_ID),
            "clinic_name": "Riverside Physio",
        },
    }


def version() -> JSONObject:
    body = routine()
    return {
        "routine_id": body["id"],
        "version": 1,
        "created_at": body["created_at"],
        **{
            key: body[key]
            for key in (
                "name",
                "notes",
                "sessions_per_week",
                "items",
                "estimated_seconds",
                "progression",
                "prescriber",
            )
        },
    }


def version_page() -> JSONObject:
    return {"items": [version()], "next_cursor": None}


def routine_copy() -> JSONObject:
    return {"id": "6f1d2c3b-4a59-4e8d-9c7b-1a2b3c4d5e6f"}


def routine_create() -> JSONObject:
    item: JSONObject = {
        "exercise": CLAMSHELL,
        "sets": 2,
        "reps": 10,
        "hold_seconds": 3,
        "side": "right",
    }
    return {"name": "Morning glute med", "sessions_per_week": 3, "items": [item]}


def routine_patch() -> JSONObject:
    return {"name": "Evening"}


@cache
def timeline() -> JSONObject:
    """The example routine's real timer intervals; their seconds add up to its estimate."""
    public = routine_view()
    answer = Timeline(
        routine_id=public.id,
        estimated_seconds=public.estimated_seconds,
        intervals=timing.timeline(public.items, exercise_specs()),
    )
    return answer.model_dump(mode="json")


def builder_request() -> JSONObject:
    return {
        "level": "beginner",
        "minutes": 15,
        "equipment": [],
        "affected_side": "right",
        "weeks": 4,
    }


@cache
def builder_answer() -> JSONObject:
    """A real answer: a beginner's 15 minutes, right side affected, over two weeks."""
    constraints = Constraints(
        level=Difficulty.BEGINNER,
        minutes=15,
        equipment=[],
        affected_side=AffectedSide.RIGHT,
        weeks=2,
    )
    seed = load_seed()
    plan = build_plan(seed.exercises, seed.ladder, constraints)
    answer = BuilderAnswer(
        **plan.model_dump(), name="Built routine", sessions_per_week=3, routine_id=None
    )
    return answer.model_dump(mode="json")
