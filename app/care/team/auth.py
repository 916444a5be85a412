"""Who may call a patient's routes at a clinic: a clinician in care, the scope granted.

Routes under `/clinics/{clinic_id}/patients/{patient_id}/...` declare one dependency,
`SessionsCare` and its siblings. It reads nothing itself: the route hands it the work, and
the access is decided in the work's own thread hop, once (`decide`, app/care/team/access.py).
Nothing is cached and nothing rides in the token: the membership and the relationship are
read on every request, so a revocation takes effect on the next one.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, TypeVar

from fastapi import Depends, Request
from sqlmodel import Session

from app.care.team.access import PatientAccess, decide, no_patient, standing_of
from app.care.team.access_log import record_access
from app.care.team.params import ClinicID, PatientID
from app.core.db import begin_write, commit_then_read
from app.core.deps import client_address
from app.core.vocabulary import AccessAction, CareScope
from app.users.auth import SignedIn, SignedInUnit
from app.users.models import Caller
from app.users.repository import get_caller

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class CareRead:
    """What a clinician's read of a patient's data runs with: the access it was admitted
    on, and the patient, loaded once the read was logged."""

    access: PatientAccess
    patient: Caller


class PatientCare:
    """One clinician's request about one patient at one clinic, under one scope: the
    access decided in the same thread hop and session as the work (404 as for an unknown
    patient without an active relationship, 403 `scope-not-granted` without the scope)."""

    def __init__(
        self,
        unit: SignedInUnit,
        clinic_id: uuid.UUID,
        patient_id: uuid.UUID,
        scope: CareScope,
        address: str | None,
    ) -> None:
        self._unit = unit
        self.clinic_id = clinic_id
        self.patient_id = patient_id
        self.scope = scope
        self._address = address

    async def read_logged(self, resource: str, work: Callable[[Session, CareRead], T]) -> T:
        """A read of the patient's data, logged as `resource` in the patient's access log.

        One hop, in this order: the access decided, the read logged (the decision and the
        log line in one short write transaction, committed before the answer is built),
        the patient loaded, then `work`. The log line is a write, so this takes the write
        turn (`Unit.read_logged`)."""
        return await self._unit.read_logged(
            lambda db, clinician: self._read(db, clinician, resource, work)
        )

    async def write(self, work: Callable[[Session, PatientAccess], T]) -> T:
        """Work that writes its own access-log lines, in the write turn: a change, logged
        in the change's transaction, or a prescription read its service logs once it has
        checked the prescription is this clinic's. The access is decided first, in the
        same hop; `work` runs with it."""
        return await self._unit.write(lambda db, clinician: work(db, self._decide(db, clinician)))

    def _decide(self, db: Session, clinician: Caller) -> PatientAccess:
        standing = standing_of(db, self.clinic_id, clinician.id, self.patient_id)
        admitted = decide(standing, self.patient_id, self.scope)
        return PatientAccess(
            clinician,
            self.clinic_id,
            self.patient_id,
            admitted.relationship_id,
            admitted.scopes,
            self._address,
        )

    def _read(
        self,
        db: Session,
        clinician: Caller,
        resource: str,
        work: Callable[[Session, CareRead], T],
    ) -> T:
        begin_write(db)
        access = self._decide(db, clinician)
        # The log statement copies the relationship only while it is active: on PostgreSQL a
        # revocation committed since the decision's statement stops the read here (404).
        record_access(db, access, action=AccessAction.READ, resource=resource)
        commit_then_read(db)
        patient = get_caller(db, access.patient_id)
        if patient is None:
            raise no_patient(access.patient_id)
        return work(db, CareRead(access, patient))


def patient_care(scope: CareScope) -> Callable[..., Awaitable[PatientCare]]:
    """The FastAPI dependency for a clinician's request about a patient in care with
    `scope` granted. It does no I/O: the access is decided in the route's one hop."""

    async def dependency(
        request: Request, clinic_id: ClinicID, patient_id: PatientID, unit: SignedIn
    ) -> PatientCare:
        return PatientCare(unit, clinic_id, patient_id, scope, client_address(request))

    return dependency


SessionsCare = Annotated[PatientCare, Depends(patient_care(CareScope.SESSIONS))]
ProgressCare = Annotated[PatientCare, Depends(patient_care(CareScope.PROGRESS))]
SelfChecksCare = Annotated[PatientCare, Depends(patient_care(CareScope.SELF_CHECKS))]
AlertsCare = Annotated[PatientCare, Depends(patient_care(CareScope.ALERTS))]
PrescribeCare = Annotated[PatientCare, Depends(patient_care(CareScope.PRESCRIBE))]
MeasuresCare = Annotated[PatientCare, Depends(patient_care(CareScope.MEASURES))]
