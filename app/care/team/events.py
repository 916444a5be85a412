"""What care says happened, for the packages above it (app/core/events.py)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from app.core.events import domain_event


@domain_event(must_react=True)
@dataclass(frozen=True, slots=True)
class CareEnded:
    """Relationships of these patients at this clinic stopped being active (the patient
    revoked, the clinician left or was removed, or deleted their account). Published
    inside the write's transaction, after the change, before the commit: what a clinic's
    systems were still to receive under that consent is given up with it."""

    clinic_id: uuid.UUID
    patient_ids: frozenset[uuid.UUID]
