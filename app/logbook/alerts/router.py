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
from app.users.auth import SignedIn

router = APIRouter(prefix="/me", tags=["alerts"])

ALERTS_NOTE = (
    "Alerts are raised for the patient, in the same transaction as what caused them: a "
    "session with pain of 7/10 or more (`pain`), an exercise whose progression advice "
    "turned to reduce (`progress-reduce`), a self-check whose pain advises seeing a "
    "professional (`self-check-pain`), a week of the routine with fewer sessions than "
    "planned, judged once the week is over in the patient's time zone (`missed-week`). "
    "Each event raises one alert, however often it is retried. Every clinician the "
    "patient granted `alerts` sees the same alerts; each clinic acknowledges them for "
    "itself with a note, and sees only its own acknowledgements (the patient sees all)."
)


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
    return respond(await unit.run(service.list_mine, status, cursor, limit))
