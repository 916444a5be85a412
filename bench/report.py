"""Medians of interleaved runs, ratios, target checks, and the markdown report."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

from bench.loadgen import Result

PIN_TITLES = {
    "pinned": "Pinned: server and database on CPU 0, load generator on CPU 1 (taskset)",
    "unpinned": "Unpinned: the scheduler places everything",
}


@dataclass(frozen=True)
class Summary:
    """The median run of a row (by rps, p50 and p99 separately), errors summed."""

    runs: int
    requests: int
    rps: float
    p50_ms: float | None
    p99_ms: float | None
    errors: int

    @classmethod
    def of(cls, results: Sequence[Result]) -> Summary:
        p50 = [r.p50_ms for r in results if r.p50_ms is not None]
        p99 = [r.p99_ms for r in results if r.p99_ms is not None]
        return cls(
            runs=len(results),
            requests=sum(r.requests for r in results),
            rps=statistics.median(r.rps for r in results),
            p50_ms=statistics.median(p50) if p50 else None,
            p99_ms=statistics.median(p99) if p99 else None,
            errors=sum(r.errors for r in results),
        )


@dataclass
class Row:
    """One table row: a scenario against one server, measured in each pinning mode."""

    scenario: str
    label: str
    backend: str
    state: str  # the scale database's size ("1M sets"), "empty" or "-" (bare app)
    workers: int
    results: dict[str, list[Result]] = field(default_factory=dict)
    unavailable: str | None = None  # why the row reads n/a
    baseline: Row | None = None  # the same scenario on the empty database
    ceiling: Row | None = None  # the bare app with the same workers

    def summary(self, pin: str) -> Summary | None:
        runs = self.results.get(pin)
        return Summary.of(runs) if runs else None


def _ms(value: float | None) -> str:
    return "-" if value is None else (f"{value:.1f}" if value < 100 else f"{value:.0f}")


def _ratio(top: float | None, bottom: float | None) -> str:
    if top is None or bottom is None or bottom == 0:
        return "-"
    return f"{top / bottom:.2f}"


def ratio(top: float | None, bottom: float | None) -> float | None:
    if top is None or bottom is None or bottom == 0:
        return None
    return top / bottom


def table(rows: Sequence[Row], pin: str) -> str:
    head = (
        "| endpoint | database | data | workers | rps | p50 ms | p99 ms | errors "
        "| rps / bare | rps / empty | p99 / empty |\n"
        "|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|\n"
    )
    lines = []
    for row in rows:
        cells = [row.label, row.backend, row.state, str(row.workers)]
        mine = row.summary(pin)
        if row.unavailable is not None or mine is None:
            cells += ["n/a"] * 7
            lines.append("| " + " | ".join(cells) + " |")
            continue
        base = row.baseline.summary(pin) if row.baseline else None
        bare = row.ceiling.summary(pin) if row.ceiling else None
        cells += [
            f"{mine.rps:.0f}" if mine.rps >= 10 else f"{mine.rps:.1f}",
            _ms(mine.p50_ms),
            _ms(mine.p99_ms),
            str(mine.errors),
            _ratio(mine.rps, bare.rps if bare else None),
            _ratio(mine.rps, base.rps if base else None),
            _ratio(mine.p99_ms, base.p99_ms if base else None),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return head + "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Check:
    name: str
    values: dict[str, float | None]  # by pinning mode
    passed: dict[str, bool | None]


def _scale_row(rows: Sequence[Row], scenario: str, backend: str) -> Row | None:
    """The one-worker row of `scenario` on the scale database (the one with a baseline)."""
    for row in rows:
        if (row.scenario, row.backend, row.workers) == (scenario, backend, 1) and row.baseline:
            return row
    return None


def checks(rows: Sequence[Row], pins: Sequence[str], backends: Sequence[str]) -> list[Check]:
    """The issue's targets, evaluated on the scale database's one-worker rows."""
    out: list[Check] = []

    def add(name: str, compute: dict[str, float | None], ok: object) -> None:
        passed = {
            pin: (None if value is None else bool(ok(value)))  # type: ignore[operator]
            for pin, value in compute.items()
        }
        out.append(Check(name, compute, passed))

    for backend in backends:
        for scenario, floor in (("list", 0.70), ("304", 0.85)):
            row = _scale_row(rows, scenario, backend)
            if row is None:
                continue
            values = {}
            for pin in pins:
                mine, bare = row.summary(pin), row.ceiling.summary(pin) if row.ceiling else None
                values[pin] = ratio(mine.rps if mine else None, bare.rps if bare else None)
            add(f"{row.label} >= {floor:.2f} x bare ({backend})", values, lambda v, f=floor: v >= f)
        for scenario in ("list", "detail", "progress"):
            row = _scale_row(rows, scenario, backend)
            if row is None:
                continue
            values = {}
            for pin in pins:
                mine = row.summary(pin) if row.unavailable is None else None
                base = row.baseline.summary(pin) if row.baseline else None
                values[pin] = ratio(mine.p99_ms if mine else None, base.p99_ms if base else None)
            add(
                f"p99 of {row.label} at {row.state} <= 2 x empty ({backend})",
                values,
                lambda v: v <= 2,
            )
    errors: dict[str, float | None] = {}
    for pin in pins:
        summaries = [row.summary(pin) for row in rows if row.unavailable is None]
        errors[pin] = float(sum(s.errors for s in summaries if s is not None))
    add("zero errors (all rows)", errors, lambda v: v == 0)
    return out


def checks_table(found: Sequence[Check], pins: Sequence[str]) -> str:
    head = "| target | " + " | ".join(pins) + " |\n|---|" + "--:|" * len(pins) + "\n"
    lines = []
    for check in found:
        cells = [check.name]
        for pin in pins:
            value, passed = check.values.get(pin), check.passed.get(pin)
            if value is None or passed is None:
                cells.append("n/a")
            else:
                shown = f"{value:.0f}" if check.name.startswith("zero") else f"{value:.2f}"
                cells.append(f"{shown} {'PASS' if passed else 'FAIL'}")
        lines.append("| " + " | ".join(cells) + " |")
    return head + "\n".join(lines) + "\n"


def document(
    rows: Sequence[Row],
    pins: Sequence[str],
    backends: Sequence[str],
    header: Sequence[str],
    notes: Sequence[str],
) -> str:
    parts = ["# Medius benchmark\n", "\n".join(header) + "\n"]
    for pin in pins:
        parts.append(f"## {PIN_TITLES[pin]}\n\n{table(rows, pin)}")
    parts.append("## Targets\n\n" + checks_table(checks(rows, pins, backends), pins))
    if notes:
        parts.append("## Notes\n\n" + "\n".join(f"- {note}" for note in notes) + "\n")
    return "\n".join(parts)
