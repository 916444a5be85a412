"""The clinician's view in SQL: a page in a fixed number of statements whatever the size
of the clinic (tests/care/team/test_overview.py counts them).

One statement reads the page: a range of the attention index over the keys each
relationship keeps (attention.py), with what each row shows read for that row alone (the
name and zone, the target, the last session, its highest effort). The same statement
answers what the view must know before it may show the page, each in one index probe
evaluated once per statement: the caller's role at the clinic (none: not a member) and
whether any of the caller's summaries there went stale (a week turned). One statement counts
the page's patients' sessions in each of their five weeks; one reads their left/right
totals from the per-week totals (`exercise_week_total`).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any, Protocol

from sqlalchemy import Integer, Select, and_, bindparam, case, cast, func, literal, select, tuple_
from sqlmodel import Session

from app.care.team.attention import (
    ACTIVE_TEXT,
    WEEKS,
    ZoneWeeks,
    prescribed_sessions_per_week,
)
from app.care.team.models import CareRelationship, ClinicMember
from app.core.vocabulary import CareScope, RelationshipStatus
from app.logbook.sessions.models import ExerciseWeekTotal, SessionEntry, WorkoutSession
from app.outcomes.measures.models import MeasureAnswer
from app.users.models import User

R = CareRelationship.__table__  # type: ignore[attr-defined]
U = User.__table__  # type: ignore[attr-defined]
S = WorkoutSession.__table__  # type: ignore[attr-defined]
E = SessionEntry.__table__  # type: ignore[attr-defined]
W = ExerciseWeekTotal.__table__  # type: ignore[attr-defined]
MA = MeasureAnswer.__table__  # type: ignore[attr-defined]
M = ClinicMember.__table__  # type: ignore[attr-defined]


class PatientRow(Protocol):
    """A row of `page` (a SQLAlchemy `Row`, read by name): one patient in care with the
    keys the page sorts by (attention.py) and what the row shows."""

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
    @property
    def rank_alerts(self) -> int: ...
    @property
    def adherence(self) -> int: ...
    @property
    def last_key(self) -> int: ...
    @property
    def last_at(self) -> datetime | None: ...
    @property
    def pain(self) -> int | None: ...
    @property
    def effort(self) -> int | None: ...
    @property
    def measure_id(self) -> uuid.UUID | None: ...
    @property
    def measure_instrument(self) -> str | None: ...
    @property
    def measure_at(self) -> datetime | None: ...
    @property
    def measure_score(self) -> float | None: ...
    @property
    def measure_change(self) -> float | None: ...
    @property
    def measure_verdict(self) -> str | None: ...
    @property
    def caller_role(self) -> str | None: ...
    @property
    def stale(self) -> bool: ...


def _in_care(clinic_id: Any, clinician_id: Any) -> list[Any]:
    return [
        R.c.clinic_id == clinic_id,
        R.c.clinician_id == clinician_id,
        R.c.status == RelationshipStatus.ACTIVE.value,
    ]


@dataclass(frozen=True)
class Keyset:
    """The position after the last row of the previous page (see `page`)."""

    rank_alerts: int
    adherence: int
    last: int
    patient_id: uuid.UUID


# Every statement of a page is built once (per kind of page, per number of time zones on
# it) with the clinic, the caller, the weeks and the patients bound per call: built per
# request, constructing them and their cache keys cost more than the database's work.


@lru_cache(maxsize=2)
def _page_statement(after: bool) -> Select[Any]:
    clinic = bindparam("clinic_id", type_=R.c.clinic_id.type)
    clinician = bindparam("clinician_id", type_=R.c.clinician_id.type)
    shown = S.alias("shown_session")
    effort = (
        select(func.max(E.c.effort)).where(E.c.session_id == R.c.summary_last_id)
    ).scalar_subquery()
    keys = (R.c.rank_alerts, R.c.rank_adherence, R.c.rank_last, R.c.patient_id)
    # Neither reads the row it sits on: each runs once per statement (an InitPlan on
    # PostgreSQL, a scalar subquery computed once on SQLite).
    role = (
        select(M.c.role).where(M.c.clinic_id == clinic, M.c.user_id == clinician)
    ).scalar_subquery()
    others = R.alias("other_relationship")
    stale = (
        select(others.c.id)
        .where(
            others.c.clinic_id == clinic,
            others.c.clinician_id == clinician,
            others.c.status == ACTIVE_TEXT,
            others.c.summary_until <= bindparam("now", type_=R.c.summary_until.type),
        )
        .exists()
    )
    statement = (
        select(
            R.c.patient_id.label("patient_id"),
            U.c.display_name,
            U.c.time_zone,
            R.c.id.label("relationship_id"),
            R.c.scopes,
            prescribed_sessions_per_week(clinic, R.c.patient_id).label("target"),
            R.c.rank_alerts,
            R.c.rank_adherence.label("adherence"),
            R.c.rank_last.label("last_key"),
            shown.c.started_at.label("last_at"),
            shown.c.pain_max.label("pain"),
            effort.label("effort"),
            MA.c.id.label("measure_id"),
            MA.c.instrument_id.label("measure_instrument"),
            MA.c.answered_at.label("measure_at"),
            MA.c.score.label("measure_score"),
            MA.c.change.label("measure_change"),
            MA.c.verdict.label("measure_verdict"),
            role.label("caller_role"),
            stale.label("stale"),
        )
        .join(U, U.c.id == R.c.patient_id)
        .outerjoin(shown, shown.c.id == R.c.summary_last_id)
        .outerjoin(MA, MA.c.id == R.c.summary_measure_id)
        .where(*_in_care(clinic, clinician))
    )
    if after:
        statement = statement.where(
            tuple_(*keys)
            > tuple_(
                bindparam("after_alerts", type_=Integer()),
                bindparam("after_adherence", type_=Integer()),
                bindparam("after_last", type_=Integer()),
                bindparam("after_patient", type_=R.c.patient_id.type),
            )
        )
    return statement.order_by(*keys).limit(bindparam("rows", type_=Integer()))


def page(
    session: Session,
    clinic_id: uuid.UUID,
    clinician_id: uuid.UUID,
    after: Keyset | None,
    limit: int,
    now: datetime,
) -> Sequence[PatientRow]:
    """One page of the clinician's patients at the clinic, who needs attention first (the
    order attention.py keeps): `limit` + 1 rows of the attention index from `after`. Each
    row also carries the caller's role at the clinic and whether any of the caller's
    summaries there are stale at `now` (the same on every row)."""
    params: dict[str, Any] = {
        "clinic_id": clinic_id,
        "clinician_id": clinician_id,
        "rows": limit + 1,
        "now": now,
    }
    if after is not None:
        params |= {
            "after_alerts": after.rank_alerts,
            "after_adherence": after.adherence,
            "after_last": after.last,
            "after_patient": after.patient_id,
        }
    return session.execute(_page_statement(after is not None), params).all()


def _zone_case(zones: int, value: Callable[[int], Any]) -> Any:
    """CASE over the patient's time zone (`zone_<n>`, bound): `value(n)` of their zone."""
    return case(
        *[
            (U.c.time_zone == bindparam(f"zone_{n}", type_=U.c.time_zone.type), value(n))
            for n in range(zones)
        ],
        else_=literal(-1),
    )


def _zone_params(zones: Mapping[str, ZoneWeeks]) -> dict[str, Any]:
    return {f"zone_{n}": name for n, name in enumerate(zones)}


@lru_cache(maxsize=16)
def _week_counts_statement(zones: int) -> Select[Any]:
    def bucket(n: int) -> Any:
        at = [bindparam(f"zone_{n}_bound_{k}", type_=S.c.started_at.type) for k in range(WEEKS + 1)]
        return case(
            *[
                (and_(S.c.started_at >= at[k], S.c.started_at < at[k + 1]), literal(k))
                for k in range(WEEKS)
            ],
            else_=literal(-1),
        )

    inner = (
        select(S.c.owner_id, _zone_case(zones, bucket).label("bucket"))
        .join(U, U.c.id == S.c.owner_id)
        .where(
            S.c.owner_id.in_(bindparam("patients", expanding=True)),
            S.c.deleted_at.is_(None),
            S.c.started_at >= bindparam("earliest", type_=S.c.started_at.type),
            S.c.started_at < bindparam("latest", type_=S.c.started_at.type),
        )
        .subquery()
    )
    return (
        select(inner.c.owner_id, inner.c.bucket, cast(func.count(), Integer))
        .where(inner.c.bucket >= 0)
        .group_by(inner.c.owner_id, inner.c.bucket)
    )


def week_counts(
    session: Session, patient_ids: Sequence[uuid.UUID], zones: Mapping[str, ZoneWeeks]
) -> dict[tuple[uuid.UUID, int], int]:
    """Per patient of the page and week of the five (0 oldest): their live sessions
    started in it, in their own zone (one statement)."""
    if not patient_ids:
        return {}
    params = _zone_params(zones) | {
        "patients": list(patient_ids),
        "earliest": min(w.bounds[0] for w in zones.values()),
        "latest": max(w.bounds[-1] for w in zones.values()),
    }
    for n, weeks in enumerate(zones.values()):
        params |= {f"zone_{n}_bound_{k}": at for k, at in enumerate(weeks.bounds)}
    rows = session.execute(_week_counts_statement(len(zones)), params).all()
    return {(r[0], int(r[1])): int(r[2]) for r in rows}


@lru_cache(maxsize=16)
def _side_totals_statement(zones: int) -> Select[Any]:
    def bucket(n: int) -> Any:
        return case(
            *[
                (W.c.week == bindparam(f"zone_{n}_monday_{k}", type_=Integer()), literal(k))
                for k in range(WEEKS)
            ],
            else_=literal(-1),
        )

    inner = (
        select(
            W.c.owner_id,
            _zone_case(zones, bucket).label("bucket"),
            W.c.left_counted,
            W.c.right_counted,
        )
        .join(U, U.c.id == W.c.owner_id)
        .where(
            W.c.owner_id.in_(bindparam("patients", expanding=True)),
            W.c.week >= bindparam("first_monday", type_=Integer()),
            W.c.week <= bindparam("last_monday", type_=Integer()),
        )
        .subquery()
    )
    return (
        select(
            inner.c.owner_id,
            inner.c.bucket,
            cast(func.sum(inner.c.left_counted), Integer),
            cast(func.sum(inner.c.right_counted), Integer),
        )
        .where(inner.c.bucket >= 0)
        .group_by(inner.c.owner_id, inner.c.bucket)
    )


def side_totals(
    session: Session, patient_ids: Sequence[uuid.UUID], zones: Mapping[str, ZoneWeeks]
) -> dict[tuple[uuid.UUID, int], tuple[int, int]]:
    """Per patient of the page and week of the five (0 oldest): the left and right reps
    and steps of every sided set, from the per-week totals (one statement)."""
    if not patient_ids:
        return {}
    params = _zone_params(zones) | {
        "patients": list(patient_ids),
        "first_monday": min(w.mondays[0] for w in zones.values()),
        "last_monday": max(w.mondays[-1] for w in zones.values()),
    }
    for n, weeks in enumerate(zones.values()):
        params |= {f"zone_{n}_monday_{k}": monday for k, monday in enumerate(weeks.mondays)}
    rows = session.execute(_side_totals_statement(len(zones)), params).all()
    return {(r[0], int(r[1])): (int(r[2] or 0), int(r[3] or 0)) for r in rows}
