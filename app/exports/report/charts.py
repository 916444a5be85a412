"""The report's charts, one function per section: ReportLab drawings, the same vector
picture for the PDF and the SVG, pure functions of the report's figures.

Drawn with `plot`'s geometry and marks: series differ by marker shape, fill (solid,
hatched, hollow) and line style, never by colour alone.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from reportlab.graphics.shapes import Drawing, Line, Rect

from app.core.vocabulary import AlertKind
from app.exports.report.models import (
    AlertLine,
    MeasureSeries,
    Period,
    SessionPain,
    VersionMark,
    WeekFigures,
    scores_in,
)
from app.exports.report.plot import (
    BAND,
    INK,
    PLOT_W,
    PLOT_X,
    Frame,
    Painter,
    axes,
    band_swatch,
    bar_swatch,
    canvas,
    circles,
    day_of,
    filled_circle,
    filled_diamond,
    filled_square,
    frame_for,
    hatched_bar,
    hollow_circle,
    hollow_diamond,
    legend,
    line_swatch,
    nothing,
    polyline,
    solid_bar,
    time_strip,
    value_range,
    words,
)


def pain_chart(
    period: Period, pains: Sequence[SessionPain], weeks: Sequence[WeekFigures]
) -> Drawing:
    """Each session's worst pain (hollow circles) and each week's mean pain (a solid line
    through filled squares at the week's middle), on the 0-10 scale."""
    drawing = canvas()
    frame = frame_for(period, 0, 10)
    axes(drawing, frame, period, 2, "pain (0-10)")
    legend(
        drawing,
        [
            ("worst pain of a session", hollow_circle),
            ("mean pain of the week's sets", line_swatch(None, filled_square)),
        ],
    )
    means = [
        (sum(frame.week_span(w.starts_on)) / 2, frame.y(w.pain_mean))
        for w in weeks
        if w.pain_mean is not None
    ]
    if len(means) > 1:
        drawing.add(polyline(means))
    for x, y in means:
        for shape in filled_square(x, y):
            drawing.add(shape)
    if pains:
        marks = [(frame.x(day_of(p.at)), frame.y(p.pain)) for p in pains]
        drawing.add(circles(marks, 2.6, filled=False))
    else:
        nothing(drawing, "No sessions in this period")
    return drawing


def _paired_bars(
    drawing: Drawing,
    frame: Frame,
    weeks: Sequence[WeekFigures],
    values: Callable[[WeekFigures], tuple[float | None, float | None]],
) -> None:
    """Two bars per week side by side: the first solid, the second hatched (None: none)."""
    for week in weeks:
        start, end = frame.week_span(week.starts_on)
        width = (end - start) * 0.36
        middle = (start + end) / 2
        first, second = values(week)
        base = frame.y(0)
        if first is not None:
            for shape in solid_bar(middle - width, base, width, frame.y(first) - base):
                drawing.add(shape)
        if second is not None:
            for shape in hatched_bar(middle, base, width, frame.y(second) - base):
                drawing.add(shape)


def adherence_chart(period: Period, weeks: Sequence[WeekFigures]) -> Drawing:
    """Sessions done per week (solid) beside the sessions the program asked for (hatched)."""
    drawing = canvas()
    peak = max([w.sessions for w in weeks] + [w.planned or 0 for w in weeks] + [1])
    low, high, step = value_range([peak + 1])  # headroom: a full week's bar stays in the box
    step = max(1.0, step)
    high = max(high, math.ceil((peak + 1) / step) * step)
    frame = frame_for(period, low, high)
    axes(drawing, frame, period, step, "sessions per week")
    legend(
        drawing,
        [("sessions done", bar_swatch(solid_bar)), ("sessions planned", bar_swatch(hatched_bar))],
    )
    _paired_bars(drawing, frame, weeks, lambda w: (w.sessions, w.planned))
    return drawing


def asymmetry_chart(period: Period, weeks: Sequence[WeekFigures]) -> Drawing:
    """Left (solid) and right (hatched) one-sided work per week, in reps x kg."""
    drawing = canvas()
    low, high, step = value_range([w.left_work for w in weeks] + [w.right_work for w in weeks])
    frame = frame_for(period, low, high)
    axes(drawing, frame, period, step, "reps x kg (unloaded: x 1)")
    legend(drawing, [("left", bar_swatch(solid_bar)), ("right", bar_swatch(hatched_bar))])
    _paired_bars(
        drawing,
        frame,
        weeks,
        lambda w: (w.left_work or None, w.right_work or None),
    )
    if not any(w.left_work or w.right_work for w in weeks):
        nothing(drawing, "No one-sided sets in this period")
    return drawing


def measure_chart(period: Period, series: MeasureSeries) -> Drawing:
    """A measure's scores (a solid line through filled circles), its baseline (dashed) and
    the band of the MCID either side of the baseline (grey, dotted edges)."""
    drawing = canvas()
    shown = scores_in(period, series)
    values = [v for _, v in shown]
    if series.baseline is not None:
        values.append(series.baseline)
        if series.mcid is not None:
            values += [series.baseline - series.mcid, series.baseline + series.mcid]
    low, high, step = value_range(values, floor=None)
    frame = frame_for(period, low, high)
    keys: list[tuple[str, Painter]] = [("score", line_swatch(None, filled_circle))]
    if series.baseline is not None:
        if series.mcid is not None:
            top = frame.y(series.baseline + series.mcid)
            bottom = frame.y(series.baseline - series.mcid)
            drawing.add(
                Rect(PLOT_X, bottom, PLOT_W, top - bottom, fillColor=BAND, strokeColor=None)
            )
            for y in (top, bottom):
                drawing.add(
                    Line(
                        PLOT_X,
                        y,
                        PLOT_X + PLOT_W,
                        y,
                        strokeColor=INK,
                        strokeWidth=0.5,
                        strokeDashArray=[1, 1.5],
                    )
                )
            keys.append(("baseline +/- MCID (the source's figure)", band_swatch))
        y = frame.y(series.baseline)
        drawing.add(
            Line(
                PLOT_X,
                y,
                PLOT_X + PLOT_W,
                y,
                strokeColor=INK,
                strokeWidth=1,
                strokeDashArray=[4, 2],
            )
        )
        keys.append(("baseline", line_swatch([4, 2])))
    axes(drawing, frame, period, step, series.unit)
    legend(drawing, keys)
    points = [(frame.x(day_of(at)), frame.y(v)) for at, v in shown]
    if len(points) > 1:
        drawing.add(polyline(points))
    if points:
        drawing.add(circles(points, 2.4, filled=True))
    else:
        nothing(drawing, "No scores in this period")
    return drawing


ALERT_ROWS = {
    AlertKind.PAIN: "pain",
    AlertKind.PROGRESS_REDUCE: "reduce",
    AlertKind.SELF_CHECK_PAIN: "self-check",
    AlertKind.MISSED_WEEK: "missed week",
    AlertKind.MEASURE_WORSE: "measure worse",
}
# A new kind of alert needs its row: without one, its alert could not be drawn.
assert set(ALERT_ROWS) == set(AlertKind), sorted(set(AlertKind) - set(ALERT_ROWS))


def alerts_chart(period: Period, alerts: Sequence[AlertLine]) -> Drawing:
    """Each alert when raised, in its kind's row: filled diamond once acknowledged, hollow
    while open."""
    kinds = list(ALERT_ROWS)
    drawing, frame = time_strip(period, [ALERT_ROWS[k] for k in kinds], "one mark per alert")
    legend(drawing, [("acknowledged", filled_diamond), ("open", hollow_diamond)])
    for alert in alerts:
        mark = filled_diamond if alert.acknowledgements else hollow_diamond
        for shape in mark(frame.x(day_of(alert.raised_at)), frame.y(kinds.index(alert.kind) + 1)):
            drawing.add(shape)
    if not alerts:
        nothing(drawing, "No alerts in this period")
    return drawing


def versions_chart(period: Period, versions: Sequence[VersionMark]) -> Drawing:
    """The program's versions along the time axis: a tick and a label where each began,
    each version's stretch drawn in turn solid and dashed."""
    drawing, frame = time_strip(period, ["program"], "a tick where a version began")
    y = frame.y(1)
    end = period.last.toordinal() + 1
    for n, version in enumerate(versions):
        start = max(day_of(version.at), frame.first)
        stop = day_of(versions[n + 1].at) if n + 1 < len(versions) else end
        stop = min(stop, end)
        if stop > start:
            drawing.add(
                Line(
                    frame.x(start),
                    y,
                    frame.x(stop),
                    y,
                    strokeColor=INK,
                    strokeWidth=3,
                    strokeDashArray=None if n % 2 == 0 else [5, 2],
                )
            )
        if day_of(version.at) >= frame.first:
            x = frame.x(day_of(version.at))
            drawing.add(Line(x, y - 10, x, y + 10, strokeColor=INK, strokeWidth=1))
            drawing.add(
                words(
                    x + 2, y + 12, f"v{version.version}: {version.sessions_per_week}/wk", size=6.5
                )
            )
    if not versions:
        nothing(drawing, "No program in this period")
    return drawing
