"""Share-link rules: one thing per link, unguessable, expiring, revocable, every use recorded.

The token (256 random bits) is shown once and only its SHA-256 is stored, so neither a
database copy nor a listing can open a link. Expired, revoked and unknown tokens are one
and the same 404, decided on every request (nothing is cached), so a revocation holds from
the next request on.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import datetime, timedelta

from sqlmodel import Session

from app.care.team.access_log import record_share_use
from app.catalog.live.snapshot import CatalogSpecs
from app.core.db import begin_write
from app.core.errors import FieldError, Invalid, NotFound, QuotaExceeded
from app.core.idempotency import ClientId, create_once, request_digest
from app.core.negotiation import negotiate
from app.core.pagination import PageBody
from app.core.responses import API_PREFIX
from app.core.types import utcnow
from app.core.vocabulary import ShareKind, ShareStatus
from app.exports.handout.render import HANDOUT_TYPES, Rendered, render
from app.exports.report import service as report_service
from app.exports.sharing import repository
from app.exports.sharing.models import (
    DEFAULT_DAYS,
    MAX_ACTIVE_LINKS,
    MAX_DAYS,
    MAX_LINKS,
    TOKEN_BYTES,
    ShareLink,
    ShareLinkBody,
    ShareLinkCreate,
    ShareLinkCreatedBody,
    ShareLinkPublic,
)
from app.logbook.progress import service as progress_service
from app.logbook.progress.models import ProgressBody
from app.training.routines import service as routines_service
from app.users import repository as users_repository
from app.users.models import Caller

JSON = "application/json"
SHARED_PATH = "/shared/"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def _not_found() -> NotFound:
    # One answer for unknown, expired and revoked links: a probe learns nothing.
    return NotFound("This link does not exist, has expired or was revoked.")


def status(link: ShareLink, now: datetime) -> ShareStatus:
    if link.revoked_at is not None:
        return ShareStatus.REVOKED
    return ShareStatus.ACTIVE if link.expires_at > now else ShareStatus.EXPIRED


def _body(link: ShareLink, now: datetime) -> ShareLinkBody:
    return {
        "id": link.id,
        "kind": link.kind,
        "routine_id": link.routine_id,
        "label": link.label,
        "status": status(link, now),
        "created_at": link.created_at,
        "expires_at": link.expires_at,
        "revoked_at": link.revoked_at,
    }


def _expiry(data: ShareLinkCreate, now: datetime) -> datetime:
    if data.expires_at is None:
        return now + timedelta(days=data.expires_in_days or DEFAULT_DAYS)
    if not now < data.expires_at <= now + timedelta(days=MAX_DAYS):
        raise Invalid(
            f"expires_at must be in the future and at most {MAX_DAYS} days from now.",
            errors=[
                FieldError(["body", "expires_at"], f"not within {MAX_DAYS} days", "value_error")
            ],
        )
    return data.expires_at


def create(
    session: Session, user: Caller, data: ShareLinkCreate
) -> tuple[ShareLinkCreatedBody, bool]:
    """A new link (with its token, shown this once), or an earlier try's under the same id
    (app/core/idempotency.py: never its token)."""
    now = utcnow()
    expires_at = _expiry(data, now)
    if data.routine_id is not None:
        routines_service.referenced(session, user, data.routine_id, ["body", "routine_id"])
    token = secrets.token_urlsafe(TOKEN_BYTES)
    fingerprint = None if data.id is None else request_digest(data.model_dump(mode="json"))
    link = ShareLink(
        id=data.id or uuid.uuid4(),
        owner_id=user.id,
        kind=data.kind,
        routine_id=data.routine_id,
        label=data.label or "",
        token_hash=token_hash(token),
        request_digest=fingerprint,
        created_at=now,
        expires_at=expires_at,
    )

    def write() -> ShareLinkCreatedBody:
        active, total = repository.lock_owner_and_count(session, user.id, now)
        if active >= MAX_ACTIVE_LINKS or total >= MAX_LINKS:
            raise QuotaExceeded(
                f"You have {active} active links ({total} in all); one account keeps at most "
                f"{MAX_ACTIVE_LINKS} active and {MAX_LINKS} in all. Revoke one you no longer "
                "need."
            )
        repository.add(session, link)
        return {**_body(link, now), "token": token, "path": API_PREFIX + SHARED_PATH + token}

    def is_retry(stored: ShareLink) -> bool:
        return stored.owner_id == user.id and stored.request_digest == fingerprint

    link_id = link.id
    claim = ClientId("link", data.id, lambda s: repository.get(s, link_id), is_retry)

    def replay(stored: ShareLink) -> ShareLinkCreatedBody:
        return {**_body(stored, utcnow()), "token": None, "path": None}

    return create_once(session, claim, write, replay)


def list_for(
    session: Session, user: Caller, cursor: str | None, limit: int
) -> PageBody[ShareLinkBody]:
    """The caller's links, newest first, active or not (never their tokens)."""
    rows, next_cursor = repository.list_links(session, user.id, cursor, limit)
    now = utcnow()
    return {"items": [_body(r, now) for r in rows], "next_cursor": next_cursor}


def all_of(session: Session, user: Caller) -> list[ShareLinkPublic]:
    """Every link of the user, oldest first, never a token (the account export)."""
    now = utcnow()
    return [
        ShareLinkPublic.model_validate(_body(r, now)) for r in repository.owned_by(session, user.id)
    ]


def revoke(session: Session, user: Caller, link_id: uuid.UUID) -> None:
    """Revoke one of the caller's links; from the next request on it is 404 (idempotent)."""
    if repository.get_owned(session, link_id, user.id) is None:
        raise NotFound(f"No share link {link_id} among yours.")
    begin_write(session)
    repository.revoke(session, link_id, utcnow())
    session.commit()


def _open(session: Session, token: str) -> tuple[ShareLink, Caller]:
    link = repository.find_live(session, token_hash(token), utcnow())
    if link is None:
        raise _not_found()
    owner = users_repository.get_user(session, link.owner_id)
    if owner is None:  # pragma: no cover - the link goes with its owner (ON DELETE CASCADE)
        raise _not_found()
    return link, Caller.of(owner)


def record_use(session: Session, link: ShareLink, resource: str, address: str) -> None:
    """Record the use in the owner's access log, in its own short transaction, before
    anything is shown. The link is checked again inside that transaction (it holds the
    write lock on SQLite, and reads what committed before it on PostgreSQL): once a
    revocation has answered, no use is recorded or answered after it."""
    begin_write(session)
    if repository.find_live(session, link.token_hash, utcnow()) is None:
        session.rollback()
        raise _not_found()
    record_share_use(
        session,
        patient_id=link.owner_id,
        share_link_id=link.id,
        resource=resource,
        address=address,
    )
    session.commit()


def shared(
    session: Session,
    _visitor: Caller | None,
    token: str,
    accept: str | None,
    address: str,
    catalog: CatalogSpecs,
) -> Rendered | ProgressBody:
    """What a live link shows, in the format asked: a routine's printed program (HTML or
    PDF), or the owner's progress summary (JSON). Unknown, expired, revoked: 404. The
    visitor is anonymous (the route reads no credentials): the link is the credential.
    A progress report is the owner's own (the last 12 weeks, every section), HTML or PDF."""
    link, owner = _open(session, token)
    if link.kind is ShareKind.PROGRESS_REPORT:
        negotiate(accept, HANDOUT_TYPES)
        record_use(session, link, "report", address)
        return report_service.own_report(session, owner, first=None, last=None, accept=accept)
    if link.kind is ShareKind.ROUTINE_HANDOUT:
        assert link.routine_id is not None
        routine, specs = routines_service.handout_data(session, owner, link.routine_id, catalog)
        negotiate(accept, HANDOUT_TYPES)
        record_use(session, link, f"routine:{link.routine_id}", address)
        # No safety warnings: they tell of logged pain, which this link does not share.
        return render(routine, specs, [], accept)
    negotiate(accept, (JSON,))
    record_use(session, link, "progress", address)
    return progress_service.progress_document(session, owner, None, None, None, catalog)
