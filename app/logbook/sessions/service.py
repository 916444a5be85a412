"""Session-log rules: whole-or-nothing writes, idempotent creates, owner-only access."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache, partial
from typing import Any, Protocol

from sqlalchemy import Connection, Engine
from sqlmodel import Session, col

from app.catalog.exercises.models import ExerciseSpec
from app.catalog.live.snapshot import CatalogSpecs
from app.catalog.planner.validation import dosage_errors, known_spec
from app.core.caching import conditional_write, require_if_match, revision_etag
from app.core.changes import bump_user_counter, read_changes
from app.core.errors import (
    FieldError,
    Invalid,
    NotFound,
    QuotaExceeded,
    reject_nulls,
)
from app.core.events import publish
from app.core.idempotency import ClientId, create_once, request_digest
from app.core.pagination import SyncPageBody, list_order, require_sync_alone
from app.core.responses import Resource
from app.core.tabular import Cell, csv_chunks, json_chunks
from app.core.types import local_day_bounds, utcnow
from app.core.vocabulary import BandLevel, Leg, WebhookEventType
from app.logbook.sessions import repository, totals
from app.logbook.sessions.events import SessionWritten, WrittenSession
from app.logbook.sessions.models import (
    MAX_ENTRIES,
    EntryBody,
    EntryIn,
    EntryPublic,
    NewSession,
    SessionBody,
    SessionCreate,
    SessionPublic,
    SessionTombstoneBody,
    SessionUpdate,
    WorkoutSession,
)
from app.logbook.sessions.repository import SessionFilter, SessionRow
from app.training.routines import repository as routines_repository
from app.training.routines import service as routines
from app.training.routines.events import RoutineDeleted
from app.users.models import Caller
from app.webhooks import outbox

ENTRY_PAIN = repository.ENTRY_KEYS.index("pain")

EXPORT_COLUMNS = (
    "session_id",
    "started_at",
    "ended_at",
    "routine_id",
    "exercise",
    "set_number",
    "side",
    "reps",
    "steps",
    "hold_seconds",
    "load_band",
    "load_kg",
    "pain",
    "effort",
    "notes",
    "session_notes",
)


class _Revisioned(Protocol):
    @property
    def id(self) -> uuid.UUID: ...
    @property
    def revision(self) -> int: ...


SessionView = Resource[SessionBody]


# EntryPublic's keys, in the order of repository.ENTRY_COLUMNS (the rows' order).
ENTRY_PUBLIC_KEYS = tuple(EntryPublic.model_fields)
assert ENTRY_PUBLIC_KEYS == repository.ENTRY_KEYS  # the columns carry the wire names


def session_etag(row: _Revisioned) -> str:
    return revision_etag("session", row.id, row.revision)


def _not_found(session_id: uuid.UUID) -> NotFound:
    return NotFound(f"No session {session_id} among yours.")


def owned(session: Session | Connection, user: Caller, session_id: uuid.UUID) -> SessionRow:
    row = repository.get_owned(session, session_id, user.id)
    if row is None:
        raise _not_found(session_id)
    return row


@dataclass(frozen=True)
class _SetDosage:
    """An entry seen as a one-set dosage, so the routines' dosage rule applies unchanged."""

    exercise: str
    reps: int | None
    steps: int | None
    hold_seconds: int | None
    side: str | None
    sets: int = 1
    rest_seconds: int = 0


# A vocabulary member as the text stored and answered (None stays None): a dict read per
# entry instead of the enum's `value` descriptor.
_TEXT: dict[Leg | BandLevel | None, str | None] = {
    None: None,
    **{member: member.value for vocabulary in (Leg, BandLevel) for member in vocabulary},
}


def build_entries(
    entries: Sequence[EntryIn], specs: dict[str, ExerciseSpec]
) -> list[tuple[Any, ...]]:
    """Check each entry against its exercise; its column values (repository.ENTRY_COLUMNS
    order), or Invalid naming every entry that does not fit."""
    errors: list[FieldError] = []
    rows: list[tuple[Any, ...]] = []
    # The dosage rule looks at which fields are set (and a zero hold), not their values:
    # a shape that passed once passes again (a session repeats a few shapes many times).
    fitting: set[tuple[object, ...]] = set()
    for index, entry in enumerate(entries):
        exercise, reps, steps, hold = entry.exercise, entry.reps, entry.steps, entry.hold_seconds
        side = _TEXT[entry.side]
        shape = (exercise, reps is None, steps is None, hold, side)
        if shape not in fitting:
            loc: list[str | int] = ["body", "entries", index]
            spec = known_spec(specs, exercise, loc, errors)
            if spec is None:
                continue
            found = dosage_errors(_SetDosage(exercise, reps, steps, hold, side), spec, loc)
            if found:
                errors += found
            else:
                fitting.add(shape)  # a known exercise, and the shape fits it
        rows.append(
            (
                exercise,
                entry.set_number,
                side,
                reps,
                steps,
                hold,
                _TEXT[entry.load_band],
                entry.load_kg,
                entry.pain,
                entry.effort,
                entry.notes,
            )
        )
    if errors:
        raise Invalid("Some entries do not fit their exercise; nothing was stored.", errors=errors)
    return rows


def _entries(
    session: Session, catalog: CatalogSpecs, entries: Sequence[EntryIn]
) -> list[tuple[Any, ...]]:
    """The entries checked against the live catalog's cached specs (one revision read)."""
    return build_entries(entries, catalog.live(session))


def _routine_version(
    session: Session, user: Caller, routine_id: uuid.UUID | None, version: int | None
) -> int | None:
    """The routine version a session follows: the one named when the routine (the user's
    own or a template) has it, else its current one; None without a routine."""
    if routine_id is None:
        if version is not None:
            raise Invalid(
                "routine_version needs a routine_id.",
                errors=[FieldError(["body", "routine_version"], "no routine", "value_error")],
            )
        return None
    routine = routines.referenced(session, user, routine_id, ["body", "routine_id"])
    return routines.current_version(routine, version, ["body", "routine_version"])


def digest(data: SessionCreate) -> str:
    """A fingerprint of a create request, to tell a retry from a different body."""
    return request_digest(data.model_dump(mode="json"))


def create(
    session: Session, user: Caller, data: SessionCreate, max_per_day: int, catalog: CatalogSpecs
) -> tuple[SessionView, bool]:
    """Store a session whole, or return the one already stored for the same id and body
    (app/core/idempotency.py; a soft-deleted session's id stays taken).

    At most `max_per_day` sessions per local day of `started_at`: counted after the
    user's change counter is taken, whose row lock serialises the user's writers.
    The answer to a new session is made from what was written, not read back.
    """
    client_id = data.id
    data = data.model_copy(update={"id": data.id or uuid.uuid4()})
    assert data.id is not None
    session_id = data.id
    fingerprint = digest(data)  # as sent: a retry after the routine's next version matches
    routine_version = _routine_version(session, user, data.routine_id, data.routine_version)
    entries = _entries(session, catalog, data.entries)

    def write() -> SessionView:
        change_seq = bump_user_counter(session, user.id)
        day_start, day_end = local_day_bounds(data.started_at, user.time_zone)
        started, totals_zone = repository.count_and_totals_zone(
            session, user.id, day_start, day_end
        )
        if started >= max_per_day:
            raise QuotaExceeded(
                f"You have logged {max_per_day} sessions for that day, the most one account "
                "may; a retry of a stored session still answers 200."
            )
        now = utcnow()
        pain_max = max((e[ENTRY_PAIN] for e in entries), default=None)
        # The row's columns as a plain dict: the answer is made from it, no entity.
        row: NewSession = {
            "id": session_id,
            "owner_id": user.id,
            "routine_id": data.routine_id,
            "routine_version": routine_version,
            "started_at": data.started_at,
            "ended_at": data.ended_at,
            "notes": data.notes,
            "body_digest": fingerprint,
            "revision": 1,
            "created_at": now,
            "updated_at": now,
            "deleted_at": None,
            "change_seq": change_seq,
            "pain_max": pain_max,
        }
        repository.insert_session(session, row)
        repository.insert_entries(session, session_id, 1, entries)
        totals.after_create(session, user.id, user.time_zone, data.started_at, entries, totals_zone)
        written = WrittenSession(data.started_at, pain_max, frozenset(e[0] for e in entries))
        publish(session, SessionWritten(user.id, user.time_zone, session_id, written=written))
        body = _new_body(row, entries)
        _announce(session, user.id, WebhookEventType.SESSION_LOGGED, session_id, lambda: body)
        return Resource(body, revision_etag("session", session_id, 1), f"/sessions/{session_id}")

    def is_retry(stored: SessionRow) -> bool:
        return (
            stored.owner_id == user.id
            and stored.deleted_at is None
            and stored.body_digest == fingerprint
        )

    claim = ClientId("session", client_id, lambda s: repository.get(s, session_id), is_retry)
    return create_once(session, claim, write, lambda stored: _read(session, stored))


def _entry_body(values: Sequence[Any]) -> EntryBody:
    """An entry's column values (repository.ENTRY_COLUMNS order) as answered."""
    exercise, set_number, side, reps, steps, hold, band, load_kg, pain, effort, notes = values
    return {
        "exercise": exercise,
        "set_number": set_number,
        "side": side,
        "reps": reps,
        "steps": steps,
        "hold_seconds": hold,
        "load_band": band,
        # Decimal in the column, a JSON number on the wire
        "load_kg": None if load_kg is None else float(load_kg),
        "pain": pain,
        "effort": effort,
        "notes": notes,
    }


def _new_body(row: NewSession, entries: Sequence[Sequence[Any]]) -> SessionBody:
    """A session just inserted (its columns), as answered."""
    return {
        "id": row["id"],
        "routine_id": row["routine_id"],
        "routine_version": row["routine_version"],
        "started_at": row["started_at"],
        "ended_at": row["ended_at"],
        "notes": row["notes"],
        "entries": [_entry_body(e) for e in entries],
        "revision": row["revision"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


def _body(row: SessionRow | WorkoutSession, entries: list[EntryBody]) -> SessionBody:
    return {
        "id": row.id,
        "routine_id": row.routine_id,
        "routine_version": row.routine_version,
        "started_at": row.started_at,
        "ended_at": row.ended_at,
        "notes": row.notes,
        "entries": entries,
        "revision": row.revision,
        "created_at": row.created_at,
        "updated_at": row.updated_at,
    }


def _view(row: SessionRow | WorkoutSession, entries: list[EntryBody]) -> SessionView:
    return Resource(_body(row, entries), session_etag(row), f"/sessions/{row.id}")


def as_public(
    session: Session | Connection, rows: Sequence[SessionRow | WorkoutSession]
) -> list[SessionBody]:
    """The sessions as answered, with all their entries in one more query."""
    entries = repository.entry_bodies(session, [r.id for r in rows])
    return [_body(r, entries[r.id]) for r in rows]


def _read(session: Session | Connection, row: SessionRow) -> SessionView:
    return _view(row, repository.entry_bodies(session, [row.id])[row.id])


def get_one(session: Session | Connection, user: Caller, session_id: uuid.UUID) -> SessionView:
    return _read(session, owned(session, user, session_id))


def as_models(bodies: Sequence[SessionBody]) -> list[SessionPublic]:
    """The bodies as validated models, for documents that embed them (the account export)."""
    return [SessionPublic.model_validate(b) for b in bodies]


def _changes_scope(owner_id: uuid.UUID) -> str:
    return f"sessions:{owner_id}"


def list_for(
    session: Session | Connection,
    user: Caller,
    flt: SessionFilter,
    sort: str | None,
    cursor: str | None,
    limit: int,
    sync_token: str | None = None,
    key: bytes = b"",
) -> SyncPageBody[SessionBody | SessionTombstoneBody]:
    """A page of the caller's sessions (or of their changes), JSON-ready."""
    sync: str | None = None
    if sync_token is not None:
        require_sync_alone(flt.narrowed, flt.updated_since, sort)
        page = read_changes(
            session,
            repository.changes(user.id),
            seq_column=col(WorkoutSession.change_seq),
            id_column=col(WorkoutSession.id),
            sync_token=sync_token,
            cursor=cursor,
            limit=limit,
            scope=_changes_scope(user.id),
            key=key,
        )
        rows: Sequence[SessionRow] = page.rows
        next_cursor, sync = page.next_cursor, page.sync_token
    else:
        order = list_order(sort, repository.SORTABLE, "-started_at", flt.updated_since)
        rows, next_cursor = repository.list_sessions(session, user.id, flt, order, cursor, limit)
    live = {b["id"]: b for b in as_public(session, [r for r in rows if r.deleted_at is None])}
    items: list[SessionBody | SessionTombstoneBody] = [
        live[r.id] if r.deleted_at is None else {"id": r.id, "deleted_at": r.deleted_at}
        for r in rows
    ]
    return {"items": items, "next_cursor": next_cursor, "sync_token": sync}


def _announce(
    session: Session,
    owner_id: uuid.UUID,
    event_type: WebhookEventType,
    session_id: uuid.UUID,
    body: Callable[[], SessionBody | SessionTombstoneBody],
) -> None:
    """Queue the webhook event of this write in its transaction (app.webhooks.outbox: one
    insert; the worker decides who gets it). As in a clinic's REST reads, a clinic that
    did not prescribe the routine followed gets the session without naming it."""
    built = cache(body)

    def care_of() -> uuid.UUID | None:
        routine_id = built().get("routine_id")  # a tombstone names none
        if not isinstance(routine_id, uuid.UUID):
            return None
        return routines_repository.prescribing_clinic(session, routine_id)

    outbox.emit(
        session,
        owner_id=owner_id,
        event_type=event_type,
        subject=f"session:{session_id}",
        data=lambda: {"session": built()},
        care_of=care_of,
        clinic_private=("session.routine_id", "session.routine_version"),
    )


def _current_body(
    session: Session, user: Caller, session_id: uuid.UUID
) -> Callable[[], SessionBody]:
    """The session as this transaction now sees it (after the write, before commit)."""
    return lambda: get_one(session, user, session_id).body


def _bump(session: Session, row: SessionRow, values: dict[str, object]) -> bool:
    """Write the change if the row is still at the revision read, as the owner's next change."""
    change_seq = bump_user_counter(session, row.owner_id)
    stamped = {**values, "updated_at": utcnow(), "change_seq": change_seq}
    return repository.update_if_current(session, row, stamped)


def update(
    session: Session,
    user: Caller,
    session_id: uuid.UUID,
    changes: SessionUpdate,
    if_match: str | None,
) -> SessionView:
    row = owned(session, user, session_id)
    require_if_match(if_match, session_etag(row))
    values = changes.model_dump(exclude_unset=True)
    reject_nulls(values, ("started_at", "notes"))
    started: datetime = values.get("started_at", row.started_at)
    ended: datetime | None = values.get("ended_at", row.ended_at)
    if ended is not None and ended < started:
        raise Invalid(
            "ended_at is before started_at.",
            errors=[FieldError(["body", "ended_at"], "before started_at", "value_error")],
        )
    if "routine_id" in values or "routine_version" in values:
        routine_id = values.get("routine_id", row.routine_id)
        if "routine_id" not in values and values["routine_version"] is None:
            reject_nulls(values, ("routine_version",))
        values["routine_version"] = _routine_version(
            session, user, routine_id, values.get("routine_version")
        )
    with conditional_write(session) as current:
        current(_bump(session, row, values))
        if "started_at" in values:  # the only field the day totals depend on
            totals.after_change(session, user.id, user.time_zone, {row.started_at, started})
        publish(session, SessionWritten(user.id, user.time_zone, row.id))
        updated = _current_body(session, user, session_id)
        _announce(session, user.id, WebhookEventType.SESSION_UPDATED, session_id, updated)
    session.expire_all()
    return get_one(session, user, session_id)


def write_entries(
    session: Session,
    user: Caller,
    session_id: uuid.UUID,
    entries: Sequence[EntryIn],
    if_match: str | None,
    catalog: CatalogSpecs,
    *,
    append: bool,
) -> SessionView:
    """Replace the session's entries, or `append` to them, as one conditional change."""
    row = owned(session, user, session_id)
    require_if_match(if_match, session_etag(row))
    rows = _entries(session, catalog, entries)  # validate before taking the write lock
    with conditional_write(session) as current:
        current(_bump(session, row, {}))
        if not append:
            repository.clear_entries(session, row.id)
        # positions run 1..n without gaps
        start = repository.next_position(session, row.id) if append else 1
        if start - 1 + len(rows) > MAX_ENTRIES:
            raise Invalid(
                f"A session holds at most {MAX_ENTRIES} entries.",
                errors=[FieldError(["body", "entries"], "too many entries", "too_long")],
            )
        repository.insert_entries(session, row.id, start, rows)
        repository.refresh_pain_max(session, row.id)
        totals.after_change(session, user.id, user.time_zone, [row.started_at])
        publish(session, SessionWritten(user.id, user.time_zone, row.id))
        updated = _current_body(session, user, session_id)
        _announce(session, user.id, WebhookEventType.SESSION_UPDATED, session_id, updated)
    session.expire_all()
    return get_one(session, user, session_id)


def delete(session: Session, user: Caller, session_id: uuid.UUID, if_match: str | None) -> None:
    """Leave a tombstone so offline clients learn of the deletion when they sync."""
    row = owned(session, user, session_id)
    require_if_match(if_match, session_etag(row))
    deleted_at = utcnow()
    with conditional_write(session) as current:
        current(_bump(session, row, {"deleted_at": deleted_at}))
        repository.clear_entries(session, row.id)
        repository.refresh_pain_max(session, row.id)
        totals.after_change(session, user.id, user.time_zone, [row.started_at])
        publish(session, SessionWritten(user.id, user.time_zone, row.id, deleted=True))
        tombstone: SessionTombstoneBody = {"id": row.id, "deleted_at": deleted_at}
        _announce(session, user.id, WebhookEventType.SESSION_DELETED, row.id, lambda: tombstone)


def _timestamp(value: datetime | None) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value is not None else None


def _export_table(engine: Engine, owner_id: uuid.UUID) -> Iterator[tuple[Cell, ...]]:
    """The export's rows in EXPORT_COLUMNS order, read in its own database session.

    Its own session, because the rows are produced while the response streams, after
    the request's session is closed.
    """
    with Session(engine) as session:
        for r in repository.export_rows(session, owner_id):
            yield (
                str(r.id),
                _timestamp(r.started_at),
                _timestamp(r.ended_at),
                str(r.routine_id) if r.routine_id else None,
                r.exercise,
                r.set_number,
                r.side,
                r.reps,
                r.steps,
                r.hold_seconds,
                r.load_band,
                float(r.load_kg) if r.load_kg is not None else None,
                r.pain,
                r.effort,
                r.notes,
                r.session_notes,
            )


def export_csv(engine: Engine, user: Caller) -> Iterator[bytes]:
    """The log as spreadsheet-safe CSV, one row per entry (one per session without any)."""
    return csv_chunks(EXPORT_COLUMNS, _export_table(engine, user.id))


def export_json(engine: Engine, user: Caller) -> Iterator[bytes]:
    """The log as `{columns, rows}` JSON, rows keyed by column."""
    return json_chunks(EXPORT_COLUMNS, _export_table(engine, user.id))


def on_routine_deleted(session: Session, event: RoutineDeleted) -> None:
    """The sessions logged against a deleted routine keep their data, unlinked: each as a
    change of its own, in the routine's delete transaction, announced as any other change
    of a session (`session.updated`, with the body as it now is), one outbox row each (in
    owner then id order). The bodies are read in one query for them all."""
    unlinked = repository.unlink_routine(session, event.routine_id, event.at)
    if not unlinked:
        return

    @cache
    def bodies() -> dict[uuid.UUID, SessionBody]:
        rows = repository.get_many(session, [session_id for _, session_id in unlinked])
        return {body["id"]: body for body in as_public(session, rows)}

    for owner_id, session_id in unlinked:
        _announce(
            session,
            owner_id,
            WebhookEventType.SESSION_UPDATED,
            session_id,
            partial(_unlinked_body, bodies, session_id),
        )


def _unlinked_body(
    bodies: Callable[[], dict[uuid.UUID, SessionBody]], session_id: uuid.UUID
) -> SessionBody:
    return bodies()[session_id]
