"""The feed document: planned sessions as RFC 5545 events. Pure: plain data in, bytes out.

Which days: `sessions_per_week` spread over the ISO week (`WEEKDAYS`), at the feed's time
of day in the user's zone (a VTIMEZONE is included, so 18:00 stays 18:00 across a
daylight-saving change). Which dosage: week k of the routine's plan (week 1 is the
routine's own items) counted from the week the routine was created; after the plan's last
week its dosage stays. Output is a function of its inputs only (no clock read: DTSTAMP is
the routine's last change), so an unchanged plan gives the same bytes and the same ETag.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event

from app.catalog.planner.models import DosageLike

# Days of the week (0 = Monday) for each number of sessions per week: spread out, rest
# days between sessions where the number allows.
WEEKDAYS: Mapping[int, tuple[int, ...]] = {
    1: (0,),
    2: (0, 3),
    3: (0, 2, 4),
    4: (0, 1, 3, 4),
    5: (0, 1, 2, 3, 4),
    6: (0, 1, 2, 3, 4, 5),
    7: (0, 1, 2, 3, 4, 5, 6),
}
REMINDER_BEFORE = timedelta(minutes=30)
MIN_EVENT = timedelta(minutes=10)
PRODID = "-//Medius//Planned sessions//EN"


@dataclass(frozen=True)
class PlannedWeek:
    items: Sequence[DosageLike]
    seconds: int  # the week's estimated session length


@dataclass(frozen=True)
class Plan:
    routine_id: uuid.UUID
    name: str
    sessions_per_week: int
    starts_on: date  # the routine's creation day, local: no session before it
    weeks: Sequence[PlannedWeek]  # week 1, 2, ...; the last one holds after the plan
    changed_at: datetime  # the routine's last change (UTC)


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
    monday0 = plan.starts_on - timedelta(days=plan.starts_on.weekday())
    days = WEEKDAYS[plan.sessions_per_week]
    out = []
    day = max(first, plan.starts_on)
    while day <= last:
        if day.weekday() in days:
            week = (day - monday0).days // 7
            out.append((day, min(week, len(plan.weeks) - 1)))
        day += timedelta(days=1)
    return out


def feed(
    plan: Plan | None,
    names: Mapping[str, str],
    zone: ZoneInfo,
    at: time,
    first: date,
    last: date,
) -> bytes:
    """The calendar of the planned sessions on the local days first..last."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "Medius: planned sessions")
    cal.add("x-wr-timezone", zone.key)
    if plan is not None:
        for day, week in sessions(plan, first, last):
            cal.add_component(_event(plan, plan.weeks[week], week + 1, day, names, zone, at))
    # Only the transitions around the feed's days: the zone's whole history is kilobytes.
    cal.add_missing_timezones(first - timedelta(days=366), last + timedelta(days=366))
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
    event = Event()
    # Stable across fetches: the routine and the day, not the dosage or the time.
    event.add("uid", f"{plan.routine_id}-{day.isoformat()}@medius")
    event.add("dtstamp", plan.changed_at)
    event.add("last-modified", plan.changed_at)
    event.add("summary", f"{plan.name} (week {number})")
    event.add("dtstart", start)
    event.add("dtend", start + length)
    lines = [dosage_line(i, names.get(i.exercise, i.exercise)) for i in week.items]
    event.add("description", "\n".join(lines))
    event.add("transp", "OPAQUE")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"{plan.name} in {REMINDER_BEFORE.seconds // 60} minutes")
    alarm.add("trigger", -REMINDER_BEFORE)
    event.add_component(alarm)
    return event
