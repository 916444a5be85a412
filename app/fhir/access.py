"""Who may read a patient's FHIR data, and which parts of it.

Every patient read goes through `grant`: the patient themselves reads everything. The
answer names what the reader may see, so the export composes itself from it, whoever
reads. Anything else is 404, as an unknown patient (never reveal who exists).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from app.core.errors import NotFound
from app.users.models import Caller


@dataclass(frozen=True, slots=True)
class Grant:
    """What a reader may read of one patient."""

    patient_id: uuid.UUID
    care_plans: bool
    sessions: bool
    self_checks: bool


def patient_not_found(patient_id: object) -> NotFound:
    return NotFound(f"No Patient/{patient_id} you may read.")


def grant(caller: Caller, patient_id: uuid.UUID) -> Grant:
    """The patient reads all of their own data; anyone else nothing."""
    if caller.id != patient_id:
        raise patient_not_found(patient_id)
    return Grant(patient_id, care_plans=True, sessions=True, self_checks=True)
