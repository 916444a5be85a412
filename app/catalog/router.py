"""Catalog reads: public, cacheable, ETag'd."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from app.catalog import service
from app.catalog.examples import (
    equipment_example,
    example_response,
    exercise_example,
    muscle_example,
)
from app.catalog.models import (
    Difficulty,
    EquipmentPublic,
    ExercisePublic,
    Laterality,
    MusclePublic,
    Position,
)
from app.catalog.repository import ExerciseFilter
from app.core.caching import CONDITIONAL_READ, cacheable_responses, public_json
from app.core.deps import SessionDep, SettingsDep
from app.core.pagination import DEFAULT_LIMIT, Cursor, Limit, Page, SortParam
from app.core.problems import problem_responses
from app.core.responses import to_bytes
from app.core.types import SLUG_PATTERN

router = APIRouter(tags=["catalog"])

SlugQuery = Annotated[str, Query(min_length=1, max_length=64, pattern=SLUG_PATTERN)]
ExerciseSlug = Annotated[
    str,
    Path(
        min_length=1,
        max_length=64,
        pattern=SLUG_PATTERN,
        description="Exercise slug.",
        examples=["clamshell"],
    ),
]
MuscleSlug = Annotated[
    str,
    Path(
        min_length=1,
        max_length=64,
        pattern=SLUG_PATTERN,
        description="Muscle slug.",
        examples=["gluteus-medius"],
    ),
]
CACHE_NOTE = " Sends `ETag` and `Cache-Control: public`; repeat with `If-None-Match` to get 304."


@router.get(
    "/exercises",
    summary="List exercises",
    description=(
        "Browse the catalog with filters (repeat a filter for any-of), free-text `q` over "
        "name, summary and steps, `sort` (`name`, `slug`, `difficulty`, `created_at`, "
        "`updated_at`, `catalog_order`; prefix `-` to reverse) and cursor paging." + CACHE_NOTE
    ),
    dependencies=CONDITIONAL_READ,
    response_model=Page[ExercisePublic],
    responses={
        **cacheable_responses(
            example_response({"items": [exercise_example()], "next_cursor": None})
        ),
        **problem_responses(422),
    },
)
def list_exercises(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    position: Annotated[list[Position], Query(max_length=10)] = [],  # noqa: B006
    equipment: Annotated[list[SlugQuery], Query(max_length=20)] = [],  # noqa: B006
    laterality: Annotated[list[Laterality], Query(max_length=2)] = [],  # noqa: B006
    difficulty: Annotated[list[Difficulty], Query(max_length=3)] = [],  # noqa: B006
    muscle: Annotated[list[SlugQuery], Query(max_length=20)] = [],  # noqa: B006
    q: Annotated[str | None, Query(max_length=100, description="Free-text search.")] = None,
    sort: SortParam = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Response:
    flt = ExerciseFilter(
        positions=position,
        equipment=equipment,
        laterality=laterality,
        difficulty=difficulty,
        muscles=muscle,
        text=q,
    )
    page = service.list_exercises(session, flt, sort, cursor, limit)
    return public_json(request, to_bytes(page), settings.catalog_max_age)


@router.get(
    "/exercises/{slug}",
    summary="Get one exercise",
    description="The full exercise: steps, cues, the article's dosage, Medius' defaults, "
    "progressions and regressions." + CACHE_NOTE,
    dependencies=CONDITIONAL_READ,
    response_model=ExercisePublic,
    responses={
        **cacheable_responses(example_response(exercise_example())),
        **problem_responses(404, 422),
    },
)
def get_exercise(
    request: Request, slug: ExerciseSlug, session: SessionDep, settings: SettingsDep
) -> Response:
    exercise = service.get_exercise(session, slug)
    return public_json(request, to_bytes(exercise), settings.catalog_max_age)


@router.get(
    "/equipment",
    summary="List equipment",
    description="Every piece of equipment the catalog uses, with how many exercises use it."
    + CACHE_NOTE,
    dependencies=CONDITIONAL_READ,
    response_model=list[EquipmentPublic],
    responses={
        **cacheable_responses(example_response([equipment_example()])),
        **problem_responses(422),
    },
)
def list_equipment(request: Request, session: SessionDep, settings: SettingsDep) -> Response:
    items = service.list_equipment(session)
    return public_json(
        request, to_bytes([i.model_dump(mode="json") for i in items]), settings.catalog_max_age
    )


@router.get(
    "/muscles",
    summary="List muscle profiles",
    description="Muscle profiles: actions, main role, signs of weakness, compensations."
    + CACHE_NOTE,
    dependencies=CONDITIONAL_READ,
    response_model=list[MusclePublic],
    responses={
        **cacheable_responses(example_response([muscle_example()])),
        **problem_responses(422),
    },
)
def list_muscles(request: Request, session: SessionDep, settings: SettingsDep) -> Response:
    items = service.list_muscles(session)
    return public_json(
        request, to_bytes([m.model_dump(mode="json") for m in items]), settings.catalog_max_age
    )


@router.get(
    "/muscles/{slug}",
    summary="Get one muscle profile",
    description="One muscle's profile, e.g. `gluteus-medius`: its actions, its role in "
    "single-leg stance, the Trendelenburg sign and the compensations." + CACHE_NOTE,
    dependencies=CONDITIONAL_READ,
    response_model=MusclePublic,
    responses={
        **cacheable_responses(example_response(muscle_example())),
        **problem_responses(404, 422),
    },
)
def get_muscle(
    request: Request, slug: MuscleSlug, session: SessionDep, settings: SettingsDep
) -> Response:
    muscle = service.get_muscle(session, slug)
    return public_json(request, to_bytes(muscle), settings.catalog_max_age)
