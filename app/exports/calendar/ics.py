"""The feed document: planned sessions as RFC 5545 events. Pure: plain data in, bytes out.

Which days: `sessions_per_week` spread over the ISO week (app/catalog/planner/schedule.py),
at the feed's time of day in the user's zone (a VTIMEZONE is included, so 18:00 stays 18:00
across a daylight-saving change). On a day a clock change skips or repeats that time, the
event is written in UTC, at the instant RFC 5545 3.3.5 gives the local time. Which dosage:
week k of the routine's plan (week 1 is the routine's own items), weeks counted from the
first planned session; after the plan's last week its dosage stays.

Each event carries its own revision (`Revision`): SEQUENCE counts the changes to that event
(RFC 5545 3.8.7.4), LAST-MODIFIED and DTSTAMP say when the last one was made. The feed has
no METHOD: it is a published calendar, not an iTIP message (PUBLISH would also require an
ORGANIZER), so DTSTAMP is, as RFC 5545 3.8.7.2 says for that case, when the event was last
revised in the store, not when the document was made. Output is a function of its inputs
only (no clock read), so an unchanged plan gives the same bytes and the same ETag, and an
event that did not change keeps its SEQUENCE and stamps while others move.

A calendar without a routine holds the user's VTIMEZONE alone: RFC 5545 3.6 asks for at
least one component, and an empty time zone definition adds nothing to the user's
calendar, where a placeholder event would show on some day as if it were planned.
"""

from __future__ import annotations

import uuid
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event, Timezone

from app.catalog.planner.models import DosageLike
from app.catalog.planner.schedule import first_session, is_session_day, plan_week

REMINDER_BEFORE = timedelta(minutes=30)
MIN_EVENT = timedelta(minutes=10)
PRODID = "-//Medius//Planned sessions//EN"


@dataclass(frozen=True)
class PlannedWeek:
    items: Sequence[DosageLike]
    seconds: int  # the week's estimated session length

    def key(self) -> Hashable:
        """What an event shows of this week: equal keys, equal events."""
        dosages = tuple(
            (i.exercise, i.sets, i.reps, i.steps, i.hold_seconds, i.side, i.rest_seconds)
            for i in self.items
        )
        return dosages, self.seconds


@dataclass(frozen=True)
class Revision:
    """One event's revision: its SEQUENCE, and when it last changed (UTC)."""

    sequence: int
    modified: datetime


@dataclass(frozen=True)
class Plan:
    routine_id: uuid.UUID
    name: str
    sessions_per_week: int
    starts_on: date  # the routine's creation day, local: no session before it
    weeks: Sequence[PlannedWeek]  # week 1, 2, ...; the last one holds after the plan
    changed_at: datetime  # the routine's last change (UTC): an event's if not in `revisions`
    revisions: Mapping[date, Revision] = field(default_factory=dict)  # by the event's day

    def revision(self, day: date) -> Revision:
        return self.revisions.get(day) or Revision(0, self.changed_at)


def dosage_line(item: DosageLike, name: str) -> str:
    """`Clamshell: 2 x 10 reps, hold 3 s, each side, rest 30 s`."""
    if item.steps is not None:
        amount = f"{item.sets} x {item.steps} steps"
    elif item.reps is not None:
        amount = f"{item.sets} x {item.reps} reps"
    else:
        amount = f"{item.sets} x {item.hold_seconds or 0} s hold"
    parts = [amount]
    if item.hold_seconds and (item.reps is not None or item.steps is not None):
        parts.append(f"hold {item.hold_seconds} s")
    if item.side == "both":
        parts.append("each side")
    elif item.side in ("left", "right"):
        parts.append(f"{item.side} leg")
    parts.append(f"rest {item.rest_seconds} s")
    return f"{name}: " + ", ".join(parts)


def sessions(plan: Plan, first: date, last: date) -> list[tuple[date, int]]:
    """(day, plan week index) of every planned session in first..last (local days)."""
    return sessions_of(plan.sessions_per_week, plan.starts_on, len(plan.weeks), first, last)


def sessions_of(
    sessions_per_week: int, starts_on: date, weeks: int, first: date, last: date
) -> list[tuple[date, int]]:
    """(day, plan week index) of a plan's sessions in first..last: week 1 starts on the
    first planned session on or after `starts_on`; the last of `weeks` holds after."""
    week1 = first_session(starts_on, sessions_per_week)
    out = []
    day = max(first, week1)
    while day <= last:
        if is_session_day(day, sessions_per_week):
            out.append((day, min(plan_week(day, week1), weeks - 1)))
        day += timedelta(days=1)
    return out


@dataclass(frozen=True)
class MeasureDue:
    """An outcome measure due on a day (an all-day event): the assignment it belongs to,
    the instrument's title, and when it was assigned (the event's only revision)."""

    assignment_id: uuid.UUID
    title: str
    day: date
    assigned_at: datetime


def feed(
    plan: Plan | None,
    names: Mapping[str, str],
    zone: ZoneInfo,
    at: time,
    first: date,
    last: date,
    measures: Sequence[MeasureDue] = (),
) -> bytes:
    """The calendar of the planned sessions (and the measures due) on the local days
    first..last."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Medius: planned sessions")
    cal.add("x-wr-timezone", zone.key)
    if plan is not None:
        for day, week in sessions(plan, first, last):
            cal.add_component(_event(plan, plan.weeks[week], week + 1, day, names, zone, at))
    for due in measures:
        if first <= due.day <= last:
            cal.add_component(_measure_event(due))
    # Only the transitions around the feed's days: the zone's whole history is kilobytes.
    around = (first - timedelta(days=366), last + timedelta(days=366))
    if cal.walk("VEVENT"):
        cal.add_missing_timezones(*around)
    else:  # RFC 5545 3.6: one component at least; the zone the events will use
        cal.add_component(Timezone.from_tzinfo(zone, zone.key, *around))
    return bytes(cal.to_ical())


def _event(
    plan: Plan,
    week: PlannedWeek,
    number: int,
    day: date,
    names: Mapping[str, str],
    zone: ZoneInfo,
    at: time,
) -> Event:
    start = datetime.combine(day, at, tzinfo=zone)
    length = max(MIN_EVENT, timedelta(seconds=week.seconds))
    end = start + length
    if not (_one_instant(start) and _one_instant(end)):
        # A time the clock change skips or repeats: in UTC, the instant RFC 5545 3.3.5 means
        # (the offset before the change), which every reader then takes alike; ical.js
        # would read a repeated local time as its second occurrence.
        start = start.astimezone(UTC)
        end = start + length
    event = Event()
    # Stable across fetches: the routine and the day, not the dosage or the time.
    event.add("uid", f"{plan.routine_id}-{day.isoformat()}@medius")
    revision = plan.revision(day)
    event.add("dtstamp", revision.modified)
    event.add("last-modified", revision.modified)
    event.add("sequence", revision.sequence)
    event.add("summary", f"{plan.name} (week {number})")
    event.add("dtstart", start)
    event.add("dtend", end)
    lines = [dosage_line(i, names.get(i.exercise, i.exercise)) for i in week.items]
    event.add("description", "\n".join(lines))
    event.add("transp", "OPAQUE")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"{plan.name} in {REMINDER_BEFORE.seconds // 60} minutes")
    alarm.add("trigger", -REMINDER_BEFORE)
    event.add_component(alarm)
    return event


def _measure_event(due: MeasureDue) -> Event:
    """An all-day event: a date has no zone, so no clock change moves it."""
    event = Event()
    event.add("uid", f"{due.assignment_id}-{due.day.isoformat()}@medius-measure")
    event.add("dtstamp", due.assigned_at)
    event.add("last-modified", due.assigned_at)
    event.add("sequence", 0)
    event.add("summary", f"Outcome measure due: {due.title}")
    event.add("dtstart", due.day)
    event.add("dtend", due.day + timedelta(days=1))
    event.add("description", "Answer it in the app (GET /me/measures/due lists what is due).")
    event.add("transp", "TRANSPARENT")
    return event


def _one_instant(local: datetime) -> bool:
    """Whether this local time names exactly one instant in its zone: not skipped nor
    repeated by a clock change."""
    return local.replace(fold=0).utcoffset() == local.replace(fold=1).utcoffset()
