"""The program as an A4 PDF, drawn with ReportLab's built-in Helvetica (nothing embedded)."""

from __future__ import annotations

import html
import io
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any, TypedDict

# ReportLab ships no types (pyproject: ignore_missing_imports): its flowables are Any to mypy.
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

from app.catalog.exercises.models import ExerciseSpec
from app.exports.handout.page import SOURCE_CREDIT, WEEK_LEGEND, Handout, HandoutItem, build_handout
from app.training.routines.models import RoutinePublic


def pdf_filename(name: str) -> str:
    """An ASCII, header-safe file name from the routine's name: `morning-glute-med.pdf`."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:60].strip("-")
    return f"{slug or 'routine'}.pdf"


_MARGIN = 18 * mm
_PADDING = 6  # SimpleDocTemplate's frame padding, each side
_FRAME_WIDTH = A4[0] - 2 * _MARGIN - 2 * _PADDING


GREY, RED = colors.HexColor("#444444"), colors.HexColor("#aa0000")


class _StyleChanges(TypedDict, total=False):
    """The `ParagraphStyle` attributes a handout style changes (ReportLab's names)."""

    fontName: str
    fontSize: float
    leading: float
    alignment: int
    textColor: colors.Color
    backColor: colors.Color
    borderColor: colors.Color
    borderWidth: float
    borderPadding: tuple[float, float, float, float]
    spaceBefore: float
    spaceAfter: float


# Each style the handout uses, as what it changes from the sample sheet's "Normal".
_STYLE_CHANGES: dict[str, _StyleChanges] = {
    "Summary": {"textColor": GREY},
    "Dosage": {
        "fontName": "Helvetica-Bold",
        "backColor": colors.HexColor("#eeeeee"),
        "borderPadding": (3, 4, 3, 4),
        "spaceBefore": 4,
        "spaceAfter": 6,
    },
    "Label": {
        "fontName": "Helvetica-Bold",
        "fontSize": 8,
        "textColor": GREY,
        "spaceBefore": 4,
        "spaceAfter": 1,
    },
    "Small": {"fontSize": 8.5, "leading": 11},
    "Strong": {"fontName": "Helvetica-Bold"},
    "Warning": {
        "fontName": "Helvetica-Bold",
        "textColor": RED,
        "borderColor": RED,
        "borderWidth": 1.5,
        "borderPadding": (4, 5, 4, 5),
        "spaceAfter": 6,
    },
    "Cell": {"alignment": TA_CENTER, "fontSize": 9},
}


def _styles() -> StyleSheet1:
    styles = getSampleStyleSheet()
    for name, changes in _STYLE_CHANGES.items():
        styles.add(ParagraphStyle(name, parent=styles["Normal"], **changes))
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
    story += [
        _p(handout.title, styles["Title"]),
        _p(handout.summary, styles["Summary"]),
        _p(handout.provenance, styles["Summary"]),
    ]
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
            _p(WEEK_LEGEND, styles["Small"]),
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
