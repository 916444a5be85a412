"""Consent: a clinician's care invitation, the patient's preview and acceptance (all the
scopes asked or fewer), their list and revocation, and their access log.

Codes are random, shown once, stored as SHA-256 digests and claimed by one conditional
UPDATE, so a code starts at most one relationship however many requests race for it.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

from app.care.team import access_log, repository, scope_terms
from app.care.team.events import CareEnded
from app.care.team.models import (
    AccessLogPublic,
    CareAccept,
    CareInvitation,
    CareInvitationCreate,
    CareInvitationIssued,
    CareInvitationPreview,
    CareRelationship,
    ClinicRef,
    PersonRef,
    RelationshipPublic,
)
from app.care.team.names import asked_by
from app.care.team.service import CARE_CODE_PREFIX, new_code, no_code, require_role
from app.core.db import begin_write
from app.core.errors import Conflict, DisplayNameRequired, FieldError, Invalid, NotFound
from app.core.events import publish
from app.core.pagination import Page, parse_sort
from app.core.responses import Resource
from app.core.security import digest
from app.core.types import utcnow
from app.users.models import Caller

RELATIONSHIP_SORT = {"created_at": col(CareRelationship.created_at)}


def invite_patient(
    session: Session, caller: Caller, clinic_id: uuid.UUID, data: CareInvitationCreate
) -> CareInvitationIssued:
    begin_write(session)
    require_role(session, caller, clinic_id)
    if not caller.display_name:
        raise DisplayNameRequired(
            "Set a display name on your profile (PATCH /api/v1/me) before inviting a patient: "
            "the patient is asked to consent to a named person, and is never shown your email."
        )
    code = new_code(CARE_CODE_PREFIX)
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
        raise no_code()
    invitation, clinic, clinician = found
    return CareInvitationPreview(
        clinic=ClinicRef(id=clinic.id, name=clinic.name),
        clinician=PersonRef(id=clinician.id, display_name=clinician.display_name),
        asked_by=asked_by(clinician.display_name, clinic.name),
        scopes=sorted(invitation.scopes),
        scope_details=scope_terms.details(invitation.scopes),
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
                raise no_code()
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
                raise no_code()
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
    no-op; someone else's relationship is 404. What the clinic's systems were still to
    receive under it is given up in the same transaction (`CareEnded`)."""
    begin_write(session)
    try:
        clinic_id = repository.revoke(session, relationship_id, caller.id, utcnow())
        if clinic_id is None:
            row = session.get(CareRelationship, relationship_id)
            if row is None or row.patient_id != caller.id:
                raise NotFound(f"No care relationship {relationship_id} among yours.")
        else:
            publish(session, CareEnded(clinic_id, frozenset({caller.id})))
        session.commit()
    except BaseException:
        session.rollback()
        raise


def access_log_page(
    session: Session, caller: Caller, cursor: str | None, limit: int
) -> Page[AccessLogPublic]:
    return access_log.list_for_patient(session, caller.id, cursor, limit)
