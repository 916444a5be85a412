"""The care team's alert and comment writes: the alerts and comments services, run for
the patient the access names, each recorded in the patient's access log in the transaction
of the change. (Their reads are `PatientCare.read_logged`, app/care/team/auth.py.)"""

from __future__ import annotations

import uuid
from functools import partial

from sqlmodel import Session

from app.care.team.access import PatientAccess
from app.care.team.access_log import record_access
from app.core.vocabulary import AccessAction
from app.logbook.alerts import service as alerts
from app.logbook.alerts.models import AlertAcknowledge, AlertPublic
from app.logbook.comments import service as comments
from app.logbook.comments.models import (
    SessionCommentCreate,
    SessionCommentPublic,
)
from app.users.models import Caller


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
