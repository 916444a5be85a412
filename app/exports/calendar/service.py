"""Calendar feed tokens and the feed itself.

The feed follows the routine /me/progress follows (the user's most recently changed
one); a user without a routine gets a valid, empty calendar. It spans FEED_WEEKS_BEHIND
weeks back and FEED_WEEKS_AHEAD weeks ahead of the current local week, so a calendar app
that replaces the feed on every fetch keeps recent history and the months ahead.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import date, time, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session

from app.catalog.live.snapshot import CatalogSpecs
from app.catalog.planner.timing import routine_seconds
from app.core.db import begin_write
from app.core.errors import NotFound
from app.core.responses import API_PREFIX
from app.core.types import utcnow
from app.exports.calendar import ics, repository
from app.exports.calendar.models import CalendarTokenCreate, CalendarTokenPublic
from app.training.routines.repository import items_for, latest_routine
from app.training.routines.service import specs_for, stored_progression
from app.users.events import EverySignInEnded
from app.users.models import Caller

TOKEN_BYTES = 32  # 256 bits from the OS's CSPRNG
FEED_WEEKS_BEHIND = 4
FEED_WEEKS_AHEAD = 26
FEED_PATH = "/me/calendar.ics"


def on_every_sign_in_ended(session: Session, event: EverySignInEnded) -> None:
    """A password change ends the feed's token too: it reads the account's plan without
    the password, so a token copied before the change must not outlive it. The feed then
    answers 404, as for a token never issued; the user issues a new one."""
    repository.remove(session, event.user_id)


def token_hash(token: str) -> str:
    """What is stored: a 256-bit random token needs no slow hash, only a one-way one."""
    return hashlib.sha256(token.encode()).hexdigest()


def issue(
    session: Session, user: Caller, data: CalendarTokenCreate, public_url: str
) -> CalendarTokenPublic:
    """A new feed token (shown this once); an earlier token of the user stops working.

    Its `url` is absolute, on PUBLIC_BASE_URL (`public_url`): a calendar app is handed the
    link alone, with no base to resolve a path against.
    """
    token = secrets.token_urlsafe(TOKEN_BYTES)
    hours, minutes = (int(part) for part in data.time_of_day.split(":"))
    now = utcnow()
    begin_write(session)
    repository.replace(session, user.id, token_hash(token), hours * 60 + minutes, now)
    session.commit()
    return CalendarTokenPublic(
        token=token,
        url=f"{public_url}{API_PREFIX}{FEED_PATH}?token={token}",
        time_of_day=data.time_of_day,
        created_at=now,
    )


def revoke(session: Session, user: Caller) -> None:
    """Stop the user's feed (nothing to stop is not an error: the outcome is the same)."""
    begin_write(session)
    repository.remove(session, user.id)
    session.commit()


def document(session: Session, token: str, catalog: CatalogSpecs) -> bytes:
    """The feed behind `token`; NotFound for a token never issued or revoked."""
    found = repository.by_token_hash(session, token_hash(token))
    if found is None:
        raise NotFound("No calendar feed has this token (it may have been regenerated).")
    user_id, time_zone, minute = found
    zone = ZoneInfo(time_zone)
    today = utcnow().astimezone(zone).date()
    monday = today - timedelta(days=today.weekday())
    first = monday - timedelta(weeks=FEED_WEEKS_BEHIND)
    last = monday + timedelta(weeks=FEED_WEEKS_AHEAD) - timedelta(days=1)
    plan, names = _plan(session, user_id, zone, catalog)
    return ics.feed(plan, names, zone, time(minute // 60, minute % 60), first, last)


def _plan(
    session: Session, user_id: uuid.UUID, zone: ZoneInfo, catalog: CatalogSpecs
) -> tuple[ics.Plan | None, dict[str, str]]:
    routine = latest_routine(session, user_id)
    if routine is None:
        return None, {}
    items = items_for(session, [routine.id])[routine.id]
    progression = stored_progression(routine)
    slugs = {i.exercise for i in items} | {
        i.exercise for week in progression or [] for i in week.items
    }
    specs = specs_for(session, catalog, slugs)
    weeks = (
        [ics.PlannedWeek(w.items, w.estimated_seconds) for w in progression]
        if progression
        else [ics.PlannedWeek(items, routine_seconds(items, specs))]
    )
    starts_on: date = routine.created_at.astimezone(zone).date()
    plan = ics.Plan(
        routine_id=routine.id,
        name=routine.name,
        sessions_per_week=routine.sessions_per_week,
        starts_on=starts_on,
        weeks=weeks,
        changed_at=routine.updated_at,
    )
    return plan, {slug: spec.name for slug, spec in specs.items()}
