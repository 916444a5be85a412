"""Queries over self-checks."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlmodel import Session, col, select

from app.core.pagination import Sort, paginate
from app.training.self_checks.models import Assessment

SORTABLE = {"created_at": Assessment.created_at}


def add_assessment(session: Session, row: Assessment) -> None:
    session.add(row)


def get_owned(session: Session, assessment_id: uuid.UUID, owner_id: uuid.UUID) -> Assessment | None:
    """The owner's self-check; another's is as absent as a missing one."""
    return session.exec(
        select(Assessment).where(
            col(Assessment.id) == assessment_id, col(Assessment.owner_id) == owner_id
        )
    ).first()


def list_assessments(
    session: Session, *, owner_id: uuid.UUID, sort: Sort, cursor: str | None, limit: int
) -> tuple[Sequence[Assessment], str | None]:
    stmt = select(Assessment).where(col(Assessment.owner_id) == owner_id)
    return paginate(
        session, stmt, sort=sort, id_column=col(Assessment.id), cursor=cursor, limit=limit
    )


def latest(session: Session, owner_id: uuid.UUID) -> Assessment | None:
    """The owner's most recent self-check, if any."""
    return session.exec(
        select(Assessment)
        .where(col(Assessment.owner_id) == owner_id)
        .order_by(col(Assessment.created_at).desc(), col(Assessment.id).desc())
        .limit(1)
    ).first()
