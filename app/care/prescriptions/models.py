"""What a clinician sends to prescribe: one source of the routine, and a client id."""

from __future__ import annotations

import uuid
from typing import Self, TypedDict

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.catalog.planner.models import Constraints
from app.core.types import ShortText
from app.training.routines.models import RoutineBody, RoutineCreate


class PrescriptionCreate(BaseModel):
    """Exactly one source: `template_id`, `builder` or `routine`."""

    model_config = ConfigDict(extra="forbid")
    id: uuid.UUID | None = Field(
        default=None,
        description="Your UUID for the prescription (it becomes the routine's id): a retry "
        "with the same id and body answers the one already made (200); the same id with "
        "another body is 409.",
    )
    template_id: uuid.UUID | None = Field(
        default=None, description="Prescribe a copy of this public template."
    )
    builder: Constraints | None = Field(
        default=None,
        description="Run the routine builder with these constraints for the patient, with "
        "their latest self-check applied when they have one (its weak side and findings; "
        "422 when its pain calls for a professional: prescribe by hand then).",
    )
    routine: RoutineCreate | None = Field(
        default=None, description="The routine written by hand (as `POST /routines` takes it)."
    )
    name: ShortText | None = Field(
        default=None,
        description="The routine's name, for `template_id` or `builder` (default: the "
        "template's, or `Prescribed routine`).",
    )

    @model_validator(mode="after")
    def _one_source(self) -> Self:
        sources = [s for s in (self.template_id, self.builder, self.routine) if s is not None]
        if len(sources) != 1:
            raise ValueError("give exactly one of template_id, builder, routine")
        if self.routine is not None and self.name is not None:
            raise ValueError("name the routine inside `routine`")
        return self


class RoutinePrescribedData(TypedDict):
    """The `data` of a `routine.prescribed` webhook event: the routine as the prescription
    answers it, the prescribing clinic, and whether this revised an earlier prescription."""

    routine: RoutineBody
    clinic_id: uuid.UUID
    revised: bool
