"""The append-only log of who read or wrote a patient's data (`GET /me/access-log`).

Rows are only ever inserted here, and deleted only with the patient's account (the
foreign key cascades): no route, service or ORM path updates one.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, bindparam, insert, literal, select
from sqlmodel import Session, col
from sqlmodel import select as entity_select

from app.care.team.access import PatientAccess, no_patient
from app.care.team.models import (
    ACTOR_NAME_MAX,
    ADDRESS_MAX,
    RESOURCE_MAX,
    AccessLogEntry,
    AccessLogPublic,
    CareRelationship,
    Clinic,
)
from app.care.team.names import clinician_name
from app.core.pagination import Page, paginate, parse_sort
from app.core.types import utcnow
from app.core.vocabulary import AccessAction, RelationshipStatus
from app.webhooks.models import webhook_id

if TYPE_CHECKING:
    from app.users.models import Caller

_LOG = AccessLogEntry.__table__  # type: ignore[attr-defined]
_REL = CareRelationship.__table__  # type: ignore[attr-defined]
_CLINIC = Clinic.__table__  # type: ignore[attr-defined]


def _cut(value: str | None, limit: int) -> str | None:
    return None if value is None else value[:limit]


def record_access(
    conn_or_session: Session | Connection,
    access: PatientAccess,
    *,
    action: str,
    resource: str,
) -> None:
    """Log one read or write of the patient's data by the clinician `access` names.

    One INSERT ... SELECT that copies the row only while the relationship is still
    active: a revocation that committed after the request's access check still stops it
    here (NotFound, the same answer as no relationship), and a write that records in its
    own transaction is rolled back with it. Reads call this in their own short
    transaction before the answer is built.
    """
    caller = access.caller
    selected = select(
        literal(uuid.uuid4(), _LOG.c.id.type),
        _REL.c.patient_id,
        literal(caller.id, _LOG.c.actor_id.type),
        literal(_cut(clinician_name(caller.display_name), ACTOR_NAME_MAX), _LOG.c.actor_name.type),
        _REL.c.clinic_id,
        _CLINIC.c.name,
        _REL.c.id,
        literal(AccessAction(action).value, _LOG.c.action.type),
        literal(_cut(resource, RESOURCE_MAX), _LOG.c.resource.type),
        literal(utcnow(), _LOG.c.at.type),
        literal(_cut(access.address, ADDRESS_MAX), _LOG.c.address.type),
    ).where(
        _REL.c.id == access.relationship_id,
        _REL.c.clinician_id == caller.id,
        _REL.c.patient_id == access.patient_id,
        _REL.c.clinic_id == access.clinic_id,
        _REL.c.status == RelationshipStatus.ACTIVE.value,
        _CLINIC.c.id == _REL.c.clinic_id,
    )
    # RETURNING, not rowcount: psycopg reports -1 rows for an INSERT ... SELECT.
    logged = conn_or_session.execute(
        insert(_LOG).from_select(_COLUMNS, selected).returning(_LOG.c.id)
    ).first()
    if logged is None:
        raise no_patient(access.patient_id)


_COLUMNS = [
    "id",
    "patient_id",
    "actor_id",
    "actor_name",
    "clinic_id",
    "clinic_name",
    "relationship_id",
    "action",
    "resource",
    "at",
    "address",
]


def record_share_use(
    conn_or_session: Session | Connection,
    *,
    patient_id: uuid.UUID,
    share_link_id: uuid.UUID,
    resource: str,
    address: str | None,
) -> None:
    """Log one use of a patient's share link (no account: no actor, no clinic)."""
    conn_or_session.execute(
        insert(_LOG).values(
            id=uuid.uuid4(),
            patient_id=patient_id,
            share_link_id=share_link_id,
            action=AccessAction.READ.value,
            resource=_cut(resource, RESOURCE_MAX),
            at=utcnow(),
            address=_cut(address, ADDRESS_MAX),
        )
    )


SORTABLE = {"at": col(AccessLogEntry.at)}


def list_for_patient(
    session: Session, patient_id: uuid.UUID, cursor: str | None, limit: int
) -> Page[AccessLogPublic]:
    """The patient's log, newest first (ties by id), one keyset page."""
    order = parse_sort("-at", SORTABLE, "-at")
    rows, next_cursor = paginate(
        session,
        entity_select(AccessLogEntry).where(col(AccessLogEntry.patient_id) == patient_id),
        sort=order,
        id_column=col(AccessLogEntry.id),
        cursor=cursor,
        limit=limit,
    )
    return Page[AccessLogPublic](items=[_public(r) for r in rows], next_cursor=next_cursor)


def _public(row: AccessLogEntry) -> AccessLogPublic:
    return AccessLogPublic(
        id=row.id,
        at=row.at,
        actor_id=row.actor_id,
        actor_name=row.actor_name,
        clinic_id=row.clinic_id,
        clinic_name=row.clinic_name,
        relationship_id=row.relationship_id,
        share_link_id=row.share_link_id,
        endpoint_id=row.endpoint_id,
        webhook_id=None if row.event_id is None else webhook_id(row.event_id),
        action=row.action,
        resource=row.resource,
        address=row.address,
    )


@dataclass(frozen=True, slots=True)
class Sent:
    """An event on its way to one clinic endpoint, and who answers for it: the clinic, the
    owner who registered the endpoint, and the care relationship whose consent let it go."""

    endpoint_id: uuid.UUID
    clinic_id: uuid.UUID
    clinic_name: str
    registrant_id: uuid.UUID
    registrant_name: str | None
    relationship_id: uuid.UUID


def record_sends(
    db: Session | Connection,
    *,
    patient_id: uuid.UUID,
    event_id: uuid.UUID,
    event_type: str,
    sent: Sequence[Sent],
) -> None:
    """Log one event queued to clinic endpoints: one entry per endpoint, written in the
    transaction that queues the deliveries (one executemany statement), so it commits
    exactly when they do and no retry of a delivery can add another."""
    if not sent:
        return
    at = utcnow()
    resource = _cut(f"webhook:{event_type}", RESOURCE_MAX)
    db.execute(
        insert(_LOG),
        [
            {
                "id": uuid.uuid4(),
                "patient_id": patient_id,
                "actor_id": s.registrant_id,
                "actor_name": _cut(s.registrant_name, ACTOR_NAME_MAX),
                "clinic_id": s.clinic_id,
                "clinic_name": s.clinic_name,
                "relationship_id": s.relationship_id,
                "endpoint_id": s.endpoint_id,
                "event_id": event_id,
                "action": AccessAction.SEND.value,
                "resource": resource,
                "at": at,
                "address": None,
            }
            for s in sent
        ],
    )


def record_reads(
    conn_or_session: Session | Connection,
    caller: Caller,
    clinic_id: uuid.UUID,
    relationships: Sequence[tuple[uuid.UUID, uuid.UUID]],
    *,
    resource: str,
    address: str | None,
) -> None:
    """Log a read of several patients at once (the clinician's view of a page of them):
    `relationships` are (relationship id, patient id) pairs; one executemany statement."""
    if not relationships:
        return
    shared: dict[str, object] = {
        "actor_id": caller.id,
        "actor_name": _cut(clinician_name(caller.display_name), ACTOR_NAME_MAX),
        "read_clinic": clinic_id,
        "resource": _cut(resource, RESOURCE_MAX),
        "at": utcnow(),
        "address": _cut(address, ADDRESS_MAX),
    }
    conn_or_session.execute(
        _READS_INSERT,
        [
            {
                "id": uuid.uuid4(),
                "patient_id": patient_id,
                "relationship_id": relationship_id,
                **shared,
            }
            for relationship_id, patient_id in relationships
        ],
    )


def _reads_insert() -> Any:
    """`record_reads`' statement, built once (a clinician's view writes it on every page):
    the clinic's name copied in SQL, everything else bound per row."""
    uuid_type = _LOG.c.id.type
    selected = select(
        bindparam("id", type_=uuid_type),
        bindparam("patient_id", type_=uuid_type),
        bindparam("actor_id", type_=uuid_type),
        bindparam("actor_name", type_=_LOG.c.actor_name.type),
        _CLINIC.c.id,
        _CLINIC.c.name,
        bindparam("relationship_id", type_=uuid_type),
        literal(AccessAction.READ.value, _LOG.c.action.type),
        bindparam("resource", type_=_LOG.c.resource.type),
        bindparam("at", type_=_LOG.c.at.type),
        bindparam("address", type_=_LOG.c.address.type),
    ).where(_CLINIC.c.id == bindparam("read_clinic", type_=uuid_type))
    return insert(_LOG).from_select(_COLUMNS, selected)


_READS_INSERT = _reads_insert()
