"""Per-(owner, exercise, local day) totals of the session log, kept with every session write.

/me/progress reads these small rows (at most days x exercises in its window) instead of
grouping every set: the sums, maxima and counts it reports are all made of per-day
figures. They are written in the same transaction as the session change they follow,
after the owner's change counter is taken (whose row lock serialises the owner's
writers), so they never lag, never double count a retried create (only the insert that
won the primary key reaches them) and never mix owners (the owner is part of the key).

- A new session adds its figures to its day's rows (one upsert executemany).
- An edit, an entries change or a deletion recomputes the days it touched (the old and
  the new day of the session) from the entries of that day's live sessions: maxima
  cannot be subtracted.
- Each day row's figures are also kept in its local ISO week's row (`ExerciseWeekTotal`):
  a create adds to it with the same upsert; a recomputed day recomputes its week from the
  day rows stored (repository.weeks_from_days).
- The day is the calendar date of `started_at` in the owner's time zone, the same date
  progress puts in a week. The zone the rows are dated in is stored beside them
  (`ExerciseDayZone`); when the user's zone differs (changed with PATCH /me), the
  owner's rows are rebuilt in the new zone by the next write or progress read.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from itertools import groupby
from operator import itemgetter
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Column, Connection, Integer, MetaData, Table, Uuid
from sqlmodel import Session

from app.core.changes import bump_user_counter
from app.core.db import begin_write
from app.logbook.sessions import repository
from app.logbook.sessions.repository import TOTAL_VALUES, TotalRows

# Positions in a TOTAL_VALUES list.
_AT = {name: n for n, name in enumerate(TOTAL_VALUES)}
SESSIONS, SETS, REPS, STEPS, HOLD = (_AT[k] for k in TOTAL_VALUES[:5])
BEST_REPS, BEST_STEPS, BEST_HOLD = _AT["best_reps"], _AT["best_steps"], _AT["best_hold"]
PAIN_SUM, PAIN_MAX, EFFORT_SUM = _AT["pain_sum"], _AT["pain_max"], _AT["effort_sum"]
SIDES = {"left": _AT["left_sets"], "right": _AT["right_sets"]}  # then counted, held

# An entry as the totals see it: (exercise, side, reps, steps, hold_seconds, pain, effort),
# repository.TOTALS_ENTRY_COLUMNS' order.
TotalsEntry = Sequence[Any]
# Which columns of a repository.ENTRY_COLUMNS row (a create's checked entries) those are.
FROM_ENTRY_ROW = itemgetter(0, 2, 3, 4, 5, 8, 9)


def local_day(instant: datetime, zone: ZoneInfo) -> int:
    """The calendar date of `instant` in `zone`, as `date.toordinal()`."""
    return instant.astimezone(zone).date().toordinal()


def add_session(out: TotalRows, day: int, entries: Iterable[TotalsEntry]) -> None:
    """Add one session's entries to `out` (a session counts once per exercise)."""
    seen: set[str] = set()
    for slug, side, reps, steps, hold, pain, effort in entries:
        v = out.get((day, slug))
        if v is None:
            v = out[(day, slug)] = [0] * len(TOTAL_VALUES)
        if slug not in seen:
            seen.add(slug)
            v[SESSIONS] += 1
        reps, steps, hold = reps or 0, steps or 0, hold or 0
        v[SETS] += 1
        v[REPS] += reps
        v[STEPS] += steps
        v[HOLD] += hold
        v[BEST_REPS] = max(v[BEST_REPS], reps)
        v[BEST_STEPS] = max(v[BEST_STEPS], steps)
        v[BEST_HOLD] = max(v[BEST_HOLD], hold)
        v[PAIN_SUM] += pain
        v[PAIN_MAX] = max(v[PAIN_MAX], pain)
        v[EFFORT_SUM] += effort
        at = SIDES.get(side) if side is not None else None
        if at is not None:
            v[at] += 1
            v[at + 1] += reps + steps
            v[at + 2] += hold


def from_source(rows: Iterable[Any], zone: ZoneInfo, days: set[int] | None = None) -> TotalRows:
    """Totals of repository.totals_source rows (grouped by session), keeping `days` only."""
    out: TotalRows = {}
    for _, group in groupby(rows, itemgetter(0)):
        first, *rest = group
        day = local_day(first[1], zone)
        if days is None or day in days:
            add_session(out, day, (r[2:] for r in (first, *rest)))
    return out


def _day_window(day: int, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """UTC instants surely covering every instant dated `day` in `zone` (a day either
    side: a daylight-saving fold may move midnight; the rows are then filtered by date)."""
    start = datetime.combine(date.fromordinal(day), time(0), tzinfo=zone)
    return start - timedelta(days=1), start + timedelta(days=2)


def rebuild(session: Session, owner_id: uuid.UUID, time_zone: str) -> None:
    """Every row of the owner, from the entries, dated in `time_zone`."""
    rows = repository.totals_source(session, owner_id, None)
    repository.replace_totals(session, owner_id, None, from_source(rows, ZoneInfo(time_zone)))
    repository.set_totals_zone(session, owner_id, time_zone)


def after_create(
    session: Session,
    owner_id: uuid.UUID,
    time_zone: str,
    started_at: datetime,
    entries: Sequence[Sequence[Any]],
    stored_zone: str | None,
) -> None:
    """A new session (its entries as repository.ENTRY_COLUMNS rows) was just inserted;
    `stored_zone` is the zone the owner's rows are dated in, read in this transaction
    (repository.count_and_totals_zone)."""
    if stored_zone != time_zone:
        rebuild(session, owner_id, time_zone)  # the new session's entries are already in
        return
    rows: TotalRows = {}
    add_session(rows, local_day(started_at, ZoneInfo(time_zone)), map(FROM_ENTRY_ROW, entries))
    repository.add_totals(session, owner_id, rows)


def after_change(
    session: Session, owner_id: uuid.UUID, time_zone: str, started: Iterable[datetime]
) -> None:
    """A session was edited, deleted or had its entries changed: recompute the days of
    its `started` instants (before and after the change) from the entries now stored."""
    if repository.totals_zone(session, owner_id) != time_zone:
        rebuild(session, owner_id, time_zone)
        return
    zone = ZoneInfo(time_zone)
    days = {local_day(at, zone) for at in started}
    windows = [_day_window(day, zone) for day in sorted(days)]
    source = repository.totals_source(session, owner_id, windows)
    repository.replace_totals(session, owner_id, sorted(days), from_source(source, zone, days))


def ensure_current(session: Session, owner_id: uuid.UUID, time_zone: str) -> None:
    """Before reading the totals: rebuild them if they are dated in another zone than the
    user's (the user changed time zone since the last session write). One primary-key
    read when they are current, or when the owner has no totals (then no entries) yet."""
    stored = repository.totals_zone(session, owner_id)
    if stored is None or stored == time_zone:
        return
    begin_write(session)
    bump_user_counter(session, owner_id)  # the owner's writers' lock: one rebuild at a time
    if repository.totals_zone(session, owner_id) != time_zone:
        rebuild(session, owner_id, time_zone)
    session.commit()


# Each live session's local day, for a backfill's one INSERT ... SELECT.
_SESSION_DAYS = Table(
    "session_day_backfill",
    MetaData(),
    Column("session_id", Uuid(), primary_key=True),
    Column("owner_id", Uuid(), nullable=False),
    Column("day", Integer(), nullable=False),
    prefixes=["TEMPORARY"],
)
_BATCH = 5000


def backfill(connection: Connection, weeks: bool = True) -> None:
    """Every owner's rows from the stored entries, each dated in the owner's zone, and every
    session's `pain_max` (migration 0008, and the bench loader, which writes entries below
    the service). Python dates each session (zoneinfo, as the write path does); the
    database sums the entries: a million sets in seconds, not a Python loop per set.
    `weeks=False` leaves the week rows alone (migration 0008 runs before their table exists;
    0009 derives them)."""
    repository.refresh_every_pain_max(connection)
    repository.reset_every_total(connection, weeks)
    _SESSION_DAYS.create(connection)
    zones: dict[str, ZoneInfo] = {}
    batch: list[dict[str, object]] = []
    for sid, owner_id, started, name in repository.every_live_session(connection):
        zone = zones.get(name) or zones.setdefault(name, ZoneInfo(name))
        batch.append({"session_id": sid, "owner_id": owner_id, "day": local_day(started, zone)})
        if len(batch) == _BATCH:
            connection.execute(_SESSION_DAYS.insert(), batch)
            batch = []
    if batch:
        connection.execute(_SESSION_DAYS.insert(), batch)
    repository.insert_totals_by_day(connection, _SESSION_DAYS)
    _SESSION_DAYS.drop(connection)
    if weeks:
        repository.weeks_from_days(connection, None, None)
