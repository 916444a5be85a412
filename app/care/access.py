"""`PatientAccess`: who may read or write a patient's data under a care relationship.

Routes under `/clinics/{clinic_id}/patients/{patient_id}/...` declare
`Annotated[PatientAccess, Depends(patient_access(CareScope.X))]`. Nothing is cached and
nothing rides in the token: the membership and the relationship are read on every
request, so a revocation takes effect on the next one (and `record_access` checks the
relationship again in the statement that logs the access).
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Path, Request
from sqlmodel import Session

from app.care import repository
from app.core.deps import client_address
from app.core.errors import NotFound, ScopeNotGranted
from app.core.vocabulary import CareScope
from app.users.auth import SignedIn
from app.users.models import Caller

ClinicID = Annotated[uuid.UUID, Path(description="The clinic's id.")]
PatientID = Annotated[uuid.UUID, Path(description="The patient's user id.")]


@dataclass(frozen=True, slots=True)
class PatientAccess:
    caller: Caller  # the clinician
    clinic_id: uuid.UUID
    patient_id: uuid.UUID
    relationship_id: uuid.UUID
    scopes: frozenset[CareScope]
    address: str | None  # the client's address, for the access log


def no_patient(patient_id: uuid.UUID) -> NotFound:
    """The one answer for every way a patient is out of reach: no such account, not in
    this clinic, no active relationship, not a member. Never tells them apart."""
    return NotFound(f"No patient {patient_id} in your care at this clinic.")


def check_access(
    session: Session,
    caller: Caller,
    clinic_id: uuid.UUID,
    patient_id: uuid.UUID,
    scope: CareScope,
    address: str | None,
) -> PatientAccess:
    """The caller's access to the patient under `scope`, read now: one statement."""
    found = repository.active_relationship(session, clinic_id, caller.id, patient_id)
    if found is None:
        raise no_patient(patient_id)
    relationship_id, scopes = found
    if scope not in scopes:
        raise ScopeNotGranted(f"The patient has not granted the scope {scope.value!r} to you.")
    return PatientAccess(caller, clinic_id, patient_id, relationship_id, scopes, address)


def patient_access(scope: CareScope) -> Callable[..., Awaitable[PatientAccess]]:
    """The FastAPI dependency admitting a clinician in care with `scope` granted:
    404 problem otherwise (as for an unknown patient), 403 `scope-not-granted` when the
    relationship exists without the scope."""

    async def dependency(
        request: Request, clinic_id: ClinicID, patient_id: PatientID, unit: SignedIn
    ) -> PatientAccess:
        return await unit.run(check_access, clinic_id, patient_id, scope, client_address(request))

    return dependency
