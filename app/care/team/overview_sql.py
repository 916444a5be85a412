"""The clinician's view in SQL: every figure of every patient on a page in a fixed number
of statements, whatever the number of patients (tests/care/team/test_overview.py counts them).

One statement lists the time zones of the clinician's patients (each patient's weeks are
their own calendar weeks); one statement computes, sorts and pages the patients, with
per-week session counts bucketed by a CASE over those zones, the last session read
through the (owner, started_at) index, and the sort keys; one statement reads the
left/right totals of the page's patients from the per-week totals (`exercise_week_total`).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import (
    ColumnElement,
    Integer,
    and_,
    case,
    cast,
    func,
    literal,
    or_,
    select,
)
from sqlmodel import Session

from app.care.team.models import CareRelationship
from app.core.sqltypes import epoch_seconds
from app.core.vocabulary import CareScope, RelationshipStatus
from app.logbook.alerts.models import Alert, AlertAcknowledgement
from app.logbook.sessions.models import ExerciseWeekTotal, SessionEntry, WorkoutSession
from app.training.routines.models import Routine
from app.users.models import User

R = CareRelationship.__table__  # type: ignore[attr-defined]
U = User.__table__  # type: ignore[attr-defined]
S = WorkoutSession.__table__  # type: ignore[attr-defined]
E = SessionEntry.__table__  # type: ignore[attr-defined]
W = ExerciseWeekTotal.__table__  # type: ignore[attr-defined]
RT = Routine.__table__  # type: ignore[attr-defined]
AL = Alert.__table__  # type: ignore[attr-defined]
ACK = AlertAcknowledgement.__table__  # type: ignore[attr-defined]

WEEKS = 5  # the four weeks before this one, then this one
ADHERENCE_SCALE = 1000  # adherence as an integer per mille: exact in a cursor
NO_TARGET = ADHERENCE_SCALE + 1  # no figures or no routine: sorts after every ratio
NEVER = -1  # no session logged: the longest since the last session


@dataclass(frozen=True)
class ZoneWeeks:
    """One time zone's five weeks: UTC instants of their local Mondays (and the end of
    this week), and the Mondays as date ordinals (how the week totals are keyed)."""

    bounds: tuple[datetime, ...]  # WEEKS + 1 instants
    mondays: tuple[int, ...]  # WEEKS ordinals


class PatientRow(Protocol):
    """A row of `page` (a SQLAlchemy `Row`, read by name): one patient in care with the
    figures the page sorts by (null or 0 where not granted)."""

    @property
    def patient_id(self) -> uuid.UUID: ...
    @property
    def display_name(self) -> str | None: ...
    @property
    def time_zone(self) -> str: ...
    @property
    def relationship_id(self) -> uuid.UUID: ...
    @property
    def scopes(self) -> frozenset[CareScope]: ...
    @property
    def target(self) -> int | None: ...
    # Sessions per week, w0 (oldest) to w4 (this week), read as `getattr(row, f"w{k}")`.
    @property
    def w0(self) -> int: ...
    @property
    def w1(self) -> int: ...
    @property
    def w2(self) -> int: ...
    @property
    def w3(self) -> int: ...
    @property
    def w4(self) -> int: ...
    @property
    def last_id(self) -> uuid.UUID | None: ...
    @property
    def alerts(self) -> int: ...
    @property
    def last_at(self) -> datetime | None: ...
    @property
    def pain(self) -> int | None: ...
    @property
    def effort(self) -> int | None: ...
    @property
    def adherence(self) -> int: ...
    @property
    def last_key(self) -> int: ...


def _granted(scope: CareScope) -> ColumnElement[bool]:
    # Scopes are stored as sorted, comma-separated names (app/care/team/models.py ScopeSet).
    granted: ColumnElement[bool] = (literal(",") + R.c.scopes + literal(",")).contains(
        f",{scope.value},"
    )
    return granted


def prescribed_sessions_per_week(clinic_id: uuid.UUID, patient_id: Any) -> Any:
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
            .scalar_subquery()
        )

    return func.coalesce(latest(RT.c.clinic_id == clinic_id), latest())


def open_alerts(patient_id: Any, clinic_id: uuid.UUID) -> ColumnElement[int]:
    """The patient's alerts this clinic has not acknowledged (each clinic acknowledges for
    itself, and another's acknowledgement never shows here): a correlated count over the
    (alert, clinic) key, a column of the page's one statement so it sorts in SQL."""
    acknowledged = (
        select(ACK.c.id).where(ACK.c.alert_id == AL.c.id, ACK.c.clinic_id == clinic_id).exists()
    )
    count: ColumnElement[int] = (
        select(func.count()).where(AL.c.patient_id == patient_id, ~acknowledged).scalar_subquery()
    )
    return count


def patient_zones(session: Session, clinic_id: uuid.UUID, clinician_id: uuid.UUID) -> list[str]:
    rows = session.execute(
        select(U.c.time_zone)
        .distinct()
        .join(R, R.c.patient_id == U.c.id)
        .where(*_in_care(clinic_id, clinician_id))
    ).all()
    return [r[0] for r in rows]


def _in_care(clinic_id: uuid.UUID, clinician_id: uuid.UUID) -> list[ColumnElement[bool]]:
    return [
        R.c.clinic_id == clinic_id,
        R.c.clinician_id == clinician_id,
        R.c.status == RelationshipStatus.ACTIVE.value,
    ]


def _by_zone(zones: Mapping[str, ZoneWeeks], value: Any, default: Any) -> Any:
    """CASE over the patient's time zone: `value(weeks)` of their zone."""
    return case(
        *[(U.c.time_zone == name, value(weeks)) for name, weeks in zones.items()],
        else_=default,
    )


def _week_bucket(zones: Mapping[str, ZoneWeeks]) -> Any:
    """Which of the five weeks (0 oldest .. 4 this week) a session falls in, in its
    owner's zone; -1 outside them."""

    def bucket(weeks: ZoneWeeks) -> Any:
        b = weeks.bounds
        return case(
            *[
                (and_(S.c.started_at >= b[k], S.c.started_at < b[k + 1]), literal(k))
                for k in range(WEEKS)
            ],
            else_=literal(-1),
        )

    return _by_zone(zones, bucket, literal(-1))


@dataclass(frozen=True)
class Keyset:
    """The position after the last row of the previous page (see `page`)."""

    alerts: int
    adherence: int
    last: int
    patient_id: uuid.UUID


def page(
    session: Session,
    clinic_id: uuid.UUID,
    clinician_id: uuid.UUID,
    zones: Mapping[str, ZoneWeeks],
    after: Keyset | None,
    limit: int,
) -> Sequence[PatientRow]:
    """One page of the clinician's patients at the clinic, who needs attention first:
    most open alerts, then lowest adherence over the last four complete weeks, then the
    longest since the last session (never logged first), then the patient id. Figures
    the patient has not granted (`progress`; `alerts` for the alert count) are null and
    sort as if absent, so the order never reveals them."""
    earliest = min(w.bounds[0] for w in zones.values())
    latest = max(w.bounds[-1] for w in zones.values())
    bucket = _week_bucket(zones).label("bucket")
    per_week = (
        select(S.c.owner_id, bucket)
        .join(R, and_(R.c.patient_id == S.c.owner_id, *_in_care(clinic_id, clinician_id)))
        .join(U, U.c.id == S.c.owner_id)
        .where(S.c.deleted_at.is_(None), S.c.started_at >= earliest, S.c.started_at < latest)
        .subquery()
    )
    counts = (
        select(
            per_week.c.owner_id,
            *[
                cast(func.sum(case((per_week.c.bucket == k, 1), else_=0)), Integer).label(f"w{k}")
                for k in range(WEEKS)
            ],
        )
        .group_by(per_week.c.owner_id)
        .subquery()
    )
    last = S.alias("last_session")
    last_id = (
        select(last.c.id)
        .where(last.c.owner_id == R.c.patient_id, last.c.deleted_at.is_(None))
        .order_by(last.c.started_at.desc(), last.c.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    target = prescribed_sessions_per_week(clinic_id, R.c.patient_id)
    patients = (
        select(
            R.c.patient_id.label("patient_id"),
            U.c.display_name,
            U.c.time_zone,
            R.c.id.label("relationship_id"),
            R.c.scopes,
            target.label("target"),
            *[func.coalesce(counts.c[f"w{k}"], 0).label(f"w{k}") for k in range(WEEKS)],
            last_id.label("last_id"),
            case((_granted(CareScope.PROGRESS), 1), else_=0).label("sees_progress"),
            case(
                (_granted(CareScope.ALERTS), open_alerts(R.c.patient_id, clinic_id)),
                else_=literal(0),
            ).label("alerts"),
        )
        .join(U, U.c.id == R.c.patient_id)
        .outerjoin(counts, counts.c.owner_id == R.c.patient_id)
        .where(*_in_care(clinic_id, clinician_id))
        # Materialized: each patient's correlated lookups (routine, last session) run
        # once, not once per expression that reads them (SQLite would inline them).
        .cte("care_patient")
        .prefix_with("MATERIALIZED")
    )
    pc = patients.c
    progress = pc.sees_progress == 1
    done = pc.w0 + pc.w1 + pc.w2 + pc.w3
    ratio = (done * ADHERENCE_SCALE) // (pc.target * literal(4))
    adherence = case(
        (and_(progress, pc.target > 0, ratio < ADHERENCE_SCALE), ratio),
        (and_(progress, pc.target > 0), literal(ADHERENCE_SCALE)),
        else_=literal(NO_TARGET),
    )
    shown = S.alias("shown_session")
    last_key = case(
        (and_(progress, shown.c.started_at.is_not(None)), epoch_seconds(shown.c.started_at)),
        else_=literal(NEVER),
    )
    effort = select(func.max(E.c.effort)).where(E.c.session_id == pc.last_id).scalar_subquery()
    rows = (
        select(
            *[c for c in pc if c.key != "sees_progress"],
            shown.c.started_at.label("last_at"),
            shown.c.pain_max.label("pain"),
            effort.label("effort"),
            adherence.label("adherence"),
            last_key.label("last_key"),
        )
        .outerjoin(shown, shown.c.id == pc.last_id)
        .subquery()
    )
    statement = select(rows)
    if after is not None:
        a, d, t, p = rows.c.alerts, rows.c.adherence, rows.c.last_key, rows.c.patient_id
        statement = statement.where(
            or_(
                a < after.alerts,
                and_(a == after.alerts, d > after.adherence),
                and_(a == after.alerts, d == after.adherence, t > after.last),
                and_(
                    a == after.alerts,
                    d == after.adherence,
                    t == after.last,
                    p > after.patient_id,
                ),
            )
        )
    statement = statement.order_by(
        rows.c.alerts.desc(), rows.c.adherence, rows.c.last_key, rows.c.patient_id
    ).limit(limit + 1)
    return session.execute(statement).all()


def side_totals(
    session: Session, patient_ids: Sequence[uuid.UUID], zones: Mapping[str, ZoneWeeks]
) -> dict[tuple[uuid.UUID, int], tuple[int, int]]:
    """Per patient of the page and week of the five (0 oldest): the left and right reps
    and steps of every sided set, from the per-week totals (one statement)."""
    if not patient_ids:
        return {}

    def bucket(weeks: ZoneWeeks) -> Any:
        return case(
            *[(W.c.week == monday, literal(k)) for k, monday in enumerate(weeks.mondays)],
            else_=literal(-1),
        )

    inner = (
        select(
            W.c.owner_id,
            _by_zone(zones, bucket, literal(-1)).label("bucket"),
            W.c.left_counted,
            W.c.right_counted,
        )
        .join(U, U.c.id == W.c.owner_id)
        .where(
            W.c.owner_id.in_(list(patient_ids)),
            W.c.week >= min(w.mondays[0] for w in zones.values()),
            W.c.week <= max(w.mondays[-1] for w in zones.values()),
        )
        .subquery()
    )
    rows = session.execute(
        select(
            inner.c.owner_id,
            inner.c.bucket,
            cast(func.sum(inner.c.left_counted), Integer),
            cast(func.sum(inner.c.right_counted), Integer),
        )
        .where(inner.c.bucket >= 0)
        .group_by(inner.c.owner_id, inner.c.bucket)
    ).all()
    return {(r[0], int(r[1])): (int(r[2] or 0), int(r[3] or 0)) for r in rows}
