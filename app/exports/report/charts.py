"""The report's charts as ReportLab drawings: one vector picture for the PDF and the SVG.

Every chart shares one geometry (`WIDTH` x `HEIGHT` points, the plot area inside it) and a
time axis running over the report's period, day by day in the patient's zone, so charts
stacked in the report line up and a date sits at the same x in each. Black and white by
design: series differ by marker shape, fill (solid, hatched, hollow) and line style,
never by colour alone. Pure functions of the report's figures (tests/exports/report reads
the geometry below to find data on the rendered page).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from reportlab.graphics.shapes import (
    Circle,
    Drawing,
    Group,
    Line,
    Path,
    Polygon,
    PolyLine,
    Rect,
    String,
)
from reportlab.lib import colors
from reportlab.pdfgen.canvas import FILL_NON_ZERO

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

WIDTH, HEIGHT = 480.0, 180.0
PLOT_X, PLOT_Y = 52.0, 40.0  # the plot area's lower-left corner in the drawing
PLOT_W, PLOT_H = WIDTH - PLOT_X - 12.0, HEIGHT - PLOT_Y - 28.0
FONT = "Helvetica"
INK = colors.black
DARK = colors.HexColor("#333333")
GRID = colors.HexColor("#bbbbbb")
BAND = colors.HexColor("#e4e4e4")
WHITE = colors.white
HATCH_STEP = 2.5  # points between a hatched bar's stripes
MAX_TICKS = 13  # date labels along the time axis

Shapes = list[object]
Painter = Callable[[float, float], Shapes]  # draws a legend swatch or marker centred at x, y


# --- the frame: time across, values up -------------------------------------------------------


@dataclass(frozen=True)
class Frame:
    """Where a (day, value) falls in the drawing: days are ordinals (fractions are times of
    day), the x range the period's days [first, last + 1), the y range low..high."""

    first: int
    days: int
    low: float
    high: float

    def x(self, day: float) -> float:
        return PLOT_X + (day - self.first) / self.days * PLOT_W

    def y(self, value: float) -> float:
        return PLOT_Y + (value - self.low) / (self.high - self.low) * PLOT_H

    def week_span(self, monday: date) -> tuple[float, float]:
        """The x extent of the week starting on `monday`, clipped to the period."""
        start = max(monday.toordinal(), self.first)
        end = min(monday.toordinal() + 7, self.first + self.days)
        return self.x(start), self.x(end)


def day_of(at: datetime) -> float:
    """A local time as a day ordinal plus the fraction of the day gone."""
    seconds = at.hour * 3600 + at.minute * 60 + at.second
    return at.date().toordinal() + seconds / 86400


def frame_for(period: Period, low: float, high: float) -> Frame:
    return Frame(period.first.toordinal(), period.days, low, high)


def nice_step(span: float, count: int = 5) -> float:
    """A round tick step (1, 2, 2.5 or 5 times a power of ten) giving about `count` ticks."""
    raw = max(span, 1e-9) / count
    power = 10.0 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * power >= raw:
            return factor * power
    return 10 * power  # pragma: no cover - the loop always returns


def value_range(
    values: Sequence[float], *, floor: float | None = 0.0
) -> tuple[float, float, float]:
    """low, high and the tick step of an axis holding `values` (from `floor` when given)."""
    low = min(values, default=0.0)
    high = max(values, default=1.0)
    if floor is not None:
        low = min(low, floor)
    if high - low < 1e-9:
        high = low + 1
    step = nice_step(high - low)
    return float(math.floor(low / step) * step), float(math.ceil(high / step) * step), step


def _label(value: float, step: float) -> str:
    return f"{value:.0f}" if float(step).is_integer() else f"{value:.1f}"


def _text(x: float, y: float, text: str, size: float = 7, anchor: str = "start") -> String:
    return String(x, y, text, fontName=FONT, fontSize=size, fillColor=INK, textAnchor=anchor)


def _date_ticks(period: Period) -> list[date]:
    """Mondays inside the period (every n-th when there are many), else its first day."""
    first_monday = period.first + timedelta(days=(7 - period.first.weekday()) % 7)
    mondays = [first_monday + timedelta(weeks=n) for n in range((period.days + 6) // 7 + 1)]
    mondays = [m for m in mondays if m <= period.last]
    every = max(1, math.ceil(len(mondays) / MAX_TICKS))
    return mondays[::every] or [period.first]


def _canvas() -> Drawing:
    """An empty chart: its title is the section's heading (HTML and PDF), not drawn twice."""
    return Drawing(WIDTH, HEIGHT)


def _axes(drawing: Drawing, frame: Frame, period: Period, step: float, unit: str) -> None:
    """The plot box, value ticks with dotted grid lines, date ticks and both axis titles."""
    value = frame.low
    while value <= frame.high + step / 1000:
        y = frame.y(value)
        drawing.add(
            Line(
                PLOT_X,
                y,
                PLOT_X + PLOT_W,
                y,
                strokeColor=GRID,
                strokeWidth=0.4,
                strokeDashArray=[1, 2],
            )
        )
        drawing.add(_text(PLOT_X - 4, y - 2.5, _label(value, step), anchor="end"))
        value += step
    for monday in _date_ticks(period):
        x = frame.x(monday.toordinal())
        drawing.add(Line(x, PLOT_Y, x, PLOT_Y - 3, strokeColor=INK, strokeWidth=0.6))
        drawing.add(_text(x, PLOT_Y - 11, f"{monday.day} {monday:%b}", anchor="middle"))
    drawing.add(
        Rect(PLOT_X, PLOT_Y, PLOT_W, PLOT_H, fillColor=None, strokeColor=INK, strokeWidth=0.8)
    )
    years = sorted({period.first.year, period.last.year})
    drawing.add(
        _text(
            PLOT_X + PLOT_W / 2,
            PLOT_Y - 24,
            f"date ({'-'.join(map(str, years))}, {period.time_zone}); ticks on Mondays",
            anchor="middle",
        )
    )
    title = Group(_text(0, 0, unit, anchor="middle"))
    title.transform = (0, 1, -1, 0, 10, PLOT_Y + PLOT_H / 2)
    drawing.add(title)


def _legend(drawing: Drawing, items: Sequence[tuple[str, Painter]]) -> None:
    x = PLOT_X
    y = HEIGHT - 14
    for label, painter in items:
        for shape in painter(x + 7, y + 2.5):
            drawing.add(shape)
        drawing.add(_text(x + 17, y, label))
        x += 24 + len(label) * 3.6


def _nothing(drawing: Drawing, what: str) -> None:
    drawing.add(_text(PLOT_X + PLOT_W / 2, PLOT_Y + PLOT_H / 2, what, size=8, anchor="middle"))


# --- marks: distinguishable in black and white -----------------------------------------------


def hollow_circle(x: float, y: float) -> Shapes:
    return [Circle(x, y, 2.6, fillColor=WHITE, strokeColor=INK, strokeWidth=0.9)]


def filled_circle(x: float, y: float) -> Shapes:
    return [Circle(x, y, 2.4, fillColor=INK, strokeColor=INK, strokeWidth=0.5)]


def filled_square(x: float, y: float) -> Shapes:
    return [Rect(x - 2.3, y - 2.3, 4.6, 4.6, fillColor=INK, strokeColor=INK, strokeWidth=0.5)]


def filled_diamond(x: float, y: float) -> Shapes:
    points = [x, y + 3.4, x + 3.4, y, x, y - 3.4, x - 3.4, y]
    return [Polygon(points, fillColor=INK, strokeColor=INK, strokeWidth=0.5)]


def hollow_diamond(x: float, y: float) -> Shapes:
    points = [x, y + 3.4, x + 3.4, y, x, y - 3.4, x - 3.4, y]
    return [Polygon(points, fillColor=WHITE, strokeColor=INK, strokeWidth=0.9)]


_ARC = 0.5523  # a quarter circle's Bezier control distance, as a fraction of the radius


def circles(points: Sequence[tuple[float, float]], radius: float, *, filled: bool) -> Path:
    """Many circle marks as ONE path: a year of sessions is one shape to build and draw,
    not thousands (each ReportLab shape is checked attribute by attribute)."""
    path = Path(
        fillColor=INK if filled else WHITE,
        strokeColor=INK,
        strokeWidth=0.5 if filled else 0.9,
        fillMode=FILL_NON_ZERO,
    )
    r, k = radius, _ARC * radius
    for x, y in points:
        path.moveTo(x + r, y)
        path.curveTo(x + r, y + k, x + k, y + r, x, y + r)
        path.curveTo(x - k, y + r, x - r, y + k, x - r, y)
        path.curveTo(x - r, y - k, x - k, y - r, x, y - r)
        path.curveTo(x + k, y - r, x + r, y - k, x + r, y)
        path.closePath()
    return path


def _line_swatch(dash: list[float] | None, mark: Painter | None = None) -> Painter:
    def paint(x: float, y: float) -> Shapes:
        shapes: Shapes = [
            Line(x - 7, y, x + 7, y, strokeColor=INK, strokeWidth=1.2, strokeDashArray=dash)
        ]
        return shapes + (mark(x, y) if mark else [])

    return paint


def solid_bar(x: float, y: float, width: float, height: float) -> Shapes:
    return [Rect(x, y, width, height, fillColor=DARK, strokeColor=INK, strokeWidth=0.6)]


def hatched_bar(x: float, y: float, width: float, height: float) -> Shapes:
    """A white bar with an outline and horizontal stripes: apart from a solid bar in print."""
    stripes = Path(strokeColor=INK, strokeWidth=0.5, fillColor=None)
    stripe = y + HATCH_STEP
    while stripe < y + height:
        stripes.moveTo(x, stripe)
        stripes.lineTo(x + width, stripe)
        stripe += HATCH_STEP
    box = Rect(x, y, width, height, fillColor=WHITE, strokeColor=INK, strokeWidth=0.6)
    return [box, stripes]


def _bar_swatch(bar: Callable[[float, float, float, float], Shapes]) -> Painter:
    return lambda x, y: bar(x - 6, y - 4, 12, 8)


def _band_swatch(x: float, y: float) -> Shapes:
    return [
        Rect(x - 7, y - 4, 14, 8, fillColor=BAND, strokeColor=None),
        Line(
            x - 7, y + 4, x + 7, y + 4, strokeColor=INK, strokeWidth=0.5, strokeDashArray=[1, 1.5]
        ),
        Line(
            x - 7, y - 4, x + 7, y - 4, strokeColor=INK, strokeWidth=0.5, strokeDashArray=[1, 1.5]
        ),
    ]


def _polyline(points: list[tuple[float, float]], dash: list[float] | None = None) -> PolyLine:
    flat = [c for point in points for c in point]
    return PolyLine(flat, strokeColor=INK, strokeWidth=1.2, strokeDashArray=dash)


# --- the charts --------------------------------------------------------------------------------


def pain_chart(
    period: Period, pains: Sequence[SessionPain], weeks: Sequence[WeekFigures]
) -> Drawing:
    """Each session's worst pain (hollow circles) and each week's mean pain (a solid line
    through filled squares at the week's middle), on the 0-10 scale."""
    drawing = _canvas()
    frame = frame_for(period, 0, 10)
    _axes(drawing, frame, period, 2, "pain (0-10)")
    _legend(
        drawing,
        [
            ("worst pain of a session", hollow_circle),
            ("mean pain of the week's sets", _line_swatch(None, filled_square)),
        ],
    )
    means = [
        (sum(frame.week_span(w.starts_on)) / 2, frame.y(w.pain_mean))
        for w in weeks
        if w.pain_mean is not None
    ]
    if len(means) > 1:
        drawing.add(_polyline(means))
    for x, y in means:
        for shape in filled_square(x, y):
            drawing.add(shape)
    if pains:
        marks = [(frame.x(day_of(p.at)), frame.y(p.pain)) for p in pains]
        drawing.add(circles(marks, 2.6, filled=False))
    else:
        _nothing(drawing, "No sessions in this period")
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
    drawing = _canvas()
    peak = max([w.sessions for w in weeks] + [w.planned or 0 for w in weeks] + [1])
    low, high, step = value_range([peak + 1])  # headroom: a full week's bar stays in the box
    step = max(1.0, step)
    high = max(high, math.ceil((peak + 1) / step) * step)
    frame = frame_for(period, low, high)
    _axes(drawing, frame, period, step, "sessions per week")
    _legend(
        drawing,
        [("sessions done", _bar_swatch(solid_bar)), ("sessions planned", _bar_swatch(hatched_bar))],
    )
    _paired_bars(drawing, frame, weeks, lambda w: (w.sessions, w.planned))
    return drawing


def asymmetry_chart(period: Period, weeks: Sequence[WeekFigures]) -> Drawing:
    """Left (solid) and right (hatched) one-sided work per week, in reps x kg."""
    drawing = _canvas()
    low, high, step = value_range([w.left_work for w in weeks] + [w.right_work for w in weeks])
    frame = frame_for(period, low, high)
    _axes(drawing, frame, period, step, "reps x kg (unloaded: x 1)")
    _legend(drawing, [("left", _bar_swatch(solid_bar)), ("right", _bar_swatch(hatched_bar))])
    _paired_bars(
        drawing,
        frame,
        weeks,
        lambda w: (w.left_work or None, w.right_work or None),
    )
    if not any(w.left_work or w.right_work for w in weeks):
        _nothing(drawing, "No one-sided sets in this period")
    return drawing


def measure_chart(period: Period, series: MeasureSeries) -> Drawing:
    """A measure's scores (a solid line through filled circles), its baseline (dashed) and
    the band of the MCID either side of the baseline (grey, dotted edges)."""
    drawing = _canvas()
    shown = scores_in(period, series)
    values = [v for _, v in shown]
    if series.baseline is not None:
        values.append(series.baseline)
        if series.mcid is not None:
            values += [series.baseline - series.mcid, series.baseline + series.mcid]
    low, high, step = value_range(values, floor=None)
    frame = frame_for(period, low, high)
    legend: list[tuple[str, Painter]] = [("score", _line_swatch(None, filled_circle))]
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
            legend.append(("baseline +/- MCID (the source's figure)", _band_swatch))
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
        legend.append(("baseline", _line_swatch([4, 2])))
    _axes(drawing, frame, period, step, series.unit)
    _legend(drawing, legend)
    points = [(frame.x(day_of(at)), frame.y(v)) for at, v in shown]
    if len(points) > 1:
        drawing.add(_polyline(points))
    if points:
        drawing.add(circles(points, 2.4, filled=True))
    else:
        _nothing(drawing, "No scores in this period")
    return drawing


def _time_strip(period: Period, rows: Sequence[str], unit: str) -> tuple[Drawing, Frame]:
    """A chart whose rows are categories (named on the left) along the time axis."""
    drawing = _canvas()
    frame = frame_for(period, 0, len(rows) + 1)
    drawing.add(
        Rect(PLOT_X, PLOT_Y, PLOT_W, PLOT_H, fillColor=None, strokeColor=INK, strokeWidth=0.8)
    )
    for n, row in enumerate(rows, start=1):
        y = frame.y(n)
        drawing.add(
            Line(
                PLOT_X,
                y,
                PLOT_X + PLOT_W,
                y,
                strokeColor=GRID,
                strokeWidth=0.4,
                strokeDashArray=[1, 2],
            )
        )
        drawing.add(_text(PLOT_X - 4, y - 2.5, row, size=6.5, anchor="end"))
    for monday in _date_ticks(period):
        x = frame.x(monday.toordinal())
        drawing.add(Line(x, PLOT_Y, x, PLOT_Y - 3, strokeColor=INK, strokeWidth=0.6))
        drawing.add(_text(x, PLOT_Y - 11, f"{monday.day} {monday:%b}", anchor="middle"))
    years = sorted({period.first.year, period.last.year})
    drawing.add(
        _text(
            PLOT_X + PLOT_W / 2,
            PLOT_Y - 24,
            f"date ({'-'.join(map(str, years))}, {period.time_zone}); {unit}",
            anchor="middle",
        )
    )
    return drawing, frame


ALERT_ROWS = {
    AlertKind.PAIN: "pain",
    AlertKind.PROGRESS_REDUCE: "reduce",
    AlertKind.SELF_CHECK_PAIN: "self-check",
    AlertKind.MISSED_WEEK: "missed week",
}


def alerts_chart(period: Period, alerts: Sequence[AlertLine]) -> Drawing:
    """Each alert when raised, in its kind's row: filled diamond once acknowledged, hollow
    while open."""
    kinds = list(ALERT_ROWS)
    drawing, frame = _time_strip(period, [ALERT_ROWS[k] for k in kinds], "one mark per alert")
    _legend(drawing, [("acknowledged", filled_diamond), ("open", hollow_diamond)])
    for alert in alerts:
        mark = filled_diamond if alert.acknowledgements else hollow_diamond
        for shape in mark(frame.x(day_of(alert.raised_at)), frame.y(kinds.index(alert.kind) + 1)):
            drawing.add(shape)
    if not alerts:
        _nothing(drawing, "No alerts in this period")
    return drawing


def versions_chart(period: Period, versions: Sequence[VersionMark]) -> Drawing:
    """The program's versions along the time axis: a tick and a label where each began,
    each version's stretch drawn in turn solid and dashed."""
    drawing, frame = _time_strip(period, ["program"], "a tick where a version began")
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
                _text(
                    x + 2, y + 12, f"v{version.version}: {version.sessions_per_week}/wk", size=6.5
                )
            )
    if not versions:
        _nothing(drawing, "No program in this period")
    return drawing
