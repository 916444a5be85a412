"""Session comment queries."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from app.core.pagination import Sort, paginate
from app.logbook.comments.models import CommentValues, SessionComment

C = SessionComment.__table__  # type: ignore[attr-defined]
OLDEST_FIRST = Sort(key="created_at", column=col(SessionComment.created_at), descending=False)


def insert(session: Session, values: CommentValues) -> bool:
    """Insert unless the id is taken (then nothing); whether it was inserted."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = (
        dialect.insert(C)
        .values(**values)
        .on_conflict_do_nothing(index_elements=[C.c.id])
        .returning(C.c.id)
    )
    return session.execute(statement).first() is not None


def get(session: Session, comment_id: uuid.UUID) -> SessionComment | None:
    return session.get(SessionComment, comment_id)


def page(
    session: Session,
    session_id: uuid.UUID,
    cursor: str | None,
    limit: int,
    clinic_id: uuid.UUID | None = None,
) -> tuple[Sequence[SessionComment], str | None]:
    """The session's comments: all of them, or only those written at the clinic."""
    statement = select(SessionComment).where(col(SessionComment.session_id) == session_id)
    if clinic_id is not None:
        statement = statement.where(col(SessionComment.clinic_id) == clinic_id)
    return paginate(
        session,
        statement,
        sort=OLDEST_FIRST,
        id_column=col(SessionComment.id),
        cursor=cursor,
        limit=limit,
    )
