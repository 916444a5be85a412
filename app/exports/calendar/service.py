"""Calendar feed tokens and the feed itself.

The feed follows the routine /me/progress follows (the user's most recently changed
one); a user without a routine gets a valid calendar without events. It spans
FEED_WEEKS_BEHIND weeks back and FEED_WEEKS_AHEAD weeks ahead of the current local week, so
a calendar app that replaces the feed on every fetch keeps recent history and the months
ahead. Each event's SEQUENCE and LAST-MODIFIED are replayed from the routine's versions
and the feed's schedule changes (app/exports/calendar/revisions.py).
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections.abc import Mapping, Sequence
from datetime import date, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session

from app.catalog.exercises.models import ExerciseSpec
from app.catalog.live.snapshot import CatalogSpecs
from app.catalog.planner.models import DosageLike, WeekPlan
from app.catalog.planner.timing import routine_seconds
from app.core.db import begin_write
from app.core.errors import NotFound
from app.core.responses import API_PREFIX
from app.core.types import utcnow
from app.exports.calendar import ics, repository
from app.exports.calendar.models import CalendarTokenCreate, CalendarTokenPublic
from app.exports.calendar.revisions import ProgramVersion, Schedule, event_revisions
from app.outcomes.measures import results as measures
from app.training.routines.repository import all_versions, items_for, latest_routine
from app.training.routines.service import specs_for, stored_progression
from app.training.routines.versions import items_of
from app.users.events import EverySignInEnded, TimeZoneChanged
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


def on_time_zone_changed(session: Session, event: TimeZoneChanged) -> None:
    """Every event of the feed moves to the new zone: a revision of each."""
    repository.schedule_changed(session, event.user_id, event.at)


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
    zone = ZoneInfo(found.time_zone)
    today = utcnow().astimezone(zone).date()
    monday = today - timedelta(days=today.weekday())
    first = monday - timedelta(weeks=FEED_WEEKS_BEHIND)
    last = monday + timedelta(weeks=FEED_WEEKS_AHEAD) - timedelta(days=1)
    schedule = Schedule(found.schedule_changes, found.schedule_changed_at)
    plan, names = _plan(session, found.user_id, zone, catalog, (first, last), schedule)
    at = time(found.minute_of_day // 60, found.minute_of_day % 60)
    due = [
        ics.MeasureDue(o.assignment_id, o.title, o.day, o.assigned_at)
        for o in measures.occasions_between(session, found.user_id, first, last)
    ]
    return ics.feed(plan, names, zone, at, first, last, due)


def _plan(
    session: Session,
    user_id: uuid.UUID,
    zone: ZoneInfo,
    catalog: CatalogSpecs,
    days: tuple[date, date],
    schedule: Schedule,
) -> tuple[ics.Plan | None, dict[str, str]]:
    routine = latest_routine(session, user_id)
    if routine is None:
        return None, {}
    items = items_for(session, [routine.id])[routine.id]
    progression = stored_progression(routine)
    versions = all_versions(session, routine.id)
    slugs = {i.exercise for i in items} | {
        i.exercise for week in progression or [] for i in week.items
    }
    slugs |= {str(i["exercise"]) for v in versions for i in v.items}
    specs = specs_for(session, catalog, slugs)
    starts_on: date = routine.created_at.astimezone(zone).date()
    history = [
        ProgramVersion(
            created_at=v.created_at,
            name=v.name,
            sessions_per_week=v.sessions_per_week,
            weeks=_weeks(items_of(v), _progression(v.progression), specs),
        )
        for v in versions
    ]
    plan = ics.Plan(
        routine_id=routine.id,
        name=routine.name,
        sessions_per_week=routine.sessions_per_week,
        starts_on=starts_on,
        weeks=_weeks(items, progression, specs),
        changed_at=routine.updated_at,
        revisions=event_revisions(history, starts_on, *days, schedule),
    )
    return plan, {slug: spec.name for slug, spec in specs.items()}


def _weeks(
    items: Sequence[DosageLike],
    progression: Sequence[WeekPlan] | None,
    specs: Mapping[str, ExerciseSpec],
) -> list[ics.PlannedWeek]:
    """The plan's weeks as the feed shows them: the progression's, or the items alone."""
    if progression:
        return [ics.PlannedWeek(w.items, w.estimated_seconds) for w in progression]
    return [ics.PlannedWeek(items, routine_seconds(items, specs))]


def _progression(stored: list[dict[str, Any]] | None) -> list[WeekPlan] | None:
    """A version's stored plan; one that no longer validates reads as none (as a routine's)."""
    try:
        return None if stored is None else [WeekPlan.model_validate(w) for w in stored]
    except ValueError:
        return None
