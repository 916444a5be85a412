"""Window counters: atomic counts, windows that restart, refunds, and the purge."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi import FastAPI
from sqlmodel import Session, select

from app.core import ratelimit
from app.core.db import begin_write
from app.core.ratelimit import RateCounter

T0 = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
MINUTE = timedelta(seconds=60)


def hit(session: Session, key: str, at: datetime) -> ratelimit.Window:
    begin_write(session)
    window = ratelimit.hit(session, key, at, MINUTE)
    session.commit()
    return window


def test_a_window_counts_up_then_restarts_when_it_ends(app: FastAPI) -> None:
    with Session(app.state.engine) as session:
        assert hit(session, "k", T0) == ratelimit.Window(1, T0 + MINUTE)
        assert hit(session, "k", T0 + timedelta(seconds=59)) == ratelimit.Window(2, T0 + MINUTE)
        assert hit(session, "other", T0).count == 1
        restarted = hit(session, "k", T0 + MINUTE)
        assert restarted == ratelimit.Window(1, T0 + 2 * MINUTE)
        assert restarted.retry_after(T0 + MINUTE + timedelta(seconds=0.5)) == 60
        assert ratelimit.peek(session, "k", T0 + MINUTE) == 1
        assert ratelimit.peek(session, "k", T0 + 3 * MINUTE) == 0


def test_a_refund_takes_back_one_hit_of_its_own_window_only(app: FastAPI) -> None:
    with Session(app.state.engine) as session:
        hit(session, "k", T0)
        first = hit(session, "k", T0)
        begin_write(session)
        ratelimit.refund(session, "k", first)
        session.commit()
        assert ratelimit.peek(session, "k", T0) == 1
        later = hit(session, "k", T0 + 2 * MINUTE)  # a new window
        begin_write(session)
        ratelimit.refund(session, "k", first)  # the old window's refund changes nothing
        session.commit()
        assert later.count == ratelimit.peek(session, "k", T0 + 2 * MINUTE) == 1


def test_the_purge_drops_ended_windows_and_keeps_live_ones(app: FastAPI) -> None:
    with Session(app.state.engine) as session:
        hit(session, "old", T0)
        hit(session, "live", T0 + MINUTE)
        begin_write(session)
        ratelimit.purge(session, T0 + MINUTE)
        session.commit()
        keys = session.exec(select(RateCounter.key)).all()
    assert keys == ["live"]
