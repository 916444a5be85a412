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

from app.care.team import repository
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

    @property
    def standing(self) -> Standing:
        """The standing this access was admitted on, for `sees`."""
        return Standing(self.relationship_id, self.scopes)


def no_patient(patient_id: uuid.UUID) -> NotFound:
    """The one answer for every way a patient is out of reach: no such account, not in
    this clinic, no active relationship, not a member. Never tells them apart."""
    return NotFound(f"No patient {patient_id} in your care at this clinic.")


@dataclass(frozen=True, slots=True)
class Standing:
    """A clinician's active care relationship with one patient at one clinic, as read now
    (the clinician still a member, the patient not having revoked it)."""

    relationship_id: uuid.UUID
    scopes: frozenset[CareScope]


def sees(standing: Standing | None, scope: CareScope) -> bool:
    """THE access decision: whether a clinician in `standing` may see what `scope` covers.
    Every channel a patient's data leaves by towards a clinic (REST, the clinician's view,
    the clinic's FHIR base, comments and notes, prescriptions, clinic webhooks) asks this
    and nothing else; `decide` is its form that raises the contract's answers."""
    return standing is not None and scope in standing.scopes


def decide(standing: Standing | None, patient_id: uuid.UUID, scope: CareScope) -> Standing:
    """`sees` as the answers a route gives: 404 (as for an unknown patient) without an
    active relationship, 403 `scope-not-granted` when the patient did not grant `scope`."""
    if standing is None:
        raise no_patient(patient_id)
    if not sees(standing, scope):
        raise ScopeNotGranted(f"The patient has not granted the scope {scope.value!r} to you.")
    return standing


def standing_of(
    session: Session, clinic_id: uuid.UUID, clinician_id: uuid.UUID, patient_id: uuid.UUID
) -> Standing | None:
    """The clinician's standing with the patient at the clinic, read now: one statement."""
    found = repository.active_relationship(session, clinic_id, clinician_id, patient_id)
    return None if found is None else Standing(*found)


def check_access(
    session: Session,
    caller: Caller,
    clinic_id: uuid.UUID,
    patient_id: uuid.UUID,
    scope: CareScope,
    address: str | None,
) -> PatientAccess:
    """The caller's access to the patient under `scope`, read now: one statement."""
    standing = decide(standing_of(session, clinic_id, caller.id, patient_id), patient_id, scope)
    return PatientAccess(
        caller, clinic_id, patient_id, standing.relationship_id, standing.scopes, address
    )


def patient_access(scope: CareScope) -> Callable[..., Awaitable[PatientAccess]]:
    """The FastAPI dependency admitting a clinician in care with `scope` granted:
    404 problem otherwise (as for an unknown patient), 403 `scope-not-granted` when the
    relationship exists without the scope."""

    async def dependency(
        request: Request, clinic_id: ClinicID, patient_id: PatientID, unit: SignedIn
    ) -> PatientAccess:
        return await unit.run(check_access, clinic_id, patient_id, scope, client_address(request))

    return dependency
