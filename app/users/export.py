"""Everything one person owns, in one JSON document (data-access requests, moving apps)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlmodel import Session, col, select

from app.assessments.models import Assessment, AssessmentPublic
from app.assessments.service import to_public as assessment_public
from app.catalog.snapshot import CatalogSpecs
from app.core.types import utcnow
from app.routines.models import Routine, RoutinePublic
from app.routines.service import present as present_routines
from app.sessions.models import SessionPublic, WorkoutSession
from app.sessions.service import as_models, present
from app.users.examples import USER_EXAMPLE
from app.users.models import User, UserPublic
from app.users.service import to_public as user_public

EXPORT_FORMAT = "medius-user-export/1"


class UserExport(BaseModel):
    format: str
    exported_at: datetime
    profile: UserPublic
    routines: list[RoutinePublic]
    assessments: list[AssessmentPublic]
    sessions: list[SessionPublic]


def export_user(session: Session, user: User, catalog: CatalogSpecs) -> UserExport:
    routines = session.exec(
        select(Routine).where(col(Routine.owner_id) == user.id).order_by(col(Routine.created_at))
    ).all()
    checks = session.exec(
        select(Assessment)
        .where(col(Assessment.owner_id) == user.id)
        .order_by(col(Assessment.created_at))
    ).all()
    logs = session.exec(
        select(WorkoutSession)
        .where(col(WorkoutSession.owner_id) == user.id, col(WorkoutSession.deleted_at).is_(None))
        .order_by(col(WorkoutSession.started_at), col(WorkoutSession.id))
    ).all()
    return UserExport(
        format=EXPORT_FORMAT,
        exported_at=utcnow(),
        profile=user_public(user),
        routines=present_routines(session, routines, catalog),
        assessments=[assessment_public(a) for a in checks],
        sessions=as_models(present(session, logs)),
    )


def export_example() -> dict[str, Any]:
    return {
        "format": EXPORT_FORMAT,
        "exported_at": "2026-11-25T12:00:00Z",
        "profile": USER_EXAMPLE,
        "routines": [],
        "assessments": [],
        "sessions": [],
    }
