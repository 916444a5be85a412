"""The one query of a clinic's audience: endpoints joined to the patient's relationships."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from functools import cache
from typing import Protocol

from sqlalchemy import Connection, Executable, and_, bindparam, select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from app.care.team.models import CareRelationship, Clinic, ClinicMember
from app.core.vocabulary import CareScope, ClinicRole, RelationshipStatus
from app.users.models import User
from app.webhooks.models import WebhookEndpoint

E = WebhookEndpoint
R = CareRelationship


class AudienceRow(Protocol):
    """A row of `clinic_endpoints_of` (a SQLAlchemy `Row`, read by name)."""

    @property
    def endpoint_id(self) -> uuid.UUID: ...
    @property
    def event_types(self) -> list[str]: ...
    @property
    def clinic_id(self) -> uuid.UUID: ...
    @property
    def clinic_name(self) -> str: ...
    @property
    def registrant_id(self) -> uuid.UUID: ...
    @property
    def registrant_name(self) -> str | None: ...
    @property
    def relationship_id(self) -> uuid.UUID: ...
    @property
    def scopes(self) -> frozenset[CareScope]: ...


class ScopesRow(Protocol):
    """A row of `scopes_in_care`: a patient's active relationship at the clinic."""

    @property
    def patient_id(self) -> uuid.UUID: ...
    @property
    def id(self) -> uuid.UUID: ...
    @property
    def scopes(self) -> frozenset[CareScope]: ...


def clinic_endpoints_of(
    db: Session | Connection, patient_id: uuid.UUID, as_of: datetime
) -> Sequence[AudienceRow]:
    """One row per (enabled clinic endpoint, active relationship of the patient at that
    clinic, both made by `as_of`) where the relationship's clinician is still a member of
    the clinic and the endpoint's registrant still one of its owners: the endpoint (id,
    event types, clinic, registrant and their name) and the relationship (id, scopes),
    oldest relationship first. Whether the scopes let an event through is decided by the
    caller (`sees`)."""
    return db.execute(_audience_statement(), {"patient_id": patient_id, "as_of": as_of}).all()


@cache
def _audience_statement() -> Executable:
    # Built once: every session write asks for its audience, and composing this join
    # costs more than running it (the patient id is a bound parameter).
    clinician = aliased(ClinicMember)
    registrant = aliased(ClinicMember)
    return (
        select(
            col(E.id).label("endpoint_id"),
            col(E.event_types),
            col(E.clinic_id),
            col(Clinic.name).label("clinic_name"),
            col(E.created_by).label("registrant_id"),
            col(User.display_name).label("registrant_name"),
            col(R.id).label("relationship_id"),
            col(R.scopes),
        )
        .join(R, col(R.clinic_id) == col(E.clinic_id))
        .join(
            clinician,
            and_(
                col(clinician.clinic_id) == col(R.clinic_id),
                col(clinician.user_id) == col(R.clinician_id),
            ),
        )
        .join(
            registrant,
            and_(
                col(registrant.clinic_id) == col(E.clinic_id),
                col(registrant.user_id) == col(E.created_by),
                col(registrant.role) == ClinicRole.OWNER.value,
            ),
        )
        .join(Clinic, col(Clinic.id) == col(E.clinic_id))
        .join(User, col(User.id) == col(E.created_by))
        .where(
            col(R.patient_id) == bindparam("patient_id"),
            col(R.status) == RelationshipStatus.ACTIVE,
            col(E.enabled),
            col(R.created_at) <= bindparam("as_of"),
            col(E.created_at) <= bindparam("as_of"),
        )
        .order_by(col(R.created_at), col(R.id))
    )


def scopes_in_care(
    session: Session, clinic_id: uuid.UUID, patient_ids: frozenset[uuid.UUID]
) -> Sequence[ScopesRow]:
    """The patients' active relationships at the clinic whose clinician is still one of
    its members: (patient, relationship id, scopes) each: one statement."""
    member = and_(
        col(ClinicMember.clinic_id) == col(R.clinic_id),
        col(ClinicMember.user_id) == col(R.clinician_id),
    )
    return session.execute(
        select(col(R.patient_id), col(R.id), col(R.scopes))
        .join(ClinicMember, member)
        .where(
            col(R.clinic_id) == clinic_id,
            col(R.patient_id).in_(sorted(patient_ids)),
            col(R.status) == RelationshipStatus.ACTIVE,
        )
    ).all()
