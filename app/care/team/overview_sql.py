"""The clinician's view in SQL: a page in a fixed number of statements whatever the size
of the clinic (tests/care/team/test_overview.py counts them).

One statement reads the page: a range of the attention index over the keys each
relationship keeps (attention.py), with what each row shows read for that row alone (the
name and zone, the target, the last session, its highest effort). One statement counts
the page's patients' sessions in each of their five weeks; one reads their left/right
totals from the per-week totals (`exercise_week_total`).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import Integer, and_, case, cast, func, literal, select, tuple_
from sqlmodel import Session

from app.care.team.attention import (
    WEEKS,
    ZoneWeeks,
    prescribed_sessions_per_week,
)
from app.care.team.models import CareRelationship
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


def _in_care(clinic_id: uuid.UUID, clinician_id: uuid.UUID) -> list[Any]:
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


def page(
    session: Session,
    clinic_id: uuid.UUID,
    clinician_id: uuid.UUID,
    after: Keyset | None,
    limit: int,
) -> Sequence[PatientRow]:
    """One page of the clinician's patients at the clinic, who needs attention first (the
    order attention.py keeps): `limit` + 1 rows of the attention index from `after`."""
    shown = S.alias("shown_session")
    effort = (
        select(func.max(E.c.effort)).where(E.c.session_id == R.c.summary_last_id)
    ).scalar_subquery()
    keys = (R.c.rank_alerts, R.c.rank_adherence, R.c.rank_last, R.c.patient_id)
    statement = (
        select(
            R.c.patient_id.label("patient_id"),
            U.c.display_name,
            U.c.time_zone,
            R.c.id.label("relationship_id"),
            R.c.scopes,
            prescribed_sessions_per_week(clinic_id, R.c.patient_id).label("target"),
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
        )
        .join(U, U.c.id == R.c.patient_id)
        .outerjoin(shown, shown.c.id == R.c.summary_last_id)
        .outerjoin(MA, MA.c.id == R.c.summary_measure_id)
        .where(*_in_care(clinic_id, clinician_id))
    )
    if after is not None:
        statement = statement.where(
            tuple_(*keys)
            > tuple_(
                literal(after.rank_alerts),
                literal(after.adherence),
                literal(after.last),
                literal(after.patient_id, R.c.patient_id.type),
            )
        )
    return session.execute(statement.order_by(*keys).limit(limit + 1)).all()


def _by_zone(zones: Mapping[str, ZoneWeeks], value: Any, default: Any) -> Any:
    """CASE over the patient's time zone: `value(weeks)` of their zone."""
    return case(
        *[(U.c.time_zone == name, value(weeks)) for name, weeks in zones.items()],
        else_=default,
    )


def week_counts(
    session: Session, patient_ids: Sequence[uuid.UUID], zones: Mapping[str, ZoneWeeks]
) -> dict[tuple[uuid.UUID, int], int]:
    """Per patient of the page and week of the five (0 oldest): their live sessions
    started in it, in their own zone (one statement)."""
    if not patient_ids:
        return {}

    def bucket(weeks: ZoneWeeks) -> Any:
        b = weeks.bounds
        return case(
            *[
                (and_(S.c.started_at >= b[k], S.c.started_at < b[k + 1]), literal(k))
                for k in range(WEEKS)
            ],
            else_=literal(-1),
        )

    inner = (
        select(S.c.owner_id, _by_zone(zones, bucket, literal(-1)).label("bucket"))
        .join(U, U.c.id == S.c.owner_id)
        .where(
            S.c.owner_id.in_(list(patient_ids)),
            S.c.deleted_at.is_(None),
            S.c.started_at >= min(w.bounds[0] for w in zones.values()),
            S.c.started_at < max(w.bounds[-1] for w in zones.values()),
        )
        .subquery()
    )
    rows = session.execute(
        select(inner.c.owner_id, inner.c.bucket, cast(func.count(), Integer))
        .where(inner.c.bucket >= 0)
        .group_by(inner.c.owner_id, inner.c.bucket)
    ).all()
    return {(r[0], int(r[1])): int(r[2]) for r in rows}


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
