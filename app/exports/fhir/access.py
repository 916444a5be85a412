"""Who may read a patient's FHIR data, and which parts of it.

Every patient read goes through `grant`. At the patient's own FHIR base
(`/api/v1/fhir`) the patient reads everything of theirs. At a clinic's FHIR base
(`/api/v1/clinics/{clinic_id}/fhir`) a clinician reads what the patient's active care
relationship with them, in that clinic, grants:

| part of the export        | scope needed                |
| ------------------------- | --------------------------- |
| Patient                   | any of the three below      |
| CarePlans (the routines the clinic prescribed) | `prescribe` or `sessions` |
| session Observations      | `sessions`                  |
| self-check Observations   | `self_checks`               |
| outcome measures (Questionnaires, QuestionnaireResponses, score Observations) | `measures` |

Outcome measures at a clinic's base are only the ones that clinic assigned.

At a clinic's base the CarePlans are only that clinic's prescriptions (what its REST
prescription routes answer): the patient's own routines and other clinics' prescriptions
are 404 there, and a session Observation names (`basedOn`) only a CarePlan the reader may
read, so nothing reveals care elsewhere.

No relationship (or not a member, or revoked) is 404, as an unknown patient: who exists
is never revealed; a relationship granting none of those scopes is 403
`scope-not-granted`. Each clinician read is written to the patient's access log, in its own
transaction, before the answer is built (`record`), and that write checks the relationship
again, so a revocation committed meanwhile still stops the read.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlmodel import Session

from app.care.team.access import PatientAccess, sees, standing_of
from app.care.team.access_log import record_access
from app.core.db import begin_write
from app.core.errors import NotFound, ScopeNotGranted
from app.core.vocabulary import AccessAction, CareScope, Origin
from app.training.routines.models import Routine
from app.users.models import Caller

CARE_PLAN_SCOPES = frozenset({CareScope.PRESCRIBE, CareScope.SESSIONS})
EXPORT_SCOPES = CARE_PLAN_SCOPES | {CareScope.SELF_CHECKS, CareScope.MEASURES}


@dataclass(frozen=True, slots=True)
class Grant:
    """What a reader may read of one patient, and the care access it rests on (None when
    the patient reads their own)."""

    patient_id: uuid.UUID
    care_plans: bool
    sessions: bool
    self_checks: bool
    measures: bool = False
    access: PatientAccess | None = None


@dataclass(frozen=True, slots=True)
class Reader:
    """Who reads, and through which FHIR base: their own (`clinic_id` None) or a clinic's."""

    caller: Caller
    clinic_id: uuid.UUID | None = None
    address: str | None = None


def patient_not_found(patient_id: object) -> NotFound:
    return NotFound(f"No Patient/{patient_id} you may read.")


def grant(session: Session, reader: Reader, patient_id: uuid.UUID) -> Grant:
    """What `reader` may read of the patient; 404 (or 403 with no useful scope) otherwise."""
    if reader.clinic_id is None:
        if reader.caller.id != patient_id:
            raise patient_not_found(patient_id)
        return Grant(patient_id, care_plans=True, sessions=True, self_checks=True, measures=True)
    standing = standing_of(session, reader.clinic_id, reader.caller.id, patient_id)
    if standing is None:
        raise patient_not_found(patient_id)
    if not any(sees(standing, scope) for scope in EXPORT_SCOPES):
        raise ScopeNotGranted(
            "The patient has granted you none of the scopes the FHIR export reads: "
            "prescribe or sessions (CarePlans), sessions (session Observations), "
            "self_checks (self-check Observations), measures (outcome measures)."
        )
    scopes = standing.scopes
    access = PatientAccess(
        reader.caller,
        reader.clinic_id,
        patient_id,
        standing.relationship_id,
        scopes,
        reader.address,
    )
    return Grant(
        patient_id,
        care_plans=any(sees(standing, scope) for scope in CARE_PLAN_SCOPES),
        sessions=sees(standing, CareScope.SESSIONS),
        self_checks=sees(standing, CareScope.SELF_CHECKS),
        measures=sees(standing, CareScope.MEASURES),
        access=access,
    )


def prescribed_at(routine: Routine, clinic_id: uuid.UUID) -> bool:
    """Whether the routine is a prescription of the clinic: the only routines of a patient
    a clinic's FHIR base shows (as its REST prescription routes)."""
    return routine.origin is Origin.PRESCRIPTION and routine.clinic_id == clinic_id


def record(session: Session, grant_: Grant, resource: str) -> None:
    """Log a clinician's read in the patient's access log (own short transaction)."""
    if grant_.access is None:
        return
    begin_write(session)
    record_access(session, grant_.access, action=AccessAction.READ, resource=resource)
    session.commit()
