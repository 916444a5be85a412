"""Everything one person owns, in one JSON document (data-access requests, moving apps)."""

from __future__ import annotations

from sqlmodel import Session

from app.catalog.live.snapshot import CatalogSpecs
from app.core.types import utcnow
from app.exports.account import repository
from app.exports.account.models import EXPORT_FORMAT, UserExport
from app.exports.sharing.service import all_of as share_links_of
from app.logbook.alerts.service import as_public_all as alerts_public
from app.logbook.comments.service import as_public as comment_public
from app.logbook.sessions.service import as_models
from app.logbook.sessions.service import as_public as sessions_public
from app.training.routines.service import as_public as routines_public
from app.training.self_checks.service import as_public as assessment_public
from app.users.models import Caller
from app.users.service import as_public as user_public
from app.webhooks import repository as endpoints_repository
from app.webhooks.models import EndpointPublic, endpoint_body


def export_user(session: Session, user: Caller, catalog: CatalogSpecs) -> UserExport:
    """The export `GET /me/export` and `python -m app export-user` both answer with."""
    return UserExport(
        format=EXPORT_FORMAT,
        exported_at=utcnow(),
        profile=user_public(user),
        routines=routines_public(session, repository.routines_of(session, user.id), catalog),
        assessments=[assessment_public(a) for a in repository.assessments_of(session, user.id)],
        sessions=as_models(sessions_public(session, repository.sessions_of(session, user.id))),
        alerts=alerts_public(session, repository.alerts_of(session, user.id)),
        session_comments=[comment_public(c) for c in repository.comments_of(session, user.id)],
        webhooks=[
            EndpointPublic.model_validate(endpoint_body(e))
            for e in endpoints_repository.owned_by(session, user.id)
        ],
        share_links=share_links_of(session, user),
    )
