"""Single-leg stance self-checks: owner only."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path
from starlette.responses import Response

from app.core.examples import example_body
from app.core.pagination import DEFAULT_LIMIT, Cursor, Limit, Page, SortParam
from app.core.problems import answers
from app.core.responses import respond
from app.training.self_checks import examples, service
from app.training.self_checks.models import AssessmentCreate, AssessmentPublic
from app.users.auth import SignedIn

router = APIRouter(prefix="/me/assessments", tags=["assessments"])

AssessmentID = Annotated[uuid.UUID, Path(description="The self-check's id.")]


@router.post(
    "",
    status_code=201,
    summary="Record a single-leg stance self-check",
    description="Stand on one leg and note what happened. The answer interprets it against "
    "the article's signs: the opposite hip dropping (Trendelenburg sign), the knee "
    "drifting in, the trunk leaning toward the stance side. Not a diagnosis.",
    response_model=AssessmentPublic,
    openapi_extra=example_body(examples.check),
    responses=answers(examples.assessment, 400, 401, 413, 415, 422, status=201),
)
async def record_assessment(check: AssessmentCreate, unit: SignedIn) -> Response:
    return respond(await unit.write(service.record, check), status_code=201)


@router.get(
    "",
    summary="List your self-checks",
    description="Newest first by default (`sort=created_at` for oldest first).",
    response_model=Page[AssessmentPublic],
    responses=answers(examples.assessment_page, 401, 422),
)
async def list_assessments(
    unit: SignedIn,
    sort: SortParam = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Response:
    return respond(await unit.run(service.list_owned, sort, cursor, limit))


@router.get(
    "/{assessment_id}",
    summary="Get one of your self-checks",
    description="Another user's self-check is 404.",
    response_model=AssessmentPublic,
    responses=answers(examples.assessment, 401, 404, 422),
)
async def get_assessment(assessment_id: AssessmentID, unit: SignedIn) -> Response:
    return respond(await unit.run(service.get_owned, assessment_id))
