"""Accounts, sign-in, token families and re-authentication.

Password hashing never runs inside a database transaction: each flow counts the
attempt (`throttle`), ends its transaction, hashes on the bounded pool
(`hash_password_async`), then writes in a short transaction of its own. The database
steps run on worker threads (`anyio.to_thread`), so a slowed-down or queued password
check holds neither a thread nor a connection while it waits.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from functools import lru_cache
from pathlib import Path

from anyio import to_thread
from pydantic import ValidationError
from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from app.core.caching import STALE_WRITE, conditional_write, require_if_match, revision_etag
from app.core.config import Settings
from app.core.db import begin_write
from app.core.errors import (
    Conflict,
    FieldError,
    Forbidden,
    Invalid,
    PreconditionFailed,
    Unauthorized,
    invalid_from,
    reject_nulls,
)
from app.core.events import publish
from app.core.responses import Resource
from app.core.security import (
    AccessClaims,
    digest,
    hash_password,
    hash_password_async,
    issue_access_token,
    new_refresh_secret,
    read_access_token,
    verify_password_async,
)
from app.core.types import utcnow
from app.core.vocabulary import Role
from app.users import repository, throttle
from app.users.emails import email_or_none
from app.users.events import AccountDeleting, EverySignInEnded, TimeZoneChanged
from app.users.models import (
    AccountDeletion,
    Caller,
    PasswordChange,
    RefreshToken,
    Token,
    TokenFamily,
    User,
    UserCreate,
    UserPublic,
    UserUpdate,
)

MIN_PASSWORD_LENGTH = 10
BAD_CREDENTIALS = "The email or password is incorrect."
BAD_REFRESH = "The refresh token is invalid, expired or already used; sign in again."
WRONG_PASSWORD = "The current password is incorrect."  # noqa: S105
EMAIL_TAKEN = "An account with this email already exists."
CHANGED = "Your account changed while the password was being changed; try again."


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


def _require_strong(password: str, email: str, field: str) -> None:
    problems = password_problems(password, email)
    if problems:
        raise Invalid(
            "The password is too weak.",
            errors=[
                FieldError(["body", field], f"password {p}", "weak_password") for p in problems
            ],
        )


def as_public(user: Caller | User) -> UserPublic:
    return UserPublic.model_validate(user, from_attributes=True)


def user_etag(user: Caller | User) -> str:
    return revision_etag("user", user.id, user.revision)


def profile(user: Caller | User) -> Resource[UserPublic]:
    """The profile as answered, with the ETag a profile change or account deletion sends."""
    return Resource(as_public(user), user_etag(user), "/me")


# Registration -------------------------------------------------------------------------


async def register(
    session: Session, data: UserCreate, settings: Settings, client_address: str
) -> User:
    """Create an account: count the sign-up, hash outside any transaction, then insert."""
    _require_strong(data.password, data.email, "password")
    await to_thread.run_sync(_admit_sign_up, session, data.email, client_address, settings)
    password_hash = await hash_password_async(data.password)
    return await to_thread.run_sync(_insert_user, session, data, password_hash, Role.USER)


def _admit_sign_up(session: Session, email: str, client_address: str, settings: Settings) -> None:
    throttle.admit_sign_up(session, client_address, settings, utcnow())
    taken = repository.get_user_by_email(session, email) is not None
    session.commit()  # end the read: nothing is held while the password hashes
    if taken:
        raise Conflict(EMAIL_TAKEN)


def _insert_user(session: Session, data: UserCreate, password_hash: str, role: Role) -> User:
    begin_write(session)
    user = User(
        email=data.email,
        password_hash=password_hash,
        display_name=data.display_name,
        time_zone=data.time_zone,
        units=data.units,
        role=role,
    )
    session.add(user)
    try:
        session.commit()
    except IntegrityError as exc:
        session.rollback()
        raise Conflict(EMAIL_TAKEN) from exc
    return user


def create_admin(session: Session, email: str, password: str) -> User:
    """Create an admin, or promote an existing account to admin (CLI and tests; synchronous)."""
    try:
        data = UserCreate(email=email, password=password)
    except ValidationError as exc:
        raise invalid_from(exc, ["body"], "The email or password is not acceptable.") from exc
    existing = repository.get_user_by_email(session, data.email)
    if existing is not None:
        begin_write(session)
        promoted = repository.update_user_if_current(
            session,
            existing.id,
            existing.revision,
            {"role": Role.ADMIN.value, "updated_at": utcnow()},
        )
        if promoted is None:
            session.rollback()
            raise Conflict("The account changed meanwhile; run the command again.")
        session.commit()
        return promoted
    return create_account(session, data, Role.ADMIN)


def create_account(session: Session, data: UserCreate, role: Role = Role.USER) -> User:
    """Create an account in one synchronous step (operational tools and tests): no
    sign-up limit, and the password is hashed on the caller's thread before the write."""
    _require_strong(data.password, data.email, "password")
    password_hash = hash_password(data.password)
    return _insert_user(session, data, password_hash, role)


# Password checks (sign-in and re-authentication) ----------------------------------------


async def _check_password(
    session: Session,
    attempt: throttle.Attempt,
    password: str,
    settings: Settings,
    known: Caller | None = None,
    stale: Exception | None = None,
) -> tuple[throttle.Admitted, User | None]:
    """The user if `password` is theirs, counting the attempt; None on a wrong password.

    `known` is the signed-in user (re-authentication: its stored hash is read here, the
    sign-in check does not load it; `stale` is raised when the account changed since that
    check); otherwise the account is looked up by `attempt.account`. An unknown account
    costs one verification too.
    """
    admitted = await to_thread.run_sync(
        throttle.admit_sign_in, session, attempt, settings, utcnow()
    )
    if admitted.delay_seconds > 0:
        await throttle.pause(admitted.delay_seconds)
    if known is not None:
        user = await to_thread.run_sync(_account_by_id, session, known.id)
        if user is None or user.revision != known.revision:
            # Changed since this request's sign-in check (a concurrent password change or
            # deletion): the write would lose its compare-and-set anyway, and the stored
            # hash may already be the new password's, which must not count as a failure.
            raise stale or Conflict(CHANGED)
    else:
        user = await to_thread.run_sync(_find_account, session, attempt.account)
    if await verify_password_async(password, user.password_hash if user else None):
        return admitted, user
    await to_thread.run_sync(_record_failure, session, admitted, settings)
    return admitted, None


def _find_account(session: Session, account: str) -> User | None:
    user = repository.get_user_by_email(session, account)
    session.commit()
    return user


def _account_by_id(session: Session, user_id: uuid.UUID) -> User | None:
    user = repository.get_user(session, user_id)
    session.commit()
    return user


def _record_failure(session: Session, admitted: throttle.Admitted, settings: Settings) -> None:
    begin_write(session)
    throttle.record_failure(session, admitted, settings, utcnow())
    session.commit()


async def sign_in(
    session: Session, username: str, password: str, client_address: str, settings: Settings
) -> Token:
    """The OAuth2 password flow: tokens of a new sign-in (token family), or 401/429."""
    # A string that is nobody's address is still counted, under its digest (bounded, and
    # storable whatever bytes it holds).
    account = email_or_none(username) or f"not-an-email:{digest(username)}"
    attempt = throttle.Attempt(account=account, client_address=client_address)
    admitted, user = await _check_password(session, attempt, password, settings)
    if user is None:
        raise Unauthorized(BAD_CREDENTIALS)
    return await to_thread.run_sync(_settle_sign_in, session, admitted, user, settings)


def _settle_sign_in(
    session: Session, admitted: throttle.Admitted, user: User, settings: Settings
) -> Token:
    begin_write(session)
    throttle.record_success(session, admitted)
    token = _start_family(session, user.id, settings)
    session.commit()
    return token


def _reauthentication_failed(field: str) -> Forbidden:
    return Forbidden(
        WRONG_PASSWORD, errors=[FieldError(["body", field], WRONG_PASSWORD, "wrong_password")]
    )


async def change_password(
    session: Session, user: Caller, change: PasswordChange, client_address: str, settings: Settings
) -> Token:
    """Replace the password, end every sign-in, and return tokens of a new one."""
    _require_strong(change.new_password, user.email, "new_password")
    attempt = throttle.Attempt(account=user.email, client_address=client_address)
    admitted, verified = await _check_password(
        session, attempt, change.current_password, settings, known=user, stale=Conflict(CHANGED)
    )
    if verified is None:
        raise _reauthentication_failed("current_password")
    new_hash = await hash_password_async(change.new_password)
    return await to_thread.run_sync(_store_password, session, admitted, user, new_hash, settings)


def _store_password(
    session: Session,
    admitted: throttle.Admitted,
    user: Caller,
    new_hash: str,
    settings: Settings,
) -> Token:
    now = utcnow()
    begin_write(session)
    throttle.record_success(session, admitted)
    updated = repository.update_user_if_current(
        session, user.id, user.revision, {"password_hash": new_hash, "updated_at": now}
    )
    if updated is None:
        session.rollback()
        raise Conflict(CHANGED)
    repository.revoke_every_family(session, user.id, now)
    publish(session, EverySignInEnded(user.id))
    token = _start_family(session, user.id, settings)
    session.commit()
    return token


async def delete_account(
    session: Session,
    user: Caller,
    deletion: AccountDeletion,
    if_match: str | None,
    client_address: str,
    settings: Settings,
) -> None:
    """Remove the account (every owned table cascades), given its password and ETag."""
    require_if_match(if_match, user_etag(user))
    attempt = throttle.Attempt(account=user.email, client_address=client_address)
    admitted, verified = await _check_password(
        session,
        attempt,
        deletion.password,
        settings,
        known=user,
        stale=PreconditionFailed(STALE_WRITE),
    )
    if verified is None:
        raise _reauthentication_failed("password")
    await to_thread.run_sync(_delete_user, session, admitted, user)


def _delete_user(session: Session, admitted: throttle.Admitted, user: Caller) -> None:
    with conditional_write(session) as current:
        throttle.record_success(session, admitted)
        publish(session, AccountDeleting(user.id))
        current(repository.delete_user_if_current(session, user.id, user.revision))


# Token families ------------------------------------------------------------------------


def _start_family(session: Session, user_id: uuid.UUID, settings: Settings) -> Token:
    family = TokenFamily(user_id=user_id)
    session.add(family)
    session.flush()
    return _issue_tokens(session, user_id, family.id, settings)


def _issue_tokens(
    session: Session, user_id: uuid.UUID, family_id: uuid.UUID, settings: Settings
) -> Token:
    lifetime = timedelta(minutes=settings.access_token_minutes)
    secret = new_refresh_secret()
    refresh = RefreshToken(
        user_id=user_id,
        family_id=family_id,
        secret_digest=digest(secret),
        expires_at=utcnow() + timedelta(days=settings.refresh_token_days),
    )
    session.add(refresh)
    return Token(
        access_token=issue_access_token(user_id, family_id, settings.signing_key, lifetime),
        expires_in=int(lifetime.total_seconds()),
        refresh_token=f"{refresh.id.hex}.{secret}",
    )


def issue_sign_in(session: Session, user: User, settings: Settings) -> Token:
    """Tokens of a new sign-in without a password (operational tools and tests)."""
    begin_write(session)
    token = _start_family(session, user.id, settings)
    session.commit()
    return token


def _presented_token(session: Session, presented: str) -> tuple[RefreshToken, TokenFamily]:
    """The stored refresh token and its family, if `presented` is genuinely one of ours."""
    token_id_hex, _, secret = presented.partition(".")
    try:
        token_id = uuid.UUID(hex=token_id_hex)
    except ValueError as exc:
        raise Unauthorized(BAD_REFRESH) from exc
    begin_write(session)
    found = repository.get_refresh_token(session, token_id)
    if found is None or found[0].secret_digest != digest(secret):
        raise Unauthorized(BAD_REFRESH)
    return found


def refresh(session: Session, presented: str, settings: Settings) -> Token:
    """Rotate a refresh token. Presenting a used one revokes its whole family (theft signal)."""
    stored, family = _presented_token(session, presented)
    now = utcnow()
    if family.revoked_at is not None or stored.expires_at <= now:
        raise Unauthorized(BAD_REFRESH)
    if stored.used_at is not None or not repository.mark_used(session, stored.id, now):
        repository.revoke_family(session, stored.family_id, now)
        session.commit()
        raise Unauthorized(BAD_REFRESH)
    token = _issue_tokens(session, stored.user_id, stored.family_id, settings)
    session.commit()
    return token


def logout(session: Session, presented: str) -> None:
    """End the sign-in the refresh token belongs to; its access tokens stop working too.

    Idempotent: a retried logout of an already ended sign-in succeeds again.
    """
    stored, _family = _presented_token(session, presented)
    repository.revoke_family(session, stored.family_id, utcnow())
    session.commit()


def user_for_token(session: Session, token: str | None, settings: Settings) -> Caller:
    """The signed-in user: one indexed query reads the user and checks the sign-in is live."""
    return signed_in_user(session, access_claims(token, settings))


def access_claims(token: str | None, settings: Settings) -> AccessClaims:
    """The access token's claims (no database): 401 when absent, forged or expired."""
    if not token:
        raise Unauthorized("Sign in first: send `Authorization: Bearer <access token>`.")
    claims = read_access_token(token, settings.signing_key)
    if claims is None:
        raise _signed_out()
    return claims


def signed_in_user(session: Session | Connection, claims: AccessClaims) -> Caller:
    """The user whose sign-in (token family) is still live: 401 once it is revoked."""
    user = repository.get_signed_in_user(session, claims.user_id, claims.family_id)
    if user is None:
        raise _signed_out()
    return user


def _signed_out() -> Unauthorized:
    return Unauthorized(
        "The access token is invalid, expired or signed out; refresh it or sign in."
    )


def update_profile(
    session: Session, user: Caller, changes: UserUpdate, if_match: str | None
) -> Resource[UserPublic]:
    require_if_match(if_match, user_etag(user))
    values = changes.model_dump(exclude_unset=True)
    reject_nulls(values, ("time_zone", "units"))
    now = utcnow()
    with conditional_write(session) as current:
        updated = repository.update_user_if_current(
            session, user.id, user.revision, {**values, "updated_at": now}
        )
        current(updated is not None)
        assert updated is not None
        if updated.time_zone != user.time_zone:
            publish(session, TimeZoneChanged(user.id, updated.time_zone, now))
    return profile(updated)
