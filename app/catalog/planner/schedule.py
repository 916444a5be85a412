"""When a routine's planned sessions fall: the days of the week, and its plan's weeks.

Pure, on local calendar days. Week 1 of a plan starts on the routine's first planned
session (the first planned weekday on or after the day it was made) and lasts seven days;
week k starts 7(k-1) days later. So each plan week holds exactly `sessions_per_week`
sessions, and a routine made at the weekend starts with week 1's dosage, not week 2's.
The calendar feed and anything else that places plan weeks in time count them here.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

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


def is_session_day(day: date, sessions_per_week: int) -> bool:
    return day.weekday() in WEEKDAYS[sessions_per_week]


def first_session(starts_on: date, sessions_per_week: int) -> date:
    """The first planned session on or after `starts_on` (the routine's first day)."""
    day = starts_on
    while not is_session_day(day, sessions_per_week):
        day += timedelta(days=1)
    return day


def plan_week(day: date, first: date) -> int:
    """The plan week (0 for week 1) that `day`, on or after `first`, belongs to."""
    return (day - first).days // 7


def week_start(first: date, week: int) -> date:
    """The first day of plan week `week` (0 for week 1); it ends 7 days later."""
    return first + timedelta(weeks=week)
