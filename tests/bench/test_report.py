"""The report sends a reader of a missed target to where its time is explained, and judges
each target only where it can be shown."""

from __future__ import annotations

from bench.loadgen import Result
from bench.report import Check, Row, any_missed, checks, checks_table, document


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


def test_progress_is_judged_against_get_me_and_no_longer_against_a_short_log() -> None:
    me = _measured(Row("me1", "GET /me", "SQLite", "empty", 1), 500, p50_ms=2)
    many = _measured(Row("progress1", "progress", "SQLite", "50000 sets", 1), 90, p50_ms=11)
    few = _measured(Row("progress500", "progress", "SQLite", "500 sets", 1), 90, p50_ms=10)
    names = [c.name for c in checks([me, many, few], ["unpinned"], ["SQLite"], 2)]
    assert any(name.startswith("p50 of GET /me/progress (50000 sets) <= 10 x") for name in names)
    assert not any("/ 500 sets" in name for name in names)


def test_the_creates_show_their_ratio_to_the_4_statement_floor_beside_the_real_one() -> None:
    create = _measured(Row("create", "POST /sessions", "SQLite", "20 sessions", 1), 300)
    create.floor = _measured(Row("create", "POST /sessions", "SQLite", "floor", 1), 900)
    create.stack_floor = _measured(Row("create", "POST /sessions", "SQLite", "stack", 1), 400)
    create.minimal_floor = _measured(Row("create", "POST /sessions", "SQLite", "4", 1), 1000)
    text = document([create], ["unpinned"], ["SQLite"], ["header"], [])
    assert "| POST /sessions | SQLite | 300 | 400 | 0.75 | 1000 | 0.30 |" in text
    assert "against the 4-statement minimum" in text
