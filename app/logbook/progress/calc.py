"""Progress maths that need no database: calendar weeks, streaks, asymmetry, advice rules.

Advice rules (one table, also in docs/guides/patients/sessions-and-progress.md), over the
last two sessions of an exercise:

| what the last two sessions show                 | decision | next dosage                        |
| ----------------------------------------------- | -------- | ---------------------------------- |
| any pain >= 5                                   | reduce   | one step down; see a professional  |
| fewer than two sessions logged                  | hold     | unchanged                          |
| pain 3-4, or a set short of the prescription    | hold     | unchanged                          |
| both met the prescription with pain <= 2        | progress | one step up (article range first)  |
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from app.catalog.exercises.models import ExerciseSpec
from app.catalog.planner import rules
from app.catalog.planner.dosing import count_cap, count_span, hold_cap, hold_span
from app.core.vocabulary import Decision, DosageUnit, ProgressionBasis, Provenance
from app.logbook.progress.models import PrescribedDosage

REDUCE_AT_PAIN = 5
HOLD_AT_PAIN = 3
ALERT_AT_PAIN = 7
MAX_RANGE_DAYS = 366
DEFAULT_RANGE_DAYS = 84


@dataclass(frozen=True)
class Week:
    label: str
    starts_on: date
    start: datetime  # UTC instant of the local Monday 00:00 (or of `from`)
    end: datetime  # UTC instant where the week (or the range) ends


WEEK_SECONDS = 7 * 86400
_EPOCH = date(1970, 1, 1)


@dataclass(frozen=True)
class WeekClock:
    """Which of `weeks` an instant falls in, as integer arithmetic the database can do.

    The bucket of an instant is `(utc_seconds + shift) // WEEK_SECONDS`, where
    utc_seconds is the instant's whole seconds since the Unix epoch and `shift` is the
    zone's UTC offset at that instant minus the first week's local Monday 00:00 (as
    seconds since the epoch of wall-clock time). The offset is constant between the
    zone's transitions, so `shifts` holds one value per stretch between the transitions
    inside the range (one for a zone without daylight saving, two or three for a year
    with it): a handful of parameters instead of one per week boundary.
    """

    shifts: tuple[tuple[datetime | None, int], ...]  # (from this UTC instant on, shift)


@dataclass(frozen=True)
class Calendar:
    weeks: tuple[Week, ...]
    clock: WeekClock
    first: date  # the range's first and last calendar day
    last: date


def _offset(instant: datetime, zone: ZoneInfo) -> int:
    delta = instant.astimezone(zone).utcoffset()
    return int(delta.total_seconds()) if delta is not None else 0


def _transitions(start: datetime, end: datetime, zone: ZoneInfo) -> list[tuple[datetime, int]]:
    """Every (first UTC second, new offset) where the zone's offset changes in [start, end).

    Offsets are sampled a day apart (tzdb has no two transitions within a day of each
    other) and each change is bisected to the second; transitions fall on whole seconds.
    """
    out: list[tuple[datetime, int]] = []
    day = timedelta(days=1)
    low, low_offset = start, _offset(start, zone)
    while low < end:
        high = min(low + day, end)
        high_offset = _offset(high, zone)
        if high_offset != low_offset:
            a, b = low, high  # offset(a) == low_offset != offset(b)
            while b - a > timedelta(seconds=1):
                mid = a + timedelta(seconds=(b - a).total_seconds() // 2)
                if _offset(mid, zone) == low_offset:
                    a = mid
                else:
                    b = mid
            out.append((b, high_offset))
        low, low_offset = high, high_offset
    return out


def weeks_between(first: date, last: date, zone: ZoneInfo) -> list[Week]:
    """ISO weeks, in the user's time zone, covering the calendar days first..last."""
    return list(calendar(first, last, zone).weeks)


@lru_cache(maxsize=256)
def calendar(first: date, last: date, zone: ZoneInfo) -> Calendar:
    """The weeks covering first..last in `zone` and the clock that buckets instants in them
    (cached: every request for the same range and zone asks the same question)."""

    def instant(day: date) -> datetime:
        return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)

    out: list[Week] = []
    first_monday = monday = first - timedelta(days=first.weekday())
    end_day = last + timedelta(days=1)
    while monday < end_day:
        next_monday = monday + timedelta(days=7)
        year, week, _ = monday.isocalendar()
        out.append(
            Week(
                label=f"{year}-W{week:02d}",
                starts_on=monday,
                start=instant(max(monday, first)),
                end=instant(min(next_monday, end_day)),
            )
        )
        monday = next_monday
    base = (first_monday - _EPOCH).days * 86400
    start, end = out[0].start, out[-1].end
    shifts: list[tuple[datetime | None, int]] = [(None, _offset(start, zone) - base)]
    shifts += [(at, offset - base) for at, offset in _transitions(start, end, zone)]
    return Calendar(tuple(out), WeekClock(tuple(shifts)), first, last)


def bucket_of(instant: datetime, clock: WeekClock) -> int:
    """The week index of `instant`, by the same arithmetic the SQL does."""
    shift = clock.shifts[0][1]
    for at, value in clock.shifts[1:]:
        if at is not None and instant >= at:
            shift = value
    seconds = (instant - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(seconds=1)
    return (seconds + shift) // WEEK_SECONDS


def streaks(met: Sequence[bool | None]) -> tuple[int, int]:
    """(current, best) runs of weeks that met the plan; the current run ends at the last week.

    The week in progress does not break a run it has not yet met.
    """
    best = run = 0
    for flag in met:
        run = run + 1 if flag else 0
        best = max(best, run)
    current = run
    if met and not met[-1]:
        current = 0
        for flag in reversed(met[:-1]):
            if not flag:
                break
            current += 1
    return current, best


def asymmetry(left: int, right: int) -> float | None:
    larger = max(left, right)
    if larger == 0:
        return None
    return round((left - right) / larger, 3)


@dataclass(frozen=True)
class SessionResult:
    """How one session went for one exercise of the routine."""

    sets_meeting_target: int
    max_pain: int


def reduce_reason(pains: Sequence[int]) -> str | None:
    """Why the advice is to reduce, given the worst pain of each of the last two sessions;
    None when it is not (the table's first row: it depends on pain alone)."""
    worst = max(pains, default=0)
    if worst < REDUCE_AT_PAIN:
        return None
    return f"Pain reached {worst}/10; reduce the dosage and have a physiotherapist review it."


def decide(results: Sequence[SessionResult], required_sets: int) -> tuple[Decision, str]:
    """The advice table above, applied to the last two sessions (newest first)."""
    reduce = reduce_reason([r.max_pain for r in results])
    if reduce is not None:
        return Decision.REDUCE, reduce
    if len(results) < 2:
        return Decision.HOLD, "Log two sessions of this exercise before changing it."
    if any(r.max_pain >= HOLD_AT_PAIN for r in results):
        return Decision.HOLD, "Pain of 3-4/10 in the last two sessions: keep the dosage."
    if any(r.sets_meeting_target < required_sets for r in results):
        return Decision.HOLD, "The prescribed sets were not all completed in the last two sessions."
    return Decision.PROGRESS, "The last two sessions met the prescription with pain 2/10 or less."


def _value(dosage: PrescribedDosage, unit: DosageUnit) -> int | None:
    return {DosageUnit.REPS: dosage.reps, DosageUnit.STEPS: dosage.steps}.get(
        unit, dosage.hold_seconds
    )


def step_up(
    current: PrescribedDosage, spec: ExerciseSpec
) -> tuple[PrescribedDosage, str | None, ProgressionBasis | None]:
    """One step up: within the article's range first (basis `article-range`), then Medius'
    extension (basis `medius`)."""
    unit = spec.dosage.unit
    field = {DosageUnit.REPS: "reps", DosageUnit.STEPS: "steps"}.get(unit, "hold_seconds")
    count = _value(current, unit)
    increment = rules.REPS_INCREMENT if unit is DosageUnit.REPS else rules.STEPS_INCREMENT
    span = count_span(spec)
    holds = hold_span(spec)
    if count is not None and unit is not DosageUnit.SECONDS and span and count < span.high:
        new = min(count + increment, span.high)
        return (
            _with(current, field, new),
            f"{field} {count} -> {new}",
            ProgressionBasis.ARTICLE_RANGE,
        )
    hold = current.hold_seconds
    if hold is not None and holds is not None and holds.article and hold < holds.high:
        return (
            _with(current, "hold_seconds", hold + 1),
            f"hold {hold} -> {hold + 1} s",
            ProgressionBasis.ARTICLE_RANGE,
        )
    if count is not None and unit is not DosageUnit.SECONDS and count < count_cap(spec):
        new = min(count + increment, count_cap(spec))
        return _with(current, field, new), f"{field} {count} -> {new}", ProgressionBasis.MEDIUS
    if hold is not None and hold < hold_cap(spec):
        return (
            _with(current, "hold_seconds", hold + 1),
            f"hold {hold} -> {hold + 1} s",
            ProgressionBasis.MEDIUS,
        )
    if current.sets < 10:
        return (
            _with(current, "sets", current.sets + 1),
            f"sets {current.sets} -> {current.sets + 1}",
            ProgressionBasis.MEDIUS,
        )
    return current, None, None


def step_down(
    current: PrescribedDosage, spec: ExerciseSpec
) -> tuple[PrescribedDosage, str | None, ProgressionBasis | None]:
    """One step down: a set fewer, else fewer reps/steps or a shorter hold (Medius' rule)."""
    if current.sets > 1:
        return (
            _with(current, "sets", current.sets - 1),
            f"sets {current.sets} -> {current.sets - 1}",
            ProgressionBasis.MEDIUS,
        )
    unit = spec.dosage.unit
    field = {DosageUnit.REPS: "reps", DosageUnit.STEPS: "steps"}.get(unit, "hold_seconds")
    count = _value(current, unit)
    if count is not None and count > 1:
        new = max(1, count // 2)
        return _with(current, field, new), f"{field} {count} -> {new}", ProgressionBasis.MEDIUS
    return current, None, None


def _with(current: PrescribedDosage, field: str, value: int) -> PrescribedDosage:
    return current.model_copy(update={field: value})


def provenance_of(basis: ProgressionBasis | None) -> Provenance | None:
    """Whose a change is: moving within the article's range or along its own progression is
    the article's; anything else is Medius'."""
    if basis is None:
        return None
    return Provenance.MEDIUS if basis is ProgressionBasis.MEDIUS else Provenance.ARTICLE
