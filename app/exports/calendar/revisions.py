"""Each feed event's revision (SEQUENCE, LAST-MODIFIED), derived from what is stored.

An event is one planned session: the routine and the local day (its UID). What it shows
comes from the routine's program (name, sessions per week, each plan week's dosage), and
every version of that program is kept (`routine_version`, with when it was written). So
the event's history is replayed: under each version in turn, is there a session that day
and what does it show? A version that changes what the event shows, or removes or brings
back the event, is a revision of it: SEQUENCE goes up by one and LAST-MODIFIED moves to that
version's time. A version that leaves the event as it was (an edit of another week, of the
notes) leaves its SEQUENCE and stamps alone, so the feed stays the same between fetches.

What is not in a routine version, the feed's own schedule (the user's time zone, the
feed's time of day), moves every event at once: `Schedule` counts those changes. Only the
last one's time is kept, so an event that first appeared after it counts none of them (a
routine made after a zone change starts at SEQUENCE 0) and one that was there before it
counts them all (more than its share if some came before it: SEQUENCE only has to grow).
Pure: plain data in, plain data out.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from app.exports.calendar.ics import PlannedWeek, Revision, sessions_of


@dataclass(frozen=True)
class ProgramVersion:
    """One version of a routine's program, as the calendar shows it."""

    created_at: datetime
    name: str
    sessions_per_week: int
    weeks: Sequence[PlannedWeek]  # week 1, 2, ...; the last one holds after the plan


@dataclass(frozen=True)
class Schedule:
    """Changes of the feed's zone or time of day: how many, and the last one's time."""

    changes: int = 0
    changed_at: datetime | None = None


@dataclass
class _Replayed:
    shows: Hashable | None  # what the event shows under the version replayed; None: no event
    sequence: int
    modified: datetime
    appeared: datetime  # when a version first had the event


def event_revisions(
    versions: Sequence[ProgramVersion],
    starts_on: date,
    first: date,
    last: date,
    schedule: Schedule = Schedule(),
) -> dict[date, Revision]:
    """The revision of each event the latest version has in first..last, by its day:
    `versions` in the order they were written."""
    replayed: dict[date, _Replayed] = {}
    shown: Hashable = None
    for version in versions:
        weeks = tuple(w.key() for w in version.weeks)
        key = (version.name, version.sessions_per_week, weeks)
        if key == shown:  # nothing the calendar shows changed in this version
            continue
        shown = key
        planned = {
            day: (version.name, weeks[week])
            for day, week in sessions_of(
                version.sessions_per_week, starts_on, len(weeks), first, last
            )
        }
        for day in planned.keys() | replayed.keys():
            shows = planned.get(day)
            before = replayed.get(day)
            if before is None:  # first planned by this version
                replayed[day] = _Replayed(shows, 0, version.created_at, version.created_at)
            elif shows != before.shows:  # changed, removed or brought back
                before.sequence += 1
                before.shows, before.modified = shows, version.created_at
    return {day: _with_schedule(r, schedule) for day, r in replayed.items() if r.shows is not None}


def _with_schedule(event: _Replayed, schedule: Schedule) -> Revision:
    changed_at = schedule.changed_at
    if changed_at is None or changed_at <= event.appeared:
        return Revision(event.sequence, event.modified)
    return Revision(event.sequence + schedule.changes, max(event.modified, changed_at))
