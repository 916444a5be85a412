"""Your planned sessions in any calendar app: a read-only feed behind a revocable token."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Query
from starlette.responses import Response

from app.catalog.live.deps import CatalogDep
from app.core.caching import PRIVATE, etag_matches, strong_etag
from app.core.deps import SessionDep, SettingsDep
from app.core.examples import example_body, lazy_example
from app.core.problems import answers, problem_responses
from app.core.responses import respond
from app.exports.calendar import examples, service
from app.exports.calendar.models import CalendarTokenCreate, CalendarTokenPublic
from app.users.auth import SignedIn

router = APIRouter(prefix="/me", tags=["calendar"])

ICS = "text/calendar"
FeedToken = Annotated[
    str,
    Query(
        min_length=32,
        max_length=128,
        pattern=r"^[A-Za-z0-9_-]+$",
        description="The feed token from `POST /me/calendar-token`.",
    ),
]


@router.post(
    "/calendar-token",
    status_code=201,
    summary="Create (or regenerate) your calendar feed token",
    description="A new read-only token for `GET /me/calendar.ics`, shown once (Medius "
    "keeps only its hash). Regenerating replaces the token: the old feed URL stops working "
    "at once. `time_of_day` (default 18:00, your time zone) is when the planned sessions "
    "start in the calendar.",
    response_model=CalendarTokenPublic,
    openapi_extra=example_body(examples.token_create),
    responses=answers(examples.token, 400, 401, 413, 415, 422, status=201),
)
async def create_calendar_token(
    unit: SignedIn, data: CalendarTokenCreate, settings: SettingsDep
) -> Response:
    issued = await unit.write(
        lambda db, caller: service.issue(db, caller, data=data, public_url=settings.public_url)
    )
    return respond(issued, status_code=201)


@router.delete(
    "/calendar-token",
    status_code=204,
    summary="Revoke your calendar feed",
    description="The feed URL stops working at once (404). Revoking when there is no feed "
    "is 204 too.",
    responses=answers(None, 401, status=204, description="Revoked"),
)
async def revoke_calendar_token(unit: SignedIn) -> Response:
    await unit.write(service.revoke)
    return respond()


@router.get(
    "/calendar.ics",
    summary="Your planned sessions as an iCalendar feed",
    description="RFC 5545, for any calendar app (no sign-in: the `token` is the key). The "
    "planned sessions of your routine (the most recently changed one, as /me/progress "
    "follows): `sessions_per_week` days spread over each ISO week (1: Mon; 2: Mon, Thu; 3: "
    "Mon, Wed, Fri; 4: Mon, Tue, Thu, Fri; 5: Mon-Fri; 6: Mon-Sat; 7: daily) at the "
    "token's time of day in your time zone (a VTIMEZONE is included; on a day a clock change "
    "skips or repeats that time, in UTC at the instant RFC 5545 3.3.5 means), from the day the "
    "routine was created, 4 weeks back to 26 weeks ahead. Each event lists the exercises "
    "with the dosage of that week of the routine's plan (week 1 the routine itself, starting "
    "on its first planned session; after the plan's last week its dosage stays), carries a "
    "display reminder 30 minutes before, and keeps its UID across fetches (routine and "
    "day); its SEQUENCE goes up and LAST-MODIFIED/DTSTAMP move only when that event "
    "changes (a routine edit that changes it, a new time zone or time of day). Without a "
    "routine the calendar holds your time zone's VTIMEZONE alone. Sends a strong `ETag`; "
    "`If-None-Match` gets 304. An unknown or revoked token is 404.",
    response_class=Response,
    responses={
        200: {
            "description": "The calendar",
            "headers": {
                "ETag": {"description": "Strong tag of the document.", "schema": {"type": "string"}}
            },
            "content": {
                ICS: {"schema": {"type": "string"}, "example": lazy_example(examples.calendar)}
            },
        },
        304: {"description": "Not modified since the `If-None-Match` tag"},
        **problem_responses(404, 422),
    },
)
def calendar_feed(
    token: FeedToken,
    session: SessionDep,
    catalog: CatalogDep,
    if_none_match: Annotated[str | None, Header(max_length=1024)] = None,
) -> Response:
    body = service.document(session, token, catalog)
    etag = strong_etag(body)
    headers = {"ETag": etag, "Cache-Control": PRIVATE}
    if etag_matches(if_none_match, etag):
        return Response(status_code=304, headers=headers)
    headers["Content-Disposition"] = 'inline; filename="medius.ics"'
    return Response(body, media_type=f"{ICS}; charset=utf-8", headers=headers)
