"""What a progress report shows, as plain data: built by `service`, drawn by `sections`.

No web framework, no database: the figures arrive here already aggregated, in the
patient's time zone, so the charts and summaries are pure functions of these values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from app.core.vocabulary import AlertKind
from app.outcomes.measures.service import MeasureSeries

__all__ = ["MeasureSeries"]  # the outcomes service's shape, drawn by the measure charts


@dataclass(frozen=True)
class Period:
    """The report's calendar days, first..last inclusive, in the patient's time zone."""

    first: date
    last: date
    time_zone: str

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def scores_in(period: Period, series: MeasureSeries) -> list[tuple[datetime, float]]:
    """The series' scores dated in the period, their times in the patient's zone (the
    series comes in UTC)."""
    zone = ZoneInfo(period.time_zone)
    local = [(at.astimezone(zone), value) for at, value in series.points]
    return [(at, value) for at, value in local if period.first <= at.date() <= period.last]


@dataclass(frozen=True)
class SessionPain:
    at: datetime  # local time, in the patient's zone
    pain: int  # the session's worst set, 0-10


@dataclass(frozen=True)
class WeekFigures:
    """One local ISO week of the period (the first and last may be clipped to it)."""

    starts_on: date  # its Monday
    label: str  # "2026-W41"
    sessions: int
    sets: int
    pain_mean: float | None  # mean pain of its sets; None without sets
    pain_max: int | None
    planned: int | None  # sessions a week the program in force asked for; None: no program
    left_work: float  # reps x kg of one-sided sets (a set without a kg load counts 1 per rep)
    right_work: float


@dataclass(frozen=True)
class VersionMark:
    version: int
    at: datetime  # local time the version was written
    sessions_per_week: int
    name: str
    prescriber: str | None  # "Dr Ada Moss (Riverside Physio)" for a prescription


@dataclass(frozen=True)
class Acknowledgement:
    at: datetime  # local
    note: str


@dataclass(frozen=True)
class AlertLine:
    raised_at: datetime  # local
    kind: AlertKind
    message: str
    acknowledgements: list[Acknowledgement]


@dataclass(frozen=True)
class Omitted:
    """A section left out, and why, so the report says so instead of going quiet."""

    title: str
    reason: str


@dataclass(frozen=True)
class ReportData:
    """Every figure one report shows. A `None` part is left out (see `omitted`)."""

    patient_name: str
    period: Period
    generated_at: datetime  # local
    audience: str  # "patient" or the clinic's name
    pain: list[SessionPain] | None
    weeks: list[WeekFigures] | None  # pain per week, adherence and asymmetry
    routine_name: str | None  # the program adherence is measured against
    versions: list[VersionMark] | None
    alerts: list[AlertLine] | None
    alerts_total: int = 0  # alerts in the period (the table shows the newest MAX_ALERTS)
    measures: list[MeasureSeries] | None = None
    omitted: list[Omitted] = field(default_factory=list)
