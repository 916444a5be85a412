"""Printable program: a routine as a self-contained HTML page or an A4 PDF.

Plain functions of plain data (the routine's public view and the ExerciseSpec of every
exercise it names): no web framework, no database. Both renderers draw from one
`Handout` built by `build_handout`, so the page and the PDF always say the same thing.
Routine names and notes are user input: every value is escaped for HTML, and for
ReportLab's paragraph markup, where it is placed.
"""

from __future__ import annotations

import html
import io
import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, StyleSheet1, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.builder.models import ProgressionChange, Side, WeekPlan
from app.builder.rules import DISCLAIMER
from app.builder.sides import placements, reading_note
from app.catalog.models import ExerciseSpec, ProgressionBasis, Provenance, Statement
from app.routines.models import RoutineItemPublic, RoutinePublic

SOURCE_CREDIT = "Glut-Med Exercises, Ross Harris"
DEFAULT_GRID_WEEKS = 4
MARK = "*"
LEGEND = (
    f"{MARK} marks Medius' own figures and words, not the article's: the article gives "
    "no sets, rest or counts for most exercises, and these are our defaults."
)
_BASIS_LABEL = {
    ProgressionBasis.ARTICLE_PROGRESSION: "the article's own progression",
    ProgressionBasis.ARTICLE_RANGE: "within the article's range",
    ProgressionBasis.MEDIUS: "Medius",
}
_WEEK_LEGEND = (
    "(the article's own progression): a progression the article states; (within the "
    "article's range): a figure moving inside a range the article gives; (Medius): "
    "Medius' extension."
)
# C0/C1 control characters other than tab and newline: invalid in HTML, noise in a PDF.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class HandoutItem:
    number: int
    name: str
    dosage: str
    placement: list[str]  # which leg works and how to lie or stand, one line per leg
    steps: list[str]
    cues: list[str]
    notes: str


@dataclass(frozen=True)
class HandoutWeek:
    week: int
    changes: list[str]


@dataclass
class _Tally:
    """What in the printed program is Medius', for the credit line."""

    figures: set[str] = field(default_factory=set)
    statements: int = 0
    article_statements: int = 0
    names: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Handout:
    """Everything a printed program shows, as plain (unescaped) text."""

    title: str
    summary: str
    notes: str
    items: list[HandoutItem]
    weeks: list[HandoutWeek]  # empty when the routine has no progression plan
    grid_weeks: list[int]  # the rows of the tick grid
    sessions_per_week: int  # its columns
    credit: str
    warnings: list[str] = field(default_factory=list)  # printed first, before anything
    legend: str = LEGEND
    disclaimer: str = DISCLAIMER


def _clean(text: str) -> str:
    """Drop control characters and unpaired surrogates, which neither HTML nor PDF can carry."""
    return _CONTROL.sub("", text).encode("utf-8", "replace").decode("utf-8")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _within(value: int, low: int | None, high: int | None) -> bool:
    """Whether the article gives a range (or a figure) and `value` is in it."""
    if low is None and high is None:
        return False
    lo = low if low is not None else high
    hi = high if high is not None else low
    assert lo is not None and hi is not None
    return lo <= value <= hi


def dosage_text(
    item: RoutineItemPublic, spec: ExerciseSpec | None, tally: _Tally | None = None
) -> str:
    """The prescription in plain words, each of Medius' figures marked `*`.

    E.g. `2 sets* x 10 reps, 3 s hold, right leg works, 30 s rest* between sets`.
    """
    tally = tally if tally is not None else _Tally()

    def mark(text: str, article: bool, what: str) -> str:
        if article or spec is None:
            return text
        tally.figures.add(what)
        return text + MARK

    d = spec.dosage if spec is not None else None
    sets = mark(_plural(item.sets, "set"), d is not None and d.sets == item.sets, "sets")
    if item.reps is not None or item.steps is not None:
        count = item.reps if item.reps is not None else item.steps
        assert count is not None
        word = "rep" if item.reps is not None else "step"
        article = d is not None and _within(count, d.count_min, d.count_max)
        parts = [f"{sets} x {mark(_plural(count, word), article, f'{word}s')}"]
        if d is not None and item.steps is not None and d.per_direction:
            each = d.attribution["per_direction"].provenance is Provenance.ARTICLE
            parts[0] += " " + mark("each way", each, "directions")
        if item.hold_seconds:
            held = d is not None and _within(
                item.hold_seconds, d.hold_seconds_min, d.hold_seconds_max
            )
            parts.append(mark(f"{item.hold_seconds} s hold", held, "holds"))
    elif item.hold_seconds is not None:
        held = d is not None and _within(item.hold_seconds, d.hold_seconds_min, d.hold_seconds_max)
        parts = [f"{sets} x {mark(f'{item.hold_seconds} s hold', held, 'holds')}"]
    else:
        parts = [sets]
    if item.side is not None and spec is not None:
        parts.append(
            "both legs in turn, left first" if item.side is Side.BOTH else f"{item.side} leg works"
        )
    rest_article = d is not None and d.rest_seconds == item.rest_seconds
    parts.append(
        mark(f"{item.rest_seconds} s rest", rest_article, "rest") + " between sets"
        if item.rest_seconds
        else "no rest between sets"
    )
    return ", ".join(parts)


def _statements(statements: Sequence[Statement], tally: _Tally) -> list[str]:
    out = []
    for statement in statements:
        if statement.provenance is Provenance.MEDIUS:
            tally.statements += 1
            out.append(_clean(statement.text) + MARK)
        else:
            tally.article_statements += 1
            out.append(_clean(statement.text))
    return out


def _placement_lines(spec: ExerciseSpec | None, side: Side | None) -> list[str]:
    if spec is None:
        return []
    lines = [p.instruction for p in placements(spec, side)]
    note = reading_note(spec, side)
    return [*lines, note] if lines and note else lines


def _name(slug: str, specs: Mapping[str, ExerciseSpec]) -> str:
    spec = specs.get(slug)
    return spec.name if spec is not None else slug


def change_label(change: ProgressionChange) -> str:
    basis = change.basis or (
        ProgressionBasis.ARTICLE_RANGE
        if change.provenance is Provenance.ARTICLE
        else ProgressionBasis.MEDIUS
    )
    return _BASIS_LABEL[basis]


def change_text(change: ProgressionChange, specs: Mapping[str, ExerciseSpec]) -> str:
    """One week's change to one exercise, with whose it is."""
    return f"{_name(change.exercise, specs)}: {change.change} ({change_label(change)})"


def _weeks(plan: Sequence[WeekPlan], specs: Mapping[str, ExerciseSpec]) -> list[HandoutWeek]:
    weeks = []
    for index, week in enumerate(plan):
        changes = [change_text(c, specs) for c in week.changes]
        if not changes:
            changes = ["As prescribed above." if index == 0 else "No change from the week before."]
        weeks.append(HandoutWeek(week=week.week, changes=changes))
    return weeks


def _statement_count(n: int, adjective: str = "") -> str:
    words = "step or cue" if n == 1 else "steps and cues"
    return f"{n} {adjective + ' ' if adjective else ''}{words}"


def _credit(tally: _Tally, plan: Sequence[WeekPlan]) -> str:
    """Who wrote what, counted from the data printed above: never a fixed sentence."""
    parts = [f"Exercises from the article {SOURCE_CREDIT}, in Medius' words."]
    if tally.article_statements:
        parts.append(
            f"{_statement_count(tally.article_statements, 'unmarked')} render the article."
        )
    ours = []
    if tally.figures:
        ours.append("the " + ", ".join(sorted(tally.figures)) + " marked " + MARK)
    if tally.statements:
        ours.append(f"{_statement_count(tally.statements)} marked {MARK}")
    if tally.names:
        ours.append("the name" + ("s " if len(tally.names) > 1 else " ") + ", ".join(tally.names))
    medius_weeks = sum(
        1
        for w in plan
        for c in w.changes
        if change_label(c) == _BASIS_LABEL[ProgressionBasis.MEDIUS]
    )
    if medius_weeks:
        ours.append(f"{_plural(medius_weeks, 'weekly change')} marked (Medius)")
    if ours:
        parts.append("Medius' own, not the article's: " + "; ".join(ours) + ".")
    parts.append("Difficulty grading and exercise order are Medius'; the article calls all basic.")
    return " ".join(parts)


def build_handout(
    routine: RoutinePublic,
    specs: Mapping[str, ExerciseSpec],
    warnings: Sequence[str] = (),
) -> Handout:
    """What to print for a routine; `specs` holds every exercise its items and plan name."""
    tally = _Tally()
    items = []
    for item in routine.items:
        spec = specs.get(item.exercise)
        if spec is not None and spec.attribution["name"].provenance is Provenance.MEDIUS:
            tally.names.append(spec.name)
        items.append(
            HandoutItem(
                number=item.order,
                name=_clean(spec.name if spec is not None else item.exercise),
                dosage=dosage_text(item, spec, tally),
                placement=_placement_lines(spec, item.side),
                steps=_statements(spec.steps, tally) if spec is not None else [],
                cues=_statements(spec.cues, tally) if spec is not None else [],
                notes=_clean(item.notes),
            )
        )
    plan = routine.progression or []
    minutes = max(1, math.ceil(routine.estimated_seconds / 60))
    summary = (
        f"{_plural(routine.sessions_per_week, 'session')} a week, "
        f"about {minutes} min a session, {_plural(len(items), 'exercise')}"
    )
    if plan:
        summary += f", a {len(plan)}-week plan"
    return Handout(
        title=_clean(routine.name),
        summary=summary,
        notes=_clean(routine.notes),
        items=items,
        weeks=_weeks(plan, specs),
        grid_weeks=[w.week for w in plan] or list(range(1, DEFAULT_GRID_WEEKS + 1)),
        sessions_per_week=routine.sessions_per_week,
        credit=_credit(tally, plan),
        warnings=[_clean(w) for w in warnings],
    )


def pdf_filename(name: str) -> str:
    """An ASCII, header-safe file name from the routine's name: `morning-glute-med.pdf`."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:60].strip("-")
    return f"{slug or 'routine'}.pdf"


# --- HTML -------------------------------------------------------------------------------

_CSS = """
*{box-sizing:border-box}
body{font:11pt/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;
color:#111;background:#fff;max-width:48rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.7rem;margin:0 0 .2rem}
h2{font-size:1.15rem;border-bottom:2px solid #111;padding-bottom:.15rem;margin:1.6rem 0 .7rem}
h3{font-size:1.05rem;margin:0 0 .3rem}
h4{font-size:.78rem;text-transform:uppercase;letter-spacing:.05em;color:#444;margin:.6rem 0 .2rem}
p{margin:.2rem 0}
.summary{color:#444}
.notes,.item-notes{white-space:pre-line}
.exercise{border:1px solid #aaa;border-radius:4px;padding:.7rem .9rem;margin:0 0 .8rem}
.warnings{border:3px solid #b00;padding:.5rem .9rem;margin:0 0 1rem;font-weight:600}
.warnings h2{color:#b00;border:none;margin:.2rem 0}
.placement{font-weight:600}
.legend{font-size:.85rem;color:#333}
.dosage{font-weight:600;background:#f0f0f0;border-radius:3px;padding:.3rem .5rem;margin:.3rem 0}
ol,ul{margin:.1rem 0 .2rem 1.4rem;padding:0}
.week{margin:0 0 .5rem}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #555;padding:.3rem .4rem;text-align:center}
.ticks th[scope=row]{text-align:left;white-space:nowrap;width:6rem}
.ticks td.tick{height:2.3rem}
footer{margin-top:1.8rem;border-top:1px solid #aaa;padding-top:.5rem;font-size:.85rem;color:#333}
@page{size:A4;margin:15mm}
@media print{
body{max-width:none;padding:0;font-size:10.5pt}
.exercise,.week,.ticks,footer{break-inside:avoid}
h2,h3,h4{break-after:avoid}
.dosage{background:none;border:1px solid #555}
}
""".strip()


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _html_item(item: HandoutItem) -> str:
    steps = "".join(f"<li>{_e(s)}</li>" for s in item.steps)
    cues = "".join(f"<li>{_e(c)}</li>" for c in item.cues)
    parts = [
        f'<article class="exercise"><h3>{item.number}. {_e(item.name)}</h3>',
        f'<p class="dosage">{_e(item.dosage)}</p>',
    ]
    if item.placement:
        lines = "".join(f"<li>{_e(line)}</li>" for line in item.placement)
        parts.append(f'<h4>Which leg</h4><ul class="placement">{lines}</ul>')
    if steps:
        parts.append(f'<h4>Steps</h4><ol class="steps">{steps}</ol>')
    if cues:
        parts.append(f'<h4>Form cues</h4><ul class="cues">{cues}</ul>')
    if item.notes:
        parts.append(f'<p class="item-notes">{_e(item.notes)}</p>')
    parts.append("</article>")
    return "".join(parts)


def _html_weeks(weeks: Sequence[HandoutWeek]) -> str:
    if not weeks:
        return ""
    blocks = "".join(
        f'<div class="week"><h3>Week {w.week}</h3><ul>'
        + "".join(f"<li>{_e(c)}</li>" for c in w.changes)
        + "</ul></div>"
        for w in weeks
    )
    return (
        '<section class="progression"><h2>Week by week</h2>'
        f"<p>{_e(_WEEK_LEGEND)}</p>"
        f"{blocks}</section>"
    )


def _html_grid(handout: Handout) -> str:
    sessions = range(1, handout.sessions_per_week + 1)
    head = "".join(f'<th scope="col">Session {s}</th>' for s in sessions)
    rows = "".join(
        f'<tr><th scope="row">Week {week}</th>'
        + "".join(f'<td class="tick" aria-label="Week {week}, session {s}"></td>' for s in sessions)
        + "</tr>"
        for week in handout.grid_weeks
    )
    return (
        '<section class="log"><h2>Sessions done</h2><p>Tick a box after each session.</p>'
        f'<table class="ticks"><thead><tr><th scope="col">Week</th>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table></section>"
    )


def _html_warnings(warnings: Sequence[str]) -> str:
    if not warnings:
        return ""
    lines = "".join(f"<li>{_e(w)}</li>" for w in warnings)
    return (
        f'<section class="warnings" role="alert"><h2>Read this first</h2><ul>{lines}</ul></section>'
    )


def render_html(
    routine: RoutinePublic, specs: Mapping[str, ExerciseSpec], warnings: Sequence[str] = ()
) -> str:
    """A print-ready, self-contained page: inline CSS, no script, font or remote asset."""
    handout = build_handout(routine, specs, warnings)
    notes = f'<p class="notes">{_e(handout.notes)}</p>' if handout.notes else ""
    items = "".join(_html_item(i) for i in handout.items)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(handout.title)} - Medius</title><style>{_CSS}</style></head><body>"
        f"{_html_warnings(handout.warnings)}"
        f'<header><h1>{_e(handout.title)}</h1><p class="summary">{_e(handout.summary)}</p>'
        f"{notes}</header>"
        f'<main><section class="exercises"><h2>Exercises</h2>'
        f'<p class="legend">{_e(handout.legend)}</p>{items}</section>'
        f"{_html_weeks(handout.weeks)}{_html_grid(handout)}</main>"
        f'<footer><p class="disclaimer">{_e(handout.disclaimer)}</p>'
        f'<p class="credit">{_e(handout.credit)}</p></footer>'
        "</body></html>\n"
    )


# --- PDF --------------------------------------------------------------------------------

_MARGIN = 18 * mm
_PADDING = 6  # SimpleDocTemplate's frame padding, each side
_FRAME_WIDTH = A4[0] - 2 * _MARGIN - 2 * _PADDING


def _styles() -> StyleSheet1:
    styles = getSampleStyleSheet()
    styles.add(
        ParagraphStyle("Summary", parent=styles["Normal"], textColor=colors.HexColor("#444444"))
    )
    styles.add(
        ParagraphStyle(
            "Dosage",
            parent=styles["Normal"],
            fontName="Helvetica-Bold",
            backColor=colors.HexColor("#eeeeee"),
            borderPadding=(3, 4, 3, 4),
            spaceBefore=4,
            spaceAfter=6,
        )
    )
    styles.add(
        ParagraphStyle(
            "Label",
            parent=styles["Normal"],
            fontName="Helvetica-Bold",
            fontSize=8,
            textColor=colors.HexColor("#444444"),
            spaceBefore=4,
            spaceAfter=1,
        )
    )
    styles.add(ParagraphStyle("Small", parent=styles["Normal"], fontSize=8.5, leading=11))
    styles.add(ParagraphStyle("Strong", parent=styles["Normal"], fontName="Helvetica-Bold"))
    styles.add(
        ParagraphStyle(
            "Warning",
            parent=styles["Normal"],
            fontName="Helvetica-Bold",
            textColor=colors.HexColor("#aa0000"),
            borderColor=colors.HexColor("#aa0000"),
            borderWidth=1.5,
            borderPadding=(4, 5, 4, 5),
            spaceAfter=6,
        )
    )
    styles.add(ParagraphStyle("Cell", parent=styles["Normal"], alignment=TA_CENTER, fontSize=9))
    return styles


def _p(text: str, style: ParagraphStyle) -> Any:
    """A paragraph of user or catalog text: escaped for ReportLab's markup, newlines kept."""
    return Paragraph(html.escape(text, quote=False).replace("\n", "<br/>"), style)


def _bullets(texts: Sequence[str], style: ParagraphStyle, *, numbered: bool) -> Any:
    return ListFlowable(
        [ListItem(_p(t, style)) for t in texts],
        bulletType="1" if numbered else "bullet",
        start="1" if numbered else "\u2022",
        leftIndent=14,
        bulletFontSize=9 if numbered else 8,
    )


def _pdf_item(item: HandoutItem, styles: StyleSheet1) -> Any:
    body = styles["Normal"]
    flowables: list[Any] = [
        _p(f"{item.number}. {item.name}", styles["Heading3"]),
        _p(item.dosage, styles["Dosage"]),
    ]
    if item.placement:
        flowables += [
            _p("WHICH LEG", styles["Label"]),
            _bullets(item.placement, styles["Strong"], numbered=False),
        ]
    if item.steps:
        flowables += [_p("STEPS", styles["Label"]), _bullets(item.steps, body, numbered=True)]
    if item.cues:
        flowables += [_p("FORM CUES", styles["Label"]), _bullets(item.cues, body, numbered=False)]
    if item.notes:
        flowables.append(_p(item.notes, body))
    flowables.append(Spacer(1, 8))
    return KeepTogether(flowables)


def _pdf_grid(handout: Handout, styles: StyleSheet1) -> Any:
    cell = styles["Cell"]
    sessions = range(1, handout.sessions_per_week + 1)
    header = [_p("Week", cell), *(_p(f"Session {s}", cell) for s in sessions)]
    rows = [[_p(f"Week {w}", cell), *("" for _ in sessions)] for w in handout.grid_weeks]
    first = 24 * mm
    other = (_FRAME_WIDTH - first) / handout.sessions_per_week
    table = Table(
        [header, *rows],
        colWidths=[first, *(other for _ in sessions)],
        rowHeights=[8 * mm, *(11 * mm for _ in rows)],
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.75, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
                ("BACKGROUND", (0, 1), (0, -1), colors.HexColor("#f4f4f4")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def render_pdf(
    routine: RoutinePublic, specs: Mapping[str, ExerciseSpec], warnings: Sequence[str] = ()
) -> bytes:
    """The same program as an A4 PDF: header, exercises, week-by-week plan, tick grid.

    Built with ReportLab's standard Helvetica (nothing embedded, nothing fetched), which
    covers Latin-1 and common punctuation; other characters print as a box.
    """
    handout = build_handout(routine, specs, warnings)
    styles = _styles()
    story: list[Any] = [_p("READ THIS FIRST: " + w, styles["Warning"]) for w in handout.warnings]
    story += [_p(handout.title, styles["Title"]), _p(handout.summary, styles["Summary"])]
    if handout.notes:
        story += [Spacer(1, 4), _p(handout.notes, styles["Normal"])]
    story += [
        Spacer(1, 6),
        _p("Exercises", styles["Heading2"]),
        _p(handout.legend, styles["Small"]),
    ]
    story += [_pdf_item(item, styles) for item in handout.items]
    if handout.weeks:
        story += [
            _p("Week by week", styles["Heading2"]),
            _p(_WEEK_LEGEND, styles["Small"]),
        ]
        for week in handout.weeks:
            story.append(
                KeepTogether(
                    [
                        _p(f"Week {week.week}", styles["Heading4"]),
                        _bullets(week.changes, styles["Normal"], numbered=False),
                    ]
                )
            )
    story.append(
        KeepTogether(
            [
                _p("Sessions done", styles["Heading2"]),
                _p("Tick a box after each session.", styles["Normal"]),
                Spacer(1, 4),
                _pdf_grid(handout, styles),
            ]
        )
    )
    story += [
        Spacer(1, 12),
        _p(handout.disclaimer, styles["Small"]),
        Spacer(1, 3),
        _p(handout.credit, styles["Small"]),
    ]

    footer = handout.title if len(handout.title) <= 70 else handout.title[:69] + "\u2026"

    def on_page(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(_MARGIN + _PADDING, 10 * mm, f"{footer} - Medius - not medical advice")
        canvas.drawRightString(A4[0] - _MARGIN - _PADDING, 10 * mm, f"Page {doc.page}")
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=_MARGIN,
        bottomMargin=_MARGIN,
        title=handout.title,
        author="Medius",
        subject=f"Exercise program. Source: {SOURCE_CREDIT}",
        creator="Medius",
    )
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()
