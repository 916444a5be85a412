"""What the report's charts are drawn with (ReportLab graphics): one geometry, the frame
that places (day, value) in it, the axes, legends and marks.

Every chart shares one geometry (`WIDTH` x `HEIGHT` points, the plot area inside it) and a
time axis running over the report's period, day by day in the patient's zone, so charts
stacked in the report line up and a date sits at the same x in each. Black and white by
design: series differ by marker shape, fill (solid, hatched, hollow) and line style,
never by colour alone (tests/exports/report reads the geometry below to find data on the
rendered page).
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

from app.exports.report.models import Period

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


def words(x: float, y: float, text: str, size: float = 7, anchor: str = "start") -> String:
    return String(x, y, text, fontName=FONT, fontSize=size, fillColor=INK, textAnchor=anchor)


def _date_ticks(period: Period) -> list[date]:
    """Mondays inside the period (every n-th when there are many), else its first day."""
    first_monday = period.first + timedelta(days=(7 - period.first.weekday()) % 7)
    mondays = [first_monday + timedelta(weeks=n) for n in range((period.days + 6) // 7 + 1)]
    mondays = [m for m in mondays if m <= period.last]
    every = max(1, math.ceil(len(mondays) / MAX_TICKS))
    return mondays[::every] or [period.first]


def canvas() -> Drawing:
    """An empty chart: its title is the section's heading (HTML and PDF), not drawn twice."""
    return Drawing(WIDTH, HEIGHT)


def axes(drawing: Drawing, frame: Frame, period: Period, step: float, unit: str) -> None:
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
        drawing.add(words(PLOT_X - 4, y - 2.5, _label(value, step), anchor="end"))
        value += step
    drawing.add(
        Rect(PLOT_X, PLOT_Y, PLOT_W, PLOT_H, fillColor=None, strokeColor=INK, strokeWidth=0.8)
    )
    date_axis(drawing, frame, period, "ticks on Mondays")
    title = Group(words(0, 0, unit, anchor="middle"))
    title.transform = (0, 1, -1, 0, 10, PLOT_Y + PLOT_H / 2)
    drawing.add(title)


def date_axis(drawing: Drawing, frame: Frame, period: Period, note: str) -> None:
    """Date ticks on the period's Mondays and the axis title: the years and the zone."""
    for monday in _date_ticks(period):
        x = frame.x(monday.toordinal())
        drawing.add(Line(x, PLOT_Y, x, PLOT_Y - 3, strokeColor=INK, strokeWidth=0.6))
        drawing.add(words(x, PLOT_Y - 11, f"{monday.day} {monday:%b}", anchor="middle"))
    years = "-".join(str(y) for y in sorted({period.first.year, period.last.year}))
    title = f"date ({years}, {period.time_zone}); {note}"
    drawing.add(words(PLOT_X + PLOT_W / 2, PLOT_Y - 24, title, anchor="middle"))


def legend(drawing: Drawing, items: Sequence[tuple[str, Painter]]) -> None:
    x = PLOT_X
    y = HEIGHT - 14
    for label, painter in items:
        for shape in painter(x + 7, y + 2.5):
            drawing.add(shape)
        drawing.add(words(x + 17, y, label))
        x += 24 + len(label) * 3.6


def nothing(drawing: Drawing, what: str) -> None:
    drawing.add(words(PLOT_X + PLOT_W / 2, PLOT_Y + PLOT_H / 2, what, size=8, anchor="middle"))


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


def line_swatch(dash: list[float] | None, mark: Painter | None = None) -> Painter:
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


def bar_swatch(bar: Callable[[float, float, float, float], Shapes]) -> Painter:
    return lambda x, y: bar(x - 6, y - 4, 12, 8)


def band_swatch(x: float, y: float) -> Shapes:
    return [
        Rect(x - 7, y - 4, 14, 8, fillColor=BAND, strokeColor=None),
        Line(
            x - 7, y + 4, x + 7, y + 4, strokeColor=INK, strokeWidth=0.5, strokeDashArray=[1, 1.5]
        ),
        Line(
            x - 7, y - 4, x + 7, y - 4, strokeColor=INK, strokeWidth=0.5, strokeDashArray=[1, 1.5]
        ),
    ]


def polyline(points: list[tuple[float, float]], dash: list[float] | None = None) -> PolyLine:
    flat = [c for point in points for c in point]
    return PolyLine(flat, strokeColor=INK, strokeWidth=1.2, strokeDashArray=dash)


def time_strip(period: Period, rows: Sequence[str], unit: str) -> tuple[Drawing, Frame]:
    """A chart whose rows are categories (named on the left) along the time axis."""
    drawing = canvas()
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
        drawing.add(words(PLOT_X - 4, y - 2.5, row, size=6.5, anchor="end"))
    date_axis(drawing, frame, period, unit)
    return drawing, frame
