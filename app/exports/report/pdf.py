"""The report as an A4 PDF (ReportLab, built-in Helvetica, nothing embedded or fetched):
each chart is the same drawing the HTML shows as SVG, and the document's outline holds one
entry per chart whose destination is the chart's own rectangle (a reader jumps to it; the
tests find each chart on the rendered page by it)."""

from __future__ import annotations

import html
import io
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.exports.report.sections import Page, Section
from app.exports.report.sections import Table as SectionTable

MARGIN = 15 * mm


class ChartFlowable(Flowable):  # type: ignore[misc]  # ReportLab is untyped (Any)
    """A chart drawn in the flow, with an outline entry pointing at its rectangle."""

    def __init__(self, drawing: Drawing, key: str, title: str) -> None:
        super().__init__()
        self.drawing, self.key, self.title = drawing, key, title

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.drawing.width, self.drawing.height

    def draw(self) -> None:
        canvas = self.canv
        left, bottom = canvas.absolutePosition(0, 0)
        renderPDF.draw(self.drawing, canvas, 0, 0)
        canvas.bookmarkPage(
            self.key,
            fit="FitR",
            left=left,
            bottom=bottom,
            right=left + self.drawing.width,
            top=bottom + self.drawing.height,
        )
        canvas.addOutlineEntry(self.title, self.key, level=0)


def _p(text: str, style: ParagraphStyle) -> Any:
    return Paragraph(html.escape(text, quote=False), style)


def _table(table: SectionTable, style: ParagraphStyle, width: float) -> Any:
    cells = [[_p(c, style) for c in table.header]]
    cells += [[_p(c, style) for c in row] for row in table.rows]
    fractions = [0.2, 0.14, 0.36, 0.3] if len(table.header) == 4 else None
    flowable = Table(
        cells,
        colWidths=[width * f for f in fractions] if fractions else None,
        repeatRows=1,
    )
    flowable.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return flowable


def _section(section: Section, styles: Any, width: float) -> list[Any]:
    block = [
        _p(section.title, styles["Heading2"]),
        ChartFlowable(section.chart, section.key, section.title),
        _p(section.summary, styles["Normal"]),
    ]
    out: list[Any] = [KeepTogether(block)]
    if section.table is not None:
        out += [Spacer(1, 4), _table(section.table, styles["Small"], width)]
    return out


def render_pdf(page: Page) -> bytes:
    styles = getSampleStyleSheet()
    styles.add(ParagraphStyle("Small", parent=styles["Normal"], fontSize=8, leading=10))
    width = A4[0] - 2 * MARGIN
    story: list[Any] = [_p(page.title, styles["Title"]), _p(page.subtitle, styles["Normal"])]
    for section in page.sections:
        story += _section(section, styles, width)
    if page.omitted:
        story.append(_p("Left out", styles["Heading2"]))
        story += [_p(f"{title}: {why}", styles["Normal"]) for title, why in page.omitted]
    story += [Spacer(1, 10), _p(page.disclaimer, styles["Small"])]

    def on_page(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(MARGIN, 8 * mm, f"{page.title} - Medius - not medical advice")
        canvas.drawRightString(A4[0] - MARGIN, 8 * mm, f"Page {doc.page}")
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=page.title,
        author="Medius",
        creator="Medius",
    )
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()
