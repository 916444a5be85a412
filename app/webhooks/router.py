"""`/me/webhooks`: the signed-in user's own webhook endpoints (the operations are made in
app/webhooks/routes.py, once for every holder)."""

from app.webhooks import service
from app.webhooks.routes import endpoints_router
from app.webhooks.service import HolderOf


async def _own() -> HolderOf:
    return service.own_endpoints


router = endpoints_router(_own, prefix="/me/webhooks", tag="webhooks")
