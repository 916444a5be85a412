"""The account export document."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from app.exports.sharing.models import ShareLinkPublic
from app.logbook.alerts.models import AlertPublic
from app.logbook.comments.models import SessionCommentPublic
from app.logbook.sessions.models import SessionPublic
from app.training.routines.models import RoutinePublic
from app.training.self_checks.models import AssessmentPublic
from app.users.models import UserPublic
from app.webhooks.models import EndpointPublic

EXPORT_FORMAT = "medius-user-export/1"


class UserExport(BaseModel):
    format: str
    exported_at: datetime
    profile: UserPublic
    routines: list[RoutinePublic]
    assessments: list[AssessmentPublic]
    sessions: list[SessionPublic]
    alerts: list[AlertPublic] = Field(description="Raised for you, oldest first.")
    session_comments: list[SessionCommentPublic] = Field(
        description="Your care team's comments on your sessions, oldest first."
    )
    webhooks: list[EndpointPublic] = Field(
        description="Your own webhook endpoints (their secrets are never exported)."
    )
    share_links: list[ShareLinkPublic] = Field(
        default_factory=list,
        description="Your share links, oldest first, with their status (never their tokens).",
    )
