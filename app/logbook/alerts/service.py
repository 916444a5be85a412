"""Raising alerts from the events below, listing and acknowledging them.

Triggers (each alert unique per (patient, kind, source), so a retried or concurrent write
raises it once):

- `pain`: a session (created or edited) whose highest pain is 7/10 or more; one per
  session, however often it is edited.
- `progress-reduce`: after each session write, the advice of every exercise the session
  holds (and of every exercise whose advice stood at "reduce") is decided again by
  /me/progress' own rule (`progress.calc.decide` over the exercise's last two sessions);
  an exercise whose stored state was not "reduce" and now is raises one alert per such
  change (`reduce:<exercise>:<n>`, the n-th time it turned to reduce).
- `self-check-pain`: a self-check whose pain makes its interpretation send the patient
  to a professional.
- `missed-week`: see `detect_missed_weeks`.
- `measure-worse`: an outcome measure answered (or corrected) whose change from its
  baseline is worse than the instrument's published MCID (app/outcomes scores it); one per
  answer, however often it is corrected.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session

from app.core.db import begin_write
from app.core.errors import Conflict, NotFound
from app.core.events import publish
from app.core.pagination import Page
from app.core.types import JSONObject, utcnow
from app.core.vocabulary import (
    AlertKind,
    AlertStatus,
    MeasureVerdict,
    WebhookEventType,
)
from app.logbook.alerts import repository
from app.logbook.alerts.events import AlertAcknowledged, AlertRaised
from app.logbook.alerts.models import (
    AcknowledgementPublic,
    Alert,
    AlertAcknowledge,
    AlertAcknowledgement,
    AlertPublic,
    NewAlert,
)
from app.logbook.progress import calc
from app.logbook.progress import repository as progress_repository
from app.logbook.sessions.events import SessionWritten
from app.outcomes.measures.events import MeasureAnswered
from app.training.routines.repository import latest_routine
from app.training.self_checks.events import SelfCheckRecorded
from app.users.models import Caller
from app.webhooks import outbox

PAIN_ALERT_AT = calc.ALERT_AT_PAIN
# How many finished weeks back a check looks for a missed one: a bound on the work of
# every check, and no flood of alerts for a history nobody was watching.
MISSED_WEEK_LOOKBACK = 8
# A week is judged this long after it ends: sessions an offline phone logged late in the
# week have time to sync before their absence raises an alert.
MISSED_WEEK_GRACE = timedelta(days=1)


def on_session_written(session: Session, event: SessionWritten) -> None:
    """Pain and progression-advice alerts for a session write. Missed weeks are not
    checked here: logging a session never makes a week missed (only time does), and this
    is the hottest write path; reads and `python -m app alerts-scan` check them."""
    started_at: datetime | None
    if event.written is not None:
        written = event.written
        pain, started_at, deleted = written.pain_max, written.started_at, False
        exercises = set(written.exercises)
    else:
        facts = repository.session_facts(session, event.session_id)
        if facts is None:
            return
        pain, started_at, deleted = facts
        exercises = repository.session_exercises(session, event.session_id)
    rows: list[NewAlert] = []
    if not deleted and pain is not None and pain >= PAIN_ALERT_AT and started_at is not None:
        day = started_at.astimezone(ZoneInfo(event.time_zone)).date().isoformat()
        rows.append(
            _row(
                event.owner_id,
                AlertKind.PAIN,
                f"session:{event.session_id}",
                f"Pain of {pain}/10 logged in the session of {day}.",
                session_id=event.session_id,
                pain=pain,
            )
        )
    rows += _advice_changes(session, event, exercises)
    _raise(session, rows)


def on_self_check(session: Session, event: SelfCheckRecorded) -> None:
    if not event.see_a_professional:
        return
    _raise(
        session,
        [
            _row(
                event.owner_id,
                AlertKind.SELF_CHECK_PAIN,
                f"assessment:{event.assessment_id}",
                f"Pain of {event.pain}/10 during a self-check: the patient was advised to "
                "see a professional.",
                assessment_id=event.assessment_id,
                pain=event.pain,
            )
        ],
    )


def on_measure_answered(session: Session, event: MeasureAnswered) -> None:
    if event.verdict is not MeasureVerdict.WORSE or event.change is None:
        return
    _raise(
        session,
        [
            _row(
                event.patient_id,
                AlertKind.MEASURE_WORSE,
                f"measure:{event.answer_id}",
                f"{event.title}: changed by {event.change:+g} since the first answer, worse "
                f"than the published minimal important difference of {event.mcid:g}.",
            )
        ],
    )


def _raise(session: Session, rows: list[NewAlert]) -> int:
    """Insert the alerts not raised yet; for each new one, queue the `alert.raised`
    webhook and tell the packages above, all in this transaction. How many were new."""
    raised = repository.insert_alerts(session, rows)
    for row in raised:
        body = as_public(Alert.model_validate(row))
        outbox.emit(
            session,
            owner_id=row["patient_id"],
            event_type=WebhookEventType.ALERT_RAISED,
            subject=f"alert:{row['id']}",
            data=partial(_alert_data, body),
        )
        publish(session, AlertRaised(row["patient_id"], row["id"], row["kind"]))
    return len(raised)


def _alert_data(body: AlertPublic) -> dict[str, JSONObject]:
    """The `alert.raised` event's data."""
    return {"alert": body.model_dump(mode="json")}


def _row(
    patient_id: uuid.UUID,
    kind: AlertKind,
    source: str,
    message: str,
    *,
    session_id: uuid.UUID | None = None,
    assessment_id: uuid.UUID | None = None,
    exercise: str | None = None,
    week: str | None = None,
    pain: int | None = None,
) -> NewAlert:
    return {
        "patient_id": patient_id,
        "kind": kind,
        "source": source,
        "message": message,
        "session_id": session_id,
        "assessment_id": assessment_id,
        "exercise": exercise,
        "week": week,
        "pain": pain,
        "raised_at": utcnow(),
    }


def _advice_changes(session: Session, event: SessionWritten, touched: set[str]) -> list[NewAlert]:
    """Alerts for the exercises whose advice turned to reduce with this write; the stored
    states follow the new advice. Decided again: the exercises the session holds and every
    exercise standing at reduce (a write may end that). The user's writers are serialised
    by their change counter (sessions service), so this read-then-write sees every earlier
    write."""
    patient = event.owner_id
    states, pains = repository.advice_inputs(session, patient, sorted(touched))
    # An exercise standing at reduce that this write did not touch: its last sessions
    # are read in a second statement (a create cannot change them, an edit or a deletion
    # may).
    others = {e for e, (reducing, _) in states.items() if reducing} - touched
    if others:
        pains |= progress_repository.recent_pains(session, patient, sorted(others))
    exercises = touched | others
    if not exercises:
        return []
    ordered = sorted(exercises)
    changed: dict[str, tuple[bool, int]] = {}
    rows: list[NewAlert] = []
    for exercise in ordered:
        recent = pains.get(exercise, [])
        reason = calc.reduce_reason(recent)
        now_reducing = reason is not None
        was_reducing, episodes = states.get(exercise, (False, 0))
        if now_reducing == was_reducing:
            continue
        if now_reducing:
            episodes += 1
            rows.append(
                _row(
                    patient,
                    AlertKind.PROGRESS_REDUCE,
                    f"reduce:{exercise}:{episodes}",
                    f"Progression advice for {exercise} is now reduce. {reason}",
                    exercise=exercise,
                    pain=max(recent),
                    session_id=event.session_id,
                )
            )
        changed[exercise] = (now_reducing, episodes)
    repository.save_advice_states(session, patient, changed)
    return rows


@dataclass(frozen=True)
class _PlannedWeek:
    label: str
    done: int
    target: int


def _missed_weeks(
    session: Session, patient_id: uuid.UUID, time_zone: str, now: datetime
) -> list[NewAlert]:
    """Missed-week alerts not raised yet.

    The plan is the patient's routine that /me/progress follows (the most recently
    changed one) and its current `sessions_per_week`, every week: a week is judged once
    it is over in the patient's time zone (ISO weeks, Monday to Sunday) and
    MISSED_WEEK_GRACE has passed, from the first whole week after the routine was created
    (that week started part-way), at most MISSED_WEEK_LOOKBACK weeks back. Sessions count
    as /me/progress' adherence counts them: every live session started in the week. Three
    reads, no write: the caller inserts.
    """
    routine = latest_routine(session, patient_id)
    if routine is None:
        return []
    zone = ZoneInfo(time_zone)
    this_monday = _monday((now.astimezone(zone) - MISSED_WEEK_GRACE).date())
    first = max(
        _monday(routine.created_at.astimezone(zone).date()) + timedelta(days=7),
        this_monday - timedelta(days=7 * MISSED_WEEK_LOOKBACK),
    )
    if first >= this_monday:
        return []
    cal = calc.calendar(first, this_monday - timedelta(days=1), zone)
    done = progress_repository.sessions_per_week(session, patient_id, cal, None)
    target = routine.sessions_per_week
    missed = {
        f"week:{routine.id}:{week.label}": _PlannedWeek(week.label, done.get(i, 0), target)
        for i, week in enumerate(cal.weeks)
        if done.get(i, 0) < target
    }
    if not missed:
        return []
    known = repository.existing_sources(session, patient_id, AlertKind.MISSED_WEEK, missed)
    return [
        _row(
            patient_id,
            AlertKind.MISSED_WEEK,
            source,
            f"Week {w.label}: {w.done} of {w.target} planned sessions logged.",
            week=w.label,
        )
        for source, w in missed.items()
        if source not in known
    ]


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def detect_missed_weeks(session: Session, patient_id: uuid.UUID, time_zone: str) -> int:
    """Raise the missed-week alerts due, in a short write of its own only when there are
    any (a read that finds none writes nothing); how many were raised. Idempotent: called
    whenever the patient or the care team reads alerts, and by `python -m app
    alerts-scan` (for a scheduler: patients nobody reads still get theirs)."""
    rows = _missed_weeks(session, patient_id, time_zone, utcnow())
    if not rows:
        return 0
    begin_write(session)
    raised = _raise(session, rows)
    session.commit()
    return raised


def scan_missed_weeks(session: Session) -> int:
    """Check every patient with a routine for missed weeks (a scheduled job's work, e.g.
    daily: a patient who stopped logging and whose alerts nobody reads still gets them);
    how many alerts were raised. One short write per patient that has new ones."""
    return sum(
        detect_missed_weeks(session, patient_id, time_zone)
        for patient_id, time_zone in repository.patients_with_routines(session)
    )


def as_public(row: Alert, acknowledgements: Sequence[AlertAcknowledgement] = ()) -> AlertPublic:
    """The alert with the acknowledgements its reader may see (the patient: all; a
    clinic: its own), the first of them also in the flat `acknowledged_*` fields."""
    first = acknowledgements[0] if acknowledgements else None
    return AlertPublic.model_validate(
        {
            **row.model_dump(),
            "status": AlertStatus.OPEN if first is None else AlertStatus.ACKNOWLEDGED,
            "acknowledged_at": None if first is None else first.acknowledged_at,
            "acknowledged_by": None if first is None else first.acknowledged_by,
            "acknowledged_clinic_id": None if first is None else first.clinic_id,
            "acknowledgement_note": None if first is None else first.note,
            "acknowledgements": [
                AcknowledgementPublic.model_validate(a, from_attributes=True)
                for a in acknowledgements
            ],
        }
    )


def as_public_all(session: Session, rows: Sequence[Alert]) -> list[AlertPublic]:
    """The patient's alerts with every clinic's acknowledgements (the patient's own view)."""
    acks = repository.acknowledgements(session, [r.id for r in rows])
    return [as_public(r, acks.get(r.id, [])) for r in rows]


def list_for_patient(
    session: Session,
    patient_id: uuid.UUID,
    time_zone: str,
    status: AlertStatus | None,
    cursor: str | None,
    limit: int,
    clinic_id: uuid.UUID | None = None,
) -> Page[AlertPublic]:
    """A page of the patient's alerts, newest first (missed weeks checked first): as the
    patient sees them, or as the clinic `clinic_id` does (its own acknowledgements only:
    nothing of another clinic's care shows)."""
    detect_missed_weeks(session, patient_id, time_zone)
    rows, next_cursor = repository.page(session, patient_id, status, cursor, limit, clinic_id)
    acks = repository.acknowledgements(session, [r.id for r in rows], clinic_id)
    return Page[AlertPublic](
        items=[as_public(r, acks.get(r.id, [])) for r in rows], next_cursor=next_cursor
    )


def list_mine(
    session: Session,
    user: Caller,
    status: AlertStatus | None,
    cursor: str | None,
    limit: int,
) -> Page[AlertPublic]:
    return list_for_patient(session, user.id, user.time_zone, status, cursor, limit)


def list_for_clinic(
    session: Session,
    patient: Caller,
    clinic_id: uuid.UUID,
    status: AlertStatus | None,
    cursor: str | None,
    limit: int,
) -> Page[AlertPublic]:
    """The patient's alerts as the clinic sees them (`list_for_patient`)."""
    return list_for_patient(
        session, patient.id, patient.time_zone, status, cursor, limit, clinic_id
    )


def acknowledge(
    session: Session,
    patient_id: uuid.UUID,
    alert_id: uuid.UUID,
    actor_id: uuid.UUID,
    clinic_id: uuid.UUID,
    data: AlertAcknowledge,
    record: Callable[[Session], None] | None = None,
) -> AlertPublic:
    """The clinic acknowledges an alert with a note; the answer shows the clinic's own
    acknowledgement only. Each clinic acknowledges for itself: another clinic's
    acknowledgement neither closes the alert for this one nor shows to it. Of a clinic's
    concurrent acknowledges one wins; a retry of the winning request (same clinician, same
    note) gets the same answer, any other acknowledge by the clinic is 409 saying when it
    acknowledged.

    `record` runs first inside the write (the care team's access log), so the log entry
    commits with the attempt, or not at all for an alert that is not the patient's.
    """
    begin_write(session)
    if record is not None:
        record(session)
    row = repository.get(session, patient_id, alert_id)
    if row is None:
        session.rollback()
        raise NotFound(f"No alert {alert_id} for this patient.")
    won = repository.acknowledge_once(
        session,
        {
            "alert_id": alert_id,
            "clinic_id": clinic_id,
            "acknowledged_by": actor_id,
            "acknowledged_at": utcnow(),
            "note": data.note,
        },
    )
    publish(session, AlertAcknowledged(patient_id, clinic_id))
    session.commit()
    session.refresh(row)
    (ours,) = repository.acknowledgements(session, [alert_id], clinic_id)[alert_id]
    if not won and (ours.acknowledged_by != actor_id or ours.note != data.note):
        raise Conflict(
            "Your clinic already acknowledged this alert at "
            f"{ours.acknowledged_at.isoformat().replace('+00:00', 'Z')}; its note stays."
        )
    return as_public(row, [ours])


def open_counts(session: Session, patient_ids: list[uuid.UUID] | Any) -> dict[uuid.UUID, int]:
    """Alerts no clinic has acknowledged, per patient, in one statement (patients without
    any are absent)."""
    return repository.open_counts(session, patient_ids)
