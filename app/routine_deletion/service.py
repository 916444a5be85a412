"""One transaction: the owner's change counter, the sessions' unlinking, the routine's delete."""

from __future__ import annotations

import uuid

from sqlmodel import Session

from app.core.caching import conditional_write, require_if_match
from app.core.changes import bump_user_counter
from app.core.types import utcnow
from app.core.vocabulary import Origin
from app.routines import repository as routines_repository
from app.routines import service as routines_service
from app.sessions import repository as sessions_repository
from app.users.models import Caller


def delete_routine(
    session: Session, user: Caller, routine_id: uuid.UUID, if_match: str | None
) -> None:
    """Delete one of the user's routines, a prescribed one too (its clinic keeps a record
    of it: `DeletedPrescription`); the sessions naming it keep their data, unlinked.

    The foreign key's ON DELETE SET NULL would unlink them silently (same revision, same
    change_seq), so offline clients would never learn: the unlinking is written here as a
    change of each session, in the routine's delete transaction.
    """
    routine = routines_service.deletable(session, routine_id, user)
    require_if_match(if_match, routines_service.routine_etag(routine))
    now = utcnow()
    with conditional_write(session) as current:
        # The routine's owner is the only one who can log against it: holding the owner's
        # change counter first waits out any session write naming it, so none slips past.
        bump_user_counter(session, user.id)
        sessions_repository.unlink_routine(session, routine.id, now)
        if routine.origin is Origin.PRESCRIPTION:
            routines_repository.record_deleted_prescription(session, routine, now)
        current(routines_repository.delete_routine(session, routine))
