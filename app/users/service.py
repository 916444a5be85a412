"""Accounts, sign-in, token rotation and the login rate limit."""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from app.core.caching import STALE_WRITE, require_if_match, revision_etag
from app.core.config import Settings
from app.core.db import begin_write
from app.core.errors import (
    Conflict,
    FieldError,
    Invalid,
    PreconditionFailed,
    RateLimited,
    Unauthorized,
    reject_nulls,
)
from app.core.security import (
    digest,
    hash_password,
    issue_access_token,
    new_refresh_secret,
    read_access_token,
    verify_password,
)
from app.core.types import utcnow
from app.users import repository
from app.users.models import RefreshToken, Role, Token, User, UserCreate, UserPublic, UserUpdate

MIN_PASSWORD_LENGTH = 10
BAD_CREDENTIALS = "The email or password is incorrect."
BAD_REFRESH = "The refresh token is invalid, expired or already used; sign in again."


@lru_cache
def _common_passwords() -> frozenset[str]:
    path = Path(__file__).with_name("common_passwords.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line and not line.startswith("#"))


def password_problems(password: str, email: str) -> list[str]:
    problems = []
    if len(password) < MIN_PASSWORD_LENGTH:
        problems.append(f"must be at least {MIN_PASSWORD_LENGTH} characters")
    lowered = password.lower()
    if lowered in _common_passwords() or lowered == email.lower():
        problems.append("is too common or easy to guess; choose another")
    return problems


def normalise_email(email: str) -> str:
    return email.strip().lower()


def to_public(user: User) -> UserPublic:
    return UserPublic.model_validate(user, from_attributes=True)


def user_etag(user: User) -> str:
    return revision_etag("user", user.id, user.revision)


def register(session: Session, data: UserCreate, role: Role = Role.USER) -> User:
    email = normalise_email(data.email)
    problems = password_problems(data.password, email)
    if problems:
        raise Invalid(
            "The password is too weak.",
            errors=[
                FieldError(["body", "password"], f"password {p}", "weak_password") for p in problems
            ],
        )
    begin_write(session)
    if repository.get_user_by_email(session, email) is not None:
        raise Conflict("An account with this email already exists.")
    user = User(
        email=email,
        password_hash=hash_password(data.password),
        display_name=data.display_name,
        time_zone=data.time_zone,
        units=data.units.value,
        role=role.value,
    )
    session.add(user)
    try:
        session.commit()
    except IntegrityError as exc:
        session.rollback()
        raise Conflict("An account with this email already exists.") from exc
    return user


@dataclass(frozen=True)
class LoginAttempt:
    email: str
    password: str
    client_address: str


def _limit_keys(attempt: LoginAttempt) -> list[str]:
    return [f"account:{normalise_email(attempt.email)}", f"address:{attempt.client_address}"]


def authenticate(session: Session, attempt: LoginAttempt, settings: Settings) -> Token:
    """Check the password, counting failures per account and per address for every worker."""
    now = utcnow()
    window = timedelta(seconds=settings.login_window_seconds)
    keys = _limit_keys(attempt)
    counts = repository.count_failures(session, keys, now - window)
    if any(n >= settings.login_max_failures for n in counts.values()):
        oldest = repository.oldest_failure(session, keys, now - window) or now
        retry = max(1, math.ceil((oldest + window - now).total_seconds()))
        raise RateLimited(
            f"Too many failed sign-ins; try again in {retry} seconds.",
            headers={"Retry-After": str(retry)},
        )
    user = repository.get_user_by_email(session, normalise_email(attempt.email))
    if not verify_password(attempt.password, user.password_hash if user else None) or user is None:
        begin_write(session)
        repository.record_failures(session, keys, now, now - window)
        session.commit()
        raise Unauthorized(BAD_CREDENTIALS)
    begin_write(session)
    repository.clear_failures(session, keys[0])
    token = _issue_tokens(session, user, uuid.uuid4(), settings)
    session.commit()
    return token


def _issue_tokens(session: Session, user: User, family_id: uuid.UUID, settings: Settings) -> Token:
    lifetime = timedelta(minutes=settings.access_token_minutes)
    secret = new_refresh_secret()
    refresh = RefreshToken(
        user_id=user.id,
        family_id=family_id,
        secret_digest=digest(secret),
        expires_at=utcnow() + timedelta(days=settings.refresh_token_days),
    )
    session.add(refresh)
    return Token(
        access_token=issue_access_token(user.id, settings.secret_key, lifetime),
        expires_in=int(lifetime.total_seconds()),
        refresh_token=f"{refresh.id.hex}.{secret}",
    )


def refresh(session: Session, presented: str, settings: Settings) -> Token:
    """Rotate a refresh token. Presenting a used one revokes its whole family (theft signal)."""
    token_id_hex, _, secret = presented.partition(".")
    try:
        token_id = uuid.UUID(hex=token_id_hex)
    except ValueError as exc:
        raise Unauthorized(BAD_REFRESH) from exc
    begin_write(session)
    stored = repository.get_refresh_token(session, token_id)
    if stored is None or stored.secret_digest != digest(secret):
        raise Unauthorized(BAD_REFRESH)
    now = utcnow()
    if stored.revoked_at is not None or stored.expires_at <= now:
        raise Unauthorized(BAD_REFRESH)
    if stored.used_at is not None or not repository.mark_used(session, stored.id, now):
        repository.revoke_family(session, stored.family_id, now)
        session.commit()
        raise Unauthorized(BAD_REFRESH)
    user = repository.get_user(session, stored.user_id)
    if user is None:
        raise Unauthorized(BAD_REFRESH)
    token = _issue_tokens(session, user, stored.family_id, settings)
    session.commit()
    return token


def user_for_token(session: Session, token: str | None, settings: Settings) -> User:
    if not token:
        raise Unauthorized("Sign in first: send `Authorization: Bearer <access token>`.")
    claims = read_access_token(token, settings.secret_key)
    user = repository.get_user(session, claims.user_id) if claims else None
    if user is None:
        raise Unauthorized("The access token is invalid or expired; refresh it or sign in.")
    return user


def update_profile(session: Session, user: User, changes: UserUpdate, if_match: str | None) -> User:
    require_if_match(if_match, user_etag(user))
    values = changes.model_dump(exclude_unset=True)
    reject_nulls(values, ("time_zone", "units"))
    begin_write(session)
    updated = repository.update_user_if_current(
        session, user.id, user.revision, {**values, "updated_at": utcnow()}
    )
    if updated is None:
        session.rollback()
        raise PreconditionFailed(STALE_WRITE)
    session.commit()
    return updated


def delete_account(session: Session, user: User) -> None:
    """Remove the account; every owned table cascades from it."""
    begin_write(session)
    session.delete(user)
    session.commit()


def create_admin(session: Session, email: str, password: str) -> User:
    """Create an admin, or promote an existing account to admin."""
    existing = repository.get_user_by_email(session, normalise_email(email))
    if existing is not None:
        existing.role = Role.ADMIN.value
        existing.revision += 1
        existing.updated_at = utcnow()
        session.add(existing)
        session.commit()
        return existing
    return register(session, UserCreate(email=email, password=password), role=Role.ADMIN)
