"""`/me/measures`: the patient's assigned outcome measures, what is due, answers, results."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from app.core.deps import IfMatch
from app.core.examples import example_body, retry_response
from app.core.pagination import DEFAULT_LIMIT, Cursor, Limit, Page, SortParam
from app.core.problems import answers
from app.core.responses import respond, respond_created
from app.core.vocabulary import Reporter
from app.outcomes.measures import examples, results, service
from app.outcomes.measures.models import (
    AnswerCreate,
    AnswerPublic,
    AnswerUpdate,
    DueMeasure,
    MeasureResult,
)
from app.outcomes.measures.params import AnswerID, AssignmentFilter
from app.outcomes.measures.service import Answerer
from app.users.auth import SignedIn

router = APIRouter(prefix="/me/measures", tags=["outcome measures"])
WRITE_ERRORS = (400, 401, 403, 413, 415, 422)


@router.get(
    "/due",
    summary="What measures are due",
    description="For each measure your clinicians assigned: its current occasion when you "
    "have not answered it yet (`due`), and its next one (`upcoming`), soonest first. Dates "
    "are days in your time zone. One page (`next_cursor` is always null).",
    response_model=Page[DueMeasure],
    responses=answers(examples.due_list, 401),
)
async def list_due(unit: SignedIn) -> Response:
    return respond(
        await unit.read(
            lambda db, caller: Page[DueMeasure](
                items=results.due(db, caller.id, caller.time_zone), next_cursor=None
            )
        )
    )


@router.post(
    "/answers",
    status_code=201,
    summary="Answer a measure",
    description="Your answers to an assigned measure, as its instrument's `items` define "
    "them; the answer comes back scored (score, change from your first answer, and where the "
    "change stands against the instrument's published MCID). Send your own `id` (offline-"
    "safe: a retry with the same id and body answers the stored one, 200; another body is "
    "409) and, from an offline queue, `answered_at`. A measure the clinician records "
    "(strength) is 403.",
    response_model=AnswerPublic,
    openapi_extra=example_body(examples.answer_create),
    responses={
        **answers(examples.answer, *WRITE_ERRORS, 409, status=201),
        **retry_response(examples.answer, "the stored answer", AnswerPublic),
    },
)
async def answer_measure(data: AnswerCreate, unit: SignedIn) -> Response:
    made, created = await unit.write(
        lambda db, caller: service.record_answer(
            db,
            Answerer(
                patient_id=caller.id,
                time_zone=caller.time_zone,
                reporter=Reporter.PATIENT,
                user_id=caller.id,
            ),
            data,
        )
    )
    return respond_created(made, created)


@router.get(
    "/answers",
    summary="List your answers",
    description="Newest first by default (`sort=answered_at` for oldest first); "
    "`assignment_id` narrows to one measure.",
    response_model=Page[AnswerPublic],
    responses=answers(examples.answer_page, 401, 422),
)
async def list_answers(
    unit: SignedIn,
    assignment_id: AssignmentFilter = None,
    sort: SortParam = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Response:
    return respond(
        await unit.read(
            lambda db, caller: service.list_answers(
                db, caller.id, assignment_id=assignment_id, sort=sort, cursor=cursor, limit=limit
            )
        )
    )


@router.get(
    "/answers/{answer_id}",
    summary="One of your answers",
    description="With its `ETag`, for a change within the edit window. Another user's is 404.",
    response_model=AnswerPublic,
    responses=answers(examples.answer, 401, 404, 422),
)
async def get_answer(answer_id: AnswerID, unit: SignedIn) -> Response:
    return respond(await unit.read(lambda db, caller: service.get_own(db, caller.id, answer_id)))


@router.put(
    "/answers/{answer_id}",
    summary="Correct an answer",
    description="Replace the answers (scored again) within 24 hours of giving them; later "
    "is 409 `edit-window-closed` (answer again instead). Send `If-Match` with the ETag you "
    "read (412 when stale, 428 when missing). A measure your clinician entered is 403.",
    response_model=AnswerPublic,
    openapi_extra=example_body(examples.answer_update),
    responses=answers(examples.answer, *WRITE_ERRORS, 404, 409, 412, 428),
)
async def correct_answer(
    answer_id: AnswerID, data: AnswerUpdate, unit: SignedIn, if_match: IfMatch = None
) -> Response:
    return respond(
        await unit.write(
            lambda db, caller: service.edit_answer(
                db, caller.id, caller.id, answer_id, data, if_match
            )
        )
    )


@router.get(
    "/results",
    summary="Your results",
    description="Each assigned measure with its scored answers in time order, the baseline "
    "(your first answer), the latest change and where it stands against the instrument's "
    "published MCID (`better`, `within`, `worse`; null without a published MCID). Oldest "
    "assignment first.",
    response_model=Page[MeasureResult],
    responses=answers(examples.result_page, 401, 422),
)
async def list_results(
    unit: SignedIn, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> Response:
    return respond(
        await unit.read(
            lambda db, caller: results.results(db, caller.id, cursor=cursor, limit=limit)
        )
    )
