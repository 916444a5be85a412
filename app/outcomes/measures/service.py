"""Assigning measures, answering them, and reading what is due and the results.

Every answer is scored here through the one scoring module when it is written, and the
assignment's answers are compared again with its baseline (a late offline answer may be the
new first one): a handful of rows, bounded by `MAX_ANSWERS_PER_ASSIGNMENT`. The answer's
transaction also queues the `measure.completed` webhook and publishes `MeasureAnswered`
(the alerts and the clinician's view react to it). Callers that act for a clinic pass an
`audit` that writes the access-log line in the same transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session

from app.core.caching import conditional_write, require_if_match, revision_etag
from app.core.errors import (
    EditWindowClosed,
    FieldError,
    Forbidden,
    Invalid,
    NotFound,
    QuotaExceeded,
)
from app.core.events import publish
from app.core.idempotency import ClientId, create_once, request_digest
from app.core.pagination import Page, parse_sort
from app.core.responses import Resource
from app.core.types import utcnow
from app.core.vocabulary import Reporter, WebhookEventType
from app.outcomes.instruments import scoring
from app.outcomes.instruments import service as instruments
from app.outcomes.instruments.models import Instrument
from app.outcomes.measures import repository
from app.outcomes.measures.events import MeasureAnswered
from app.outcomes.measures.models import (
    AnswerCreate,
    AnswerPublic,
    AnswerUpdate,
    AssignmentCreate,
    AssignmentPublic,
    MeasureAnswer,
    MeasureAssignment,
)
from app.outcomes.measures.schedule import Plan, occasion_for
from app.webhooks import outbox

EDIT_WINDOW = timedelta(hours=24)  # Medius' choice: long enough to fix a slip, no rewriting
MAX_ANSWERS_PER_ASSIGNMENT = 200
MAX_ASSIGNMENTS_PER_PATIENT = 100
CLOCK_SKEW = timedelta(minutes=5)  # an offline phone's clock may run a little ahead
Audit = Callable[[Session, uuid.UUID], None]


def _no_audit(_db: Session, _id: uuid.UUID) -> None:
    return None


def today_in(time_zone: str, now: datetime | None = None) -> date:
    return (now or utcnow()).astimezone(ZoneInfo(time_zone)).date()


def end_care(session: Session, clinic_id: uuid.UUID, patient_ids: Sequence[uuid.UUID]) -> None:
    """End the clinic's assignments of these patients (the care they were made under
    ended): nothing more is due, the answers stay the patients'."""
    if patient_ids:
        repository.end_assignments(session, clinic_id, patient_ids, utcnow())


def plan_of(row: MeasureAssignment) -> Plan:
    return Plan(row.at_start, row.every_weeks, row.starts_on, row.discharge_on)


def assignment_public(row: MeasureAssignment) -> AssignmentPublic:
    return AssignmentPublic.model_validate(row, from_attributes=True)


def _instrument(instrument_id: str, loc: list[str | int]) -> Instrument:
    try:
        return instruments.get(instrument_id)
    except NotFound as missing:
        raise Invalid(
            missing.detail, errors=[FieldError(loc, "no such instrument", "unknown_instrument")]
        ) from None


# --- Assigning ------------------------------------------------------------------------------


def assign(
    session: Session,
    *,
    patient_id: uuid.UUID,
    time_zone: str,
    clinic_id: uuid.UUID,
    clinician_id: uuid.UUID,
    data: AssignmentCreate,
    audit: Audit = _no_audit,
) -> tuple[Resource[AssignmentPublic], bool]:
    """A new assignment (True), or the one an earlier try with this id made (False)."""
    instrument = _instrument(data.instrument_id, ["body", "instrument_id"])
    fingerprint = request_digest(data.model_dump(mode="json", exclude={"id"}))
    starts_on = data.schedule.starts_on or today_in(time_zone)
    if data.schedule.discharge_on is not None and data.schedule.discharge_on < starts_on:
        raise Invalid(
            "The discharge is before the start.",
            errors=[
                FieldError(["body", "schedule", "discharge_on"], "before the start", "value_error")
            ],
        )
    row = MeasureAssignment(
        id=data.id or uuid.uuid4(),
        patient_id=patient_id,
        clinic_id=clinic_id,
        assigned_by=clinician_id,
        instrument_id=instrument.id,
        instrument_version=instrument.version,
        at_start=data.schedule.at_start,
        every_weeks=data.schedule.every_weeks,
        starts_on=starts_on,
        discharge_on=data.schedule.discharge_on,
        request_digest=fingerprint,
        created_at=utcnow(),
    )

    def write() -> Resource[AssignmentPublic]:
        if len(repository.assignments_of(session, patient_id)) >= MAX_ASSIGNMENTS_PER_PATIENT:
            raise QuotaExceeded(
                f"The patient has {MAX_ASSIGNMENTS_PER_PATIENT} assigned measures, the most "
                "one patient keeps."
            )
        repository.add(session, row)
        audit(session, row.id)
        return _assignment_resource(row, clinic_id, patient_id)

    def is_retry(stored: MeasureAssignment) -> bool:
        return (
            stored.patient_id == patient_id
            and stored.clinic_id == clinic_id
            and stored.request_digest == fingerprint
        )

    assignment_id = row.id
    claim = ClientId(
        "assignment", data.id, lambda s: repository.assignment(s, assignment_id), is_retry
    )
    return create_once(
        session,
        claim,
        write,
        lambda stored: _assignment_resource(stored, clinic_id, patient_id),
    )


def _assignment_resource(
    row: MeasureAssignment, clinic_id: uuid.UUID, patient_id: uuid.UUID
) -> Resource[AssignmentPublic]:
    return Resource(
        assignment_public(row),
        location=f"/clinics/{clinic_id}/patients/{patient_id}/measures/{row.id}",
    )


# --- Answering ------------------------------------------------------------------------------


def _checked(instrument: Instrument, answers: Mapping[str, object]) -> dict[str, object]:
    raw = {
        key: [a.model_dump() for a in value] if isinstance(value, list) else value
        for key, value in answers.items()
    }
    problems = scoring.check_answers(instrument, raw)
    if problems:
        raise Invalid(
            f"The answers do not fit the instrument {instrument.id!r} (see errors).",
            errors=[
                FieldError(["body", "answers", *p.loc], p.message, "answer_invalid")
                for p in problems
            ],
        )
    return raw


def _rescore(session: Session, instrument: Instrument, assignment_id: uuid.UUID) -> None:
    """Score the assignment's answers against its baseline again (first comparable one)."""
    baselines: list[MeasureAnswer] = []
    for row in repository.answers_of(session, [assignment_id]):
        base = next(
            (b for b in baselines if scoring.comparable(instrument, b.answers, row.answers)),
            None,
        )
        if base is None and instrument.has_baseline:
            baselines.append(row)
        delta = None if base is None else scoring.change(instrument, base.answers, row.answers)
        row.change = delta
        row.verdict = scoring.verdict(instrument, delta)
        row.baseline_score = None if base is None else base.score
    session.flush()


def answer_public(row: MeasureAnswer) -> AnswerPublic:
    instrument = instruments.get(row.instrument_id)
    return AnswerPublic(
        id=row.id,
        assignment_id=row.assignment_id,
        instrument_id=row.instrument_id,
        instrument_version=row.instrument_version,
        answers=row.answers,
        score=row.score,
        baseline=row.baseline_score,
        change=row.change,
        mcid=instrument.mcid.value,
        verdict=row.verdict,
        due_on=row.due_on,
        answered_at=row.answered_at,
        reporter=row.reporter,
        revision=row.revision,
        editable_until=row.created_at + EDIT_WINDOW,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def answer_etag(row: MeasureAnswer) -> str:
    return revision_etag("measure-answer", row.id, row.revision)


def _answer_resource(row: MeasureAnswer, location: str) -> Resource[AnswerPublic]:
    return Resource(answer_public(row), answer_etag(row), location)


def _announce(session: Session, row: MeasureAnswer, instrument: Instrument) -> None:
    publish(
        session,
        MeasureAnswered(
            patient_id=row.patient_id,
            clinic_id=row.clinic_id,
            answer_id=row.id,
            title=instrument.title,
            score=row.score,
            change=row.change,
            mcid=instrument.mcid.value,
            verdict=row.verdict,
        ),
    )


@dataclass(frozen=True, slots=True)
class Answerer:
    """Who records an answer: the patient themself, or a clinician of the assigning clinic
    (whose `audit` logs the write in the patient's access log)."""

    patient_id: uuid.UUID
    time_zone: str
    reporter: Reporter
    user_id: uuid.UUID
    clinic_id: uuid.UUID | None = None  # a clinician: only their clinic's assignments
    audit: Audit = _no_audit
    location: Callable[[uuid.UUID], str] = lambda answer_id: f"/me/measures/answers/{answer_id}"


def record_answer(
    session: Session, who: Answerer, data: AnswerCreate
) -> tuple[Resource[AnswerPublic], bool]:
    """Store a completed measure (True), or answer the stored one for a retry (False)."""
    assignment = repository.assignment(session, data.assignment_id)
    if (
        assignment is None
        or assignment.patient_id != who.patient_id
        or (who.clinic_id is not None and assignment.clinic_id != who.clinic_id)
    ):
        raise Invalid(
            f"No assigned measure {data.assignment_id} for this patient.",
            errors=[FieldError(["body", "assignment_id"], "no such assignment", "unknown")],
        )
    if assignment.ended_at is not None:
        raise Invalid(
            "This measure ended with the care it was assigned under; it takes no new answer.",
            errors=[FieldError(["body", "assignment_id"], "ended", "assignment_ended")],
        )
    instrument = instruments.get(assignment.instrument_id)
    if who.reporter not in instrument.reported_by:
        raise Forbidden(
            f"{instrument.title} is recorded by the "
            f"{' or '.join(r.value for r in instrument.reported_by)}."
        )
    answers = _checked(instrument, data.answers)
    now = utcnow()
    answered_at = data.answered_at or now
    if answered_at > now + CLOCK_SKEW:
        raise Invalid(
            "An answer cannot be given in the future.",
            errors=[FieldError(["body", "answered_at"], "in the future", "value_error")],
        )
    fingerprint = request_digest(data.model_dump(mode="json", exclude={"id"}))
    row = MeasureAnswer(
        id=data.id,
        patient_id=who.patient_id,
        assignment_id=assignment.id,
        clinic_id=assignment.clinic_id,
        instrument_id=instrument.id,
        instrument_version=instrument.version,
        answers=answers,
        score=scoring.score(instrument, answers),
        due_on=occasion_for(plan_of(assignment), today_in(who.time_zone, answered_at)),
        answered_at=answered_at,
        entered_by=who.user_id,
        reporter=who.reporter,
        request_digest=fingerprint,
        revision=1,
        created_at=now,
        updated_at=now,
    )

    def write() -> Resource[AnswerPublic]:
        repository.lock_assignment(session, assignment.id)
        if repository.count_answers(session, assignment.id) >= MAX_ANSWERS_PER_ASSIGNMENT:
            raise QuotaExceeded(
                f"This measure has {MAX_ANSWERS_PER_ASSIGNMENT} answers, the most one "
                "assignment keeps."
            )
        repository.add(session, row)
        _rescore(session, instrument, assignment.id)
        who.audit(session, row.id)
        _announce(session, row, instrument)
        body = answer_public(row)
        outbox.emit(
            session,
            owner_id=who.patient_id,
            event_type=WebhookEventType.MEASURE_COMPLETED,
            subject=f"measure-answer:{row.id}",
            data={"answer": body.model_dump(mode="json"), "clinic_id": assignment.clinic_id},
            care_of=assignment.clinic_id,
            clinic_private=None,  # another clinic learns nothing of this clinic's measure
        )
        return _answer_resource(row, who.location(row.id))

    def is_retry(stored: MeasureAnswer) -> bool:
        return stored.patient_id == who.patient_id and stored.request_digest == fingerprint

    answer_id = data.id
    claim = ClientId("answer", data.id, lambda s: repository.answer(s, answer_id), is_retry)
    return create_once(
        session, claim, write, lambda stored: _answer_resource(stored, who.location(stored.id))
    )


def own_answer(session: Session, patient_id: uuid.UUID, answer_id: uuid.UUID) -> MeasureAnswer:
    row = repository.answer(session, answer_id)
    if row is None or row.patient_id != patient_id:
        raise NotFound(f"No measure answer {answer_id} among yours.")
    return row


def get_own(
    session: Session, patient_id: uuid.UUID, answer_id: uuid.UUID
) -> Resource[AnswerPublic]:
    row = own_answer(session, patient_id, answer_id)
    return _answer_resource(row, f"/me/measures/answers/{row.id}")


def edit_answer(
    session: Session,
    patient_id: uuid.UUID,
    user_id: uuid.UUID,
    answer_id: uuid.UUID,
    data: AnswerUpdate,
    if_match: str | None,
) -> Resource[AnswerPublic]:
    """Change the answers within the edit window, under `If-Match` (412 when stale)."""
    row = own_answer(session, patient_id, answer_id)
    require_if_match(if_match, answer_etag(row))
    if row.entered_by != user_id:
        raise Forbidden("Your clinician entered this measure; ask them to correct it.")
    now = utcnow()
    if now > row.created_at + EDIT_WINDOW:
        raise EditWindowClosed(
            f"An answer can be changed for {EDIT_WINDOW.total_seconds() / 3600:g} hours after "
            "it was given; answer the measure again instead."
        )
    instrument = instruments.get(row.instrument_id)
    answers = _checked(instrument, data.answers)
    with conditional_write(session) as current:
        repository.lock_assignment(session, row.assignment_id)
        current(repository.bump_revision(session, row.id, row.revision))
        session.refresh(row)
        row.answers = answers
        row.score = scoring.score(instrument, answers)
        row.updated_at = now
        session.add(row)
        session.flush()
        _rescore(session, instrument, row.assignment_id)
        _announce(session, row, instrument)
    session.refresh(row)
    return _answer_resource(row, f"/me/measures/answers/{row.id}")


def list_answers(
    session: Session,
    patient_id: uuid.UUID,
    *,
    assignment_id: uuid.UUID | None = None,
    clinic_id: uuid.UUID | None = None,
    sort: str | None,
    cursor: str | None,
    limit: int,
) -> Page[AnswerPublic]:
    order = parse_sort(sort, repository.ANSWERS_SORTABLE, default="-answered_at")
    rows, next_cursor = repository.page_answers(
        session, patient_id, assignment_id, clinic_id, order, cursor, limit
    )
    return Page[AnswerPublic](items=[answer_public(r) for r in rows], next_cursor=next_cursor)


# --- For the progress report (app/exports/report) --------------------------------------------


@dataclass(frozen=True, slots=True)
class MeasureSeries:
    """One assigned measure's scored totals in time order, for a chart."""

    instrument_id: str
    title: str
    unit: str
    higher_is_better: bool
    mcid: float | None  # the source's figure
    baseline: float | None
    points: list[tuple[datetime, float]]


def measure_series(
    session: Session, patient_id: uuid.UUID, clinic_id: uuid.UUID | None = None
) -> list[MeasureSeries]:
    """Every assignment of the patient (one clinic's, when given) with its scored answers,
    one series per assignment and comparable group (strength by side and unit, the stance
    test by leg: each its own baseline), in time order; assignments without a scored answer
    are left out."""
    assignments = repository.assignments_of(session, patient_id, clinic_id)
    answers = repository.answers_of(session, [a.id for a in assignments])
    found = []
    for row in assignments:
        instrument = instruments.get(row.instrument_id)
        groups: dict[tuple[str, ...], list[MeasureAnswer]] = {}
        for answer in answers:
            if answer.assignment_id == row.id and answer.score is not None:
                key = tuple(str(answer.answers.get(k)) for k in instrument.comparable_on)
                groups.setdefault(key, []).append(answer)
        for key, scored in groups.items():
            unit = instrument.score_unit
            if unit == "{as entered}":
                unit = str(scored[0].answers.get("unit"))
            title = instrument.title + (f" ({', '.join(key)})" if key else "")
            found.append(
                MeasureSeries(
                    instrument_id=row.instrument_id,
                    title=title,
                    unit=unit,
                    higher_is_better=instrument.higher_is_better,
                    mcid=instrument.mcid.value,
                    baseline=scored[0].score if instrument.has_baseline else None,
                    points=[(a.answered_at, a.score) for a in scored if a.score is not None],
                )
            )
    return found
