"""GET /sessions/{id}/comments: the care team's comments on one of your sessions."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path
from starlette.responses import Response

from app.core.pagination import DEFAULT_LIMIT, Cursor, Limit, Page
from app.core.problems import answers
from app.core.responses import respond
from app.logbook.comments import examples, service
from app.logbook.comments.models import SessionCommentPublic
from app.users.auth import SignedIn

router = APIRouter(prefix="/sessions", tags=["sessions"])

SessionID = Annotated[uuid.UUID, Path(description="The session's id (UUID).")]


@router.get(
    "/{session_id:uuid}/comments",
    summary="Comments on one of your sessions",
    description="What your care team wrote about the session, oldest first. Another "
    "user's session, or a deleted one, is 404.",
    response_model=Page[SessionCommentPublic],
    responses=answers(examples.comment_page, 401, 404, 422),
)
async def list_session_comments(
    session_id: SessionID,
    unit: SignedIn,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Response:
    return respond(await unit.run(service.list_mine, session_id, cursor, limit))
