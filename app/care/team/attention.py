"""Each patient's summary as their clinician's view ranks it, kept with every change it
follows, so a page of the view is a range of one index (`ix_care_relationship_attention`)
whatever the size of the clinic.

The view (overview.py) puts first who needs attention: most open alerts at the clinic,
then the lowest adherence over the last four complete local weeks, then the longest since
the last session (never logged first), then the patient id; a figure the relationship does
not grant (`alerts`, `progress`) sorts as if absent. Each care relationship carries those
keys, ascending (`rank_alerts` is minus the open alerts), and the inputs they need:

- Time-independent inputs are recomputed from the source rows, for every relationship of
  the patient, in the transaction of each change they follow, in one UPDATE: a session
  written, changed or deleted (`SessionWritten`), an alert raised or acknowledged, a
  routine written (the target: the routine the clinic prescribed, else the patient's
  latest), the patient's time zone changed.
- The one time-relative input is which four weeks count: "the last session" needs no
  clock (ordering by its instant is ordering by the time since), but adherence looks at
  the four whole weeks before the current one in the patient's zone. The summary stores
  the sessions counted in those weeks (`summary_done`) and the instant the current week
  ends (`summary_until`); once that instant passes, the stored count is stale. Before a
  page is read, the view finds its stale relationships through the
  (clinic, clinician, status, summary_until) index, an empty range on every read but the
  first after a week turns, and refreshes them in one UPDATE (`roll`). Computing the
  window in the ORDER BY instead would read every patient's sessions on every page: the
  cost this module removes. New relationships start stale, so the same step fills them in,
  and migration 0019 backfills every existing one the same way.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    ColumnElement,
    Connection,
    String,
    and_,
    bindparam,
    case,
    func,
    literal,
    literal_column,
    select,
    update,
)
from sqlmodel import Session

from app.care.team.models import CareRelationship
from app.core.db import begin_write
from app.core.sqltypes import UTCDateTime, epoch_seconds
from app.core.types import utcnow
from app.core.vocabulary import CareScope, RelationshipStatus
from app.logbook.alerts.events import AlertAcknowledged, AlertRaised
from app.logbook.alerts.models import Alert, AlertAcknowledgement
from app.logbook.progress.calc import calendar
from app.logbook.sessions.events import SessionWritten
from app.logbook.sessions.models import WorkoutSession
from app.outcomes.measures.events import MeasureAnswered
from app.outcomes.measures.models import MeasureAnswer
from app.training.routines.events import RoutineWritten
from app.training.routines.models import Routine
from app.users.events import TimeZoneChanged
from app.users.models import User

R = CareRelationship.__table__  # type: ignore[attr-defined]
U = User.__table__  # type: ignore[attr-defined]
S = WorkoutSession.__table__  # type: ignore[attr-defined]
RT = Routine.__table__  # type: ignore[attr-defined]
AL = Alert.__table__  # type: ignore[attr-defined]
ACK = AlertAcknowledgement.__table__  # type: ignore[attr-defined]
MA = MeasureAnswer.__table__  # type: ignore[attr-defined]

WEEKS = 5  # the four weeks before this one, then this one
ADHERENCE_SCALE = 1000  # adherence as an integer per mille: exact in a cursor
NO_TARGET = ADHERENCE_SCALE + 1  # no figures or no routine: sorts after every ratio
NEVER = -1  # no session logged: the longest since the last session
ACTIVE = RelationshipStatus.ACTIVE.value
# Written into the statements, not bound: with the status a literal, SQLite sees which
# partial indexes on active rows apply, and the patient's summaries UPDATE (every session
# write's) runs in about half the time (bench/results/profile-notes.md).
ACTIVE_TEXT = literal_column(f"'{ACTIVE}'", String())
IS_ACTIVE = R.c.status == ACTIVE_TEXT


@dataclass(frozen=True)
class ZoneWeeks:
    """One time zone's five weeks: UTC instants of their local Mondays (and the end of
    this week), and the Mondays as date ordinals (how the week totals are keyed)."""

    bounds: tuple[datetime, ...]  # WEEKS + 1 instants
    mondays: tuple[int, ...]  # WEEKS ordinals

    @property
    def counted(self) -> tuple[datetime, datetime]:
        """The four whole weeks adherence counts: from the first Monday to this week's."""
        return self.bounds[0], self.bounds[WEEKS - 1]

    @property
    def until(self) -> datetime:
        """When this week ends, and with it what `counted` covers."""
        return self.bounds[WEEKS]


@lru_cache(maxsize=1024)
def zone_weeks(time_zone: str, today_ordinal: int) -> ZoneWeeks:
    """The zone's five weeks around `today` (its date there): four before, then this one."""
    zone = ZoneInfo(time_zone)
    today = datetime.fromordinal(today_ordinal).date()
    monday = today - timedelta(days=today.weekday())
    weeks = calendar(monday - timedelta(weeks=WEEKS - 1), monday + timedelta(days=6), zone)
    return ZoneWeeks(
        bounds=(*(w.start for w in weeks.weeks), weeks.weeks[-1].end),
        mondays=tuple(w.starts_on.toordinal() for w in weeks.weeks),
    )


def weeks_at(time_zone: str, now: datetime) -> ZoneWeeks:
    return zone_weeks(time_zone, now.astimezone(ZoneInfo(time_zone)).date().toordinal())


def granted(scope: CareScope) -> ColumnElement[bool]:
    """Whether the relationship grants `scope` (scopes are stored as sorted,
    comma-separated names: app/care/team/models.py ScopeSet)."""
    found: ColumnElement[bool] = (literal(",") + R.c.scopes + literal(",")).contains(
        f",{scope.value},"
    )
    return found


def prescribed_sessions_per_week(clinic_id: Any, patient_id: Any) -> Any:
    """The sessions per week a patient's adherence is measured against: the routine
    prescribed to them at this clinic (the most recently revised, if several), else the
    patient's own most recently updated routine (what /me/progress compares against).
    Each is read through the (owner, updated_at) index."""

    def latest(*where: Any) -> Any:
        return (
            select(RT.c.sessions_per_week)
            .where(RT.c.owner_id == patient_id, *where)
            .order_by(RT.c.updated_at.desc(), RT.c.id)
            .limit(1)
            .correlate_except(RT)
            .scalar_subquery()
        )

    return func.coalesce(latest(RT.c.clinic_id == clinic_id), latest())


def open_alerts(patient_id: Any, clinic_id: Any) -> ColumnElement[int]:
    """The patient's alerts this clinic has not acknowledged (each clinic acknowledges for
    itself, and another's acknowledgement never shows here): a correlated count over the
    (alert, clinic) key."""
    # Correlated explicitly: nested in an UPDATE of care_relationship, automatic
    # correlation would add that table to the inner FROM (a cross join) instead.
    acknowledged = (
        select(ACK.c.id)
        .where(ACK.c.alert_id == AL.c.id, ACK.c.clinic_id == clinic_id)
        .correlate_except(ACK)
        .exists()
    )
    count: ColumnElement[int] = (
        select(func.count())
        .where(AL.c.patient_id == patient_id, ~acknowledged)
        .correlate_except(AL)
        .scalar_subquery()
    )
    return count


def _patient_zone() -> Any:
    """The relationship's patient's time zone, correlated to the statement's relationship."""
    return (
        select(U.c.time_zone).where(U.c.id == R.c.patient_id).correlate_except(U).scalar_subquery()
    )


def _per_zone(weeks: Mapping[str, ZoneWeeks], value: Any) -> Any:
    """`value(weeks)` of the relationship's patient's zone, as a bound instant."""
    if len(weeks) == 1:
        (only,) = weeks.values()
        return literal(value(only), UTCDateTime())
    zone = _patient_zone()
    return case(
        *[(zone == name, literal(value(w), UTCDateTime())) for name, w in weeks.items()],
        else_=None,
    )


def _live(owner: Any) -> list[ColumnElement[bool]]:
    return [S.c.owner_id == owner, S.c.deleted_at.is_(None)]


def refresh(
    session: Session | Connection,
    where: Sequence[ColumnElement[bool]],
    weeks: Mapping[str, ZoneWeeks] | None = None,
) -> None:
    """Recompute the summary and keys of the relationships `where` selects, in one
    statement. With `weeks` (the current weeks of every zone those patients are in), the
    counted weeks are moved to them too; without, the stored count is kept (the change
    being followed cannot have changed it)."""
    bounds = None
    if weeks is not None:
        bounds = (
            _per_zone(weeks, lambda w: w.counted[0]),
            _per_zone(weeks, lambda w: w.counted[1]),
            _per_zone(weeks, lambda w: w.until),
        )
    mine = [IS_ACTIVE, *where]
    if _locks_first(session):
        session.execute(_lock(mine))
    session.execute(_update(mine, bounds))


def _locks_first(session: Session | Connection) -> bool:
    """Whether a refresh locks its rows before recomputing them: on PostgreSQL each
    statement of a READ COMMITTED transaction reads as of its own start, so an UPDATE that
    waited for another writer's lock on these rows would recompute them from what was there
    before that writer committed (a clinic's acknowledgement overwriting the session a
    patient just logged). Locked first, the UPDATE starts after the wait and reads it.
    SQLite's writers take the database one at a time."""
    bind = session.get_bind() if isinstance(session, Session) else session
    return bind.dialect.name == "postgresql"


def _lock(mine: Sequence[ColumnElement[bool]]) -> Any:
    # NO KEY UPDATE, the lock the UPDATE itself takes: FOR UPDATE would also wait for the
    # KEY SHARE locks that rows referencing these (an access-log line written earlier in
    # another clinician's transaction) hold, a deadlock when that transaction waits for us.
    return select(R.c.id).where(*mine).with_for_update(key_share=True)


def _update(mine: Sequence[ColumnElement[bool]], bounds: tuple[Any, Any, Any] | None) -> Any:
    """The UPDATE of the relationships `mine` selects; `bounds` (start and end of the
    counted weeks, end of this week) moves the counted weeks, None keeps the count."""
    patient = R.c.patient_id
    if bounds is None:
        done: Any = R.c.summary_done
        moved: dict[str, Any] = {}
    else:
        start, end, until = bounds
        done = (
            select(func.count())
            .select_from(S)
            .where(*_live(patient), S.c.started_at >= start, S.c.started_at < end)
            .correlate_except(S)
            .scalar_subquery()
        )
        # A relationship begins stale: its first refresh also finds the patient's latest
        # measure change at the clinic (later ones follow each answer: on_measure_answered).
        moved = {
            "summary_done": done,
            "summary_until": until,
            "summary_measure_id": latest_measure(patient, R.c.clinic_id),
        }
    target = prescribed_sessions_per_week(R.c.clinic_id, patient)
    progress = granted(CareScope.PROGRESS)
    ratio = (done * ADHERENCE_SCALE) // (target * literal(4))
    last = (
        select(func.max(S.c.started_at)).where(*_live(patient)).correlate_except(S)
    ).scalar_subquery()
    last_id = (
        select(S.c.id)
        .where(*_live(patient))
        .order_by(S.c.started_at.desc(), S.c.id.desc())
        .limit(1)
        .correlate_except(S)
        .scalar_subquery()
    )
    return (
        update(R)
        .where(*mine)
        .values(
            **moved,
            summary_last_id=last_id,
            rank_alerts=case(
                (granted(CareScope.ALERTS), -open_alerts(patient, R.c.clinic_id)),
                else_=literal(0),
            ),
            rank_adherence=case(
                (and_(progress, target > 0, ratio < ADHERENCE_SCALE), ratio),
                (and_(progress, target > 0), literal(ADHERENCE_SCALE)),
                else_=literal(NO_TARGET),
            ),
            rank_last=case(
                (and_(progress, last.is_not(None)), epoch_seconds(last)),
                else_=literal(NEVER),
            ),
        )
    )


@lru_cache(maxsize=2)
def _patient_statements(moves_weeks: bool) -> tuple[Any, Any]:
    """The lock and UPDATE of one patient's relationships, what every write the summaries
    follow sends: built once (building them cost more than running them), the patient
    and the weeks bound per call."""
    mine = [
        IS_ACTIVE,
        R.c.patient_id == bindparam("of_patient", type_=R.c.patient_id.type),
    ]
    bounds = None
    if moves_weeks:
        bounds = tuple(
            bindparam(name, type_=UTCDateTime())
            for name in ("counted_from", "counted_to", "week_ends")
        )
    return _lock(mine), _update(mine, bounds)  # type: ignore[arg-type]


def refresh_patient(session: Session, patient_id: uuid.UUID, time_zone: str | None = None) -> None:
    """Every relationship of the patient; with `time_zone`, the counted weeks too."""
    lock, statement = _patient_statements(time_zone is not None)
    params: dict[str, Any] = {"of_patient": patient_id}
    if time_zone is not None:
        weeks = weeks_at(time_zone, utcnow())
        params |= {
            "counted_from": weeks.counted[0],
            "counted_to": weeks.counted[1],
            "week_ends": weeks.until,
        }
    if _locks_first(session):
        session.execute(lock, params)
    session.execute(statement, params)


# The zones of a clinician's stale summaries at a clinic: every view of the page reads it,
# so it is built once.
_STALE_ZONES = (
    select(U.c.time_zone)
    .distinct()
    .join(R, R.c.patient_id == U.c.id)
    .where(
        R.c.clinic_id == bindparam("clinic_id", type_=R.c.clinic_id.type),
        R.c.clinician_id == bindparam("clinician_id", type_=R.c.clinician_id.type),
        IS_ACTIVE,
        R.c.summary_until <= bindparam("now", type_=R.c.summary_until.type),
    )
)


def roll(session: Session, clinic_id: uuid.UUID, clinician_id: uuid.UUID, now: datetime) -> bool:
    """Bring the clinician's stale summaries at the clinic (a week turned since they were
    written, or never written) to `now`'s weeks, in a short write of its own: one read that
    finds none on every view but the first of a week; one UPDATE when it finds some. True
    when it changed some (what was read of them before is out of date)."""
    params = {"clinic_id": clinic_id, "clinician_id": clinician_id, "now": now}
    zones = session.execute(_STALE_ZONES, params).scalars().all()
    if not zones:
        return False
    mine = [
        R.c.clinic_id == clinic_id,
        R.c.clinician_id == clinician_id,
        IS_ACTIVE,
        R.c.summary_until <= now,
    ]
    begin_write(session)
    refresh(session, [*mine, _patient_zone().in_(zones)], {z: weeks_at(z, now) for z in zones})
    session.commit()
    return True


def refresh_all(session: Session | Connection, now: datetime) -> None:
    """Every active relationship's summary at `now` (migration 0019, and the bench loader,
    which writes below the services). The caller commits."""
    zones = (
        session.execute(select(U.c.time_zone).distinct().join(R, R.c.patient_id == U.c.id))
        .scalars()
        .all()
    )
    if zones:
        refresh(session, [], {z: weeks_at(z, now) for z in zones})


# --- What each change it follows tells it (subscribed in app.main) -------------------------


def on_session_written(session: Session, event: SessionWritten) -> None:
    refresh_patient(session, event.owner_id, event.time_zone)


def on_alert_raised(session: Session, event: AlertRaised) -> None:
    refresh_patient(session, event.patient_id)


def on_alert_acknowledged(session: Session, event: AlertAcknowledged) -> None:
    refresh(session, [R.c.patient_id == event.patient_id, R.c.clinic_id == event.clinic_id])


def on_routine_written(session: Session, event: RoutineWritten) -> None:
    refresh_patient(session, event.owner_id)


def on_time_zone_changed(session: Session, event: TimeZoneChanged) -> None:
    refresh_patient(session, event.user_id, event.time_zone)


def latest_measure(patient_id: Any, clinic_id: Any) -> Any:
    """The patient's latest answer with a change to a measure the clinic assigned (through
    the (patient, answered_at) index)."""
    return (
        select(MA.c.id)
        .where(
            MA.c.patient_id == patient_id,
            MA.c.clinic_id == clinic_id,
            MA.c.change.is_not(None),
        )
        .order_by(MA.c.answered_at.desc(), MA.c.id.desc())
        .limit(1)
        .correlate_except(MA)
        .scalar_subquery()
    )


def on_measure_answered(session: Session, event: MeasureAnswered) -> None:
    """The latest change on each of the patient's relationships at the assigning clinic."""
    if event.clinic_id is None:
        return
    latest = latest_measure(event.patient_id, event.clinic_id)
    session.execute(
        update(R)
        .where(
            R.c.patient_id == event.patient_id,
            R.c.clinic_id == event.clinic_id,
            IS_ACTIVE,
        )
        .values(summary_measure_id=latest)
    )
