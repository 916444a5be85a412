"""Routine queries: one query per page for routines, one for all their items (no N+1)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, func, or_
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from app.core.db import update_if_revision
from app.core.pagination import Sort, paginate
from app.routines.models import Routine, RoutineItem
from app.users.models import User

SORTABLE = {
    "name": Routine.name,
    "created_at": Routine.created_at,
    "updated_at": Routine.updated_at,
}


def readable_statement(reader_id: uuid.UUID | None) -> SelectOfScalar[Routine]:
    """Every routine `reader_id` may read: the templates, and the reader's own (if any)."""
    template = col(Routine.is_template).is_(True)
    if reader_id is None:
        return select(Routine).where(template)
    return select(Routine).where(or_(template, col(Routine.owner_id) == reader_id))


def get_readable(
    session: Session, routine_id: uuid.UUID, reader_id: uuid.UUID | None
) -> Routine | None:
    """The routine when `reader_id` may read it; another's is as absent as a missing one."""
    return session.exec(readable_statement(reader_id).where(col(Routine.id) == routine_id)).first()


def items_for(
    session: Session, routine_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[RoutineItem]]:
    out: dict[uuid.UUID, list[RoutineItem]] = {rid: [] for rid in routine_ids}
    if not routine_ids:
        return out
    rows = session.exec(
        select(RoutineItem)
        .where(col(RoutineItem.routine_id).in_(routine_ids))
        .order_by(col(RoutineItem.routine_id), col(RoutineItem.order))
    ).all()
    for row in rows:
        assert row.routine_id is not None  # part of the primary key
        out[row.routine_id].append(row)
    return out


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
    routine: Routine,
    values: dict[str, Any],
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


def delete_routine(session: Session, routine: Routine) -> bool:
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


def lock_owner_and_count_routines(session: Session, owner_id: uuid.UUID) -> int:
    """How many routines the owner keeps, counted under a lock on the owner's row, so
    concurrent creates are counted one after the other (call inside the write)."""
    session.exec(select(User.id).where(col(User.id) == owner_id).with_for_update()).one()
    return session.exec(
        select(func.count()).select_from(Routine).where(col(Routine.owner_id) == owner_id)
    ).one()
