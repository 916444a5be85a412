"""`PatientAccess`: who may read or write a patient's data under a care relationship, and
`decide`, the one access decision every channel asks.

The routes reach it through `PatientCare` (app/care/team/auth.py), which decides in the
route's own thread hop; `record_access` copies the relationship into the log line only
while it is active, so a revocation committed after the decision still stops the line.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlmodel import Session

from app.care.team import repository
from app.core.errors import NotFound, ScopeNotGranted
from app.core.vocabulary import CareScope
from app.users.models import Caller


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
