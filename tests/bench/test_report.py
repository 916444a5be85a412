"""The report sends a reader of a missed target to where its time is explained, and judges
each target only where it can be shown."""

from __future__ import annotations

from bench.loadgen import Result
from bench.report import Check, Row, any_missed, checks, checks_table


def test_a_failed_target_is_a_miss_and_an_unmeasured_one_is_not() -> None:
    met = Check("met", {"unpinned": 0.6}, {"unpinned": True})
    unmeasured = Check("not measured", {"unpinned": None}, {"unpinned": None})
    failed = Check("failed", {"unpinned": 0.1}, {"unpinned": False})
    assert not any_missed([met, unmeasured])
    assert any_missed([met, unmeasured, failed])


def _measured(row: Row, rps: float, p50_ms: float = 10.0) -> Row:
    row.results["unpinned"] = [Result(int(rps * 5), 5.0, p50_ms, p50_ms * 2, 0, {"201": 1})]
    return row


def _scale_out(cpus: int) -> Check:
    one = _measured(Row("many", "128 users", "PostgreSQL", "1M sets", 1), 100)
    two = _measured(Row("many", "128 users", "PostgreSQL", "1M sets", 2), 110)
    (found,) = [c for c in checks([one, two], ["unpinned"], [], cpus) if "two workers" in c.name]
    return found


def test_two_workers_are_judged_only_where_a_second_one_has_a_cpu_of_its_own() -> None:
    on_two_cpus, on_eight = _scale_out(2), _scale_out(8)
    assert on_two_cpus.unshowable == "2 CPUs" and not any_missed([on_two_cpus])
    assert "cannot show on 2 CPUs" in checks_table([on_two_cpus], ["unpinned"])
    assert on_eight.values["unpinned"] == 1.1 and any_missed([on_eight])


def test_the_clinicians_view_latency_is_judged_at_one_connection() -> None:
    crowded = _measured(Row("care", "view", "SQLite", "5000 patients", 1), 50, p50_ms=300)
    alone = _measured(Row("care1", "view", "SQLite", "5000 patients", 1), 40, p50_ms=20)
    found = {c.name: c for c in checks([crowded, alone], ["unpinned"], ["SQLite"], 2)}
    p50 = next(c for name, c in found.items() if name.startswith("p50 of a page"))
    assert p50.values["unpinned"] == 20 and p50.passed["unpinned"] is True
