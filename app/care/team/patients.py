"""A patient's data as a clinician in care reads it: the patient's own services, run for
the patient, each read logged first (app/care/team/access_log.py)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Concatenate, ParamSpec, TypeGuard, TypeVar

from sqlmodel import Session

from app.care.team import repository
from app.care.team.access import PatientAccess, Standing, no_patient, sees
from app.care.team.access_log import record_access
from app.catalog.live.snapshot import CatalogSpecs
from app.core.db import begin_write
from app.core.pagination import SyncPageBody
from app.core.vocabulary import AccessAction, CareScope
from app.logbook.progress import service as progress
from app.logbook.progress.models import ProgressBody
from app.logbook.sessions import service as sessions
from app.logbook.sessions.models import SessionBody, SessionTombstoneBody
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
) -> ProgressBody:
    """The patient's progress report as `progress` shows it to a clinician: the weekly
    figures and advice (aggregates). Its `alerts` name single sessions (id, time, pain):
    they are the `sessions` scope's, so under `progress` alone the list is empty."""
    document = progress.progress_document(session, patient, starts_on, ends_on, None, catalog)
    if not sees(standing, CareScope.SESSIONS):
        document["alerts"] = []
    followed = document["routine_id"]
    if followed is not None and followed not in _prescribed_here(session, clinic_id, patient.id):
        document["routine_id"] = None
    return document


def _prescribed_here(session: Session, clinic_id: uuid.UUID, patient_id: uuid.UUID) -> set[str]:
    """The routines this clinic prescribed the patient (as strings, as progress names its
    routine). Any other routine (the patient's own, another clinic's) is not named to the
    clinic: its `routine_id` (and the version followed) become null, so no answer reveals
    care elsewhere."""
    return {str(r) for r in repository.prescription_ids(session, clinic_id, patient_id)}


def _live(item: SessionBody | SessionTombstoneBody) -> TypeGuard[SessionBody]:
    return "routine_id" in item  # a tombstone holds only its id and when it was deleted


def sessions_in_care(
    session: Session,
    patient: Caller,
    clinic_id: uuid.UUID,
    flt: SessionFilter,
    sort: str | None,
    cursor: str | None,
    limit: int,
) -> SyncPageBody[SessionBody | SessionTombstoneBody]:
    """A page of the patient's sessions as `GET /sessions` gives it (without a sync
    token), each naming only a routine the clinic prescribed."""
    page = sessions.list_for(session, patient, flt, sort, cursor, limit)
    page.pop("sync_token", None)
    named = [s for s in page["items"] if _live(s) and s["routine_id"] is not None]
    if named:
        ours = _prescribed_here(session, clinic_id, patient.id)
        for logged in named:
            if str(logged["routine_id"]) not in ours:
                logged["routine_id"] = None
                logged["routine_version"] = None
    return page
