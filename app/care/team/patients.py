"""A patient's data as a clinician in care reads it: the patient's own services, run for
the patient, each read logged first (app/care/team/access_log.py)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlmodel import Session

from app.care.team import repository
from app.care.team.access import PatientAccess, Standing, no_patient, sees
from app.care.team.access_log import record_access
from app.catalog.live.snapshot import CatalogSpecs
from app.core.db import begin_write
from app.core.vocabulary import AccessAction, CareScope
from app.logbook.progress import service as progress
from app.logbook.sessions import service as sessions
from app.logbook.sessions.repository import SessionFilter
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
    clinic_id: uuid.UUID,
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
    _name_only_own_routines(session, clinic_id, patient.id, [document])
    return document


def _name_only_own_routines(
    session: Session, clinic_id: uuid.UUID, patient_id: uuid.UUID, documents: list[Any]
) -> None:
    """A routine the clinic did not prescribe (the patient's own, another clinic's) is not
    named to it: `routine_id` (and the version followed) become null, so no answer
    reveals care elsewhere."""
    named = [d for d in documents if isinstance(d, dict) and d.get("routine_id") is not None]
    if not named:
        return
    ours = {str(r) for r in repository.prescription_ids(session, clinic_id, patient_id)}
    for document in named:
        if str(document["routine_id"]) not in ours:
            document["routine_id"] = None
            if "routine_version" in document:
                document["routine_version"] = None


def sessions_in_care(
    session: Session,
    patient: Caller,
    clinic_id: uuid.UUID,
    flt: SessionFilter,
    sort: str | None,
    cursor: str | None,
    limit: int,
) -> dict[str, Any]:
    """A page of the patient's sessions as `GET /sessions` gives it (without a sync
    token), each naming only a routine the clinic prescribed."""
    page = sessions.list_for(session, patient, flt, sort, cursor, limit)
    page.pop("sync_token", None)
    _name_only_own_routines(session, clinic_id, patient.id, page["items"])
    return page
