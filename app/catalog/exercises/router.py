"""Catalog reads: public, cacheable, ETag'd."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from app.catalog.exercises import examples, service
from app.catalog.exercises.models import (
    EquipmentPublic,
    ExercisePublic,
    ExerciseSpec,
    ExerciseTombstone,
    ExerciseUpdate,
    MusclePublic,
)
from app.catalog.exercises.repository import ExerciseFilter
from app.core.caching import CACHE_NOTE, CONDITIONAL_READ, cacheable_responses, public_json
from app.core.changes import sync_key
from app.core.deps import IfMatch, SessionDep, SettingsDep
from app.core.examples import example_body, example_response
from app.core.pagination import SyncListQuery, SyncPage
from app.core.problems import answers, problem_responses
from app.core.responses import respond, to_bytes
from app.core.types import SLUG_PATTERN, SearchText
from app.core.vocabulary import Difficulty, Laterality, Position
from app.users.auth import AdminUser

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


@router.get(
    "/exercises",
    summary="List exercises",
    description=(
        "Browse the catalog with filters (repeat a filter for any-of), free-text `q` over "
        "name, summary and steps, `sort` (`name`, `slug`, `difficulty`, `created_at`, "
        "`updated_at`, `catalog_order`; prefix `-` to reverse) and cursor paging. To keep a "
        "copy in sync pass `sync_token` (`0` the first time): every change after it in commit "
        "order, removed exercises as `{slug, deleted_at}` tombstones, and a `sync_token` to "
        "send next time; follow `next_cursor` while more changes wait. `updated_since` still "
        "works but is deprecated: a change that commits late can be missed." + CACHE_NOTE
    ),
    dependencies=CONDITIONAL_READ,
    response_model=SyncPage[ExercisePublic | ExerciseTombstone],
    responses={
        **cacheable_responses(example_response(examples.exercise_page)),
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
    q: Annotated[SearchText | None, Query(description="Free-text search.")] = None,
    *,
    query: SyncListQuery,
) -> Response:
    flt = ExerciseFilter(
        positions=position,
        equipment=equipment,
        laterality=laterality,
        difficulty=difficulty,
        muscles=muscle,
        text=q,
    )
    key = sync_key(settings.signing_key)
    page = service.list_exercises(
        session,
        flt,
        query.sort,
        query.cursor,
        query.limit,
        query.updated_since,
        query.sync_token,
        key,
    )
    return public_json(request, to_bytes(page), settings.catalog_max_age)


@router.get(
    "/exercises/{slug}",
    summary="Get one exercise",
    description="The full exercise: steps, cues, the article's dosage, Medius' defaults, "
    "progressions and regressions." + CACHE_NOTE,
    dependencies=CONDITIONAL_READ,
    response_model=ExercisePublic,
    responses={
        **cacheable_responses(example_response(examples.exercise)),
        **problem_responses(404, 422),
    },
)
def get_exercise(
    request: Request, slug: ExerciseSlug, session: SessionDep, settings: SettingsDep
) -> Response:
    row = service.get_exercise(session, slug)
    return public_json(
        request,
        to_bytes(service.as_public(row)),
        settings.catalog_max_age,
        etag=service.exercise_etag(row),
    )


@router.get(
    "/equipment",
    summary="List equipment",
    description="Every piece of equipment the catalog uses, with how many exercises use it."
    + CACHE_NOTE,
    dependencies=CONDITIONAL_READ,
    response_model=list[EquipmentPublic],
    responses={
        **cacheable_responses(example_response(examples.equipment_list)),
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
        **cacheable_responses(example_response(examples.muscles)),
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
        **cacheable_responses(example_response(examples.muscle)),
        **problem_responses(404, 422),
    },
)
def get_muscle(
    request: Request, slug: MuscleSlug, session: SessionDep, settings: SettingsDep
) -> Response:
    muscle = service.get_muscle(session, slug)
    return public_json(request, to_bytes(muscle), settings.catalog_max_age)


ADMIN_ERRORS = (400, 401, 403, 413, 415, 422)


@router.post(
    "/exercises",
    status_code=201,
    summary="Add an exercise (admin)",
    description="Admins add an exercise, validated as strictly as the seed data: known "
    "equipment and muscles, ordered ranges, consistent laterality. A slug in use is 409.",
    response_model=ExercisePublic,
    openapi_extra=example_body(examples.exercise_spec),
    responses=answers(examples.exercise, *ADMIN_ERRORS, 409, status=201),
)
def create_exercise(spec: ExerciseSpec, session: SessionDep, _admin: AdminUser) -> Response:
    written = service.create_exercise(session, spec)
    return respond(written, status_code=201)


@router.patch(
    "/exercises/{slug}",
    summary="Change an exercise (admin)",
    description="JSON merge patch: the fields sent replace the stored ones and the result is "
    "validated whole. Send `If-Match` with the exercise's ETag (412 when stale).",
    response_model=ExercisePublic,
    openapi_extra=example_body(examples.exercise_patch),
    responses=answers(examples.exercise, *ADMIN_ERRORS, 404, 412, 428),
)
def update_exercise(
    slug: ExerciseSlug,
    changes: ExerciseUpdate,
    session: SessionDep,
    _admin: AdminUser,
    if_match: IfMatch = None,
) -> Response:
    written = service.update_exercise(session, slug, changes, if_match)
    return respond(written)


@router.delete(
    "/exercises/{slug}",
    status_code=204,
    summary="Remove an exercise (admin)",
    description="Removes the exercise from the catalog; syncing clients see it as a "
    "tombstone. Send `If-Match` with the exercise's ETag.",
    responses=answers(None, 401, 403, 404, 412, 422, 428, status=204, description="Removed"),
)
def delete_exercise(
    slug: ExerciseSlug,
    session: SessionDep,
    _admin: AdminUser,
    if_match: IfMatch = None,
) -> Response:
    service.delete_exercise(session, slug, if_match)
    return respond()
