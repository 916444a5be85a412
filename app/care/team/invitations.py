"""Invitations after they are issued: owners list and revoke their clinic's membership
codes; a clinician lists and revokes the care codes they issued at a clinic.

A list never shows a code (codes are stored only as digests). Revoking is idempotent: an
open, expired or already revoked invitation answers 204 and stays revoked; a used one is
409 (the code did its work: remove the member or let the patient revoke instead).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import TypedDict

from sqlmodel import Session, col

from app.care.team import repository
from app.care.team.models import (
    CareInvitation,
    CareInvitationPublic,
    ClinicInvitation,
    ClinicInvitationPublic,
    InvitationPublic,
    PersonRef,
)
from app.care.team.service import require_role
from app.core.db import begin_write
from app.core.errors import Conflict, NotFound
from app.core.pagination import Page, parse_sort
from app.core.shapes import mirror
from app.core.types import utcnow
from app.core.vocabulary import InvitationStatus
from app.users.models import Caller

CLINIC_INVITATION_SORT = {"created_at": col(ClinicInvitation.created_at)}
CARE_INVITATION_SORT = {"created_at": col(CareInvitation.created_at)}
NEWEST_FIRST = "-created_at"

AnyInvitation = ClinicInvitation | CareInvitation


def status_of(invitation: AnyInvitation, now: datetime) -> InvitationStatus:
    if invitation.used_at is not None:
        return InvitationStatus.USED
    if invitation.revoked_at is not None:
        return InvitationStatus.REVOKED
    if invitation.expires_at <= now:
        return InvitationStatus.EXPIRED
    return InvitationStatus.OPEN


def _people(session: Session, rows: Sequence[AnyInvitation]) -> dict[uuid.UUID, str | None]:
    ids = {r.used_by for r in rows if r.used_by is not None}
    ids |= {r.created_by for r in rows if isinstance(r, ClinicInvitation) and r.created_by}
    return repository.names(session, ids)


def _person(people: dict[uuid.UUID, str | None], user_id: uuid.UUID | None) -> PersonRef | None:
    if user_id is None:
        return None
    return PersonRef(id=user_id, display_name=people.get(user_id))


class _InvitationFields(TypedDict):
    """The fields both kinds of listed invitation show: `InvitationPublic`'s (mirrored)."""

    id: uuid.UUID
    clinic_id: uuid.UUID
    status: InvitationStatus
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None
    used_by: PersonRef | None
    revoked_at: datetime | None


mirror(_InvitationFields, InvitationPublic)


def _common(
    invitation: AnyInvitation, people: dict[uuid.UUID, str | None], now: datetime
) -> _InvitationFields:
    return {
        "id": invitation.id,
        "clinic_id": invitation.clinic_id,
        "status": status_of(invitation, now),
        "created_at": invitation.created_at,
        "expires_at": invitation.expires_at,
        "used_at": invitation.used_at,
        "used_by": _person(people, invitation.used_by),
        "revoked_at": invitation.revoked_at,
    }


def list_clinic_invitations(
    session: Session, caller: Caller, clinic_id: uuid.UUID, cursor: str | None, limit: int
) -> Page[ClinicInvitationPublic]:
    """Every membership code of the clinic, newest first (owners only)."""
    require_role(session, caller, clinic_id, owner=True)
    order = parse_sort(NEWEST_FIRST, CLINIC_INVITATION_SORT, NEWEST_FIRST)
    rows, next_cursor = repository.clinic_invitations(session, clinic_id, order, cursor, limit)
    people, now = _people(session, rows), utcnow()
    items = [
        ClinicInvitationPublic(
            **_common(r, people, now),
            role=r.role,
            created_by=_person(people, r.created_by),
        )
        for r in rows
    ]
    return Page[ClinicInvitationPublic](items=items, next_cursor=next_cursor)


def list_care_invitations(
    session: Session, caller: Caller, clinic_id: uuid.UUID, cursor: str | None, limit: int
) -> Page[CareInvitationPublic]:
    """The care codes the caller issued at the clinic, newest first (any member)."""
    require_role(session, caller, clinic_id)
    order = parse_sort(NEWEST_FIRST, CARE_INVITATION_SORT, NEWEST_FIRST)
    rows, next_cursor = repository.care_invitations(
        session, clinic_id, caller.id, order, cursor, limit
    )
    people, now = _people(session, rows), utcnow()
    items = [CareInvitationPublic(**_common(r, people, now), scopes=sorted(r.scopes)) for r in rows]
    return Page[CareInvitationPublic](items=items, next_cursor=next_cursor)


def _revoke(session: Session, invitation: AnyInvitation) -> None:
    if invitation.used_at is not None:
        session.rollback()
        raise Conflict(
            "This invitation was used already; revoking it changes nothing. Remove the "
            "member (or, for a care code, the patient revokes the relationship) instead."
        )
    if invitation.revoked_at is None:
        invitation.revoked_at = utcnow()
        session.add(invitation)
    session.commit()


def revoke_clinic_invitation(
    session: Session, caller: Caller, clinic_id: uuid.UUID, invitation_id: uuid.UUID
) -> None:
    """An owner ends a membership code of the clinic (idempotent; used is 409)."""
    begin_write(session)
    try:
        require_role(session, caller, clinic_id, owner=True)
        invitation = repository.lock_invitation(session, ClinicInvitation, invitation_id)
        if invitation is None or invitation.clinic_id != clinic_id:
            raise NotFound(f"No invitation {invitation_id} in this clinic.")
        _revoke(session, invitation)
    except BaseException:
        session.rollback()
        raise


def revoke_care_invitation(
    session: Session, caller: Caller, clinic_id: uuid.UUID, invitation_id: uuid.UUID
) -> None:
    """A clinician ends a care code they issued at the clinic (idempotent; used is 409);
    another clinician's code is 404, as an unknown one."""
    begin_write(session)
    try:
        require_role(session, caller, clinic_id)
        invitation = repository.lock_invitation(session, CareInvitation, invitation_id)
        if (
            invitation is None
            or invitation.clinic_id != clinic_id
            or invitation.clinician_id != caller.id
        ):
            raise NotFound(f"No care invitation {invitation_id} of yours in this clinic.")
        _revoke(session, invitation)
    except BaseException:
        session.rollback()
        raise
