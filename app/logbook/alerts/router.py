"""GET /me/alerts: the alerts raised for the signed-in patient, and what became of them."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from app.core.pagination import DEFAULT_LIMIT, Cursor, Limit, Page
from app.core.problems import answers
from app.core.responses import respond
from app.core.vocabulary import AlertStatus
from app.logbook.alerts import examples, service
from app.logbook.alerts.models import AlertPublic
from app.logbook.alerts.params import ALERTS_NOTE
from app.users.auth import SignedIn

router = APIRouter(prefix="/me", tags=["alerts"])


@router.get(
    "/alerts",
    summary="Your alerts",
    description=ALERTS_NOTE + " Newest first; `status` narrows to open or acknowledged ones. "
    "An acknowledged alert shows when, by whom and with which note.",
    response_model=Page[AlertPublic],
    responses=answers(examples.alert_page, 401, 422),
)
async def list_my_alerts(
    unit: SignedIn,
    status: AlertStatus | None = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Response:
    page = await unit.read(
        lambda db, caller: service.list_mine(db, caller, status=status, cursor=cursor, limit=limit)
    )
    return respond(page)
