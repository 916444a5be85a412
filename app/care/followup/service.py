"""The care team's alert and comment operations: the alerts and session_comments services,
run for the patient the access names, each recorded in the patient's access log (reads in
their own short transaction first, writes in the transaction of the change)."""

from __future__ import annotations

import uuid
from functools import partial

from sqlmodel import Session

from app.care.team.access import PatientAccess
from app.care.team.access_log import record_access
from app.care.team.patients import read_as_patient
from app.core.pagination import Page
from app.core.vocabulary import AccessAction, AlertStatus
from app.logbook.alerts import service as alerts
from app.logbook.alerts.models import AlertAcknowledge, AlertPublic
from app.logbook.comments import service as comments
from app.logbook.comments.models import (
    SessionCommentCreate,
    SessionCommentPublic,
)
from app.users.models import Caller


def list_alerts(
    session: Session,
    clinician: Caller,
    access: PatientAccess,
    status: AlertStatus | None,
    cursor: str | None,
    limit: int,
) -> Page[AlertPublic]:
    return read_as_patient(
        session,
        clinician,
        access,
        "alerts",
        alerts.list_for_clinic,
        access.clinic_id,
        status,
        cursor,
        limit,
    )


def acknowledge_alert(
    session: Session,
    clinician: Caller,
    access: PatientAccess,
    alert_id: uuid.UUID,
    data: AlertAcknowledge,
) -> AlertPublic:
    record = partial(
        record_access, access=access, action=AccessAction.UPDATE, resource=f"alert:{alert_id}"
    )
    return alerts.acknowledge(
        session, access.patient_id, alert_id, clinician.id, access.clinic_id, data, record
    )


def list_comments(
    session: Session,
    clinician: Caller,
    access: PatientAccess,
    session_id: uuid.UUID,
    cursor: str | None,
    limit: int,
) -> Page[SessionCommentPublic]:
    return read_as_patient(
        session,
        clinician,
        access,
        f"session:{session_id}:comments",
        comments.list_for_clinic,
        access.clinic_id,
        session_id,
        cursor,
        limit,
    )


def add_comment(
    session: Session,
    clinician: Caller,
    access: PatientAccess,
    session_id: uuid.UUID,
    data: SessionCommentCreate,
) -> tuple[SessionCommentPublic, bool]:
    record = partial(
        record_access,
        access=access,
        action=AccessAction.CREATE,
        resource=f"session:{session_id}:comments",
    )
    return comments.add(
        session, access.patient_id, session_id, clinician.id, access.clinic_id, data, record
    )
