"""Clinic, membership, invitation and relationship queries."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Protocol, TypeVar

from sqlalchemy import and_, bindparam, func, update
from sqlalchemy import select as columns_select
from sqlmodel import Session, col, select

from app.care.team.models import (
    CareInvitation,
    CareRelationship,
    Clinic,
    ClinicInvitation,
    ClinicMember,
)
from app.core.pagination import Sort, paginate
from app.core.vocabulary import CareScope, ClinicRole, Origin, RelationshipStatus
from app.training.routines.models import Routine
from app.users.models import User

ACTIVE = RelationshipStatus.ACTIVE.value
Invitation = TypeVar("Invitation", ClinicInvitation, CareInvitation)
RT = Routine.__table__  # type: ignore[attr-defined]


def active_relationship(
    session: Session, clinic_id: uuid.UUID, clinician_id: uuid.UUID, patient_id: uuid.UUID
) -> tuple[uuid.UUID, frozenset[CareScope]] | None:
    """The active relationship's id and scopes, if the clinician is still a member of the
    clinic and the patient has not revoked it: one statement."""
    row = session.execute(
        columns_select(col(CareRelationship.id), col(CareRelationship.scopes))
        .join(
            ClinicMember,
            and_(
                col(ClinicMember.clinic_id) == col(CareRelationship.clinic_id),
                col(ClinicMember.user_id) == col(CareRelationship.clinician_id),
            ),
        )
        .where(
            col(CareRelationship.clinic_id) == clinic_id,
            col(CareRelationship.clinician_id) == clinician_id,
            col(CareRelationship.patient_id) == patient_id,
            col(CareRelationship.status) == ACTIVE,
        )
    ).first()
    return (row[0], row[1]) if row else None


_MEMBER = ClinicMember.__table__  # type: ignore[attr-defined]
# Built once: every clinician's read checks it.
_ROLE_IN = columns_select(_MEMBER.c.role).where(
    _MEMBER.c.clinic_id == bindparam("clinic_id"), _MEMBER.c.user_id == bindparam("user_id")
)


def role_in(session: Session, clinic_id: uuid.UUID, user_id: uuid.UUID) -> ClinicRole | None:
    params = {"clinic_id": clinic_id, "user_id": user_id}
    role = session.execute(_ROLE_IN, params).scalar_one_or_none()
    return None if role is None else ClinicRole(role)


def lock_clinic(session: Session, clinic_id: uuid.UUID) -> Clinic | None:
    """The clinic, its row locked until commit (PostgreSQL; SQLite writers are serialised
    already): membership changes of one clinic take turns, so the last-owner rule holds."""
    return session.exec(select(Clinic).where(col(Clinic.id) == clinic_id).with_for_update()).first()


def owner_count(session: Session, clinic_id: uuid.UUID) -> int:
    return int(
        session.exec(
            select(func.count()).where(
                col(ClinicMember.clinic_id) == clinic_id,
                col(ClinicMember.role) == ClinicRole.OWNER.value,
            )
        ).one()
    )


class ClinicRow(Protocol):
    """A row of CLINIC_COLUMNS: a clinic with the caller's role in it (a SQLAlchemy `Row`,
    read by name; tests/care/team/test_rows.py checks the names against the columns)."""

    @property
    def id(self) -> uuid.UUID: ...
    @property
    def name(self) -> str: ...
    @property
    def role(self) -> ClinicRole: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def updated_at(self) -> datetime: ...
    @property
    def revision(self) -> int: ...


CLINIC_COLUMNS = (
    col(Clinic.id),
    col(Clinic.name),
    col(ClinicMember.role),
    col(Clinic.created_at),
    col(Clinic.updated_at),
    col(Clinic.revision),
)


def clinic_with_role(
    session: Session, clinic_id: uuid.UUID, user_id: uuid.UUID
) -> ClinicRow | None:
    return session.execute(
        columns_select(*CLINIC_COLUMNS)
        .join(ClinicMember, col(ClinicMember.clinic_id) == col(Clinic.id))
        .where(col(Clinic.id) == clinic_id, col(ClinicMember.user_id) == user_id)
    ).first()


def clinics_of(
    session: Session, user_id: uuid.UUID, sort: Sort, cursor: str | None, limit: int
) -> tuple[Sequence[ClinicRow], str | None]:
    statement = (
        columns_select(*CLINIC_COLUMNS)
        .join(ClinicMember, col(ClinicMember.clinic_id) == col(Clinic.id))
        .where(col(ClinicMember.user_id) == user_id)
    )
    return paginate(
        session,
        statement,  # type: ignore[arg-type]  # a row of columns, paged like an entity
        sort=sort,
        id_column=col(Clinic.id),
        cursor=cursor,
        limit=limit,
    )


class MemberRow(Protocol):
    """A row of MEMBER_COLUMNS: a member of a clinic with their account's name and email."""

    @property
    def user_id(self) -> uuid.UUID: ...
    @property
    def display_name(self) -> str | None: ...
    @property
    def email(self) -> str: ...
    @property
    def role(self) -> ClinicRole: ...
    @property
    def created_at(self) -> datetime: ...


MEMBER_COLUMNS = (
    col(ClinicMember.user_id),
    col(User.display_name),
    col(User.email),
    col(ClinicMember.role),
    col(ClinicMember.created_at),
)


def members_of(
    session: Session, clinic_id: uuid.UUID, sort: Sort, cursor: str | None, limit: int
) -> tuple[Sequence[MemberRow], str | None]:
    statement = (
        columns_select(*MEMBER_COLUMNS)
        .join(User, col(User.id) == col(ClinicMember.user_id))
        .where(col(ClinicMember.clinic_id) == clinic_id)
    )
    return paginate(
        session,
        statement,  # type: ignore[arg-type]  # a row of columns, paged like an entity
        sort=sort,
        id_column=col(ClinicMember.user_id),
        cursor=cursor,
        limit=limit,
    )


def member(session: Session, clinic_id: uuid.UUID, user_id: uuid.UUID) -> MemberRow | None:
    return session.execute(
        columns_select(*MEMBER_COLUMNS)
        .join(User, col(User.id) == col(ClinicMember.user_id))
        .where(col(ClinicMember.clinic_id) == clinic_id, col(ClinicMember.user_id) == user_id)
    ).first()


def end_relationships_of(
    session: Session, clinic_id: uuid.UUID | None, clinician_id: uuid.UUID, at: datetime
) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """A clinician who leaves a clinic (or is removed; `clinic_id` None: who deletes their
    account) ends their relationships there: the (clinic, patient) of each ended."""
    held = [
        col(CareRelationship.clinician_id) == clinician_id,
        col(CareRelationship.status) == ACTIVE,
    ]
    if clinic_id is not None:
        held.append(col(CareRelationship.clinic_id) == clinic_id)
    ended = session.execute(
        update(CareRelationship)
        .where(*held)
        .values(status=RelationshipStatus.ENDED.value, ended_at=at)
        .returning(col(CareRelationship.clinic_id), col(CareRelationship.patient_id))
    ).all()
    return [(row.clinic_id, row.patient_id) for row in ended]


def claim_invitation(
    session: Session,
    table: type[ClinicInvitation] | type[CareInvitation],
    code_hash: str,
    user_id: uuid.UUID,
    now: datetime,
) -> bool:
    """Use a code once: the check (unused, unexpired) and the write in one statement, so of
    any number of concurrent accepts exactly one claims it."""
    result = session.execute(
        update(table)
        .where(
            col(table.code_hash) == code_hash,
            col(table.used_at).is_(None),
            col(table.revoked_at).is_(None),
            col(table.expires_at) > now,
        )
        .values(used_at=now, used_by=user_id)
    )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


def open_clinic_invitation(
    session: Session, code_hash: str, now: datetime
) -> ClinicInvitation | None:
    """An unused, unrevoked, unexpired clinic invitation whose issuer is still an owner of
    the clinic (issuing them is an owner's power: the codes go with it)."""
    return session.exec(
        select(ClinicInvitation)
        .join(
            ClinicMember,
            and_(
                col(ClinicMember.clinic_id) == col(ClinicInvitation.clinic_id),
                col(ClinicMember.user_id) == col(ClinicInvitation.created_by),
            ),
        )
        .where(
            col(ClinicInvitation.code_hash) == code_hash,
            col(ClinicInvitation.used_at).is_(None),
            col(ClinicInvitation.revoked_at).is_(None),
            col(ClinicInvitation.expires_at) > now,
            col(ClinicMember.role) == ClinicRole.OWNER.value,
        )
    ).first()


def retire_codes(
    session: Session,
    clinic_id: uuid.UUID,
    issuer_id: uuid.UUID,
    at: datetime,
    *,
    care_codes: bool,
) -> None:
    """The issuer's open codes at the clinic stop working for good (marked revoked, so a
    rejoin or a new promotion brings none back): their clinic invitations, and with
    `care_codes` their care invitations too."""
    tables: list[type[ClinicInvitation] | type[CareInvitation]] = [ClinicInvitation]
    if care_codes:
        tables.append(CareInvitation)
    for table in tables:
        issuer = (
            col(ClinicInvitation.created_by)
            if table is ClinicInvitation
            else col(CareInvitation.clinician_id)
        )
        session.execute(
            update(table)
            .where(
                col(table.clinic_id) == clinic_id,
                issuer == issuer_id,
                col(table.used_at).is_(None),
                col(table.revoked_at).is_(None),
            )
            .values(revoked_at=at)
        )


def lock_invitation(
    session: Session, table: type[Invitation], invitation_id: uuid.UUID
) -> Invitation | None:
    """The invitation, its row locked until commit (PostgreSQL): a revocation and a claim
    of the same code take turns."""
    return session.exec(
        select(table).where(col(table.id) == invitation_id).with_for_update()
    ).first()


def clinic_invitations(
    session: Session, clinic_id: uuid.UUID, sort: Sort, cursor: str | None, limit: int
) -> tuple[Sequence[ClinicInvitation], str | None]:
    statement = select(ClinicInvitation).where(col(ClinicInvitation.clinic_id) == clinic_id)
    return paginate(
        session,
        statement,
        sort=sort,
        id_column=col(ClinicInvitation.id),
        cursor=cursor,
        limit=limit,
    )


def care_invitations(
    session: Session,
    clinic_id: uuid.UUID,
    clinician_id: uuid.UUID,
    sort: Sort,
    cursor: str | None,
    limit: int,
) -> tuple[Sequence[CareInvitation], str | None]:
    statement = select(CareInvitation).where(
        col(CareInvitation.clinic_id) == clinic_id,
        col(CareInvitation.clinician_id) == clinician_id,
    )
    return paginate(
        session,
        statement,
        sort=sort,
        id_column=col(CareInvitation.id),
        cursor=cursor,
        limit=limit,
    )


def used_by(
    session: Session, table: type[Invitation], code_hash: str, user_id: uuid.UUID
) -> Invitation | None:
    """The invitation behind `code_hash` if `user_id` already used it (a retried accept)."""
    return session.exec(
        select(table).where(col(table.code_hash) == code_hash, col(table.used_by) == user_id)
    ).first()


def active_care(
    session: Session, clinic_id: uuid.UUID, clinician_id: uuid.UUID, patient_id: uuid.UUID
) -> CareRelationship | None:
    return session.exec(
        select(CareRelationship).where(
            col(CareRelationship.clinic_id) == clinic_id,
            col(CareRelationship.clinician_id) == clinician_id,
            col(CareRelationship.patient_id) == patient_id,
            col(CareRelationship.status) == ACTIVE,
        )
    ).first()


def open_care_invitation(
    session: Session, code_hash: str, now: datetime
) -> tuple[CareInvitation, Clinic, User] | None:
    """An unused, unrevoked, unexpired care invitation whose clinician is still a clinic
    member (codes of a clinician who left are revoked then: rejoining revives none)."""
    row = session.exec(
        select(CareInvitation, Clinic, User)
        .join(Clinic, col(Clinic.id) == col(CareInvitation.clinic_id))
        .join(User, col(User.id) == col(CareInvitation.clinician_id))
        .join(
            ClinicMember,
            and_(
                col(ClinicMember.clinic_id) == col(CareInvitation.clinic_id),
                col(ClinicMember.user_id) == col(CareInvitation.clinician_id),
            ),
        )
        .where(
            col(CareInvitation.code_hash) == code_hash,
            col(CareInvitation.used_at).is_(None),
            col(CareInvitation.revoked_at).is_(None),
            col(CareInvitation.expires_at) > now,
        )
    ).first()
    return (row[0], row[1], row[2]) if row else None


def relationships_of_patient(
    session: Session, patient_id: uuid.UUID, sort: Sort, cursor: str | None, limit: int
) -> tuple[Sequence[CareRelationship], str | None]:
    statement = select(CareRelationship).where(col(CareRelationship.patient_id) == patient_id)
    return paginate(
        session,
        statement,
        sort=sort,
        id_column=col(CareRelationship.id),
        cursor=cursor,
        limit=limit,
    )


def names(session: Session, user_ids: set[uuid.UUID]) -> dict[uuid.UUID, str | None]:
    if not user_ids:
        return {}
    rows = session.exec(select(User.id, User.display_name).where(col(User.id).in_(user_ids))).all()
    return {row[0]: row[1] for row in rows}


def clinic_names(session: Session, clinic_ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
    if not clinic_ids:
        return {}
    rows = session.exec(select(Clinic.id, Clinic.name).where(col(Clinic.id).in_(clinic_ids))).all()
    return {row[0]: row[1] for row in rows}


def revoke(
    session: Session, relationship_id: uuid.UUID, patient_id: uuid.UUID, at: datetime
) -> uuid.UUID | None:
    """End the patient's relationship if it is still active: its clinic; None if it was not."""
    return session.execute(
        update(CareRelationship)
        .where(
            col(CareRelationship.id) == relationship_id,
            col(CareRelationship.patient_id) == patient_id,
            col(CareRelationship.status) == ACTIVE,
        )
        .values(status=RelationshipStatus.REVOKED.value, ended_at=at)
        .returning(col(CareRelationship.clinic_id))
    ).scalar_one_or_none()


def clinics_of_member(session: Session, user_id: uuid.UUID) -> list[uuid.UUID]:
    return list(
        session.exec(select(ClinicMember.clinic_id).where(col(ClinicMember.user_id) == user_id))
    )


def clinics_owned_alone(session: Session, user_id: uuid.UUID) -> list[uuid.UUID]:
    """The clinics in which `user_id` is the only owner, their rows locked (PostgreSQL)."""
    owned = list(
        session.exec(
            select(ClinicMember.clinic_id).where(
                col(ClinicMember.user_id) == user_id,
                col(ClinicMember.role) == ClinicRole.OWNER.value,
            )
        ).all()
    )
    alone = []
    for clinic_id in owned:
        lock_clinic(session, clinic_id)
        if owner_count(session, clinic_id) == 1:
            alone.append(clinic_id)
    return alone


def longest_standing_other(
    session: Session, clinic_id: uuid.UUID, user_id: uuid.UUID
) -> ClinicMember | None:
    return session.exec(
        select(ClinicMember)
        .where(col(ClinicMember.clinic_id) == clinic_id, col(ClinicMember.user_id) != user_id)
        .order_by(col(ClinicMember.created_at), col(ClinicMember.user_id))
        .limit(1)
    ).first()


def prescription_ids(
    session: Session, clinic_id: uuid.UUID, patient_id: uuid.UUID
) -> set[uuid.UUID]:
    """The routines prescribed to the patient at the clinic: the only routines of theirs
    the clinic may name."""
    rows = session.execute(
        columns_select(RT.c.id).where(
            RT.c.owner_id == patient_id,
            RT.c.clinic_id == clinic_id,
            RT.c.origin == Origin.PRESCRIPTION.value,
        )
    ).scalars()
    return set(rows)
