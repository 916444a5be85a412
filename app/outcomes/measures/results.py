"""Reading a patient's measures: what is due (and when, for the calendar feed), the results
per assignment, and the answers as an export reads them. The writes are in service.py."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session

from app.core.pagination import Page, parse_sort
from app.core.vocabulary import DueStatus
from app.outcomes.instruments import service as instruments
from app.outcomes.measures import repository
from app.outcomes.measures.models import (
    AnswerPublic,
    DueMeasure,
    MeasureAnswer,
    MeasureAssignment,
    MeasurePoint,
    MeasureResult,
)
from app.outcomes.measures.schedule import current_and_next, occasions
from app.outcomes.measures.service import answer_public, assignment_public, plan_of, today_in


def answers_for_export(
    session: Session, patient_id: uuid.UUID, clinic_id: uuid.UUID | None = None
) -> list[AnswerPublic]:
    """Every answer of the patient (to one clinic's assignments, when given), oldest first."""
    assignments = repository.assignments_of(session, patient_id, clinic_id)
    rows = repository.answers_of(session, [a.id for a in assignments])
    return [answer_public(r) for r in sorted(rows, key=lambda r: (r.answered_at, str(r.id)))]


@dataclass(frozen=True, slots=True)
class ExportedAnswer:
    """An answer as an export reads it by id: whose, to which clinic's assignment."""

    patient_id: uuid.UUID
    clinic_id: uuid.UUID | None
    public: AnswerPublic


def exported_answer(session: Session, answer_id: uuid.UUID) -> ExportedAnswer | None:
    row = repository.answer(session, answer_id)
    if row is None:
        return None
    return ExportedAnswer(row.patient_id, row.clinic_id, answer_public(row))


# --- What is due, and the results -----------------------------------------------------------


def due(
    session: Session, patient_id: uuid.UUID, time_zone: str, now: datetime | None = None
) -> list[DueMeasure]:
    """Each assignment's current occasion when not answered yet (`due`), and its next one
    (`upcoming`), soonest first."""
    today = today_in(time_zone, now)
    assignments = repository.assignments_of(session, patient_id)
    answered = {
        (a.assignment_id, a.due_on)
        for a in repository.answers_of(session, [row.id for row in assignments])
    }
    found: list[DueMeasure] = []
    for row in assignments:
        if row.ended_at is not None:
            continue
        instrument = instruments.get(row.instrument_id)
        current, upcoming = current_and_next(plan_of(row), today)
        for day, status in ((current, DueStatus.DUE), (upcoming, DueStatus.UPCOMING)):
            if day is None or (status is DueStatus.DUE and (row.id, day) in answered):
                continue
            found.append(
                DueMeasure(
                    assignment_id=row.id,
                    instrument_id=row.instrument_id,
                    title=instrument.title,
                    clinic_id=row.clinic_id,
                    due_on=day,
                    status=status,
                    reported_by=instrument.reported_by,
                )
            )
    return sorted(found, key=lambda d: (d.due_on, str(d.assignment_id)))


def _result(row: MeasureAssignment, answers: Sequence[MeasureAnswer]) -> MeasureResult:
    instrument = instruments.get(row.instrument_id)
    scored = [a for a in answers if a.score is not None]
    latest = scored[-1] if scored else None
    baseline = next((a.score for a in scored if a.baseline_score is None), None)
    return MeasureResult(
        assignment=assignment_public(row),
        title=instrument.title,
        unit=instrument.score_unit,
        higher_is_better=instrument.higher_is_better,
        mcid=instrument.mcid.value,
        baseline=baseline if instrument.has_baseline else None,
        latest_score=None if latest is None else latest.score,
        latest_change=None if latest is None else latest.change,
        latest_verdict=None if latest is None else latest.verdict,
        points=[
            MeasurePoint(answer_id=a.id, answered_at=a.answered_at, score=a.score)
            for a in scored
            if a.score is not None
        ],
    )


def results(
    session: Session,
    patient_id: uuid.UUID,
    *,
    clinic_id: uuid.UUID | None = None,
    cursor: str | None,
    limit: int,
) -> Page[MeasureResult]:
    """A page of the patient's assignments (one clinic's, when given) with their results."""
    order = parse_sort(None, repository.ASSIGNMENTS_SORTABLE, default="created_at")
    rows, next_cursor = repository.page_assignments(
        session, patient_id, clinic_id, order, cursor, limit
    )
    answers = repository.answers_of(session, [r.id for r in rows])
    by_assignment: dict[uuid.UUID, list[MeasureAnswer]] = {}
    for answer in answers:
        by_assignment.setdefault(answer.assignment_id, []).append(answer)
    return Page[MeasureResult](
        items=[_result(r, by_assignment.get(r.id, [])) for r in rows], next_cursor=next_cursor
    )


@dataclass(frozen=True, slots=True)
class Occasion:
    """A day an assigned measure is due (the calendar feed shows each)."""

    assignment_id: uuid.UUID
    title: str
    day: date
    assigned_at: datetime


def occasions_between(
    session: Session, patient_id: uuid.UUID, first: date, last: date
) -> list[Occasion]:
    """Every occasion of the patient's assigned measures on the local days first..last."""
    found = []
    for row in repository.assignments_of(session, patient_id):
        if row.ended_at is not None:
            continue
        title = instruments.get(row.instrument_id).title
        found += [
            Occasion(row.id, title, day, row.created_at)
            for day in occasions(plan_of(row), last)
            if day >= first
        ]
    return found
