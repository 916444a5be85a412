"""OpenAPI example of the report: a real page, drawn from made-up figures.

A function (see `app.core.examples`): called once, when the document is first built.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from app.core.vocabulary import AlertKind
from app.exports.report import html
from app.exports.report.models import (
    Acknowledgement,
    AlertLine,
    MeasureSeries,
    Period,
    ReportData,
    SessionPain,
    VersionMark,
    WeekFigures,
)
from app.exports.report.sections import build_page

ZONE = "Europe/Paris"
FIRST = date(2026, 9, 14)  # a Monday
WEEKS = 12


def demo_data() -> ReportData:
    """Twelve weeks of a patient getting better: pain easing, the right side catching up,
    the program stepped up once, one pain alert acknowledged, and a measure improving by
    more than its MCID (figures made up for the example and the docs' picture)."""
    zone = ZoneInfo(ZONE)
    period = Period(FIRST, FIRST + timedelta(weeks=WEEKS, days=-1), ZONE)
    pains, weeks = [], []
    for week in range(WEEKS):
        monday = FIRST + timedelta(weeks=week)
        done = 3 if week % 4 != 2 else 2
        worst = []
        for n in range(done):
            at = datetime.combine(monday + timedelta(days=2 * n), datetime.min.time(), zone)
            worst.append(max(0, 6 - week // 2 - n % 2) + (2 if week == 0 and n == 1 else 0))
            pains.append(SessionPain(at.replace(hour=18), worst[-1]))
        weeks.append(
            WeekFigures(
                starts_on=monday,
                label=f"{monday.isocalendar()[0]}-W{monday.isocalendar()[1]:02d}",
                sessions=done,
                sets=done * 8,
                pain_mean=round(max(0.5, 4.5 - week * 0.3), 2),
                pain_max=max(worst),
                planned=3 if week < 6 else 4,
                left_work=300.0 + 10 * week,
                right_work=180.0 + 18 * week,
            )
        )
    at = datetime(2026, 9, 16, 17, 30, tzinfo=UTC).astimezone(zone)
    return ReportData(
        patient_name="Sam Example",
        period=period,
        generated_at=datetime(2026, 12, 7, 9, 0, tzinfo=UTC).astimezone(zone),
        audience="patient",
        pain=pains,
        weeks=weeks,
        routine_name="Gluteal tendinopathy, stage 2",
        versions=[
            VersionMark(
                1,
                datetime(2026, 9, 10, 9, tzinfo=zone),
                3,
                "Stage 2",
                "Dr Ada Moss (Riverside Physio)",
            ),
            VersionMark(
                2,
                datetime(2026, 10, 26, 9, tzinfo=zone),
                4,
                "Stage 2",
                "Dr Ada Moss (Riverside Physio)",
            ),
        ],
        alerts=[
            AlertLine(
                at,
                AlertKind.PAIN,
                "Pain of 7/10 logged in the session of 2026-09-16.",
                [Acknowledgement(at + timedelta(hours=16), "Seen: ease the side-lying holds.")],
            )
        ],
        alerts_total=1,
        measures=[
            MeasureSeries(
                "psfs",
                "Patient-Specific Functional Scale",
                "mean score (0-10)",
                True,
                2.0,
                3.4,
                [
                    (datetime(2026, 9, 15, 8, tzinfo=UTC), 3.4),
                    (datetime(2026, 10, 13, 8, tzinfo=UTC), 4.8),
                    (datetime(2026, 11, 10, 8, tzinfo=UTC), 6.2),
                    (datetime(2026, 12, 1, 8, tzinfo=UTC), 6.6),
                ],
            )
        ],
    )


@cache
def report_html() -> str:
    """The demo's page with one chart (its measure) for the OpenAPI document: the whole
    report's six inline charts would be a fifth of a megabyte of SVG there."""
    data = demo_data()
    return html.render_html(
        build_page(replace(data, pain=None, weeks=None, alerts=None, versions=None))
    )
