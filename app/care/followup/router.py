"""Alerts and session comments of a patient in care, for their clinicians."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from app.care.followup import service
from app.care.team.auth import AlertsCare, SessionsCare
from app.care.team.params import PATIENT, ClinicID, PatientID
from app.core.examples import example_body, example_response
from app.core.pagination import DEFAULT_LIMIT, Cursor, Limit, Page
from app.core.problems import answers, problem_responses
from app.core.responses import respond, respond_created
from app.core.vocabulary import AlertStatus
from app.logbook.alerts import examples as alert_examples
from app.logbook.alerts import service as alerts
from app.logbook.alerts.models import AlertAcknowledge, AlertPublic
from app.logbook.alerts.params import ALERTS_NOTE, AlertID
from app.logbook.comments import examples as comment_examples
from app.logbook.comments import service as comments
from app.logbook.comments.models import SessionCommentCreate, SessionCommentPublic
from app.logbook.sessions.params import SessionID

router = APIRouter(tags=["care"])

IN_CARE = (
    " Only for a clinician of the clinic with an active care relationship with the "
    "patient (404 otherwise, as for an unknown patient; 403 `scope-not-granted` without "
    "the scope `{scope}`). Recorded in the patient's access log."
)


@router.get(
    PATIENT + "/alerts",
    summary="A patient's alerts",
    description=ALERTS_NOTE + " Newest first; `status` narrows to open or acknowledged "
    "ones." + IN_CARE.format(scope="alerts"),
    response_model=Page[AlertPublic],
    responses=answers(alert_examples.alert_page, 401, 403, 404, 422),
)
async def read_patient_alerts(
    clinic_id: ClinicID,
    patient_id: PatientID,
    care: AlertsCare,
    status: AlertStatus | None = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Response:
    page = await care.read_logged(
        "alerts",
        lambda db, seen: alerts.list_for_clinic(
            db, seen.patient, clinic_id=clinic_id, status=status, cursor=cursor, limit=limit
        ),
    )
    return respond(page)


@router.post(
    PATIENT + "/alerts/{alert_id}/acknowledge",
    summary="Acknowledge a patient's alert",
    description="Marks the alert acknowledged by your clinic with a short note the patient "
    "sees (1-500 characters, one line). Each clinic acknowledges for itself: another "
    "clinic's acknowledgement neither closes the alert for yours nor shows to it. Your "
    "clinic's first acknowledge wins: repeating it with the same note answers the same (a "
    "safe retry); any other acknowledge by your clinic is 409." + IN_CARE.format(scope="alerts"),
    response_model=AlertPublic,
    openapi_extra=example_body(alert_examples.acknowledge),
    responses=answers(alert_examples.alert, 400, 401, 403, 404, 409, 413, 415, 422),
)
async def acknowledge_patient_alert(
    clinic_id: ClinicID,
    patient_id: PatientID,
    alert_id: AlertID,
    data: AlertAcknowledge,
    care: AlertsCare,
) -> Response:
    acknowledged = await care.write(
        lambda db, access: service.acknowledge_alert(
            db, access.caller, access, alert_id=alert_id, data=data
        )
    )
    return respond(acknowledged)


@router.get(
    PATIENT + "/sessions/{session_id}/comments",
    summary="Comments on a patient's session",
    description="Your clinic's comments on the session, oldest first (other clinics' "
    "comments are theirs and the patient's); a session that is not the patient's (or "
    "deleted) is 404." + IN_CARE.format(scope="sessions"),
    response_model=Page[SessionCommentPublic],
    responses=answers(comment_examples.comment_page, 401, 403, 404, 422),
)
async def read_patient_session_comments(
    clinic_id: ClinicID,
    patient_id: PatientID,
    session_id: SessionID,
    care: SessionsCare,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Response:
    page = await care.read_logged(
        f"session:{session_id}:comments",
        lambda db, seen: comments.list_for_clinic(
            db,
            seen.patient,
            clinic_id=clinic_id,
            session_id=session_id,
            cursor=cursor,
            limit=limit,
        ),
    )
    return respond(page)


@router.post(
    PATIENT + "/sessions/{session_id}/comments",
    status_code=201,
    summary="Comment on a patient's session",
    description="A comment the patient reads at `GET /sessions/{id}/comments` (1-2000 "
    "characters; tab and newline allowed, other control characters not). Send your own "
    "`id` to make a retry safe: the same id and body answers the stored comment (200); the "
    "same id with another body is 409." + IN_CARE.format(scope="sessions"),
    response_model=SessionCommentPublic,
    openapi_extra=example_body(comment_examples.comment_create),
    responses={
        201: example_response(comment_examples.comment, "Stored"),
        200: {
            "model": SessionCommentPublic,
            **example_response(comment_examples.comment, "Already stored by an earlier request"),
        },
        **problem_responses(400, 401, 403, 404, 409, 413, 415, 422),
    },
)
async def comment_on_patient_session(
    clinic_id: ClinicID,
    patient_id: PatientID,
    session_id: SessionID,
    data: SessionCommentCreate,
    care: SessionsCare,
) -> Response:
    comment, created = await care.write(
        lambda db, access: service.add_comment(
            db, access.caller, access, session_id=session_id, data=data
        )
    )
    return respond_created(comment, created)
