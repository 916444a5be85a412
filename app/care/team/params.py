"""Path parameters and words of the care routes, shared by the care team's routers and the
clinic's other routes (prescriptions, follow-up, the clinic's FHIR base)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Path

ClinicID = Annotated[uuid.UUID, Path(description="The clinic's id.")]
PatientID = Annotated[uuid.UUID, Path(description="The patient's user id.")]
MemberID = Annotated[uuid.UUID, Path(description="The member's user id.")]
RelationshipID = Annotated[uuid.UUID, Path(description="The care relationship's id.")]
InvitationID = Annotated[uuid.UUID, Path(description="The invitation's id (never its code).")]

# A patient's data at a clinic, as a clinician in care reads it.
PATIENT = "/clinics/{clinic_id}/patients/{patient_id}"
