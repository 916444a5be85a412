"""A patient's data as a clinician in care reads it: the patient's own services, run for
the patient, each read logged first (app/care/access_log.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlmodel import Session

from app.care.access import PatientAccess, Standing, no_patient, sees
from app.care.access_log import record_access
from app.core.db import begin_write
from app.core.vocabulary import AccessAction, CareScope
from app.live_catalog.snapshot import CatalogSpecs
from app.progress import service as progress
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


def progress_in_care(
    session: Session,
    patient: Caller,
    standing: Standing,
    starts_on: date | None,
    ends_on: date | None,
    catalog: CatalogSpecs,
) -> dict[str, Any]:
    """The patient's progress report as `progress` shows it to a clinician: the weekly
    figures and advice (aggregates). Its `alerts` name single sessions (id, time, pain):
    they are the `sessions` scope's, so under `progress` alone the list is empty."""
    document = progress.progress_document(session, patient, starts_on, ends_on, None, catalog)
    if not sees(standing, CareScope.SESSIONS):
        document["alerts"] = []
    return document
