"""Path parameters of the FHIR routes: FHIR ids, bounded and patterned as FHIR says."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Path

from app.exports.fhir.models import FHIR_ID_PATTERN


def _id(description: str, example: str) -> Any:
    return Path(
        min_length=1,
        max_length=64,
        pattern=FHIR_ID_PATTERN,
        description=description,
        examples=[example],
    )


ActivityDefinitionId = Annotated[
    str, _id("The ActivityDefinition's id: the exercise's slug.", "clamshell")
]

PlanDefinitionId = Annotated[
    str, _id("The PlanDefinition's id: the template's id.", "6f8d3f7c-0e4a-5a3e-9a51-2b1c0c2f0b11")
]

PatientId = Annotated[
    str, _id("The Patient's id: the user's id.", "3fa85f64-5717-4562-b3fc-2c963f66afa6")
]

CarePlanId = Annotated[
    str, _id("The CarePlan's id: the routine's id.", "0b7e7c52-51f4-4f0e-9a3c-6f3c2b1d9e47")
]
