"""GET /me/progress: adherence, trends, alerts and progression advice for the signed-in user."""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from starlette.responses import Response

from app.catalog.live.deps import CatalogDep
from app.core.problems import answers
from app.core.responses import respond_encoded
from app.logbook.progress import examples, service
from app.logbook.progress.models import Progress
from app.logbook.progress.params import FromDay, ToDay
from app.users.auth import SignedIn

router = APIRouter(prefix="/me", tags=["progress"])


@router.get(
    "/progress",
    summary="Your progress",
    description="For the calendar days `from`..`to` (your time zone; default the last 12 "
    "weeks, at most 366 days): sessions per ISO week against your routine's "
    "sessions_per_week (the routine named by `routine_id`, else your most recently "
    "changed one), current and best streaks of weeks that met it, per exercise totals, "
    "best set, weekly pain/effort trends and left/right asymmetry, sessions with pain of "
    "7/10 or more under `alerts`, and progression advice per exercise of the routine.",
    response_model=Progress,
    responses=answers(examples.progress, 401, 422),
)
async def read_progress(
    unit: SignedIn,
    catalog: CatalogDep,
    starts_on: FromDay = None,
    ends_on: ToDay = None,
    routine_id: uuid.UUID | None = None,
) -> Response:
    answer = await unit.read(
        lambda db, caller: service.progress_answer(
            db, caller, first=starts_on, last=ends_on, routine_id=routine_id, catalog=catalog
        )
    )
    return respond_encoded(answer)
