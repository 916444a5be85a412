"""The week arithmetic the progress SQL does, against the plain local-calendar answer."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.logbook.progress import calc

ZONES = [
    "UTC",
    "America/New_York",
    "America/Los_Angeles",
    "Pacific/Auckland",
    "Pacific/Chatham",  # +12:45 / +13:45
    "Australia/Lord_Howe",  # half-hour daylight saving
    "Asia/Kolkata",
    "America/Santiago",  # changes at local midnight
    "Europe/London",
]


@pytest.mark.parametrize("name", ZONES)
def test_every_instant_of_a_year_lands_in_its_local_week(name: str) -> None:
    zone = ZoneInfo(name)
    first, last = date(2025, 1, 1), date(2025, 12, 31)
    cal = calc.calendar(first, last, zone)
    labels = [w.label for w in cal.weeks]
    at, end = cal.weeks[0].start, cal.weeks[-1].end
    step = timedelta(minutes=37, seconds=11)  # drifts across every minute of the hour
    checked = 0
    while at < end:
        local = at.astimezone(zone).date()
        year, week, _ = local.isocalendar()
        assert labels[calc.bucket_of(at, cal.clock)] == f"{year}-W{week:02d}", at
        at += step
        checked += 1
    assert checked > 14_000


@pytest.mark.parametrize("name", ["America/New_York", "Pacific/Auckland", "Australia/Lord_Howe"])
def test_the_seconds_around_each_transition(name: str) -> None:
    zone = ZoneInfo(name)
    cal = calc.calendar(date(2026, 1, 1), date(2026, 12, 31), zone)
    turns = [at for at, _ in cal.clock.shifts[1:]]
    assert len(turns) == 2  # one start and one end of daylight saving in the year
    labels = [w.label for w in cal.weeks]
    for turn in turns:
        assert turn is not None
        for seconds in range(-2, 3):
            at = turn + timedelta(seconds=seconds)
            year, week, _ = at.astimezone(zone).date().isocalendar()
            assert labels[calc.bucket_of(at, cal.clock)] == f"{year}-W{week:02d}"
        before = turn - timedelta(seconds=1)
        assert before.astimezone(zone).utcoffset() != turn.astimezone(zone).utcoffset()


def test_a_zone_without_daylight_saving_has_one_shift() -> None:
    cal = calc.calendar(date(2026, 1, 1), date(2026, 12, 31), ZoneInfo("Asia/Kolkata"))
    assert len(cal.clock.shifts) == 1
    monday = datetime(2025, 12, 29, tzinfo=ZoneInfo("Asia/Kolkata")).astimezone(UTC)
    assert calc.bucket_of(monday, cal.clock) == 0
    assert calc.bucket_of(monday - timedelta(seconds=1), cal.clock) == -1
