"""`/clinics/{clinic_id}/webhooks`: the same operations as `/me/webhooks`, for a clinic's
owners, receiving the events of the patients in the clinic's care who granted
`clinic_systems` (README, "Webhooks")."""

from __future__ import annotations

import uuid
from functools import partial
from typing import Annotated

from fastapi import Path

from app.care.webhooks.service import clinic_endpoints
from app.webhooks.router import endpoints_router
from app.webhooks.service import HolderOf

ClinicID = Annotated[uuid.UUID, Path(description="The clinic's id (UUID).")]


async def _clinic(clinic_id: ClinicID) -> HolderOf:
    return partial(clinic_endpoints, clinic_id=clinic_id)


router = endpoints_router(
    _clinic,
    prefix="/clinics/{clinic_id}/webhooks",
    tag="webhooks",
    name="clinic_",
    whose="the clinic's",
    errors=(403, 404),
)
