"""Password hashing (argon2id) and signed access tokens (JWT, HS256). No home-made crypto.

Hashing is CPU work of about 0.2 s per password with the production parameters. The
async helpers run it on a small pool of threads sized to the cores (argon2 releases the
GIL; Settings.hashing_threads leaves one core free), so a flood of sign-ups and sign-ins
queues there instead of taking every thread and core from other requests; past
`max_waiting` queued checks the caller gets 429.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import secrets
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import TypeVar

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from app.core.errors import RateLimited
from app.core.types import utcnow

ALGORITHM = "HS256"
T = TypeVar("T")


class _Hashing:
    """The process-wide argon2id parameters and hashing pool, set from Settings at start-up."""

    hasher = PasswordHasher()
    # Verified against when the email is unknown, so both failures cost the same time.
    # Made on first use rather than at import: at the library's default cost it was most
    # of every process's import time (each server, worker, CLI command and test worker),
    # and thrown away as soon as Settings chose other parameters.
    dummy_hash: str | None = None
    workers = max(1, (os.cpu_count() or 1) - 1)
    pool: ThreadPoolExecutor | None = None
    max_waiting = 256
    waiting = 0
    lock = threading.Lock()


def configure_password_hashing(
    time_cost: int, memory_kib: int, workers: int | None = None, max_waiting: int = 256
) -> None:
    with _Hashing.lock:
        _Hashing.max_waiting = max_waiting
        wanted = workers or max(1, (os.cpu_count() or 1) - 1)
        if wanted != _Hashing.workers and _Hashing.pool is not None:
            _Hashing.pool.shutdown(wait=False)
            _Hashing.pool = None
        _Hashing.workers = wanted
    if (_Hashing.hasher.time_cost, _Hashing.hasher.memory_cost) == (time_cost, memory_kib):
        return
    _Hashing.hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_kib)
    _Hashing.dummy_hash = None


def hash_password(password: str) -> str:
    return _Hashing.hasher.hash(password)


def verify_password(password: str, password_hash: str | None) -> bool:
    """Check a password; an unknown account (None) costs one verification too."""
    try:
        matched = _Hashing.hasher.verify(password_hash or _dummy_hash(), password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
    return matched and password_hash is not None


def _dummy_hash() -> str:
    dummy = _Hashing.dummy_hash
    if dummy is None:  # two threads may both make it: the same parameters, either will do
        dummy = _Hashing.dummy_hash = _Hashing.hasher.hash("medius-timing-equaliser-not-a-password")
    return dummy


async def hash_password_async(password: str) -> str:
    """`hash_password` on the hashing pool, without holding an event-loop or request thread."""
    return await _on_hashing_pool(hash_password, password)


async def verify_password_async(password: str, password_hash: str | None) -> bool:
    """`verify_password` on the hashing pool."""
    return await _on_hashing_pool(verify_password, password, password_hash)


async def _on_hashing_pool(work: Callable[..., T], *args: object) -> T:
    with _Hashing.lock:
        if _Hashing.waiting >= _Hashing.max_waiting:
            raise RateLimited(
                "Too many sign-ins are being checked right now; try again in a second.",
                headers={"Retry-After": "1"},
            )
        _Hashing.waiting += 1
        if _Hashing.pool is None:
            _Hashing.pool = ThreadPoolExecutor(
                _Hashing.workers, thread_name_prefix="argon2", initializer=_yield_to_requests
            )
        pool = _Hashing.pool
    try:
        return await asyncio.get_running_loop().run_in_executor(pool, work, *args)
    finally:
        with _Hashing.lock:
            _Hashing.waiting -= 1


HASHING_NICENESS = 10


def _yield_to_requests() -> None:
    """Run this hashing thread at a lower CPU priority, so that when the cores are busy the
    threads answering other requests go first (Linux schedules threads by their own nice
    value; elsewhere this is a no-op)."""
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), HASHING_NICENESS)


def hashing_threads() -> int:
    """How many passwords are hashed at once (the pool's size)."""
    return _Hashing.workers


@dataclass(frozen=True)
class AccessClaims:
    user_id: uuid.UUID
    family_id: uuid.UUID
    expires_at: datetime


def issue_access_token(
    user_id: uuid.UUID, family_id: uuid.UUID, secret: str, lifetime: timedelta
) -> str:
    """A signed access token naming its user and the sign-in (token family) it belongs to."""
    now = utcnow()
    claims = {
        "sub": str(user_id),
        "fam": family_id.hex,
        "iat": now,
        "exp": now + lifetime,
        "jti": uuid.uuid4().hex,
        "typ": "access",
    }
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


# Verified tokens, by (token, key): a client sends the same access token for its whole
# lifetime, and PyJWT's decode (parsing, claim checks, HMAC) was a visible share of
# GET /me in process (bench/results/profile-notes.md). Only tokens that verified are kept
# (a failure raises, and lru_cache keeps no exceptions), so a forged or garbled token is
# checked in full every time; expiry is checked on every use, so a kept token stops
# working at its `exp` as before.
VERIFIED_TOKENS_KEPT = 4096


def read_access_token(token: str, secret: str) -> AccessClaims | None:
    """The token's claims if it is ours, unexpired and untampered; otherwise None."""
    try:
        claims = _verified(token, secret)
    except (jwt.PyJWTError, ValueError, TypeError):
        return None
    return claims if claims.expires_at > utcnow() else None


@lru_cache(maxsize=VERIFIED_TOKENS_KEPT)
def _verified(token: str, secret: str) -> AccessClaims:
    claims = jwt.decode(
        token,
        secret,
        algorithms=[ALGORITHM],
        options={"require": ["exp", "sub", "iat", "fam"]},
    )
    if claims.get("typ") != "access":
        raise ValueError("not an access token")
    return AccessClaims(
        user_id=uuid.UUID(str(claims["sub"])),
        family_id=uuid.UUID(hex=str(claims["fam"])),
        expires_at=datetime.fromtimestamp(int(claims["exp"]), tz=utcnow().tzinfo),
    )


def new_refresh_secret() -> str:
    return secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    """Refresh tokens are stored only as digests; a database leak does not leak sessions."""
    return hashlib.sha256(secret.encode()).hexdigest()
