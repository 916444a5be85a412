"""Storing and reading self-checks; owner only."""

from __future__ import annotations

import uuid

from sqlmodel import Session

from app.core.db import begin_write
from app.core.errors import NotFound
from app.core.events import publish
from app.core.pagination import Page, parse_sort
from app.core.responses import Resource
from app.training.self_checks import repository
from app.training.self_checks.events import SelfCheckRecorded
from app.training.self_checks.interpretation import advises_a_professional, interpret
from app.training.self_checks.models import (
    Assessment,
    AssessmentCreate,
    AssessmentPublic,
    Interpretation,
)
from app.users.models import Caller


def as_public(row: Assessment) -> AssessmentPublic:
    return AssessmentPublic.model_validate(
        {**row.model_dump(), "interpretation": Interpretation.model_validate(row.interpretation)}
    )


def _resource(row: Assessment) -> Resource[AssessmentPublic]:
    return Resource(as_public(row), location=f"/me/assessments/{row.id}")


def record(session: Session, user: Caller, check: AssessmentCreate) -> Resource[AssessmentPublic]:
    begin_write(session)
    row = Assessment(
        owner_id=user.id,
        **check.model_dump(),
        interpretation=interpret(check).model_dump(mode="json"),
    )
    repository.add_assessment(session, row)
    publish(
        session,
        SelfCheckRecorded(user.id, row.id, check.pain, advises_a_professional(check.pain)),
    )
    session.commit()
    return _resource(row)


def get_owned(session: Session, user: Caller, assessment_id: uuid.UUID) -> AssessmentPublic:
    row = repository.get_owned(session, assessment_id, user.id)
    if row is None:
        raise NotFound(f"No self-check {assessment_id} among yours.")
    return as_public(row)


def list_owned(
    session: Session, user: Caller, sort: str | None, cursor: str | None, limit: int
) -> Page[AssessmentPublic]:
    order = parse_sort(sort, repository.SORTABLE, default="-created_at")
    rows, next_cursor = repository.list_assessments(
        session, owner_id=user.id, sort=order, cursor=cursor, limit=limit
    )
    return Page[AssessmentPublic](items=[as_public(r) for r in rows], next_cursor=next_cursor)


def latest_owned(session: Session, user: Caller) -> AssessmentPublic | None:
    """The user's most recent self-check (what a clinician's builder run applies)."""
    row = repository.latest(session, user.id)
    return None if row is None else as_public(row)
