"""The printed program's content: one `Handout` built from a routine, drawn by both formats.

Plain functions of plain data (the routine's public view and the ExerciseSpec of every
exercise it names): no web framework, no database. `app.exports.handout.html` and
`app.exports.handout.pdf` draw from the one `Handout` built by `build_handout`, so the page and
the PDF always say the same thing. Routine names and notes are user input: each renderer
escapes every value for its own markup where it places it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from app.catalog.exercises.models import ExerciseSpec, Statement
from app.catalog.planner.models import ProgressionChange, WeekPlan
from app.catalog.planner.rules import DISCLAIMER
from app.catalog.planner.sides import placements, reading_note
from app.core.vocabulary import ProgressionBasis, Provenance, Side
from app.training.routines.models import RoutineItemPublic, RoutinePublic

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
WEEK_LEGEND = (
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
    # "Version 3, prescribed by Dr Ada Moss (Riverside Physio)": which program this is.
    provenance: str = ""
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
        provenance=_clean(provenance_line(routine)),
        warnings=[_clean(w) for w in warnings],
    )


def provenance_line(routine: RoutinePublic) -> str:
    """Which version of the program this is and, for a prescription, who prescribed it."""
    line = f"Version {routine.version}"
    if routine.prescriber is not None:
        who = routine.prescriber.name
        if routine.prescriber.clinic_name:
            who += f" ({routine.prescriber.clinic_name})"
        line += f", prescribed by {who}"
    return line
