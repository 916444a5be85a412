"""Who may try a password now: the sign-in and sign-up limits, counted before any hashing.

Sign-in attempts are counted per (account, client address) and per client address;
over either limit the answer is 429 with `Retry-After`, without checking the password.
Failures per account (from any address) only slow further attempts down, by a bounded
delay that holds no thread or connection: an attacker elsewhere can never lock the
owner out. Sign-ups are counted per client address.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session

from app.core import ratelimit
from app.core.config import Settings
from app.core.db import begin_write
from app.core.errors import RateLimited

# Awaited for the per-account slow-down; the tests replace it to see the delays asked for.
pause: Callable[[float], Awaitable[None]] = asyncio.sleep
FIRST_DELAY_SECONDS = 0.25


@dataclass(frozen=True)
class Attempt:
    """A password check: whose account (normalised email) and from which client address."""

    account: str
    client_address: str

    @property
    def pair_key(self) -> str:
        return f"login:pair:{self.client_address}:{self.account}"

    @property
    def address_key(self) -> str:
        return f"login:address:{self.client_address}"

    @property
    def account_key(self) -> str:
        return f"login:account:{self.account}"


@dataclass(frozen=True)
class Admitted:
    """An attempt let through: its address window (to refund on success) and its delay."""

    attempt: Attempt
    address_window: ratelimit.Window
    delay_seconds: float


def admit_sign_in(
    session: Session, attempt: Attempt, settings: Settings, now: datetime
) -> Admitted:
    """Count the attempt (one short write transaction) or refuse it with 429."""
    window = timedelta(seconds=settings.login_window_seconds)
    begin_write(session)
    # Always the pair, then the address (and the purge last): one order, no deadlock.
    pair = ratelimit.hit(session, attempt.pair_key, now, window)
    address = ratelimit.hit(session, attempt.address_key, now, window)
    failures = ratelimit.peek(session, attempt.account_key, now)
    ratelimit.purge(session, now)
    session.commit()
    over = [
        counted
        for counted, limit in (
            (pair, settings.login_max_failures),
            (address, settings.login_address_max_failures),
        )
        if counted.count > limit
    ]
    if over:
        retry = max(counted.retry_after(now) for counted in over)
        raise RateLimited(
            f"Too many failed sign-ins; try again in {retry} seconds.",
            headers={"Retry-After": str(retry)},
        )
    return Admitted(attempt, address, slowdown_seconds(failures, settings))


def slowdown_seconds(account_failures: int, settings: Settings) -> float:
    """The delay before checking a password of an account with this many recent failures.

    Nothing below the limit; then 0.25 s, doubling per further failure, capped.
    """
    if account_failures < settings.login_max_failures:
        return 0.0
    doublings = min(account_failures - settings.login_max_failures, 16)
    return float(min(settings.login_slowdown_max_seconds, FIRST_DELAY_SECONDS * 2**doublings))


def record_failure(session: Session, admitted: Admitted, settings: Settings, now: datetime) -> None:
    """A wrong password: the account's failure count grows (inside the caller's write)."""
    window = timedelta(seconds=settings.login_window_seconds)
    ratelimit.hit(session, admitted.attempt.account_key, now, window)


def record_success(session: Session, admitted: Admitted) -> None:
    """The right password: this address's attempts at this account start over, and the
    attempt no longer counts against the address (the account's failures stay: only the
    window ends them, or an attacker could reset them by signing in to their own account)."""
    ratelimit.clear(session, admitted.attempt.pair_key)
    ratelimit.refund(session, admitted.attempt.address_key, admitted.address_window)


def admit_sign_up(session: Session, client_address: str, settings: Settings, now: datetime) -> None:
    """Count a sign-up from this address (one short write transaction) or refuse it with 429."""
    begin_write(session)
    counted = ratelimit.hit(
        session,
        f"register:{client_address}",
        now,
        timedelta(seconds=settings.register_window_seconds),
    )
    ratelimit.purge(session, now)
    session.commit()
    if counted.count > settings.register_max_per_address:
        retry = counted.retry_after(now)
        raise RateLimited(
            f"Too many sign-ups from your address; try again in {retry} seconds.",
            headers={"Retry-After": str(retry)},
        )
