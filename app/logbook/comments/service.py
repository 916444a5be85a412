"""Comments on a patient's session: the care team writes, the patient reads."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from sqlmodel import Session

from app.core.errors import NotFound
from app.core.idempotency import ClientId, create_once
from app.core.pagination import Page
from app.core.types import utcnow
from app.logbook.comments import repository
from app.logbook.comments.models import (
    CommentValues,
    SessionComment,
    SessionCommentCreate,
    SessionCommentPublic,
)
from app.logbook.sessions import repository as sessions_repository
from app.users.models import Caller


def _require_session(session: Session, patient_id: uuid.UUID, session_id: uuid.UUID) -> None:
    if sessions_repository.get_owned(session, session_id, patient_id) is None:
        raise NotFound(f"No session {session_id} for this patient.")


def as_public(row: SessionComment) -> SessionCommentPublic:
    return SessionCommentPublic.model_validate(row, from_attributes=True)


def list_for_session(
    session: Session,
    patient_id: uuid.UUID,
    session_id: uuid.UUID,
    cursor: str | None,
    limit: int,
    clinic_id: uuid.UUID | None = None,
) -> Page[SessionCommentPublic]:
    """The comments on a live session of the patient, oldest first; 404 for another's.
    The patient reads every clinic's; a clinic (`clinic_id`) reads only its own, so no
    comment reveals care elsewhere."""
    _require_session(session, patient_id, session_id)
    rows, next_cursor = repository.page(session, session_id, cursor, limit, clinic_id)
    return Page[SessionCommentPublic](items=[as_public(r) for r in rows], next_cursor=next_cursor)


def list_mine(
    session: Session, user: Caller, session_id: uuid.UUID, cursor: str | None, limit: int
) -> Page[SessionCommentPublic]:
    return list_for_session(session, user.id, session_id, cursor, limit)


def list_for_clinic(
    session: Session,
    patient: Caller,
    clinic_id: uuid.UUID,
    session_id: uuid.UUID,
    cursor: str | None,
    limit: int,
) -> Page[SessionCommentPublic]:
    return list_for_session(session, patient.id, session_id, cursor, limit, clinic_id)


def add(
    session: Session,
    patient_id: uuid.UUID,
    session_id: uuid.UUID,
    author_id: uuid.UUID,
    clinic_id: uuid.UUID | None,
    data: SessionCommentCreate,
    record: Callable[[Session], None] | None = None,
) -> tuple[SessionCommentPublic, bool]:
    """Store a comment (True), or answer the one a retry stored (False;
    app/core/idempotency.py); another body under a used id is 409. `record` (the care
    team's access log) runs inside the same write, once the comment is known to be
    answered: a refusal logs nothing."""
    comment_id = data.id or uuid.uuid4()
    asked = (session_id, author_id, clinic_id, data.body)

    def answered(row: SessionComment) -> SessionCommentPublic:
        if record is not None:
            record(session)
        return as_public(row)

    def write() -> SessionCommentPublic | None:
        _require_session(session, patient_id, session_id)
        values: CommentValues = {
            "id": comment_id,
            "session_id": session_id,
            "patient_id": patient_id,
            "author_id": author_id,
            "clinic_id": clinic_id,
            "body": data.body,
            "created_at": utcnow(),
        }
        if not repository.insert(session, values):
            return None
        row = repository.get(session, comment_id)
        assert row is not None
        return answered(row)

    def is_retry(stored: SessionComment) -> bool:
        # the same author's comment at another clinic is that clinic's, not a retry here
        return (stored.session_id, stored.author_id, stored.clinic_id, stored.body) == asked

    claim = ClientId("comment", data.id, lambda s: repository.get(s, comment_id), is_retry)
    return create_once(session, claim, write, answered)
