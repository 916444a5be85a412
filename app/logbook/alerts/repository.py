"""Alert queries: idempotent inserts, keyset pages, the acknowledge compare-and-set, counts."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Integer, Select, bindparam, cast, func, literal, or_, select, union_all
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col
from sqlmodel import select as entities

from app.core.pagination import Sort, paginate
from app.core.vocabulary import AlertKind, AlertStatus
from app.logbook.alerts.models import (
    AcknowledgementValues,
    AdviceState,
    Alert,
    AlertAcknowledgement,
    AlertValues,
    NewAlert,
)
from app.logbook.progress import repository as progress_repository
from app.logbook.sessions.models import SessionEntry, WorkoutSession
from app.training.routines.models import Routine
from app.users.models import User

A = Alert.__table__  # type: ignore[attr-defined]
ACK = AlertAcknowledgement.__table__  # type: ignore[attr-defined]
STATE = AdviceState.__table__  # type: ignore[attr-defined]
R = Routine.__table__  # type: ignore[attr-defined]
U = User.__table__  # type: ignore[attr-defined]
RAISED = Sort(key="raised_at", column=col(Alert.raised_at), descending=True)


def _insert(session: Session) -> Any:
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


def insert_alerts(session: Session, rows: Sequence[NewAlert]) -> list[AlertValues]:
    """Insert the alerts not raised yet (one statement); the rows that were new, with ids."""
    if not rows:
        return []
    values: list[AlertValues] = [{"id": uuid.uuid4(), **row} for row in rows]
    statement = (
        _insert(session)(A)
        .values(values)
        .on_conflict_do_nothing(index_elements=[A.c.patient_id, A.c.kind, A.c.source])
        .returning(A.c.id)
    )
    new = set(session.execute(statement).scalars())
    return [row for row in values if row["id"] in new]


def existing_sources(
    session: Session, patient_id: uuid.UUID, kind: AlertKind, sources: Iterable[str]
) -> set[str]:
    found = session.execute(
        select(A.c.source).where(
            A.c.patient_id == patient_id, A.c.kind == kind, A.c.source.in_(list(sources))
        )
    ).scalars()
    return set(found)


def _acknowledged(alert_id: Any, clinic_id: uuid.UUID | None) -> Any:
    """Whether the alert has an acknowledgement: the clinic's own when `clinic_id` is
    given (a clinic's view), any clinic's otherwise (the patient's)."""
    where = [ACK.c.alert_id == alert_id]
    if clinic_id is not None:
        where.append(ACK.c.clinic_id == clinic_id)
    return select(ACK.c.id).where(*where).exists()


def page(
    session: Session,
    patient_id: uuid.UUID,
    status: AlertStatus | None,
    cursor: str | None,
    limit: int,
    clinic_id: uuid.UUID | None = None,
) -> tuple[Sequence[Alert], str | None]:
    """A page of the patient's alerts; `status` as the patient sees it, or as the clinic
    `clinic_id` does (open until that clinic acknowledged it)."""
    statement = entities(Alert).where(col(Alert.patient_id) == patient_id)
    acknowledged = _acknowledged(col(Alert.id), clinic_id)
    if status is AlertStatus.OPEN:
        statement = statement.where(~acknowledged)
    elif status is AlertStatus.ACKNOWLEDGED:
        statement = statement.where(acknowledged)
    return paginate(
        session, statement, sort=RAISED, id_column=col(Alert.id), cursor=cursor, limit=limit
    )


def acknowledgements(
    session: Session, alert_ids: Sequence[uuid.UUID], clinic_id: uuid.UUID | None = None
) -> dict[uuid.UUID, list[AlertAcknowledgement]]:
    """The acknowledgements of the alerts, oldest first: all of them, or only the clinic's."""
    if not alert_ids:
        return {}
    statement = entities(AlertAcknowledgement).where(
        col(AlertAcknowledgement.alert_id).in_(list(alert_ids))
    )
    if clinic_id is not None:
        statement = statement.where(col(AlertAcknowledgement.clinic_id) == clinic_id)
    found: dict[uuid.UUID, list[AlertAcknowledgement]] = {}
    rows = session.exec(
        statement.order_by(col(AlertAcknowledgement.acknowledged_at), col(AlertAcknowledgement.id))
    )
    for row in rows:
        found.setdefault(row.alert_id, []).append(row)
    return found


def get(session: Session, patient_id: uuid.UUID, alert_id: uuid.UUID) -> Alert | None:
    return session.exec(
        entities(Alert).where(col(Alert.id) == alert_id, col(Alert.patient_id) == patient_id)
    ).first()


def acknowledge_once(session: Session, values: AcknowledgementValues) -> bool:
    """Insert the clinic's acknowledgement unless it has one (the unique (alert, clinic)
    key decides between concurrent callers); whether this one was inserted."""
    statement = (
        _insert(session)(ACK)
        .values(id=uuid.uuid4(), **values)
        .on_conflict_do_nothing(index_elements=[ACK.c.alert_id, ACK.c.clinic_id])
        .returning(ACK.c.id)
    )
    return session.execute(statement).first() is not None


def open_count_of(patient_id: Any, clinic_id: uuid.UUID) -> Any:
    """The patient's alerts the clinic has not acknowledged, as a correlated scalar
    subquery over `patient_id` (a column of the enclosing statement): one set-based view
    counts them for every row."""
    return (
        select(func.count())
        .select_from(A)
        .where(A.c.patient_id == patient_id, ~_acknowledged(A.c.id, clinic_id))
        .scalar_subquery()
    )


def open_counts(
    session: Session, patients: Sequence[uuid.UUID] | Select[Any]
) -> dict[uuid.UUID, int]:
    """(patient, alerts no clinic has acknowledged) for the patients with any, one statement."""
    rows = session.execute(
        select(A.c.patient_id, func.count())
        .where(A.c.patient_id.in_(patients), ~_acknowledged(A.c.id, None))
        .group_by(A.c.patient_id)
    ).all()
    return {patient_id: int(count) for patient_id, count in rows}


def patients_with_routines(session: Session) -> list[tuple[uuid.UUID, str]]:
    """(id, time zone) of every account that owns a routine: whose weeks are planned."""
    rows = session.execute(
        select(U.c.id, U.c.time_zone)
        .where(select(R.c.id).where(R.c.owner_id == U.c.id).exists())
        .order_by(U.c.id)
    )
    return [(user_id, str(zone)) for user_id, zone in rows]


# --- what a session write changed ---------------------------------------------------------

S = WorkoutSession.__table__  # type: ignore[attr-defined]
E = SessionEntry.__table__  # type: ignore[attr-defined]


def session_facts(
    session: Session, session_id: uuid.UUID
) -> tuple[int | None, datetime | None, bool] | None:
    """(max pain, started_at, deleted) of the session, None if there is no such row."""
    row = session.execute(
        select(S.c.pain_max, S.c.started_at, S.c.deleted_at.is_not(None)).where(
            S.c.id == session_id
        )
    ).first()
    return None if row is None else (row[0], row[1], bool(row[2]))


def session_exercises(session: Session, session_id: uuid.UUID) -> set[str]:
    rows = session.execute(select(E.c.exercise).where(E.c.session_id == session_id).distinct())
    return {str(slug) for slug in rows.scalars()}


_ADVICE_STATES = select(STATE.c.exercise, STATE.c.reducing, STATE.c.episodes).where(
    STATE.c.patient_id == bindparam("patient_id"),
    or_(STATE.c.reducing.is_(True), STATE.c.exercise.in_(bindparam("exercises", expanding=True))),
)


def advice_states(
    session: Session, patient_id: uuid.UUID, exercises: Iterable[str]
) -> dict[str, tuple[bool, int]]:
    """(reducing, episodes) by exercise, of `exercises` and of every reducing one (a
    statement built once: every session write reads it)."""
    params = {"patient_id": patient_id, "exercises": list(exercises)}
    return {str(e): (bool(r), int(n)) for e, r, n in session.execute(_ADVICE_STATES, params)}


@lru_cache(maxsize=64)
def _advice_inputs(exercises: int) -> Any:
    """`advice_states` and `recent_pains_select` for that many exercises as one statement
    (kind 0: a stored state, kind 1: one recent session's worst pain)."""
    states = select(
        literal(0).label("kind"),
        STATE.c.exercise.label("exercise"),
        cast(STATE.c.reducing, Integer).label("first"),
        STATE.c.episodes.label("second"),
    ).where(
        STATE.c.patient_id == bindparam("owner_id", type_=STATE.c.patient_id.type),
        or_(
            STATE.c.reducing.is_(True), STATE.c.exercise.in_(bindparam("exercises", expanding=True))
        ),
    )
    pains = progress_repository.recent_pains_select(exercises).subquery()
    recent = select(literal(1), pains.c.exercise, pains.c.pain, literal(0))
    return union_all(states, recent)


def advice_inputs(
    session: Session, patient_id: uuid.UUID, exercises: Sequence[str]
) -> tuple[dict[str, tuple[bool, int]], dict[str, list[int]]]:
    """What the advice rule decides a session write's exercises from, in one statement:
    the stored states (`advice_states`) and the worst pain of each of the exercises' last
    two sessions (`progress.repository.recent_pains`). Every session write reads them."""
    if not exercises:
        return advice_states(session, patient_id, exercises), {}
    params = progress_repository.recent_pains_params(patient_id, exercises)
    params["exercises"] = list(exercises)
    states: dict[str, tuple[bool, int]] = {}
    pains: dict[str, list[int]] = {}
    for kind, exercise, first, second in session.execute(_advice_inputs(len(exercises)), params):
        if kind == 0:
            states[str(exercise)] = (bool(first), int(second))
        else:
            pains.setdefault(str(exercise), []).append(int(first))
    return states, pains


def save_advice_states(
    session: Session, patient_id: uuid.UUID, states: dict[str, tuple[bool, int]]
) -> None:
    if not states:
        return
    insert = _insert(session)(STATE).values(
        [
            {"patient_id": patient_id, "exercise": e, "reducing": r, "episodes": n}
            for e, (r, n) in states.items()
        ]
    )
    session.execute(
        insert.on_conflict_do_update(
            index_elements=[STATE.c.patient_id, STATE.c.exercise],
            set_={"reducing": insert.excluded.reducing, "episodes": insert.excluded.episodes},
        )
    )
