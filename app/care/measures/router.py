"""`/clinics/{clinic_id}/patients/{patient_id}/measures`: a clinician's outcome measures."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from app.care.measures import service
from app.care.team.auth import MeasuresCare
from app.care.team.params import ClinicID, PatientID
from app.core.examples import example_body, retry_response
from app.core.pagination import DEFAULT_LIMIT, Cursor, Limit, Page, SortParam
from app.core.problems import answers
from app.core.responses import respond, respond_created
from app.outcomes.measures import examples
from app.outcomes.measures.models import (
    AnswerCreate,
    AnswerPublic,
    AssignmentCreate,
    AssignmentPublic,
    MeasureResult,
)
from app.outcomes.measures.params import AssignmentFilter

router = APIRouter(tags=["care"])

MEASURES = "/clinics/{clinic_id}/patients/{patient_id}/measures"
IN_CARE = (
    " Only for a clinician of the clinic in an active care relationship with the patient "
    "that grants `measures` (404 otherwise, as for an unknown patient; 403 "
    "`scope-not-granted` without the scope). Every call is recorded in the patient's "
    "access log."
)
WRITE_ERRORS = (400, 401, 403, 404, 413, 415, 422)


@router.post(
    MEASURES,
    status_code=201,
    summary="Assign an outcome measure",
    description="Ask the patient to answer an instrument (`GET /instruments`) on a schedule: "
    "at the start (`starts_on`, default today in the patient's zone), every `every_weeks` "
    "weeks, and at discharge (`discharge_on`). The patient sees it in `GET /me/measures/due` "
    "and their calendar feed. Send your own `id` to make retries safe." + IN_CARE,
    response_model=AssignmentPublic,
    openapi_extra=example_body(examples.assign),
    responses={
        **answers(examples.assignment, *WRITE_ERRORS, 409, status=201),
        **retry_response(examples.assignment, "the assignment this id made", AssignmentPublic),
    },
)
async def assign_measure(
    clinic_id: ClinicID, patient_id: PatientID, data: AssignmentCreate, care: MeasuresCare
) -> Response:
    made, created = await care.write(lambda db, access: service.assign(db, access, data))
    return respond_created(made, created)


@router.get(
    MEASURES,
    summary="A patient's measures and results",
    description="The measures this clinic assigned (never another clinic's), oldest first, "
    "each with its scored answers, the baseline, the latest change and where it stands "
    "against the instrument's published MCID." + IN_CARE,
    response_model=Page[MeasureResult],
    responses=answers(examples.result_page, 401, 403, 404, 422),
)
async def list_measure_results(
    clinic_id: ClinicID,
    patient_id: PatientID,
    care: MeasuresCare,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Response:
    page = await care.read_logged(
        "measures",
        lambda db, read: service.results(db, read.access, cursor=cursor, limit=limit),
    )
    return respond(page)


@router.post(
    MEASURES + "/answers",
    status_code=201,
    summary="Record a measured test",
    description="A measure the clinician records for one of this clinic's assignments: hip "
    "abduction strength (with its unit and side) or time to pain in single-leg stance. "
    "Scored like the patient's own answers; `id` as for `POST /me/measures/answers`. A "
    "questionnaire only the patient answers is 403." + IN_CARE,
    response_model=AnswerPublic,
    openapi_extra=example_body(examples.answer_create),
    responses={
        **answers(examples.answer, *WRITE_ERRORS, 409, status=201),
        **retry_response(examples.answer, "the stored answer", AnswerPublic),
    },
)
async def record_measure(
    clinic_id: ClinicID, patient_id: PatientID, data: AnswerCreate, care: MeasuresCare
) -> Response:
    made, created = await care.write(lambda db, access: service.record(db, access, data))
    return respond_created(made, created)


@router.get(
    MEASURES + "/answers",
    summary="A patient's answers",
    description="The answers to this clinic's measures, newest first (`sort=answered_at` "
    "for oldest first); `assignment_id` narrows to one." + IN_CARE,
    response_model=Page[AnswerPublic],
    responses=answers(examples.answer_page, 401, 403, 404, 422),
)
async def list_measure_answers(
    clinic_id: ClinicID,
    patient_id: PatientID,
    care: MeasuresCare,
    assignment_id: AssignmentFilter = None,
    sort: SortParam = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Response:
    page = await care.read_logged(
        "measure-answers",
        lambda db, read: service.answers(db, read.access, assignment_id, sort, cursor, limit),
    )
    return respond(page)
