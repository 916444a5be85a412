"""Queries over assignments and answers."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from app.core.pagination import Sort, paginate
from app.outcomes.measures.models import MeasureAnswer, MeasureAssignment

ANSWERS_SORTABLE = {"answered_at": MeasureAnswer.answered_at}
ASSIGNMENTS_SORTABLE = {"created_at": MeasureAssignment.created_at}


def add(session: Session, row: MeasureAssignment | MeasureAnswer) -> None:
    session.add(row)
    session.flush()


def assignment(session: Session, assignment_id: uuid.UUID) -> MeasureAssignment | None:
    return session.get(MeasureAssignment, assignment_id)


def answer(session: Session, answer_id: uuid.UUID) -> MeasureAnswer | None:
    return session.get(MeasureAnswer, answer_id)


def assignments_of(
    session: Session, patient_id: uuid.UUID, clinic_id: uuid.UUID | None = None
) -> Sequence[MeasureAssignment]:
    """The patient's assignments (one clinic's, when given), oldest first."""
    stmt = select(MeasureAssignment).where(col(MeasureAssignment.patient_id) == patient_id)
    if clinic_id is not None:
        stmt = stmt.where(col(MeasureAssignment.clinic_id) == clinic_id)
    return session.exec(
        stmt.order_by(col(MeasureAssignment.created_at), col(MeasureAssignment.id))
    ).all()


def page_assignments(
    session: Session,
    patient_id: uuid.UUID,
    clinic_id: uuid.UUID | None,
    sort: Sort,
    cursor: str | None,
    limit: int,
) -> tuple[Sequence[MeasureAssignment], str | None]:
    stmt = select(MeasureAssignment).where(col(MeasureAssignment.patient_id) == patient_id)
    if clinic_id is not None:
        stmt = stmt.where(col(MeasureAssignment.clinic_id) == clinic_id)
    return paginate(
        session, stmt, sort=sort, id_column=col(MeasureAssignment.id), cursor=cursor, limit=limit
    )


def answers_of(session: Session, assignment_ids: Sequence[uuid.UUID]) -> Sequence[MeasureAnswer]:
    """Every answer of the assignments, in answer order (the order baselines are read in)."""
    if not assignment_ids:
        return []
    return session.exec(
        select(MeasureAnswer)
        .where(col(MeasureAnswer.assignment_id).in_(list(assignment_ids)))
        .order_by(col(MeasureAnswer.answered_at), col(MeasureAnswer.id))
    ).all()


def page_answers(
    session: Session,
    patient_id: uuid.UUID,
    assignment_id: uuid.UUID | None,
    clinic_id: uuid.UUID | None,
    sort: Sort,
    cursor: str | None,
    limit: int,
) -> tuple[Sequence[MeasureAnswer], str | None]:
    stmt = select(MeasureAnswer).where(col(MeasureAnswer.patient_id) == patient_id)
    if assignment_id is not None:
        stmt = stmt.where(col(MeasureAnswer.assignment_id) == assignment_id)
    if clinic_id is not None:
        stmt = stmt.where(col(MeasureAnswer.clinic_id) == clinic_id)
    return paginate(
        session, stmt, sort=sort, id_column=col(MeasureAnswer.id), cursor=cursor, limit=limit
    )


def end_assignments(
    session: Session, clinic_id: uuid.UUID, patient_ids: Sequence[uuid.UUID], at: datetime
) -> None:
    session.execute(
        update(MeasureAssignment)
        .where(
            col(MeasureAssignment.clinic_id) == clinic_id,
            col(MeasureAssignment.patient_id).in_(list(patient_ids)),
            col(MeasureAssignment.ended_at).is_(None),
        )
        .values(ended_at=at)
    )


def lock_assignment(session: Session, assignment_id: uuid.UUID) -> None:
    """Serialise the writers of one assignment's answers (PostgreSQL: a row lock; SQLite's
    writers take the database one at a time), so each rescoring sees the others' answers."""
    session.exec(
        select(MeasureAssignment.id)
        .where(col(MeasureAssignment.id) == assignment_id)
        .with_for_update(key_share=True)
    ).first()


def count_answers(session: Session, assignment_id: uuid.UUID) -> int:
    return int(
        session.exec(
            select(func.count()).where(col(MeasureAnswer.assignment_id) == assignment_id)
        ).one()
    )


def bump_revision(session: Session, answer_id: uuid.UUID, revision: int) -> bool:
    """Compare-and-set of an answer's revision: False when another writer got there first."""
    done = session.execute(
        update(MeasureAnswer)
        .where(col(MeasureAnswer.id) == answer_id, col(MeasureAnswer.revision) == revision)
        .values(revision=revision + 1)
    )
    return bool(done.rowcount)  # type: ignore[attr-defined]
