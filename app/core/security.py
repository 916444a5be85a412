"""Password hashing (argon2id) and signed access tokens (JWT, HS256). No home-made crypto."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from app.core.types import utcnow

ALGORITHM = "HS256"


class _Hashing:
    """The process-wide argon2id parameters, set once from Settings at start-up."""

    hasher = PasswordHasher()
    # Verified against when the email is unknown, so both failures cost the same time.
    dummy_hash = hasher.hash("medius-timing-equaliser-not-a-password")


def configure_password_hashing(time_cost: int, memory_kib: int) -> None:
    if (_Hashing.hasher.time_cost, _Hashing.hasher.memory_cost) == (time_cost, memory_kib):
        return
    _Hashing.hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_kib)
    _Hashing.dummy_hash = _Hashing.hasher.hash("medius-timing-equaliser-not-a-password")


def hash_password(password: str) -> str:
    return _Hashing.hasher.hash(password)


def verify_password(password: str, password_hash: str | None) -> bool:
    """Check a password; an unknown account (None) costs one verification too."""
    try:
        matched = _Hashing.hasher.verify(password_hash or _Hashing.dummy_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
    return matched and password_hash is not None


@dataclass(frozen=True)
class AccessClaims:
    user_id: uuid.UUID
    expires_at: datetime


def issue_access_token(user_id: uuid.UUID, secret: str, lifetime: timedelta) -> str:
    now = utcnow()
    claims = {
        "sub": str(user_id),
        "iat": now,
        "exp": now + lifetime,
        "jti": uuid.uuid4().hex,
        "typ": "access",
    }
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


def read_access_token(token: str, secret: str) -> AccessClaims | None:
    """The token's claims if it is ours, unexpired and untampered; otherwise None."""
    try:
        claims = jwt.decode(
            token, secret, algorithms=[ALGORITHM], options={"require": ["exp", "sub", "iat"]}
        )
        if claims.get("typ") != "access":
            return None
        return AccessClaims(
            user_id=uuid.UUID(str(claims["sub"])),
            expires_at=datetime.fromtimestamp(int(claims["exp"]), tz=utcnow().tzinfo),
        )
    except (jwt.PyJWTError, ValueError, TypeError):
        return None


def new_refresh_secret() -> str:
    return secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    """Refresh tokens are stored only as digests; a database leak does not leak sessions."""
    return hashlib.sha256(secret.encode()).hexdigest()
