"""User, token-family and refresh-token queries."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Connection, and_, bindparam, delete, update
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from app.core.db import update_if_revision
from app.users.models import CALLER_FIELDS, Caller, RefreshToken, TokenFamily, User


def get_user(session: Session, user_id: uuid.UUID) -> User | None:
    return session.get(User, user_id)


# The sign-in check runs on every signed-in request: a Core statement built once, reading
# only the profile's columns into a `Caller` (loading a `User` entity was 40% of GET /me,
# bench/results/profile-notes.md). The join on a live token family is the revocation
# check: a signed-out family, or a password change (which revokes every family), finds
# no row on the very next request.
_USER = User.__table__  # type: ignore[attr-defined]
_FAMILY = TokenFamily.__table__  # type: ignore[attr-defined]
_SIGNED_IN_USER = (
    core_select(*(_USER.c[name] for name in CALLER_FIELDS))
    .join(
        _FAMILY,
        and_(
            _FAMILY.c.id == bindparam("family_id"),
            _FAMILY.c.user_id == _USER.c.id,
            _FAMILY.c.revoked_at.is_(None),
        ),
    )
    .where(_USER.c.id == bindparam("user_id"))
)


def get_signed_in_user(
    session: Session | Connection, user_id: uuid.UUID, family_id: uuid.UUID
) -> Caller | None:
    """The caller, if `family_id` is one of their sign-ins and not revoked: one indexed query
    (in the request's session, or alone on a connection: app/users/auth.py)."""
    row = session.execute(_SIGNED_IN_USER, {"user_id": user_id, "family_id": family_id}).first()
    return Caller(*row) if row else None


_CALLER_BY_ID = core_select(*(_USER.c[name] for name in CALLER_FIELDS)).where(
    _USER.c.id == bindparam("user_id")
)


def get_caller(session: Session | Connection, user_id: uuid.UUID) -> Caller | None:
    """An account's profile as a `Caller`, without a sign-in: whose data a clinician in
    care reads (app/care/team), already authorized by the care relationship."""
    row = session.execute(_CALLER_BY_ID, {"user_id": user_id}).first()
    return Caller(*row) if row else None


def get_user_by_email(session: Session, email: str) -> User | None:
    return session.exec(select(User).where(User.email == email)).first()


def get_refresh_token(
    session: Session, token_id: uuid.UUID
) -> tuple[RefreshToken, TokenFamily] | None:
    """A refresh token with its family (whose `revoked_at` says if the sign-in ended)."""
    row = session.exec(
        select(RefreshToken, TokenFamily)
        .join(TokenFamily, col(TokenFamily.id) == col(RefreshToken.family_id))
        .where(col(RefreshToken.id) == token_id)
    ).first()
    return (row[0], row[1]) if row else None


def revoke_family(session: Session, family_id: uuid.UUID, at: datetime) -> None:
    session.execute(
        update(TokenFamily)
        .where(col(TokenFamily.id) == family_id, col(TokenFamily.revoked_at).is_(None))
        .values(revoked_at=at)
    )


def revoke_every_family(session: Session, user_id: uuid.UUID, at: datetime) -> None:
    session.execute(
        update(TokenFamily)
        .where(col(TokenFamily.user_id) == user_id, col(TokenFamily.revoked_at).is_(None))
        .values(revoked_at=at)
    )


def mark_used(session: Session, token_id: uuid.UUID, at: datetime) -> bool:
    """Atomically claim a refresh token; False if another request claimed it first."""
    result = session.execute(
        update(RefreshToken)
        .where(col(RefreshToken.id) == token_id, col(RefreshToken.used_at).is_(None))
        .values(used_at=at)
    )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


def update_user_if_current(
    session: Session, user_id: uuid.UUID, revision: int, values: dict[str, object]
) -> User | None:
    """Compare-and-set on the revision: a concurrent writer makes this return None."""
    if not update_if_revision(session, User, col(User.id) == user_id, revision, values):
        return None
    session.expire_all()
    return session.get(User, user_id)


def delete_user_if_current(session: Session, user_id: uuid.UUID, revision: int) -> bool:
    """Delete the account only if it is still at `revision`; owned rows cascade."""
    result = session.execute(
        delete(User).where(col(User.id) == user_id, col(User.revision) == revision)
    )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]
