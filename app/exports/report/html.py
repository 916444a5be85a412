"""The report as one self-contained HTML page: inline CSS and inline SVG charts, no script,
font or remote asset (the handout's Content-Security-Policy holds)."""

from __future__ import annotations

import html

from reportlab.graphics import renderSVG
from reportlab.graphics.shapes import Drawing

from app.exports.report.sections import Page, Section, Table

_CSS = """
*{box-sizing:border-box}
body{font:11pt/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;
color:#111;background:#fff;max-width:52rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.6rem;margin:0 0 .2rem}
h2{font-size:1.15rem;border-bottom:2px solid #111;padding-bottom:.15rem;margin:1.5rem 0 .6rem}
.subtitle,.omitted{color:#333}
svg{display:block;max-width:100%;height:auto;margin:.3rem 0}
.summary{margin:.3rem 0 .6rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid #555;padding:.25rem .4rem;text-align:left;vertical-align:top}
footer{margin-top:1.6rem;border-top:1px solid #aaa;padding-top:.5rem;font-size:.85rem}
@page{size:A4;margin:15mm}
@media print{body{max-width:none;padding:0}section{break-inside:avoid}}
""".strip()


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def svg(drawing: Drawing, key: str, title: str) -> str:
    """The drawing as inline SVG: no XML prolog, ids made unique to the chart (several
    charts share a page), its title as the accessible name."""
    text: str = renderSVG.drawToString(drawing)
    text = text[text.index("<svg") :]
    text = text.replace('id="clip"', f'id="clip-{key}"').replace("url(#clip)", f"url(#clip-{key})")
    text = text.replace('id="group"', f'id="group-{key}"')
    text = text.replace("<title>...</title>", f"<title>{_e(title)}</title>", 1)
    text = text.replace("<desc>...</desc>", "", 1)
    return text.replace("<svg ", f'<svg role="img" aria-label="{_e(title)}" ', 1)


def _table(table: Table) -> str:
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in table.header)
    rows = "".join(
        "<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in table.rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _section(section: Section) -> str:
    table = _table(section.table) if section.table else ""
    return (
        f'<section id="{_e(section.key)}"><h2>{_e(section.title)}</h2>'
        f"{svg(section.chart, section.key, section.title)}"
        f'<p class="summary">{_e(section.summary)}</p>{table}</section>'
    )


def render_html(page: Page) -> str:
    omitted = ""
    if page.omitted:
        lines = "".join(
            f'<li data-omitted="{_e(title)}"><strong>{_e(title)}</strong>: {_e(why)}</li>'
            for title, why in page.omitted
        )
        omitted = f'<section class="omitted"><h2>Left out</h2><ul>{lines}</ul></section>'
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(page.title)} - Medius</title><style>{_CSS}</style></head><body>"
        f'<header><h1>{_e(page.title)}</h1><p class="subtitle">{_e(page.subtitle)}</p></header>'
        f"<main>{''.join(_section(s) for s in page.sections)}{omitted}</main>"
        f"<footer><p>{_e(page.disclaimer)}</p></footer></body></html>\n"
    )
