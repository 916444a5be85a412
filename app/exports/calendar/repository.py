"""Calendar feed queries."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from app.exports.calendar.models import CalendarFeed
from app.users.models import User

F = CalendarFeed.__table__  # type: ignore[attr-defined]
U = User.__table__  # type: ignore[attr-defined]


def replace(
    session: Session, user_id: uuid.UUID, token_hash: str, minute: int, now: datetime
) -> None:
    """The user's one feed row, new or replacing the old (whose token stops working); a
    new time of day is a change of the feed's schedule."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    insert = dialect.insert(F).values(
        user_id=user_id,
        token_hash=token_hash,
        minute_of_day=minute,
        created_at=now,
        schedule_changes=0,
    )
    moved = F.c.minute_of_day != insert.excluded.minute_of_day
    session.execute(
        insert.on_conflict_do_update(
            index_elements=[F.c.user_id],
            set_={
                "token_hash": insert.excluded.token_hash,
                "minute_of_day": insert.excluded.minute_of_day,
                "created_at": insert.excluded.created_at,
                "schedule_changes": case(
                    (moved, F.c.schedule_changes + 1), else_=F.c.schedule_changes
                ),
                "schedule_changed_at": case(
                    (moved, insert.excluded.created_at), else_=F.c.schedule_changed_at
                ),
            },
        )
    )


def schedule_changed(session: Session, user_id: uuid.UUID, at: datetime) -> None:
    """Count a change that moves every event of the user's feed (if there is one)."""
    session.execute(
        update(F)
        .where(F.c.user_id == user_id)
        .values(schedule_changes=F.c.schedule_changes + 1, schedule_changed_at=at)
    )


def remove(session: Session, user_id: uuid.UUID) -> None:
    session.execute(delete(F).where(F.c.user_id == user_id))


@dataclass(frozen=True, slots=True)
class FeedRow:
    user_id: uuid.UUID
    time_zone: str
    minute_of_day: int
    schedule_changes: int
    schedule_changed_at: datetime | None


def by_token_hash(session: Session, token_hash: str) -> FeedRow | None:
    """The feed with this token hash, with its user's time zone."""
    row = session.execute(
        select(
            F.c.user_id,
            U.c.time_zone,
            F.c.minute_of_day,
            F.c.schedule_changes,
            F.c.schedule_changed_at,
        )
        .join(U, U.c.id == F.c.user_id)
        .where(F.c.token_hash == token_hash)
    ).first()
    return None if row is None else FeedRow(*row)
