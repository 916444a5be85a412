"""User, refresh-token and login-failure queries."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import delete, func, update
from sqlmodel import Session, col, select

from app.core.db import update_if_revision
from app.users.models import LoginFailure, RefreshToken, User


def get_user(session: Session, user_id: uuid.UUID) -> User | None:
    return session.get(User, user_id)


def get_user_by_email(session: Session, email: str) -> User | None:
    return session.exec(select(User).where(User.email == email)).first()


def get_refresh_token(session: Session, token_id: uuid.UUID) -> RefreshToken | None:
    return session.get(RefreshToken, token_id)


def revoke_family(session: Session, family_id: uuid.UUID, at: datetime) -> None:
    session.execute(
        update(RefreshToken)
        .where(col(RefreshToken.family_id) == family_id, col(RefreshToken.revoked_at).is_(None))
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


def count_failures(session: Session, keys: list[str], since: datetime) -> dict[str, int]:
    rows = session.exec(
        select(LoginFailure.key, func.count())
        .where(col(LoginFailure.key).in_(keys), col(LoginFailure.failed_at) > since)
        .group_by(col(LoginFailure.key))
    ).all()
    return {key: int(n) for key, n in rows}


def oldest_failure(session: Session, keys: list[str], since: datetime) -> datetime | None:
    return session.exec(
        select(func.min(LoginFailure.failed_at)).where(
            col(LoginFailure.key).in_(keys), col(LoginFailure.failed_at) > since
        )
    ).first()


def record_failures(
    session: Session, keys: list[str], at: datetime, expired_before: datetime
) -> None:
    session.execute(delete(LoginFailure).where(col(LoginFailure.failed_at) <= expired_before))
    for key in keys:
        session.add(LoginFailure(key=key, failed_at=at))


def clear_failures(session: Session, key: str) -> None:
    session.execute(delete(LoginFailure).where(col(LoginFailure.key) == key))


def update_user_if_current(
    session: Session, user_id: uuid.UUID, revision: int, values: dict[str, object]
) -> User | None:
    """Compare-and-set on the revision: a concurrent writer makes this return None."""
    if not update_if_revision(session, User, col(User.id) == user_id, revision, values):
        return None
    session.expire_all()
    return session.get(User, user_id)
