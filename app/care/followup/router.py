"""Alerts and session comments of a patient in care, for their clinicians."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path
from starlette.responses import Response

from app.care.followup import service
from app.care.team.access import ClinicID, PatientAccess, PatientID, patient_access
from app.care.team.router import PATIENT, SessionsAccess
from app.core.examples import example_body, example_response
from app.core.pagination import DEFAULT_LIMIT, Cursor, Limit, Page
from app.core.problems import answers, problem_responses
from app.core.responses import respond
from app.core.vocabulary import AlertStatus, CareScope
from app.logbook.alerts import examples as alert_examples
from app.logbook.alerts.models import AlertAcknowledge, AlertPublic
from app.logbook.alerts.router import ALERTS_NOTE
from app.logbook.comments import examples as comment_examples
from app.logbook.comments.models import SessionCommentCreate, SessionCommentPublic
from app.users.auth import SignedIn

router = APIRouter(tags=["care"])

IN_CARE = (
    " Only for a clinician of the clinic with an active care relationship with the "
    "patient (404 otherwise, as for an unknown patient; 403 `scope-not-granted` without "
    "the scope `{scope}`). Recorded in the patient's access log."
)
AlertsAccess = Annotated[PatientAccess, Depends(patient_access(CareScope.ALERTS))]
AlertID = Annotated[uuid.UUID, Path(description="The alert's id.")]
SessionID = Annotated[uuid.UUID, Path(description="The session's id (UUID).")]


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
    access: AlertsAccess,
    unit: SignedIn,
    status: AlertStatus | None = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Response:
    return respond(await unit.write(service.list_alerts, access, status, cursor, limit))


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
    access: AlertsAccess,
    unit: SignedIn,
) -> Response:
    return respond(await unit.write(service.acknowledge_alert, access, alert_id, data))


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
    access: SessionsAccess,
    unit: SignedIn,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Response:
    return respond(await unit.write(service.list_comments, access, session_id, cursor, limit))


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
    access: SessionsAccess,
    unit: SignedIn,
) -> Response:
    comment, created = await unit.write(service.add_comment, access, session_id, data)
    return respond(comment, status_code=201 if created else 200)
