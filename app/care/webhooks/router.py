"""`/clinics/{clinic_id}/webhooks`: the same operations as `/me/webhooks`, for a clinic's
owners, receiving the events of the patients in the clinic's care who granted
`clinic_systems` (docs/guides/integrations/webhooks.md)."""

from __future__ import annotations

from app.care.webhooks.params import ClinicID
from app.care.webhooks.service import clinic_endpoints
from app.webhooks.routes import endpoints_router
from app.webhooks.service import HolderOf


async def _clinic(clinic_id: ClinicID) -> HolderOf:
    return lambda db, caller: clinic_endpoints(db, caller, clinic_id=clinic_id)


router = endpoints_router(
    _clinic,
    prefix="/clinics/{clinic_id}/webhooks",
    tag="webhooks",
    name="clinic_",
    whose="the clinic's",
    errors=(403, 404),
)
