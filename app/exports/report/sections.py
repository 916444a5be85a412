"""The report's sections: for each, its chart and a summary in plain words, made from the
same figures (so the words never disagree with the picture), plus a table where the
details matter (alerts and their acknowledgements, program versions).

Pure functions of `ReportData`; `html` and `pdf` draw the sections in their format.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from reportlab.graphics.shapes import Drawing

from app.exports.report import charts
from app.exports.report.models import MeasureSeries, ReportData, WeekFigures, scores_in

DISCLAIMER = (
    "Made by Medius from what was logged; not a diagnosis. Pain is on the 0-10 scale the "
    "patient logs each set with."
)


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[str]]


@dataclass(frozen=True)
class Section:
    key: str  # a stable anchor: `pain`, `adherence`, `measure-<instrument>` ...
    title: str
    chart: Drawing
    summary: str
    table: Table | None = None


@dataclass(frozen=True)
class Page:
    """The whole report as both formats draw it."""

    title: str
    subtitle: str
    sections: list[Section]
    omitted: list[tuple[str, str]]  # (part, why it is left out)
    disclaimer: str = DISCLAIMER


def day_text(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def time_text(at: datetime) -> str:
    return f"{day_text(at.date())} {at:%H:%M}"


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def build_page(data: ReportData) -> Page:
    """Every section the data allows, in reading order."""
    period = data.period
    sections: list[Section] = []
    if data.weeks is not None:
        sections += [
            _pain(data, data.weeks),
            _adherence(data, data.weeks),
            _asymmetry(data, data.weeks),
        ]
    for series in data.measures or []:
        sections.append(_measure(data, series))
    if data.measures is not None and not data.measures:
        sections.append(
            Section(
                "measures",
                "Outcome measures",
                charts.measure_chart(
                    period, MeasureSeries("none", "Outcome measures", "score", True, None, None, [])
                ),
                "No outcome measures were answered.",
            )
        )
    if data.alerts is not None:
        sections.append(_alerts(data))
    if data.versions is not None:
        sections.append(_versions(data))
    who = "" if data.audience == "patient" else f", for {data.audience}"
    return Page(
        title=f"Progress report: {data.patient_name}",
        subtitle=(
            f"{day_text(period.first)} to {day_text(period.last)} ({period.days} days){who}. "
            f"Dates and times in {period.time_zone}; made {time_text(data.generated_at)}."
        ),
        sections=sections,
        omitted=[(o.title, o.reason) for o in data.omitted],
    )


def _pain(data: ReportData, weeks: Sequence[WeekFigures]) -> Section:
    pains = data.pain
    with_sets = [w for w in weeks if w.pain_mean is not None]
    words = []
    if pains is not None:
        if pains:
            worst = max(pains, key=lambda p: (p.pain, p.at))
            mean = sum(p.pain for p in pains) / len(pains)
            high = sum(1 for p in pains if p.pain >= 7)
            words.append(
                f"{_plural(len(pains), 'session')} logged; the worst pain of a session was "
                f"{mean:.1f}/10 on average and at most {worst.pain}/10 "
                f"(on {day_text(worst.at.date())}); {_plural(high, 'session')} reached 7/10 "
                "or more."
            )
        else:
            words.append("No sessions were logged in this period.")
    if with_sets:
        first, last = with_sets[0], with_sets[-1]
        words.append(
            f"Mean pain of the week's sets: {first.pain_mean:.1f}/10 in the week of "
            f"{day_text(first.starts_on)}, {last.pain_mean:.1f}/10 in the week of "
            f"{day_text(last.starts_on)}; the week's worst set reached "
            f"{max(w.pain_max or 0 for w in with_sets)}/10 at most."
        )
    elif pains is None:
        words.append("No sets were logged in this period.")
    return Section(
        "pain", "Pain", charts.pain_chart(data.period, pains or [], weeks), " ".join(words)
    )


def _adherence(data: ReportData, weeks: Sequence[WeekFigures]) -> Section:
    done = sum(w.sessions for w in weeks)
    planned_weeks = [w for w in weeks if w.planned is not None]
    if planned_weeks:
        planned = sum(w.planned or 0 for w in planned_weeks)
        met = sum(1 for w in planned_weeks if w.sessions >= (w.planned or 0))
        program = (
            f"the program \u201c{data.routine_name}\u201d"
            if data.routine_name
            else ("the patient's current program")
        )
        summary = (
            f"Against {program}: {done} of {_plural(planned, 'planned session')} done; "
            f"{met} of {_plural(len(planned_weeks), 'week')} with a program met its plan."
        )
    else:
        summary = f"No program to measure against in this period; {_plural(done, 'session')} done."
    return Section("adherence", "Adherence", charts.adherence_chart(data.period, weeks), summary)


def _asymmetry(data: ReportData, weeks: Sequence[WeekFigures]) -> Section:
    left = sum(w.left_work for w in weeks)
    right = sum(w.right_work for w in weeks)
    if left or right:
        weaker, stronger = ("left", "right") if left < right else ("right", "left")
        gap = abs(left - right) / max(left, right) * 100
        summary = (
            f"One-sided work in the period: left {_number(left)}, right {_number(right)} "
            f"(reps x kg; a set without a kg load counts 1 per rep; held sets are not "
            f"counted). "
            + (
                "Both sides did the same work."
                if left == right
                else f"The {weaker} side did {gap:.0f}% less than the {stronger}."
            )
        )
    else:
        summary = "No one-sided sets (left or right) were logged in this period."
    return Section(
        "asymmetry", "Left and right", charts.asymmetry_chart(data.period, weeks), summary
    )


def _measure(data: ReportData, series: MeasureSeries) -> Section:
    shown = scores_in(data.period, series)
    unit = f" {series.unit}" if series.unit else ""
    if not shown:
        summary = f"No {series.title} scores in this period."
    else:
        at, latest = shown[-1]
        summary = (
            f"{_plural(len(shown), 'score')} in the period; the latest {_number(latest)}{unit} "
            f"on {day_text(at.date())}."
        )
        if series.baseline is not None:
            change = latest - series.baseline
            better = (change > 0) == series.higher_is_better
            summary += f" Baseline {_number(series.baseline)}{unit}: a change of {change:+.1f}"
            if series.mcid is None:
                summary += " (the instrument states no MCID)."
            elif abs(change) > series.mcid:
                summary += (
                    f", more than the MCID of {_number(series.mcid)} (the source's figure): "
                    f"{'better' if better else 'worse'} by more than the measurement's "
                    "smallest important change."
                )
            else:
                summary += f", within the MCID of {_number(series.mcid)} (the source's figure)."
        direction = "higher" if series.higher_is_better else "lower"
        summary += f" For this measure {direction} is better."
    return Section(
        f"measure-{series.instrument_id}",
        series.title,
        charts.measure_chart(data.period, series),
        summary,
    )


def _alerts(data: ReportData) -> Section:
    alerts = data.alerts or []
    acknowledged = sum(1 for a in alerts if a.acknowledgements)
    if data.alerts_total:
        summary = (
            f"{_plural(data.alerts_total, 'alert')} raised in the period; of the "
            f"{len(alerts)} listed, {acknowledged} acknowledged and "
            f"{len(alerts) - acknowledged} open."
        )
    else:
        summary = "No alerts were raised in this period."
    rows = [
        [
            time_text(a.raised_at),
            charts.ALERT_ROWS[a.kind],
            a.message,
            "; ".join(f"{time_text(k.at)}: {k.note}" for k in a.acknowledgements) or "open",
        ]
        for a in alerts
    ]
    return Section(
        "alerts",
        "Alerts",
        charts.alerts_chart(data.period, alerts),
        summary,
        Table(["Raised", "Kind", "What", "Acknowledged"], rows) if rows else None,
    )


def _versions(data: ReportData) -> Section:
    versions = data.versions or []
    if versions:
        first = versions[0]
        summary = (
            f"Version {first.version} of \u201c{first.name}\u201d ({first.sessions_per_week} "
            f"sessions a week) was in force from {day_text(first.at.date())}"
        )
        later = versions[1:]
        if later:
            summary += "; then " + "; ".join(
                f"version {v.version} from {day_text(v.at.date())} ({v.sessions_per_week} a week)"
                for v in later
            )
        summary += "."
    else:
        summary = "No program was in force in this period."
    rows = [
        [
            str(v.version),
            time_text(v.at),
            str(v.sessions_per_week),
            v.prescriber or "the patient",
        ]
        for v in versions
    ]
    return Section(
        "versions",
        "Program versions",
        charts.versions_chart(data.period, versions),
        summary,
        Table(["Version", "Written", "Sessions a week", "By"], rows) if rows else None,
    )
