"""Share-link queries."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from app.core.pagination import Sort, paginate
from app.exports.sharing.models import ShareLink
from app.users.models import User

NEWEST_FIRST = Sort(key="created_at", column=col(ShareLink.created_at), descending=True)


def add(session: Session, link: ShareLink) -> None:
    session.add(link)
    session.flush()


def get(session: Session, link_id: uuid.UUID) -> ShareLink | None:
    return session.get(ShareLink, link_id)


def get_owned(session: Session, link_id: uuid.UUID, owner_id: uuid.UUID) -> ShareLink | None:
    link = session.get(ShareLink, link_id)
    return link if link is not None and link.owner_id == owner_id else None


def lock_owner_and_count(session: Session, owner_id: uuid.UUID, now: datetime) -> tuple[int, int]:
    """The owner's active links and all their links, counted under a lock on the owner's
    row so concurrent creates are counted one after the other (call inside the write)."""
    session.exec(select(User.id).where(col(User.id) == owner_id).with_for_update()).one()
    mine = col(ShareLink.owner_id) == owner_id
    total = session.exec(select(func.count()).select_from(ShareLink).where(mine)).one()
    active = session.exec(
        select(func.count())
        .select_from(ShareLink)
        .where(mine, col(ShareLink.revoked_at).is_(None), col(ShareLink.expires_at) > now)
    ).one()
    return active, total


def list_links(
    session: Session, owner_id: uuid.UUID, cursor: str | None, limit: int
) -> tuple[Sequence[ShareLink], str | None]:
    stmt = select(ShareLink).where(col(ShareLink.owner_id) == owner_id)
    return paginate(
        session, stmt, sort=NEWEST_FIRST, id_column=col(ShareLink.id), cursor=cursor, limit=limit
    )


def owned_by(session: Session, owner_id: uuid.UUID) -> Sequence[ShareLink]:
    """Every link of the owner, oldest first (at most MAX_LINKS: the account export)."""
    return session.exec(
        select(ShareLink)
        .where(col(ShareLink.owner_id) == owner_id)
        .order_by(col(ShareLink.created_at), col(ShareLink.id))
    ).all()


def revoke(session: Session, link_id: uuid.UUID, now: datetime) -> None:
    """Revoke once: a second revocation keeps the first moment."""
    session.execute(
        update(ShareLink)
        .where(col(ShareLink.id) == link_id, col(ShareLink.revoked_at).is_(None))
        .values(revoked_at=now)
    )


def find_live(session: Session, token_hash: str, now: datetime) -> ShareLink | None:
    """The link with this token, if neither revoked nor expired at `now`."""
    return session.exec(
        select(ShareLink).where(
            col(ShareLink.token_hash) == token_hash,
            col(ShareLink.revoked_at).is_(None),
            col(ShareLink.expires_at) > now,
        )
    ).first()
