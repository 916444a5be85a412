"""Clinics, their members and clinic invitations: the rules (consent is in consent.py).

Membership decides what a clinic answers: a non-member gets 404 (a clinic's existence is
not revealed), a clinician asking for an owner's operation 403. Codes are random, shown
once, stored as SHA-256 digests, and claimed by one conditional UPDATE, so a code is used
at most once however many requests race for it.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

from app.care.team import repository
from app.care.team.events import CareEnded
from app.care.team.models import (
    Clinic,
    ClinicCreate,
    ClinicInvitation,
    ClinicInvitationCreate,
    ClinicInvitationIssued,
    ClinicMember,
    ClinicPublic,
    ClinicUpdate,
    MemberPublic,
    MemberUpdate,
    PersonRef,
)
from app.core.caching import conditional_write, require_if_match, revision_etag
from app.core.db import begin_write, update_if_revision
from app.core.errors import Conflict, Forbidden, NotFound, reject_nulls
from app.core.events import publish
from app.core.idempotency import ClientId, create_once
from app.core.pagination import Page, parse_sort
from app.core.responses import Resource
from app.core.security import digest
from app.core.types import utcnow
from app.core.vocabulary import ClinicRole
from app.users.events import AccountDeleting
from app.users.models import Caller
from app.webhooks import repository as webhooks_repository

CLINIC_CODE_PREFIX = "mcl_"
CARE_CODE_PREFIX = "mcr_"
CLINIC_SORT = {"created_at": repository.CLINIC_COLUMNS[3], "name": repository.CLINIC_COLUMNS[1]}
MEMBER_SORT = {"created_at": repository.MEMBER_COLUMNS[4]}


def new_code(prefix: str) -> str:
    return prefix + secrets.token_urlsafe(32)


def _no_clinic(clinic_id: uuid.UUID) -> NotFound:
    return NotFound(f"No clinic {clinic_id} among yours.")


def no_code() -> NotFound:
    return NotFound("No open invitation with this code: it is unknown, used or expired.")


# --- Clinics ------------------------------------------------------------------------------


def _clinic_resource(row: repository.ClinicRow) -> Resource[ClinicPublic]:
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
    role = member_role(repository.role_in(session, clinic_id, caller.id), clinic_id)
    if owner and role is not ClinicRole.OWNER:
        raise Forbidden("Only the clinic's owners may do this.")
    return role


def member_role(role: str | None, clinic_id: uuid.UUID) -> ClinicRole:
    """The caller's role as a statement read it (None: not a member, 404), for a read
    that fetched it beside its own rows instead of through `require_role`."""
    if role is None:
        raise _no_clinic(clinic_id)
    return ClinicRole(role)


def create_clinic(
    session: Session, caller: Caller, data: ClinicCreate
) -> tuple[Resource[ClinicPublic], bool]:
    """A new clinic with the caller as its owner (True), or, for a retry under the same
    client id, the clinic that try made (False; app/core/idempotency.py): the caller still
    its owner, under the same name."""
    clinic_id = data.id or uuid.uuid4()

    def write() -> Resource[ClinicPublic]:
        session.add(Clinic(id=clinic_id, name=data.name))
        session.flush()
        session.add(ClinicMember(clinic_id=clinic_id, user_id=caller.id, role=ClinicRole.OWNER))
        session.flush()
        return get_clinic(session, caller, clinic_id)

    def is_retry(stored: repository.ClinicRow) -> bool:
        return bool(stored.role == ClinicRole.OWNER and stored.name == data.name)

    claim = ClientId(
        "clinic",
        data.id,
        lambda s: repository.clinic_with_role(s, clinic_id, caller.id),
        is_retry,
    )
    return create_once(session, claim, write, _clinic_resource)


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
    row = repository.clinic_with_role(session, clinic_id, caller.id)
    if row is None:
        raise _no_clinic(clinic_id)
    require_role(session, caller, clinic_id, owner=True)
    require_if_match(if_match, revision_etag("clinic", row.id, row.revision))
    values = changes.model_dump(exclude_unset=True)
    reject_nulls(values, ("name",))
    with conditional_write(session) as written:
        written(
            update_if_revision(
                session,
                Clinic,
                col(Clinic.id) == clinic_id,
                row.revision,
                {**values, "updated_at": utcnow()},
            )
        )
    return get_clinic(session, caller, clinic_id)


# --- Members ------------------------------------------------------------------------------


def _member(row: repository.MemberRow) -> MemberPublic:
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
                _stop_endpoints_of(session, clinic_id, user_id)
                # Inviting members is an owner's power: their open clinic codes go with it
                # (their care codes stay: they are still a clinician of the clinic).
                repository.retire_codes(session, clinic_id, user_id, utcnow(), care_codes=False)
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
    """An owner removes a member, or a member leaves; their relationships there end, and
    every code they issued there that is still open dies (rejoining revives none)."""
    try:
        target = _locked_membership(session, caller, clinic_id, user_id, owner=user_id != caller.id)
        _keep_an_owner(session, clinic_id, target)
        now = utcnow()
        _end_care(session, repository.end_relationships_of(session, clinic_id, user_id, now))
        repository.retire_codes(session, clinic_id, user_id, now, care_codes=True)
        _stop_endpoints_of(session, clinic_id, user_id)
        session.delete(target)
        session.commit()
    except BaseException:
        session.rollback()
        raise


def _end_care(session: Session, ended: list[tuple[uuid.UUID, uuid.UUID]]) -> None:
    """Say which (clinic, patient) relationships ended, one event per clinic: the clinic's
    systems stop receiving what they were still to receive under them (app/care/webhooks)."""
    patients_at: dict[uuid.UUID, set[uuid.UUID]] = {}
    for clinic_id, patient_id in ended:
        patients_at.setdefault(clinic_id, set()).add(patient_id)
    for clinic_id, patient_ids in patients_at.items():
        publish(session, CareEnded(clinic_id, frozenset(patient_ids)))


def _stop_endpoints_of(session: Session, clinic_id: uuid.UUID | None, user_id: uuid.UUID) -> None:
    """A clinic endpoint carries patients' data only while its registrant is an owner:
    one who leaves or is demoted has theirs disabled in the same transaction
    (docs/guides/integrations/webhooks.md); another owner may enable one again and answer for it."""
    webhooks_repository.disable_registered_by(session, user_id, clinic_id, utcnow())


def invite_member(
    session: Session, caller: Caller, clinic_id: uuid.UUID, data: ClinicInvitationCreate
) -> ClinicInvitationIssued:
    begin_write(session)
    require_role(session, caller, clinic_id, owner=True)
    code = new_code(CLINIC_CODE_PREFIX)
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
        raise no_code()
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


def end_care_given(session: Session, deleting: AccountDeleting) -> None:
    """A clinician who deletes their account ends their relationships, as when they leave
    (the rows then go with the account)."""
    user_id = deleting.user_id
    _end_care(session, repository.end_relationships_of(session, None, user_id, utcnow()))


def retire_clinic_codes(session: Session, deleting: AccountDeleting) -> None:
    """A deleted account's open clinic codes die (their care codes go with the account;
    a clinic code outlives it, unsigned, and is listed as revoked)."""
    user_id = deleting.user_id
    now = utcnow()
    for clinic_id in repository.clinics_of_member(session, user_id):
        repository.retire_codes(session, clinic_id, user_id, now, care_codes=False)


def hand_over_clinics(session: Session, deleting: AccountDeleting) -> None:
    """A clinic keeps an owner when its only owner deletes their account: the member who
    joined it first becomes owner; a clinic left with no member at all is deleted (its
    invitations and relationships with it; patients' access-log entries stay, with the
    clinic's name). The clinic endpoints they registered stop, as when they leave."""
    user_id = deleting.user_id
    for clinic_id in repository.clinics_owned_alone(session, user_id):
        heir = repository.longest_standing_other(session, clinic_id, user_id)
        if heir is None:
            clinic = session.get(Clinic, clinic_id)
            if clinic is not None:
                session.delete(clinic)
        else:
            heir.role = ClinicRole.OWNER
            session.add(heir)
    _stop_endpoints_of(session, None, user_id)
    session.flush()
