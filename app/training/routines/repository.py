"""Routine queries: one query per page for routines, one for all their items (no N+1)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, TypedDict

from sqlalchemy import Row, bindparam, delete, func, or_
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from app.core.db import update_if_revision
from app.core.pagination import Sort, paginate
from app.core.vocabulary import Origin, Side
from app.training.routines.models import DeletedPrescription, Routine, RoutineItem, RoutineVersion
from app.users.models import User

PRESCRIPTION = Origin.PRESCRIPTION.value
SORTABLE = {
    "name": Routine.name,
    "created_at": Routine.created_at,
    "updated_at": Routine.updated_at,
}


# Reads are SQLAlchemy Core, as the sessions domain's are (docs: architecture, "Hot
# paths"): statements built once, rows with attribute access (routine.revision,
# item.position) instead of ORM entities: the routine and its items as ORM entities were
# most of GET /routines/{id} in process (bench/results/profile-notes.md).
# Writes stay ORM; the compare-and-set writers take a row or an entity.
RoutineRow = Row[Any]
AnyRoutine = Routine | RoutineRow
_ROUTINE = Routine.__table__  # type: ignore[attr-defined]
# The templates, and the reader's own routines (none when reader_id is NULL).
_READABLE = core_select(_ROUTINE).where(
    _ROUTINE.c.id == bindparam("routine_id"),
    or_(_ROUTINE.c.is_template.is_(True), _ROUTINE.c.owner_id == bindparam("reader_id")),
)


def get_readable(
    session: Session, routine_id: uuid.UUID, reader_id: uuid.UUID | None
) -> RoutineRow | None:
    """The routine when `reader_id` may read it; another's is as absent as a missing one."""
    return session.execute(_READABLE, {"routine_id": routine_id, "reader_id": reader_id}).first()


_ITEM = RoutineItem.__table__  # type: ignore[attr-defined]
ITEM_COLUMNS = tuple(c for c in _ITEM.c if c.key != "routine_id")
# A routine_item row as Core reads it: the item's columns, routine_id first.
ItemRow = Row[Any]
_ITEMS = (
    core_select(_ITEM.c.routine_id, *ITEM_COLUMNS)
    .where(_ITEM.c.routine_id.in_(bindparam("routine_ids", expanding=True)))
    .order_by(_ITEM.c.routine_id, _ITEM.c.order)
)


def items_for(session: Session, routine_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[ItemRow]]:
    """Each routine's items in position order, as rows (one statement for all routines)."""
    out: dict[uuid.UUID, list[ItemRow]] = {rid: [] for rid in routine_ids}
    if not routine_ids:
        return out
    for row in session.execute(_ITEMS, {"routine_ids": list(routine_ids)}):
        out[row.routine_id].append(row)
    return out


_GET = core_select(_ROUTINE).where(_ROUTINE.c.id == bindparam("routine_id"))


def get(session: Session, routine_id: uuid.UUID) -> RoutineRow | None:
    """The routine under this id whoever owns it (to tell a retry from a clash)."""
    return session.execute(_GET, {"routine_id": routine_id}).first()


def get_prescription(
    session: Session, routine_id: uuid.UUID, patient_id: uuid.UUID, clinic_id: uuid.UUID
) -> RoutineRow | None:
    """A routine prescribed to the patient in the clinic; anything else is absent."""
    return session.execute(
        core_select(_ROUTINE).where(
            _ROUTINE.c.id == routine_id,
            _ROUTINE.c.owner_id == patient_id,
            _ROUTINE.c.clinic_id == clinic_id,
            _ROUTINE.c.origin == "prescription",
        )
    ).first()


def list_prescriptions(
    session: Session,
    *,
    patient_id: uuid.UUID,
    clinic_id: uuid.UUID,
    sort: Sort,
    cursor: str | None,
    limit: int,
) -> tuple[Sequence[Routine], str | None]:
    stmt = select(Routine).where(
        col(Routine.owner_id) == patient_id,
        col(Routine.clinic_id) == clinic_id,
        col(Routine.origin) == "prescription",
    )
    return paginate(session, stmt, sort=sort, id_column=col(Routine.id), cursor=cursor, limit=limit)


def add_version(session: Session, version: RoutineVersion) -> None:
    """Append one version (the history has no update or delete path)."""
    session.add(version)


def list_versions(
    session: Session, routine_id: uuid.UUID, sort: Sort, cursor: str | None, limit: int
) -> tuple[Sequence[RoutineVersion], str | None]:
    stmt = select(RoutineVersion).where(col(RoutineVersion.routine_id) == routine_id)
    return paginate(
        session, stmt, sort=sort, id_column=col(RoutineVersion.version), cursor=cursor, limit=limit
    )


def all_versions(session: Session, routine_id: uuid.UUID) -> Sequence[RoutineVersion]:
    """Every version of the routine, oldest first (a routine keeps at most MAX_VERSIONS)."""
    return session.exec(
        select(RoutineVersion)
        .where(col(RoutineVersion.routine_id) == routine_id)
        .order_by(col(RoutineVersion.version))
    ).all()


def get_version(session: Session, routine_id: uuid.UUID, version: int) -> RoutineVersion | None:
    return session.get(RoutineVersion, (routine_id, version))


class ItemValues(TypedDict):
    """A routine item's columns by name, its routine left out."""

    order: int
    exercise: str
    sets: int
    reps: int | None
    steps: int | None
    hold_seconds: int | None
    side: Side | None
    rest_seconds: int
    notes: str
    reason: str | None


assert set(ItemValues.__annotations__) == {c.key for c in ITEM_COLUMNS}  # every column, once


def item_values(item: ItemRow) -> ItemValues:
    """An item row's columns by name, routine_id left out (to copy it into another)."""
    return {
        "order": item.order,
        "exercise": item.exercise,
        "sets": item.sets,
        "reps": item.reps,
        "steps": item.steps,
        "hold_seconds": item.hold_seconds,
        "side": item.side,
        "rest_seconds": item.rest_seconds,
        "notes": item.notes,
        "reason": item.reason,
    }


def list_routines(
    session: Session,
    *,
    owner_id: uuid.UUID | None,
    templates: bool,
    sort: Sort,
    cursor: str | None,
    limit: int,
) -> tuple[Sequence[Routine], str | None]:
    stmt = select(Routine)
    if templates:
        stmt = stmt.where(col(Routine.is_template).is_(True))
    else:
        stmt = stmt.where(col(Routine.owner_id) == owner_id)
    return paginate(session, stmt, sort=sort, id_column=col(Routine.id), cursor=cursor, limit=limit)


def add_routine(session: Session, routine: Routine, items: Sequence[RoutineItem]) -> None:
    session.add(routine)
    session.flush()
    for item in items:
        item.routine_id = routine.id
        session.add(item)


def replace_routine(
    session: Session,
    routine: AnyRoutine,
    values: Mapping[str, object],
    items: Sequence[RoutineItem] | None,
) -> bool:
    """Compare-and-set the routine at the revision read; replace its items when given."""
    where = col(Routine.id) == routine.id
    if not update_if_revision(session, Routine, where, routine.revision, values):
        return False
    if items is not None:
        session.execute(delete(RoutineItem).where(col(RoutineItem.routine_id) == routine.id))
        for item in items:
            item.routine_id = routine.id
            session.add(item)
    return True


def delete_routine(session: Session, routine: AnyRoutine) -> bool:
    result = session.execute(
        delete(Routine).where(
            col(Routine.id) == routine.id, col(Routine.revision) == routine.revision
        )
    )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


def template_keys(session: Session) -> set[str]:
    keys = session.exec(
        select(Routine.template_key).where(col(Routine.is_template).is_(True))
    ).all()
    return {k for k in keys if k}


def _lock_owner(session: Session, owner_id: uuid.UUID) -> None:
    session.exec(select(User.id).where(col(User.id) == owner_id).with_for_update()).one()


def lock_owner_and_count_routines(session: Session, owner_id: uuid.UUID) -> int:
    """How many routines of their own the owner keeps (prescriptions left out), counted
    under a lock on the owner's row, so concurrent creates are counted one after the
    other (call inside the write)."""
    _lock_owner(session, owner_id)
    return session.exec(
        select(func.count())
        .select_from(Routine)
        .where(col(Routine.owner_id) == owner_id, col(Routine.origin) != PRESCRIPTION)
    ).one()


def lock_owner_and_count_prescriptions(
    session: Session, patient_id: uuid.UUID, clinic_id: uuid.UUID
) -> int:
    """How many prescriptions of this clinic the patient keeps, under the same lock."""
    _lock_owner(session, patient_id)
    return session.exec(
        select(func.count())
        .select_from(Routine)
        .where(
            col(Routine.owner_id) == patient_id,
            col(Routine.clinic_id) == clinic_id,
            col(Routine.origin) == PRESCRIPTION,
        )
    ).one()


def record_deleted_prescription(session: Session, routine: AnyRoutine, at: datetime) -> None:
    """Keep the clinic's record of a prescription its patient is deleting (in the delete's
    transaction): its last version, whole."""
    last = get_version(session, routine.id, routine.version)
    if last is None or routine.clinic_id is None or routine.owner_id is None:
        return  # pragma: no cover - every edit writes a version; a prescription has both
    session.add(
        DeletedPrescription(
            routine_id=routine.id,
            patient_id=routine.owner_id,
            clinic_id=routine.clinic_id,
            prescribed_at=routine.created_at,
            deleted_at=at,
            version=last.version,
            version_created_at=last.created_at,
            name=last.name,
            notes=last.notes,
            sessions_per_week=last.sessions_per_week,
            items=last.items,
            progression=last.progression,
            prescribed_by=last.prescribed_by,
            prescriber_name=last.prescriber_name,
            clinic_name=last.clinic_name,
        )
    )


def deleted_prescriptions(
    session: Session,
    patient_id: uuid.UUID,
    clinic_id: uuid.UUID,
    sort: Sort,
    cursor: str | None,
    limit: int,
) -> tuple[Sequence[DeletedPrescription], str | None]:
    stmt = select(DeletedPrescription).where(
        col(DeletedPrescription.patient_id) == patient_id,
        col(DeletedPrescription.clinic_id) == clinic_id,
    )
    return paginate(
        session,
        stmt,
        sort=sort,
        id_column=col(DeletedPrescription.routine_id),
        cursor=cursor,
        limit=limit,
    )


def latest_routine(session: Session, owner_id: uuid.UUID) -> Routine | None:
    """The owner's most recently changed routine, if any (what progress compares against)."""
    return session.exec(
        select(Routine)
        .where(col(Routine.owner_id) == owner_id)
        .order_by(col(Routine.updated_at).desc(), col(Routine.id))
        .limit(1)
    ).first()


def prescribing_clinic(session: Session, routine_id: uuid.UUID) -> uuid.UUID | None:
    """The clinic that prescribed this routine (deleted or not); None for anyone's own."""
    return session.execute(
        core_select(col(Routine.clinic_id)).where(
            col(Routine.id) == routine_id, col(Routine.origin) == PRESCRIPTION
        )
    ).scalar_one_or_none()


def caring_clinic(routine: Routine) -> uuid.UUID | None:
    """The clinic whose care this routine belongs to: its prescriber; None for the owner's own."""
    return routine.clinic_id if routine.origin == Origin.PRESCRIPTION else None
