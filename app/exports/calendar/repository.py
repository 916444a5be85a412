"""Calendar feed queries."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from app.exports.calendar.models import CalendarFeed
from app.users.models import User

F = CalendarFeed.__table__  # type: ignore[attr-defined]
U = User.__table__  # type: ignore[attr-defined]


def replace(
    session: Session, user_id: uuid.UUID, token_hash: str, minute: int, now: datetime
) -> None:
    """The user's one feed row, new or replacing the old (whose token stops working)."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    insert = dialect.insert(F).values(
        user_id=user_id, token_hash=token_hash, minute_of_day=minute, created_at=now
    )
    session.execute(
        insert.on_conflict_do_update(
            index_elements=[F.c.user_id],
            set_={
                "token_hash": insert.excluded.token_hash,
                "minute_of_day": insert.excluded.minute_of_day,
                "created_at": insert.excluded.created_at,
            },
        )
    )


def remove(session: Session, user_id: uuid.UUID) -> None:
    session.execute(delete(F).where(F.c.user_id == user_id))


def by_token_hash(session: Session, token_hash: str) -> tuple[uuid.UUID, str, int] | None:
    """(user id, time zone, minute of day) of the feed with this token hash."""
    row = session.execute(
        select(F.c.user_id, U.c.time_zone, F.c.minute_of_day)
        .join(U, U.c.id == F.c.user_id)
        .where(F.c.token_hash == token_hash)
    ).first()
    return None if row is None else (row[0], str(row[1]), int(row[2]))
