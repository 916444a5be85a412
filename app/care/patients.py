"""A patient's data as a clinician in care reads it: the patient's own services, run for
the patient, each read logged first (app/care/access_log.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from sqlmodel import Session

from app.care.access import PatientAccess, no_patient
from app.care.access_log import record_access
from app.core.db import begin_write
from app.core.vocabulary import AccessAction
from app.users.models import Caller
from app.users.repository import get_caller

P = ParamSpec("P")
T = TypeVar("T")


def read_as_patient(
    session: Session,
    _clinician: Caller,
    access: PatientAccess,
    resource: str,
    work: Callable[Concatenate[Session, Caller, P], T],
    *args: P.args,
    **kwargs: P.kwargs,
) -> T:
    """Log the read in its own short transaction (which re-checks the relationship: a
    revocation committed since the access check is a 404 here), then answer what the
    patient's own route would."""
    begin_write(session)
    record_access(session, access, action=AccessAction.READ, resource=resource)
    session.commit()
    patient = get_caller(session, access.patient_id)
    if patient is None:
        raise no_patient(access.patient_id)
    return work(session, patient, *args, **kwargs)
