"""Gather one progress report's figures: a bounded period, aggregates read in SQL.

Weekly pain, sets and sessions come from the logbook's kept week and day totals (through
`progress.repository`, as /me/progress reads them), each session's worst pain from the
session row, one-sided work from one grouped statement (a row per session and side), the
program's versions from the routine's kept history and the alerts from their keyset pages:
a year of a 50,000-set log is a few hundred rows read, never a row per set.

Who reads decides what is shown: the patient sees everything; a clinician is admitted
under `progress` (the weekly aggregates) and sees each further part only under the scope
covering it (`REPORT_SCOPES`), the rest is left out and named in `ReportData.omitted`.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session

from app.care.team import repository as team_repository
from app.care.team.access import Standing, sees
from app.core.errors import FieldError, Invalid
from app.core.types import utcnow
from app.core.vocabulary import CareScope
from app.exports.handout.render import Rendered
from app.exports.report import repository
from app.exports.report.models import (
    Acknowledgement,
    AlertLine,
    Omitted,
    Period,
    ReportData,
    SessionPain,
    VersionMark,
    WeekFigures,
)
from app.exports.report.render import render
from app.logbook.alerts import repository as alerts_repository
from app.logbook.alerts.models import Alert
from app.logbook.progress import calc
from app.logbook.progress import repository as progress_repository
from app.logbook.sessions import totals
from app.outcomes.measures.service import measure_series
from app.training.routines import repository as routines_repository
from app.training.routines.models import RoutineVersion
from app.users.models import Caller

DEFAULT_DAYS = 84  # twelve weeks
MAX_DAYS = calc.MAX_RANGE_DAYS
MAX_ALERTS = 50  # rows of the alerts table (the summary counts them all)
_ALERT_PAGE = 100
# The care scope each part of a clinician's report needs beyond `progress` (the report's
# own: weekly aggregates, adherence, left/right work, the clinic's own program versions).
SESSIONS_PART = CareScope.SESSIONS  # each session's time and worst pain: single sessions
ALERTS_PART = CareScope.ALERTS
MEASURES_PART = CareScope.MEASURES  # the clinic's own assignments only


@dataclass(frozen=True)
class Viewer:
    """Who the report is for: the patient (`standing` None: everything), or a clinician
    of `clinic_id` in care with `standing`'s scopes."""

    standing: Standing | None = None
    clinic_id: uuid.UUID | None = None
    clinic_name: str | None = None

    def sees(self, scope: CareScope | None) -> bool:
        if self.standing is None:
            return True
        return scope is not None and sees(self.standing, scope)


PATIENT = Viewer()


def clinician_viewer(session: Session, standing: Standing, clinic_id: uuid.UUID) -> Viewer:
    names = team_repository.clinic_names(session, {clinic_id})
    return Viewer(standing, clinic_id, names.get(clinic_id))


def period_of(time_zone: str, first: date | None, last: date | None) -> Period:
    """`from`..`to` in the patient's zone: by default the twelve weeks to today; `from`
    after `to`, or more than MAX_DAYS days, is 422."""
    today = utcnow().astimezone(ZoneInfo(time_zone)).date()
    last = last or (first + timedelta(days=DEFAULT_DAYS - 1) if first else today)
    first = first or last - timedelta(days=DEFAULT_DAYS - 1)
    if first > last:
        raise Invalid(
            "`from` is after `to`.",
            errors=[FieldError(["query", "from"], "after `to`", "value_error")],
        )
    if (last - first).days >= MAX_DAYS:
        raise Invalid(
            f"A report covers at most {MAX_DAYS} days.",
            errors=[FieldError(["query", "to"], f"more than {MAX_DAYS} days", "value_error")],
        )
    return Period(first, last, time_zone)


def build(
    session: Session,
    patient: Caller,
    viewer: Viewer,
    first: date | None,
    last: date | None,
) -> ReportData:
    """Every figure of the patient's report over the period, as `viewer` may see it."""
    period = period_of(patient.time_zone, first, last)
    zone = ZoneInfo(patient.time_zone)
    totals.ensure_current(session, patient.id, patient.time_zone)
    cal = calc.calendar(period.first, period.last, zone)
    start, end = cal.weeks[0].start, cal.weeks[-1].end
    omitted: list[Omitted] = []

    routine = routines_repository.latest_routine(session, patient.id)
    history = routines_repository.all_versions(session, routine.id) if routine else []
    ours = viewer.standing is None or (
        routine is not None and routines_repository.caring_clinic(routine) == viewer.clinic_id
    )
    weeks = _weeks(session, patient.id, cal, history, zone, start, end)

    pains: list[SessionPain] | None = None
    if viewer.sees(SESSIONS_PART):
        pains = [
            SessionPain(at.astimezone(zone), pain)
            for at, pain in repository.session_pains(session, patient.id, start, end)
        ]
    else:
        omitted.append(_not_granted("Pain of each session", SESSIONS_PART))

    versions: list[VersionMark] | None = None
    if ours:
        versions = _versions(history, start, end, zone)
    else:
        omitted.append(
            Omitted(
                "Program versions",
                "The program the patient follows was not prescribed by your clinic.",
            )
        )

    alerts: list[AlertLine] | None = None
    alerts_total = 0
    if viewer.sees(ALERTS_PART):
        alerts, alerts_total = _alerts(session, patient.id, viewer.clinic_id, start, end, zone)
    else:
        omitted.append(_not_granted("Alerts", ALERTS_PART))

    series = None
    if viewer.sees(MEASURES_PART):
        series = measure_series(session, patient.id, clinic_id=viewer.clinic_id)
    else:
        omitted.append(_not_granted("Outcome measures", MEASURES_PART))

    return ReportData(
        patient_name=patient.display_name or "Patient",
        period=period,
        generated_at=utcnow().astimezone(zone),
        audience=(viewer.clinic_name or "your clinic") if viewer.standing else "patient",
        pain=pains,
        weeks=weeks,
        routine_name=routine.name if routine is not None and ours else None,
        versions=versions,
        alerts=alerts,
        alerts_total=alerts_total,
        measures=series,
        omitted=omitted,
    )


def _not_granted(title: str, scope: CareScope | None) -> Omitted:
    if scope is None:
        return Omitted(title, "No care scope covers this part for a clinic yet.")
    return Omitted(title, f"The patient has not granted you the `{scope.value}` scope.")


def _weeks(
    session: Session,
    owner_id: uuid.UUID,
    cal: calc.Calendar,
    history: Sequence[RoutineVersion],
    zone: ZoneInfo,
    start: datetime,
    end: datetime,
) -> list[WeekFigures]:
    """Per local week: sessions, sets and pain (kept totals), the sessions the program in
    force at the week's end asked for, and each side's reps x kg."""
    done = progress_repository.sessions_per_week(session, owner_id, cal, None)
    sets: dict[int, list[int]] = {}
    for row in progress_repository.exercise_weeks(session, owner_id, cal):
        figures = sets.setdefault(int(row[progress_repository.BUCKET]), [0, 0, 0])
        figures[0] += row[progress_repository.SETS]
        figures[1] += row[progress_repository.PAIN_SUM]
        figures[2] = max(figures[2], row[progress_repository.PAIN_MAX])
    work: dict[tuple[int, str], float] = {}
    mondays = [w.starts_on for w in cal.weeks]
    for at, side, amount in repository.one_sided_work(session, owner_id, start, end):
        local = at.astimezone(zone).date()
        index = (local - mondays[0]).days // 7
        work[(index, side)] = work.get((index, side), 0.0) + amount
    out = []
    for index, week in enumerate(cal.weeks):
        count, pain_sum, pain_max = sets.get(index, (0, 0, 0))
        planned = [v.sessions_per_week for v in history if v.created_at < week.end]
        out.append(
            WeekFigures(
                starts_on=week.starts_on,
                label=week.label,
                sessions=done.get(index, 0),
                sets=count,
                pain_mean=round(pain_sum / count, 2) if count else None,
                pain_max=pain_max if count else None,
                planned=planned[-1] if planned else None,
                left_work=round(work.get((index, "left"), 0.0), 2),
                right_work=round(work.get((index, "right"), 0.0), 2),
            )
        )
    return out


def _versions(
    history: Sequence[RoutineVersion], start: datetime, end: datetime, zone: ZoneInfo
) -> list[VersionMark]:
    """The version in force when the period starts and every one written in it."""
    before = [v for v in history if v.created_at < start][-1:]
    during = [v for v in history if start <= v.created_at < end]
    marks = []
    for version in [*before, *during]:
        prescriber = None
        if version.prescriber_name:
            prescriber = version.prescriber_name
            if version.clinic_name:
                prescriber += f" ({version.clinic_name})"
        marks.append(
            VersionMark(
                version=version.version,
                at=version.created_at.astimezone(zone),
                sessions_per_week=version.sessions_per_week,
                name=version.name,
                prescriber=prescriber,
            )
        )
    return marks


def _alerts(
    session: Session,
    patient_id: uuid.UUID,
    clinic_id: uuid.UUID | None,
    start: datetime,
    end: datetime,
    zone: ZoneInfo,
) -> tuple[list[AlertLine], int]:
    """The newest MAX_ALERTS alerts raised in [start, end) with the acknowledgements the
    reader may see (the patient: every clinic's; a clinic: its own), and how many there
    were. Walks the alerts' keyset pages newest first and stops at the period's start."""
    kept: list[Alert] = []
    total = 0
    cursor: str | None = None
    while True:
        rows, cursor = alerts_repository.page(
            session, patient_id, None, cursor, _ALERT_PAGE, clinic_id
        )
        older = False
        for row in rows:
            if row.raised_at >= end:
                continue
            if row.raised_at < start:
                older = True
                break
            total += 1
            if len(kept) < MAX_ALERTS:
                kept.append(row)
        if older or cursor is None:
            break
    acks = alerts_repository.acknowledgements(session, [r.id for r in kept], clinic_id)
    return [
        AlertLine(
            raised_at=row.raised_at.astimezone(zone),
            kind=row.kind,
            message=row.message,
            acknowledgements=[
                Acknowledgement(a.acknowledged_at.astimezone(zone), a.note)
                for a in acks.get(row.id, [])
            ],
        )
        for row in kept
    ], total


def check_period(first: date | None, last: date | None) -> None:
    """The period's bounds checked before anything is read or logged (a bad one changes
    nothing, not even the access log): only both days given can be out of bounds."""
    if first is not None and last is not None:
        period_of("UTC", first, last)


def own_report(
    session: Session,
    user: Caller,
    first: date | None,
    last: date | None,
    accept: str | None,
) -> Rendered:
    """The patient's own report, every section, in the format asked."""
    return render(build(session, user, PATIENT, first, last), accept)


def clinic_report(
    session: Session,
    patient: Caller,
    standing: Standing,
    clinic_id: uuid.UUID,
    first: date | None,
    last: date | None,
    accept: str | None,
) -> Rendered:
    """A clinician's report of a patient in care: the parts their scopes cover."""
    viewer = clinician_viewer(session, standing, clinic_id)
    return render(build(session, patient, viewer, first, last), accept)
