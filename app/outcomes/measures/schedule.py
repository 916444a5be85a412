"""When an assigned measure is due (pure): the occasions of a schedule, which occasion an
answer counts for, and what a patient has due today.

Occasions are local dates in the patient's zone: `starts_on` (when `at_start`), every
`every_weeks` weeks after it (none after discharge), and `discharge_on`. An answer counts
for the latest occasion on or before the day it was answered (the first occasion when
answered earlier). Only the current occasion is due: one left unanswered when the next
comes is missed, never stacked up.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

# How far ahead occasions are generated (the calendar feed's horizon too): a schedule
# every week for two years is about a hundred occasions.
HORIZON = timedelta(days=731)


@dataclass(frozen=True, slots=True)
class Plan:
    at_start: bool
    every_weeks: int | None
    starts_on: date
    discharge_on: date | None


def occasions(plan: Plan, until: date) -> Iterator[date]:
    """The plan's occasions in order, up to `until` (inclusive)."""
    found: list[date] = []
    if plan.at_start:
        found.append(plan.starts_on)
    if plan.every_weeks is not None:
        step = timedelta(weeks=plan.every_weeks)
        day = plan.starts_on + step
        last = min(until, plan.starts_on + HORIZON)
        while day <= last and (plan.discharge_on is None or day < plan.discharge_on):
            found.append(day)
            day += step
    if plan.discharge_on is not None:
        found.append(plan.discharge_on)
    yield from (d for d in sorted(set(found)) if d <= until)


def occasion_for(plan: Plan, answered_on: date) -> date:
    """The occasion an answer given on `answered_on` counts for."""
    current = None
    for day in occasions(plan, answered_on):
        current = day
    if current is not None:
        return current
    return next(occasions(plan, plan.starts_on + HORIZON), plan.starts_on)


def current_and_next(plan: Plan, today: date) -> tuple[date | None, date | None]:
    """The occasion that has come (latest on or before today), and the next one."""
    current = None
    upcoming = None
    for day in occasions(plan, today + HORIZON):
        if day <= today:
            current = day
        else:
            upcoming = day
            break
    return current, upcoming
