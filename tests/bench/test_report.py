"""The report sends a reader of a missed target to where its time is explained."""

from __future__ import annotations

from bench.report import Check, any_missed


def test_a_failed_target_is_a_miss_and_an_unmeasured_one_is_not() -> None:
    met = Check("met", {"unpinned": 0.6}, {"unpinned": True})
    unmeasured = Check("not measured", {"unpinned": None}, {"unpinned": None})
    failed = Check("failed", {"unpinned": 0.1}, {"unpinned": False})
    assert not any_missed([met, unmeasured])
    assert any_missed([met, unmeasured, failed])
