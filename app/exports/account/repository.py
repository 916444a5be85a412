"""The rows one account owns, each kind in the order the export lists it."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlmodel import Session, col, select

from app.logbook.alerts.models import Alert
from app.logbook.comments.models import SessionComment
from app.logbook.sessions.models import WorkoutSession
from app.training.routines.models import Routine
from app.training.self_checks.models import Assessment


def routines_of(session: Session, owner_id: uuid.UUID) -> Sequence[Routine]:
    return session.exec(
        select(Routine).where(col(Routine.owner_id) == owner_id).order_by(col(Routine.created_at))
    ).all()


def assessments_of(session: Session, owner_id: uuid.UUID) -> Sequence[Assessment]:
    return session.exec(
        select(Assessment)
        .where(col(Assessment.owner_id) == owner_id)
        .order_by(col(Assessment.created_at))
    ).all()


def sessions_of(session: Session, owner_id: uuid.UUID) -> Sequence[WorkoutSession]:
    """Live session logs (deleted ones are tombstones for sync, not the person's data)."""
    return session.exec(
        select(WorkoutSession)
        .where(col(WorkoutSession.owner_id) == owner_id, col(WorkoutSession.deleted_at).is_(None))
        .order_by(col(WorkoutSession.started_at), col(WorkoutSession.id))
    ).all()


def alerts_of(session: Session, patient_id: uuid.UUID) -> Sequence[Alert]:
    return session.exec(
        select(Alert)
        .where(col(Alert.patient_id) == patient_id)
        .order_by(col(Alert.raised_at), col(Alert.id))
    ).all()


def comments_of(session: Session, patient_id: uuid.UUID) -> Sequence[SessionComment]:
    return session.exec(
        select(SessionComment)
        .where(col(SessionComment.patient_id) == patient_id)
        .order_by(col(SessionComment.created_at), col(SessionComment.id))
    ).all()
