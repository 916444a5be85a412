"""Each feed event's SEQUENCE and LAST-MODIFIED, replayed from the routine's versions: a
version changes the events whose content it changes, and only those."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from app.exports.calendar.ics import PlannedWeek, Revision
from app.exports.calendar.revisions import ProgramVersion, Schedule, event_revisions

MADE_ON = date(2027, 1, 2)  # a Saturday: week 1 starts on Monday 4
FIRST, LAST = date(2027, 1, 1), date(2027, 1, 31)
T1, T2, T3, T4 = (datetime(2027, 1, 1, 9, tzinfo=UTC) + timedelta(hours=h) for h in range(4))


@dataclass(frozen=True)
class Item:
    exercise: str = "clamshell"
    sets: int = 2
    reps: int | None = 10
    steps: int | None = None
    hold_seconds: int | None = None
    side: str | None = "both"
    rest_seconds: int = 30


def _version(at: datetime, per_week: int = 3, *reps: int, name: str = "Glutes") -> ProgramVersion:
    weeks = [PlannedWeek([Item(reps=r)], 600) for r in reps or (10, 12)]
    return ProgramVersion(created_at=at, name=name, sessions_per_week=per_week, weeks=weeks)


def test_one_version_gives_every_event_sequence_0_at_its_time() -> None:
    revisions = event_revisions([_version(T1)], MADE_ON, FIRST, LAST)
    assert min(revisions) == date(2027, 1, 4)
    assert set(revisions.values()) == {Revision(0, T1)}


def test_a_version_changing_week_2_moves_only_week_2_and_later() -> None:
    revisions = event_revisions(
        [_version(T1, 3, 10, 12), _version(T2, 3, 10, 14)], MADE_ON, *(FIRST, LAST)
    )
    week1 = {d: r for d, r in revisions.items() if d < date(2027, 1, 11)}
    later = {d: r for d, r in revisions.items() if d >= date(2027, 1, 11)}
    assert len(week1) == 3 and set(week1.values()) == {Revision(0, T1)}
    assert later and set(later.values()) == {Revision(1, T2)}


def test_a_version_the_calendar_does_not_show_changes_nothing() -> None:
    same = [_version(T1), _version(T2), _version(T3)]
    assert event_revisions(same, MADE_ON, FIRST, LAST) == event_revisions(
        same[:1], MADE_ON, FIRST, LAST
    )


def test_fewer_sessions_a_week_keep_the_days_that_stay_and_start_new_days_at_0() -> None:
    # Monday, Wednesday, Friday, then Monday and Thursday, one dosage throughout.
    revisions = event_revisions([_version(T1, 3, 10), _version(T2, 2, 10)], MADE_ON, FIRST, LAST)
    assert revisions[date(2027, 1, 11)] == Revision(0, T1)  # a Monday: as it was
    assert revisions[date(2027, 1, 14)] == Revision(0, T2)  # a Thursday: new
    assert date(2027, 1, 13) not in revisions  # a Wednesday: gone


def test_an_event_removed_and_brought_back_counts_both_changes() -> None:
    versions = [_version(T1, 3, 10), _version(T2, 2, 10), _version(T3, 3, 10)]
    revisions = event_revisions(versions, MADE_ON, FIRST, LAST)
    assert revisions[date(2027, 1, 13)] == Revision(2, T3)
    assert revisions[date(2027, 1, 11)] == Revision(0, T1)


def test_a_schedule_change_moves_every_event_once_more() -> None:
    versions = [_version(T1), _version(T3, name="Renamed")]
    revisions = event_revisions(versions, MADE_ON, FIRST, LAST, Schedule(1, T2))
    assert set(revisions.values()) == {Revision(2, T3)}
    revisions = event_revisions(versions[:1], MADE_ON, FIRST, LAST, Schedule(2, T4))
    assert set(revisions.values()) == {Revision(2, T4)}


def test_events_planned_after_the_last_schedule_change_count_none_of_them() -> None:
    """A routine made after a zone change starts at SEQUENCE 0; an event a later version
    adds after the change starts at 0 too, while the events from before it moved."""
    revisions = event_revisions([_version(T2)], MADE_ON, FIRST, LAST, Schedule(3, T1))
    assert set(revisions.values()) == {Revision(0, T2)}
    versions = [_version(T1, 3, 10), _version(T3, 4, 10)]  # Tuesdays and Thursdays added
    revisions = event_revisions(versions, MADE_ON, FIRST, LAST, Schedule(1, T2))
    assert revisions[date(2027, 1, 11)] == Revision(1, T2)  # a Monday, planned at T1
    assert revisions[date(2027, 1, 12)] == Revision(0, T3)  # a Tuesday, planned at T3
