"""A patient's data as a clinician in care reads it: the patient's own services, run for
the patient once `PatientCare.read_logged` (app/care/team/auth.py) has logged the read."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlmodel import Session

from app.care.team import repository
from app.care.team.access import Standing, sees
from app.catalog.live.snapshot import CatalogSpecs
from app.core.vocabulary import CareScope
from app.logbook.progress import service as progress
from app.logbook.sessions import service as sessions
from app.logbook.sessions.repository import SessionFilter
from app.users.models import Caller


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
