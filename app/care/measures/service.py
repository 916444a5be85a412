"""A clinician's calls on a patient's measures, under the `measures` scope: each write
logged in its own transaction, each read in a short one first."""

from __future__ import annotations

import uuid

from sqlmodel import Session

from app.care.team.access import PatientAccess, no_patient
from app.care.team.access_log import record_access
from app.core.db import begin_write
from app.core.pagination import Page
from app.core.responses import Resource
from app.core.vocabulary import AccessAction, Reporter
from app.outcomes.measures import results as measure_results
from app.outcomes.measures import service as measures
from app.outcomes.measures.models import (
    AnswerCreate,
    AnswerPublic,
    AssignmentCreate,
    AssignmentPublic,
    MeasureResult,
)
from app.outcomes.measures.service import Answerer
from app.users.repository import get_caller


def _logged_read(session: Session, access: PatientAccess, resource: str) -> None:
    begin_write(session)
    record_access(session, access, action=AccessAction.READ, resource=resource)
    session.commit()


def _base(access: PatientAccess) -> str:
    return f"/clinics/{access.clinic_id}/patients/{access.patient_id}/measures"


def assign(
    session: Session, access: PatientAccess, data: AssignmentCreate
) -> tuple[Resource[AssignmentPublic], bool]:
    patient = get_caller(session, access.patient_id)
    if patient is None:
        raise no_patient(access.patient_id)

    def audit(db: Session, assignment_id: uuid.UUID) -> None:
        record_access(db, access, action=AccessAction.CREATE, resource=f"measure:{assignment_id}")

    made, created = measures.assign(
        session,
        patient_id=access.patient_id,
        time_zone=patient.time_zone,
        clinic_id=access.clinic_id,
        clinician_id=access.caller.id,
        data=data,
        audit=audit,
    )
    if not created:
        _logged_read(session, access, f"measure:{made.body.id}")
    return made, created


def record(
    session: Session, access: PatientAccess, data: AnswerCreate
) -> tuple[Resource[AnswerPublic], bool]:
    """A measured test the clinician records (hip abduction strength, single-leg stance)."""
    patient = get_caller(session, access.patient_id)
    if patient is None:
        raise no_patient(access.patient_id)

    def audit(db: Session, answer_id: uuid.UUID) -> None:
        record_access(
            db, access, action=AccessAction.CREATE, resource=f"measure-answer:{answer_id}"
        )

    made, created = measures.record_answer(
        session,
        Answerer(
            patient_id=access.patient_id,
            time_zone=patient.time_zone,
            reporter=Reporter.CLINICIAN,
            user_id=access.caller.id,
            clinic_id=access.clinic_id,
            audit=audit,
            location=lambda answer_id: f"{_base(access)}/answers/{answer_id}",
        ),
        data,
    )
    if not created:
        _logged_read(session, access, f"measure-answer:{made.body.id}")
    return made, created


def results(
    session: Session, access: PatientAccess, cursor: str | None, limit: int
) -> Page[MeasureResult]:
    """This clinic's assignments with their results (never another clinic's)."""
    return measure_results.results(
        session, access.patient_id, clinic_id=access.clinic_id, cursor=cursor, limit=limit
    )


def answers(
    session: Session,
    access: PatientAccess,
    assignment_id: uuid.UUID | None,
    sort: str | None,
    cursor: str | None,
    limit: int,
) -> Page[AnswerPublic]:
    return measures.list_answers(
        session,
        access.patient_id,
        assignment_id=assignment_id,
        clinic_id=access.clinic_id,
        sort=sort,
        cursor=cursor,
        limit=limit,
    )
