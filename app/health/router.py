"""Liveness and readiness probes, outside `/api/v1`."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel
from sqlalchemy.exc import SQLAlchemyError
from starlette.responses import Response

from app.core.migrations import head_revision
from app.core.problems import answers, problem_response
from app.core.responses import respond
from app.health import examples, repository

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str


class Readiness(BaseModel):
    status: str
    database: str
    migration: str | None


@router.get(
    "/healthz",
    summary="Liveness",
    description="Answers 200 while the process serves requests; touches nothing else.",
    response_model=Health,
    responses=answers(examples.health),
)
def healthz() -> Response:
    return respond(Health(status="ok"))


@router.get(
    "/readyz",
    summary="Readiness",
    description="200 when the database answers and its schema is at the latest migration; "
    "503 otherwise, so a load balancer stops routing here.",
    response_model=Readiness,
    responses=answers(examples.readiness, 503),
)
def readyz(request: Request) -> Response:
    try:
        revision = repository.schema_revision(request.app.state.engine)
    except SQLAlchemyError:
        return problem_response(request, 503, "The database is not reachable.")
    if revision != head_revision():
        return problem_response(
            request, 503, f"The schema is at {revision!r}, not the latest migration; migrate."
        )
    return respond(Readiness(status="ready", database="ok", migration=revision))
