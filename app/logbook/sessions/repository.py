"""Session-log queries: a page of sessions, then all their entries in one more query."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from types import ModuleType
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Numeric,
    Row,
    Select,
    String,
    bindparam,
    case,
    delete,
    exists,
    func,
    insert,
    or_,
    type_coerce,
    update,
)
from sqlalchemy import select as core_select
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from app.core.changes import bump_user_counter
from app.core.db import update_if_revision
from app.core.pagination import Sort, keyset_order, page_of, paginate
from app.core.sqltypes import VocabularyColumn
from app.logbook.sessions.models import (
    EntryBody,
    ExerciseDayTotal,
    ExerciseDayZone,
    ExerciseWeekTotal,
    SessionEntry,
    WorkoutSession,
)
from app.users.models import User

# The hot path of this domain is written in SQLAlchemy Core (docs/architecture/hot-paths.md):
# entries go in as one executemany and come out as rows, never as ORM entities.
_SESSION = WorkoutSession.__table__  # type: ignore[attr-defined]
_ENTRY = SessionEntry.__table__  # type: ignore[attr-defined]
ENTRY_COLUMNS = (
    _ENTRY.c.exercise,
    _ENTRY.c.set_number,
    _ENTRY.c.side,
    _ENTRY.c.reps,
    _ENTRY.c.steps,
    _ENTRY.c.hold_seconds,
    _ENTRY.c.load_band,
    _ENTRY.c.load_kg,
    _ENTRY.c.pain,
    _ENTRY.c.effort,
    _ENTRY.c.notes,
)
ENTRY_KEYS = tuple(c.key for c in ENTRY_COLUMNS)
# A workout_session row as Core reads it: every column by attribute (row.id, row.revision).
SessionRow = Row[Any]

SORTABLE = {
    "started_at": WorkoutSession.started_at,
    "updated_at": WorkoutSession.updated_at,
    "created_at": WorkoutSession.created_at,
}


@dataclass(frozen=True)
class SessionFilter:
    """What a list asks for within the caller's sessions."""

    started_from: datetime | None = None
    started_to: datetime | None = None
    routine_id: uuid.UUID | None = None
    exercises: Sequence[str] = ()
    updated_since: datetime | None = None

    @property
    def narrowed(self) -> bool:
        """True when a filter leaves some of the owner's sessions out."""
        return bool(self.started_from or self.started_to or self.routine_id or list(self.exercises))


def changes(owner_id: uuid.UUID) -> Select[Any]:
    """Every session of the owner, tombstones included: what sync reads in change order."""
    return core_select(_SESSION).where(_SESSION.c.owner_id == owner_id)


_GET = core_select(_SESSION).where(_SESSION.c.id == bindparam("session_id"))


def get(session: Session, session_id: uuid.UUID) -> SessionRow | None:
    """The session under this id whoever owns it, tombstone or not (an id's one use)."""
    return session.execute(_GET, {"session_id": session_id}).first()


_GET_OWNED = _GET.where(
    _SESSION.c.owner_id == bindparam("owner_id"), _SESSION.c.deleted_at.is_(None)
)


def get_owned(
    session: Session | Connection, session_id: uuid.UUID, owner_id: uuid.UUID
) -> SessionRow | None:
    """The owner's live session; another's, or a deleted one, is as absent as a missing one."""
    return session.execute(_GET_OWNED, {"session_id": session_id, "owner_id": owner_id}).first()


# The entries as answered: the vocabularies as their text and the load as a float (what
# the wire carries), so a read builds each entry's dict in one step (`entry_bodies`).
_ANSWERED_ENTRY_COLUMNS = tuple(
    type_coerce(c, String()).label(c.key)
    if isinstance(c.type, VocabularyColumn)
    else type_coerce(c, Numeric(6, 2, asdecimal=False)).label(c.key)
    if c.key == "load_kg"
    else c
    for c in ENTRY_COLUMNS
)
_ENTRIES_OF_ONE = (
    core_select(*_ANSWERED_ENTRY_COLUMNS)
    .where(_ENTRY.c.session_id == bindparam("session_id"))
    .order_by(_ENTRY.c.position)
)
# The session id last (zip stops before it), as the driver returns it (hex text on
# SQLite): no UUID built per entry.
_ENTRIES_OF_MANY = (
    core_select(*_ANSWERED_ENTRY_COLUMNS, type_coerce(_ENTRY.c.session_id, String()))
    .where(_ENTRY.c.session_id.in_(bindparam("session_ids", expanding=True)))
    .order_by(_ENTRY.c.session_id, _ENTRY.c.position)
)


def entry_bodies(
    session: Session | Connection, session_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[EntryBody]]:
    """Each session's entries in position order, as answered (statements built once)."""
    if len(session_ids) == 1:
        (only,) = session_ids
        rows = session.execute(_ENTRIES_OF_ONE, {"session_id": only}).all()
        return {only: [dict(zip(ENTRY_KEYS, row, strict=True)) for row in rows]}  # type: ignore[misc]
    out: dict[uuid.UUID, list[EntryBody]] = {sid: [] for sid in session_ids}
    if not session_ids:
        return out
    # keyed by the id both as the driver returns it (SQLite's hex text) and as a UUID
    by_raw: dict[object, list[EntryBody]] = {}
    for sid, entries in out.items():
        by_raw[sid.hex] = by_raw[sid] = entries
    rows = session.execute(_ENTRIES_OF_MANY, {"session_ids": list(session_ids)}).all()
    for row in rows:
        by_raw[row[-1]].append(dict(zip(ENTRY_KEYS, row, strict=False)))  # type: ignore[arg-type]
    return out


_LIVE_OF_OWNER = core_select(_SESSION).where(
    _SESSION.c.owner_id == bindparam("owner_id"), _SESSION.c.deleted_at.is_(None)
)
_FIRST_PAGES: dict[tuple[str, bool], Select[Any]] = {}


def _first_page(sort: Sort) -> Select[Any]:
    """The first page of the owner's live sessions in `sort`'s order, the limit bound per
    call: built once per order, since the unfiltered first page is what clients ask most."""
    key = (sort.key, sort.descending)
    statement = _FIRST_PAGES.get(key)
    if statement is None:
        # by the table's column, not the entity's attribute: a Core statement, Core rows
        by_column = Sort(key=sort.key, column=_SESSION.c[sort.key], descending=sort.descending)
        ordered = keyset_order(_LIVE_OF_OWNER, by_column, _SESSION.c.id)
        statement = _FIRST_PAGES[key] = ordered.limit(bindparam("rows"))
    return statement


def list_sessions(
    session: Session | Connection,
    owner_id: uuid.UUID,
    flt: SessionFilter,
    sort: Sort,
    cursor: str | None,
    limit: int,
) -> tuple[Sequence[SessionRow], str | None]:
    if cursor is None and flt.updated_since is None and not flt.narrowed:
        params = {"owner_id": owner_id, "rows": limit + 1}
        rows = session.execute(_first_page(sort), params).all()
        return page_of(rows, sort=sort, id_column=_SESSION.c.id, limit=limit)
    stmt = core_select(_SESSION).where(_SESSION.c.owner_id == owner_id)
    if flt.updated_since is not None:
        stmt = stmt.where(col(WorkoutSession.updated_at) >= flt.updated_since)
    else:
        stmt = stmt.where(col(WorkoutSession.deleted_at).is_(None))
    if flt.started_from is not None:
        stmt = stmt.where(col(WorkoutSession.started_at) >= flt.started_from)
    if flt.started_to is not None:
        stmt = stmt.where(col(WorkoutSession.started_at) < flt.started_to)
    if flt.routine_id is not None:
        stmt = stmt.where(col(WorkoutSession.routine_id) == flt.routine_id)
    if flt.exercises:
        stmt = stmt.where(
            exists().where(
                col(SessionEntry.session_id) == col(WorkoutSession.id),
                col(SessionEntry.exercise).in_(list(flt.exercises)),
            )
        )
    return paginate(
        session, stmt, sort=sort, id_column=col(WorkoutSession.id), cursor=cursor, limit=limit
    )


_COUNT_STARTED_BETWEEN = (
    core_select(func.count())
    .select_from(_SESSION)
    .where(
        _SESSION.c.owner_id == bindparam("owner_id"),
        _SESSION.c.started_at >= bindparam("start"),
        _SESSION.c.started_at < bindparam("end"),
        _SESSION.c.deleted_at.is_(None),
    )
)


def count_and_totals_zone(
    session: Session, owner_id: uuid.UUID, start: datetime, end: datetime
) -> tuple[int, str | None]:
    """What a create reads before it writes, in one statement: the owner's live sessions
    started in [start, end) (the quota's day) and the zone their day totals are dated in
    (None when they have none yet)."""
    params = {"owner_id": owner_id, "start": start, "end": end}
    started, zone = session.execute(_BEFORE_CREATE, params).one()
    return int(started), None if zone is None else str(zone)


def insert_session(session: Session, values: Mapping[str, object]) -> None:
    """One new session row; a taken id raises IntegrityError (the idempotency decision)."""
    session.execute(insert(_SESSION), values)


# The vocabularies go in as the text values they already are (checked when the request
# was read): the column type would turn each back into its enum and out again, per row.
_INSERT_ENTRIES = insert(_ENTRY).values(
    {
        c.key: bindparam(c.key, type_=String())
        for c in ENTRY_COLUMNS
        if isinstance(c.type, VocabularyColumn)
    }
)


def insert_entries(
    session: Session, session_id: uuid.UUID, start: int, entries: Sequence[Sequence[Any]]
) -> None:
    """A session's entries (values in ENTRY_COLUMNS order) as one executemany, numbered
    from `start`."""
    if not entries:
        return
    session.execute(
        _INSERT_ENTRIES,
        [
            {
                "session_id": session_id,
                "position": start + n,
                **dict(zip(ENTRY_KEYS, values, strict=True)),
            }
            for n, values in enumerate(entries)
        ],
    )


def next_position(session: Session, session_id: uuid.UUID) -> int:
    current = session.exec(
        select(func.max(SessionEntry.position)).where(col(SessionEntry.session_id) == session_id)
    ).first()
    return int(current or 0) + 1


def update_if_current(session: Session, row: SessionRow, values: Mapping[str, object]) -> bool:
    return update_if_revision(
        session, WorkoutSession, col(WorkoutSession.id) == row.id, row.revision, values
    )


def clear_entries(session: Session, session_id: uuid.UUID) -> None:
    session.execute(delete(SessionEntry).where(col(SessionEntry.session_id) == session_id))


_WORST_PAIN = (
    core_select(func.max(_ENTRY.c.pain))
    .where(_ENTRY.c.session_id == _SESSION.c.id)
    .scalar_subquery()
)


def refresh_pain_max(session: Session, session_id: uuid.UUID) -> None:
    """The session's `pain_max` from its entries as they now are."""
    stmt = update(_SESSION).where(_SESSION.c.id == session_id).values(pain_max=_WORST_PAIN)
    session.execute(stmt)


def refresh_every_pain_max(connection: Connection) -> None:
    """Every session's `pain_max` from its entries (a backfill)."""
    connection.execute(update(_SESSION).values(pain_max=_WORST_PAIN))


def unlink_routine(
    session: Session, routine_id: uuid.UUID, now: datetime
) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """Detach every session from a routine about to be deleted, as a change of each session;
    (owner id, session id) of each live one detached (tombstones are detached too, and stay
    tombstones), in owner then id order.

    The foreign key's ON DELETE SET NULL would do it silently: same revision, same
    change_seq, so offline clients would never learn. Counters are taken in owner order
    (in practice only the routine's owner logs against it) so two deletions cannot
    deadlock.
    """
    named = session.execute(
        core_select(_SESSION.c.owner_id, _SESSION.c.id, _SESSION.c.deleted_at)
        .where(_SESSION.c.routine_id == routine_id)
        .order_by(_SESSION.c.owner_id, _SESSION.c.id)
    ).all()
    for owner_id in sorted({row.owner_id for row in named}):
        seq = bump_user_counter(session, owner_id)
        session.execute(
            update(WorkoutSession)
            .where(
                col(WorkoutSession.routine_id) == routine_id,
                col(WorkoutSession.owner_id) == owner_id,
            )
            .values(
                routine_id=None,
                routine_version=None,
                revision=WorkoutSession.revision + 1,
                updated_at=now,
                change_seq=seq,
            )
        )
    return [(row.owner_id, row.id) for row in named if row.deleted_at is None]


def get_many(session: Session, session_ids: Sequence[uuid.UUID]) -> Sequence[SessionRow]:
    """These sessions, whoever owns them, in id order."""
    return session.execute(
        core_select(_SESSION).where(_SESSION.c.id.in_(session_ids)).order_by(_SESSION.c.id)
    ).all()


EXPORT_BATCH = 1000


def export_rows(session: Session, owner_id: uuid.UUID) -> Iterator[Row[Any]]:
    """Every live session of the owner with each of its entries, in start order.

    A session without entries comes once with its entry columns null. One statement,
    fetched in batches (a server-side cursor on PostgreSQL), as plain rows that no
    identity map keeps alive: memory stays constant however long the log.
    """
    s, e = WorkoutSession, SessionEntry
    result = session.execute(
        select(  # type: ignore[call-overload, misc]
            s.id,
            s.started_at,
            s.ended_at,
            s.routine_id,
            col(s.notes).label("session_notes"),
            col(e.exercise).label("exercise"),  # the column's name is exercise_slug
            e.set_number,
            e.side,
            e.reps,
            e.steps,
            e.hold_seconds,
            e.load_band,
            e.load_kg,
            e.pain,
            e.effort,
            e.notes,
        )
        .outerjoin(e, col(e.session_id) == col(s.id))
        .where(col(s.owner_id) == owner_id, col(s.deleted_at).is_(None))
        .order_by(col(s.started_at), col(s.id), col(e.position))
        .execution_options(yield_per=EXPORT_BATCH)
    )
    yield from result


# --- Per-day totals (app/logbook/sessions/totals.py): written in the session write's transaction.

_TOTAL = ExerciseDayTotal.__table__  # type: ignore[attr-defined]
_WEEK = ExerciseWeekTotal.__table__  # type: ignore[attr-defined]
_ZONE = ExerciseDayZone.__table__  # type: ignore[attr-defined]
TOTAL_KEYS = ("owner_id", "day", "exercise_slug")
TOTAL_VALUES = tuple(c.key for c in _TOTAL.c if c.key not in TOTAL_KEYS)
MAX_VALUES = frozenset({"best_reps", "best_steps", "best_hold", "pain_max"})


def _totals_add(insert_: Any, table: Any, keys: Sequence[str]) -> Any:
    """Add a session's figures to the day's (or week's) row: sums add up, maxima take the
    larger."""
    stmt = insert_(table)
    new = stmt.excluded
    return stmt.on_conflict_do_update(
        index_elements=[table.c[k] for k in keys],
        set_={
            k: case((new[k] > table.c[k], new[k]), else_=table.c[k])
            if k in MAX_VALUES
            else table.c[k] + new[k]
            for k in TOTAL_VALUES
        },
    )


def _zone_upsert(insert_: Any) -> Any:
    stmt = insert_(_ZONE)
    return stmt.on_conflict_do_update(
        index_elements=[_ZONE.c.owner_id], set_={"time_zone": stmt.excluded.time_zone}
    )


_DIALECTS: dict[str, ModuleType] = {"postgresql": postgresql, "sqlite": sqlite}
# Built once per dialect, like the change counter's upsert.
WEEK_KEYS = ("owner_id", "week", "exercise_slug")
_TOTALS_ADD = {name: _totals_add(d.insert, _TOTAL, TOTAL_KEYS) for name, d in _DIALECTS.items()}
_WEEKS_ADD = {name: _totals_add(d.insert, _WEEK, WEEK_KEYS) for name, d in _DIALECTS.items()}
_ZONE_UPSERT = {name: _zone_upsert(d.insert) for name, d in _DIALECTS.items()}
_TOTALS_ZONE = core_select(_ZONE.c.time_zone).where(_ZONE.c.owner_id == bindparam("owner_id"))
TotalRows = dict[tuple[int, str], list[int]]  # (day, exercise) -> TOTAL_VALUES in order
_BEFORE_CREATE = core_select(
    _COUNT_STARTED_BETWEEN.scalar_subquery().label("started"),
    _TOTALS_ZONE.scalar_subquery().label("zone"),
)


def week_of(day: int) -> int:
    """The ordinal of the Monday starting the ISO week of the date ordinal `day` (ordinal 1,
    0001-01-01, is a Monday); `_week_of` is the same arithmetic in SQL."""
    return day - (day - 1) % 7


def _week_of(day: Any) -> Any:
    return day - (day - 1) % 7


def _total_dicts(owner_id: uuid.UUID, rows: TotalRows, key: str = "day") -> list[dict[str, object]]:
    """The rows as statement parameters, one value per column."""
    return [
        {
            "owner_id": owner_id,
            key: day,
            "exercise_slug": slug,
            **dict(zip(TOTAL_VALUES, v, strict=True)),
        }
        for (day, slug), v in rows.items()
    ]


def _by_week(rows: TotalRows) -> TotalRows:
    """Day rows combined into their weeks (sums add up, maxima take the larger)."""
    out: TotalRows = {}
    for (day, slug), values in rows.items():
        key = (week_of(day), slug)
        have = out.get(key)
        if have is None:
            out[key] = list(values)
            continue
        for n, name in enumerate(TOTAL_VALUES):
            have[n] = max(have[n], values[n]) if name in MAX_VALUES else have[n] + values[n]
    return out


def totals_zone(session: Session, owner_id: uuid.UUID) -> str | None:
    """The zone the owner's day totals are dated in; None when there are none yet."""
    zone = session.execute(_TOTALS_ZONE, {"owner_id": owner_id}).scalar_one_or_none()
    return str(zone) if zone is not None else None


def set_totals_zone(session: Session, owner_id: uuid.UUID, time_zone: str) -> None:
    dialect = session.get_bind().dialect.name
    session.execute(_ZONE_UPSERT[dialect], {"owner_id": owner_id, "time_zone": time_zone})


def add_totals(session: Session, owner_id: uuid.UUID, rows: TotalRows) -> None:
    """Add one new session's per-(day, exercise) figures (one executemany)."""
    if rows:
        dialect = session.get_bind().dialect.name
        session.execute(_TOTALS_ADD[dialect], _total_dicts(owner_id, rows))
        session.execute(_WEEKS_ADD[dialect], _total_dicts(owner_id, _by_week(rows), "week"))


def replace_totals(
    session: Session, owner_id: uuid.UUID, days: Sequence[int] | None, rows: TotalRows
) -> None:
    """Make the owner's rows for `days` (every day when None) exactly `rows`, and their
    weeks' rows the sums of the day rows now stored (maxima cannot be subtracted)."""
    stmt = delete(_TOTAL).where(_TOTAL.c.owner_id == owner_id)
    if days is not None:
        stmt = stmt.where(_TOTAL.c.day.in_(list(days)))
    session.execute(stmt)
    insert_totals(session.connection(), owner_id, rows)
    weeks = None if days is None else sorted({week_of(day) for day in days})
    weeks_from_days(session.connection(), owner_id, weeks)


def _figures_of(table: Any) -> list[ColumnElement[Any]]:
    """Each figure of `table`'s rows combined: summed, or the largest for a maximum."""
    return [(func.max if k in MAX_VALUES else func.sum)(table.c[k]).label(k) for k in TOTAL_VALUES]


def weeks_from_days(
    connection: Connection, owner_id: uuid.UUID | None, weeks: Sequence[int] | None
) -> None:
    """Make the week rows of `owner_id` (every owner when None) for `weeks` (every week when
    None) the combination of their day rows: one DELETE and one INSERT ... SELECT."""
    week = _week_of(_TOTAL.c.day)
    gone = delete(_WEEK)
    source = core_select(_TOTAL.c.owner_id, week, _TOTAL.c.exercise_slug, *_figures_of(_TOTAL))
    if owner_id is not None:
        gone = gone.where(_WEEK.c.owner_id == owner_id)
        source = source.where(_TOTAL.c.owner_id == owner_id)
    if weeks is not None:
        if not weeks:
            return
        gone = gone.where(_WEEK.c.week.in_(list(weeks)))
        source = source.where(or_(*[_TOTAL.c.day.between(w, w + 6) for w in weeks]))
    connection.execute(gone)
    source = source.group_by(_TOTAL.c.owner_id, week, _TOTAL.c.exercise_slug)
    connection.execute(insert(_WEEK).from_select([*WEEK_KEYS, *TOTAL_VALUES], source))


# (session id, started_at, then TOTALS_ENTRY_COLUMNS): what the totals are made from.
TOTALS_ENTRY_COLUMNS = (
    _ENTRY.c.exercise,
    _ENTRY.c.side,
    _ENTRY.c.reps,
    _ENTRY.c.steps,
    _ENTRY.c.hold_seconds,
    _ENTRY.c.pain,
    _ENTRY.c.effort,
)


def totals_source(
    session: Session, owner_id: uuid.UUID, windows: Sequence[tuple[datetime, datetime]] | None
) -> Sequence[Row[Any]]:
    """The entries of the owner's live sessions started in any of `windows` ([start, end)
    UTC; every session when None), grouped by session."""
    stmt = (
        core_select(_SESSION.c.id, _SESSION.c.started_at, *TOTALS_ENTRY_COLUMNS)
        .join(_ENTRY, _ENTRY.c.session_id == _SESSION.c.id)
        .where(_SESSION.c.owner_id == owner_id, _SESSION.c.deleted_at.is_(None))
        .order_by(_SESSION.c.id)
    )
    if windows is not None:
        stmt = stmt.where(
            or_(*[_SESSION.c.started_at.between(start, end) for start, end in windows])
        )
    return session.execute(stmt).all()


def every_live_session(connection: Connection) -> Iterator[Any]:
    """(id, owner id, started_at, owner's time zone) of every live session, in batches."""
    user = User.__table__  # type: ignore[attr-defined]
    stmt = (
        core_select(_SESSION.c.id, _SESSION.c.owner_id, _SESSION.c.started_at, user.c.time_zone)
        .join(user, user.c.id == _SESSION.c.owner_id)
        .where(_SESSION.c.deleted_at.is_(None))
        .execution_options(yield_per=EXPORT_BATCH)
    )
    yield from connection.execute(stmt)


def _sum_if(condition: ColumnElement[bool], value: Any) -> ColumnElement[Any]:
    return func.sum(case((condition, value), else_=0))


def insert_totals_by_day(connection: Connection, session_days: Any) -> None:
    """Every owner's rows in one INSERT ... SELECT, from `session_days` (session_id,
    owner_id, day): each live session's local day, computed by the caller. The SQL twin of
    totals.add_session, for a backfill; tests/test_migrations.py checks it against the raw
    entries."""
    e, d = _ENTRY.c, session_days.c
    reps, steps, hold = (func.coalesce(c, 0) for c in (e.reps, e.steps, e.hold_seconds))
    figures: dict[str, ColumnElement[Any]] = {
        "sessions": func.count(func.distinct(d.session_id)),
        "sets": func.count(),
        "reps": func.sum(reps),
        "steps": func.sum(steps),
        "hold_seconds": func.sum(hold),
        "best_reps": func.max(reps),
        "best_steps": func.max(steps),
        "best_hold": func.max(hold),
        "pain_sum": func.sum(e.pain),
        "pain_max": func.max(e.pain),
        "effort_sum": func.sum(e.effort),
    }
    for side in ("left", "right"):
        on = e.side == side
        figures[f"{side}_sets"] = _sum_if(on, 1)
        figures[f"{side}_counted"] = _sum_if(on, reps + steps)
        figures[f"{side}_held"] = _sum_if(on, hold)
    assert set(figures) == set(TOTAL_VALUES)
    rows = (
        core_select(d.owner_id, d.day, e.exercise, *figures.values())
        .select_from(_ENTRY.join(session_days, d.session_id == e.session_id))
        .group_by(d.owner_id, d.day, e.exercise)
    )
    columns = ["owner_id", "day", "exercise_slug", *figures]
    connection.execute(insert(_TOTAL).from_select(columns, rows))


def reset_every_total(connection: Connection, weeks: bool = True) -> None:
    """No totals at all, and every user's zone row in the user's zone (a backfill's start)."""
    user = User.__table__  # type: ignore[attr-defined]
    if weeks:
        connection.execute(delete(_WEEK))
    connection.execute(delete(_TOTAL))
    connection.execute(delete(_ZONE))
    zones = core_select(user.c.id, user.c.time_zone)
    connection.execute(insert(_ZONE).from_select(["owner_id", "time_zone"], zones))


def insert_totals(connection: Connection, owner_id: uuid.UUID, rows: TotalRows) -> None:
    """Day rows only: their weeks follow with `weeks_from_days`."""
    if rows:
        connection.execute(insert(_TOTAL), _total_dicts(owner_id, rows))
