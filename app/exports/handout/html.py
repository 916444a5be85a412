"""The program as a self-contained, print-ready HTML page (inline CSS, no script or asset)."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from app.catalog.exercises.models import ExerciseSpec
from app.exports.handout.page import WEEK_LEGEND, Handout, HandoutItem, HandoutWeek, build_handout
from app.training.routines.models import RoutinePublic

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
        f"<p>{_e(WEEK_LEGEND)}</p>"
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
        f'<p class="provenance">{_e(handout.provenance)}</p>'
        f"{notes}</header>"
        f'<main><section class="exercises"><h2>Exercises</h2>'
        f'<p class="legend">{_e(handout.legend)}</p>{items}</section>'
        f"{_html_weeks(handout.weeks)}{_html_grid(handout)}</main>"
        f'<footer><p class="disclaimer">{_e(handout.disclaimer)}</p>'
        f'<p class="credit">{_e(handout.credit)}</p></footer>'
        "</body></html>\n"
    )
