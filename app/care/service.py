"""Clinics, members, invitations and care relationships: the rules.

Membership decides what a clinic answers: a non-member gets 404 (a clinic's existence is
not revealed), a clinician asking for an owner's operation 403. Codes are random, shown
once, stored as SHA-256 digests, and claimed by one conditional UPDATE, so a code is used
at most once however many requests race for it.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

from app.care import access_log, repository
from app.care.models import (
    AccessLogPublic,
    CareAccept,
    CareInvitation,
    CareInvitationCreate,
    CareInvitationIssued,
    CareInvitationPreview,
    CareRelationship,
    Clinic,
    ClinicCreate,
    ClinicInvitation,
    ClinicInvitationCreate,
    ClinicInvitationIssued,
    ClinicMember,
    ClinicPublic,
    ClinicRef,
    ClinicUpdate,
    MemberPublic,
    MemberUpdate,
    PersonRef,
    RelationshipPublic,
)
from app.core.caching import conditional_write, require_if_match, revision_etag
from app.core.db import begin_write, update_if_revision
from app.core.errors import Conflict, FieldError, Forbidden, Invalid, NotFound
from app.core.pagination import Page, parse_sort
from app.core.responses import Resource
from app.core.security import digest
from app.core.types import utcnow
from app.core.vocabulary import ClinicRole
from app.users.deletion import before_account_deletion
from app.users.models import Caller

CLINIC_CODE_PREFIX = "mcl_"
CARE_CODE_PREFIX = "mcr_"
CLINIC_SORT = {"created_at": repository.CLINIC_COLUMNS[3], "name": repository.CLINIC_COLUMNS[1]}
MEMBER_SORT = {"created_at": repository.MEMBER_COLUMNS[4]}
RELATIONSHIP_SORT = {"created_at": col(CareRelationship.created_at)}


def _new_code(prefix: str) -> str:
    return prefix + secrets.token_urlsafe(32)


def _no_clinic(clinic_id: uuid.UUID) -> NotFound:
    return NotFound(f"No clinic {clinic_id} among yours.")


def _no_code() -> NotFound:
    return NotFound("No open invitation with this code: it is unknown, used or expired.")


# --- Clinics ------------------------------------------------------------------------------


def _clinic_resource(row: Any) -> Resource[ClinicPublic]:
    body = ClinicPublic(
        id=row.id,
        name=row.name,
        role=row.role,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )
    return Resource(body, revision_etag("clinic", row.id, row.revision), f"/clinics/{row.id}")


def require_role(
    session: Session, caller: Caller, clinic_id: uuid.UUID, owner: bool = False
) -> ClinicRole:
    """The caller's role in the clinic: 404 for a non-member, 403 for a clinician when
    `owner` is asked for."""
    role = repository.role_in(session, clinic_id, caller.id)
    if role is None:
        raise _no_clinic(clinic_id)
    if owner and role is not ClinicRole.OWNER:
        raise Forbidden("Only the clinic's owners may do this.")
    return role


def create_clinic(session: Session, caller: Caller, data: ClinicCreate) -> Resource[ClinicPublic]:
    begin_write(session)
    clinic = Clinic(name=data.name)
    session.add(clinic)
    session.flush()
    session.add(ClinicMember(clinic_id=clinic.id, user_id=caller.id, role=ClinicRole.OWNER))
    session.commit()
    return get_clinic(session, caller, clinic.id)


def get_clinic(session: Session, caller: Caller, clinic_id: uuid.UUID) -> Resource[ClinicPublic]:
    row = repository.clinic_with_role(session, clinic_id, caller.id)
    if row is None:
        raise _no_clinic(clinic_id)
    return _clinic_resource(row)


def list_clinics(
    session: Session, caller: Caller, sort: str | None, cursor: str | None, limit: int
) -> Page[ClinicPublic]:
    order = parse_sort(sort, CLINIC_SORT, "created_at")
    rows, next_cursor = repository.clinics_of(session, caller.id, order, cursor, limit)
    return Page[ClinicPublic](
        items=[_clinic_resource(r).body for r in rows], next_cursor=next_cursor
    )


def update_clinic(
    session: Session,
    caller: Caller,
    clinic_id: uuid.UUID,
    changes: ClinicUpdate,
    if_match: str | None,
) -> Resource[ClinicPublic]:
    current = get_clinic(session, caller, clinic_id)
    require_role(session, caller, clinic_id, owner=True)
    assert current.etag is not None
    require_if_match(if_match, current.etag)
    revision = int(current.etag.rsplit("-r", 1)[1].rstrip('"'))
    values = changes.model_dump(exclude_unset=True)
    if values.get("name", "") is None:
        raise Invalid(
            "name cannot be null.",
            errors=[FieldError(["body", "name"], "may not be null", "null_not_allowed")],
        )
    with conditional_write(session) as written:
        written(
            update_if_revision(
                session,
                Clinic,
                col(Clinic.id) == clinic_id,
                revision,
                {**values, "updated_at": utcnow()},
            )
        )
    return get_clinic(session, caller, clinic_id)


# --- Members ------------------------------------------------------------------------------


def _member(row: Any) -> MemberPublic:
    return MemberPublic(
        user=PersonRef(id=row.user_id, display_name=row.display_name),
        email=row.email,
        role=row.role,
        created_at=row.created_at,
    )


def list_members(
    session: Session, caller: Caller, clinic_id: uuid.UUID, cursor: str | None, limit: int
) -> Page[MemberPublic]:
    require_role(session, caller, clinic_id)
    order = parse_sort(None, MEMBER_SORT, "created_at")
    rows, next_cursor = repository.members_of(session, clinic_id, order, cursor, limit)
    return Page[MemberPublic](items=[_member(r) for r in rows], next_cursor=next_cursor)


def _locked_membership(
    session: Session, caller: Caller, clinic_id: uuid.UUID, user_id: uuid.UUID, owner: bool
) -> ClinicMember:
    """Take the write lock and the clinic's row lock, then check the caller's role and find
    the member: membership changes of one clinic are serialised (the last-owner rule)."""
    begin_write(session)
    if repository.lock_clinic(session, clinic_id) is None:
        raise _no_clinic(clinic_id)
    require_role(session, caller, clinic_id, owner=owner)
    target = session.get(ClinicMember, (clinic_id, user_id))
    if target is None:
        raise NotFound(f"No member {user_id} in this clinic.")
    return target


def _keep_an_owner(session: Session, clinic_id: uuid.UUID, target: ClinicMember) -> None:
    if target.role is ClinicRole.OWNER and repository.owner_count(session, clinic_id) <= 1:
        raise Conflict("A clinic keeps at least one owner: make another member owner first.")


def change_role(
    session: Session,
    caller: Caller,
    clinic_id: uuid.UUID,
    user_id: uuid.UUID,
    change: MemberUpdate,
) -> MemberPublic:
    try:
        target = _locked_membership(session, caller, clinic_id, user_id, owner=True)
        if change.role is not target.role:
            if change.role is ClinicRole.CLINICIAN:
                _keep_an_owner(session, clinic_id, target)
            target.role = change.role
            session.add(target)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    row = repository.member(session, clinic_id, user_id)
    assert row is not None
    return _member(row)


def remove_member(
    session: Session, caller: Caller, clinic_id: uuid.UUID, user_id: uuid.UUID
) -> None:
    """An owner removes a member, or a member leaves; their relationships there end."""
    try:
        target = _locked_membership(session, caller, clinic_id, user_id, owner=user_id != caller.id)
        _keep_an_owner(session, clinic_id, target)
        repository.end_relationships_of(session, clinic_id, user_id, utcnow())
        session.delete(target)
        session.commit()
    except BaseException:
        session.rollback()
        raise


def invite_member(
    session: Session, caller: Caller, clinic_id: uuid.UUID, data: ClinicInvitationCreate
) -> ClinicInvitationIssued:
    begin_write(session)
    require_role(session, caller, clinic_id, owner=True)
    code = _new_code(CLINIC_CODE_PREFIX)
    invitation = ClinicInvitation(
        clinic_id=clinic_id,
        role=data.role,
        code_hash=digest(code),
        created_by=caller.id,
        expires_at=utcnow() + timedelta(days=data.expires_in_days),
    )
    session.add(invitation)
    session.commit()
    return ClinicInvitationIssued(
        id=invitation.id,
        code=code,
        expires_at=invitation.expires_at,
        clinic_id=clinic_id,
        role=invitation.role,
    )


def _joined_before(session: Session, caller: Caller, code_hash: str) -> Resource[ClinicPublic]:
    """A retried join (the answer to the first was lost): the clinic the caller's own
    earlier use of the code joined, while they are still a member; else 404."""
    used = repository.used_by(session, ClinicInvitation, code_hash, caller.id)
    session.rollback()
    if used is None or repository.role_in(session, used.clinic_id, caller.id) is None:
        raise _no_code()
    return get_clinic(session, caller, used.clinic_id)


def accept_membership(session: Session, caller: Caller, code: str) -> Resource[ClinicPublic]:
    code_hash, now = digest(code), utcnow()
    begin_write(session)
    try:
        invitation = repository.open_clinic_invitation(session, code_hash, now)
        if invitation is None:
            return _joined_before(session, caller, code_hash)
        if repository.role_in(session, invitation.clinic_id, caller.id) is not None:
            raise Conflict("You are already a member of this clinic.")
        if not repository.claim_invitation(session, ClinicInvitation, code_hash, caller.id, now):
            return _joined_before(session, caller, code_hash)
        session.add(
            ClinicMember(clinic_id=invitation.clinic_id, user_id=caller.id, role=invitation.role)
        )
        session.commit()
    except IntegrityError as exc:
        session.rollback()
        raise Conflict("You are already a member of this clinic.") from exc
    except BaseException:
        session.rollback()
        raise
    return get_clinic(session, caller, invitation.clinic_id)


# --- Care invitations and relationships --------------------------------------------------


def invite_patient(
    session: Session, caller: Caller, clinic_id: uuid.UUID, data: CareInvitationCreate
) -> CareInvitationIssued:
    begin_write(session)
    require_role(session, caller, clinic_id)
    code = _new_code(CARE_CODE_PREFIX)
    invitation = CareInvitation(
        clinic_id=clinic_id,
        clinician_id=caller.id,
        scopes=frozenset(data.scopes),
        code_hash=digest(code),
        expires_at=utcnow() + timedelta(days=data.expires_in_days),
    )
    session.add(invitation)
    session.commit()
    return CareInvitationIssued(
        id=invitation.id,
        code=code,
        expires_at=invitation.expires_at,
        clinic_id=clinic_id,
        scopes=sorted(invitation.scopes),
    )


def preview(session: Session, caller: Caller, code: str) -> CareInvitationPreview:
    found = repository.open_care_invitation(session, digest(code), utcnow())
    if found is None:
        raise _no_code()
    invitation, clinic, clinician = found
    return CareInvitationPreview(
        clinic=ClinicRef(id=clinic.id, name=clinic.name),
        clinician=PersonRef(id=clinician.id, display_name=clinician.display_name),
        scopes=sorted(invitation.scopes),
        expires_at=invitation.expires_at,
    )


def _accepted_before(
    session: Session, caller: Caller, code_hash: str, data: CareAccept
) -> Resource[RelationshipPublic] | None:
    """A retried accept (the answer to the first was lost): the relationship the caller's
    own earlier use of the code started, if still active and asked with the same scopes."""
    used = repository.used_by(session, CareInvitation, code_hash, caller.id)
    if used is None:
        return None
    relationship = repository.active_care(session, used.clinic_id, used.clinician_id, caller.id)
    if relationship is None:
        return None
    asked = frozenset(data.scopes) if data.scopes is not None else used.scopes
    if asked != relationship.scopes:
        raise Conflict("You accepted this code already, granting other scopes.")
    return Resource(
        _relationships(session, [relationship])[0],
        location=f"/me/care-relationships/{relationship.id}",
    )


def accept_care(
    session: Session, caller: Caller, data: CareAccept
) -> tuple[Resource[RelationshipPublic], bool]:
    """The patient consents: the code is claimed once and the relationship starts with the
    scopes they grant (all the invitation asked for, or fewer; never more). A retry by the
    same patient answers the relationship it started (False: not created now)."""
    code_hash, now = digest(data.code), utcnow()
    begin_write(session)
    try:
        found = repository.open_care_invitation(session, code_hash, now)
        if found is None:
            earlier = _accepted_before(session, caller, code_hash, data)
            if earlier is None:
                raise _no_code()
            session.rollback()
            return earlier, False
        invitation = found[0]
        if invitation.clinician_id == caller.id:
            raise Invalid(
                "You cannot accept your own invitation.",
                errors=[FieldError(["body", "code"], "issued by you", "own_invitation")],
            )
        granted = frozenset(data.scopes) if data.scopes is not None else invitation.scopes
        if not granted <= invitation.scopes:
            extra = ", ".join(sorted(granted - invitation.scopes))
            raise Invalid(
                f"You can grant only what the invitation asks for; not asked: {extra}.",
                errors=[FieldError(["body", "scopes"], "not asked for", "scope_not_asked")],
            )
        if not repository.claim_invitation(session, CareInvitation, code_hash, caller.id, now):
            earlier = _accepted_before(session, caller, code_hash, data)
            if earlier is None:
                raise _no_code()
            session.rollback()
            return earlier, False
        relationship = CareRelationship(
            clinic_id=invitation.clinic_id,
            clinician_id=invitation.clinician_id,
            patient_id=caller.id,
            scopes=granted,
            created_at=now,
        )
        session.add(relationship)
        session.commit()
    except IntegrityError as exc:
        session.rollback()
        raise Conflict(
            "You already have an active relationship with this clinician at this clinic; "
            "revoke it first to grant different scopes."
        ) from exc
    except BaseException:
        session.rollback()
        raise
    created = Resource(
        _relationships(session, [relationship])[0],
        location=f"/me/care-relationships/{relationship.id}",
    )
    return created, True


def _relationships(session: Session, rows: list[CareRelationship]) -> list[RelationshipPublic]:
    people = repository.names(
        session, {r.clinician_id for r in rows} | {r.patient_id for r in rows}
    )
    clinics = repository.clinic_names(session, {r.clinic_id for r in rows})
    return [
        RelationshipPublic(
            id=r.id,
            clinic=ClinicRef(id=r.clinic_id, name=clinics.get(r.clinic_id, "")),
            clinician=PersonRef(id=r.clinician_id, display_name=people.get(r.clinician_id)),
            patient=PersonRef(id=r.patient_id, display_name=people.get(r.patient_id)),
            scopes=sorted(r.scopes),
            status=r.status,
            created_at=r.created_at,
            ended_at=r.ended_at,
        )
        for r in rows
    ]


def list_relationships(
    session: Session, caller: Caller, cursor: str | None, limit: int
) -> Page[RelationshipPublic]:
    order = parse_sort("-created_at", RELATIONSHIP_SORT, "-created_at")
    rows, next_cursor = repository.relationships_of_patient(
        session, caller.id, order, cursor, limit
    )
    return Page[RelationshipPublic](
        items=_relationships(session, list(rows)), next_cursor=next_cursor
    )


def revoke(session: Session, caller: Caller, relationship_id: uuid.UUID) -> None:
    """The patient withdraws consent. Idempotent: revoking an ended relationship again is a
    no-op; someone else's relationship is 404."""
    begin_write(session)
    if not repository.revoke(session, relationship_id, caller.id, utcnow()):
        row = session.get(CareRelationship, relationship_id)
        if row is None or row.patient_id != caller.id:
            session.rollback()
            raise NotFound(f"No care relationship {relationship_id} among yours.")
    session.commit()


def access_log_page(
    session: Session, caller: Caller, cursor: str | None, limit: int
) -> Page[AccessLogPublic]:
    return access_log.list_for_patient(session, caller.id, cursor, limit)


@before_account_deletion
def hand_over_clinics(session: Session, user_id: uuid.UUID) -> None:
    """A clinic keeps an owner when its only owner deletes their account: the member who
    joined it first becomes owner; a clinic left with no member at all is deleted (its
    invitations and relationships with it; patients' access-log entries stay, with the
    clinic's name)."""
    for clinic_id in repository.clinics_owned_alone(session, user_id):
        heir = repository.longest_standing_other(session, clinic_id, user_id)
        if heir is None:
            clinic = session.get(Clinic, clinic_id)
            if clinic is not None:
                session.delete(clinic)
        else:
            heir.role = ClinicRole.OWNER
            session.add(heir)
    session.flush()
