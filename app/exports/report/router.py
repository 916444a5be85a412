"""`GET /me/report` (the patient's own) and `GET /clinics/{id}/patients/{id}/report` (a
clinician's, in care): the progress report as HTML or PDF, chosen by `Accept`."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.care.team.auth import ProgressCare
from app.care.team.params import PATIENT, ClinicID, PatientID
from app.core.caching import PRIVATE
from app.core.problems import problem_responses
from app.exports.handout.render import program_response
from app.exports.report import service
from app.exports.report.params import CONTENT_DISPOSITION, REPORT_CONTENT
from app.exports.report.render import media_type
from app.logbook.progress.params import FromDay, ToDay
from app.users.auth import SignedIn

router = APIRouter(tags=["report"])

CONTENTS = (
    "For the calendar days `from`..`to` in the patient's time zone (default the last 12 "
    "weeks, at most 366 days; `from` after `to` or a longer span is 422), one section per "
    "part, each a chart (black-and-white readable: markers, hatching and line styles, "
    "units on the axes, dates in the patient's zone) with a plain-words summary under it: "
    "pain per session and per week; sessions done per week against the sessions the "
    "program in force asked for; left and right one-sided work per week (reps x kg); each "
    "outcome measure's scores with its baseline and MCID band; the alerts with their "
    "acknowledgements (and a table); the program's versions on the time axis. `Accept: "
    "application/pdf` for an A4 PDF (its outline has an entry per chart), `text/html` "
    "(also `*/*` or none) for a self-contained page with inline SVG; anything else is 406."
)


def _ok(who: str) -> dict[int | str, dict[str, object]]:
    return {
        200: {
            "description": f"The report{who}, as the `Accept` header asked",
            "headers": {
                "Cache-Control": {
                    "description": "User data: `private, no-store`.",
                    "required": True,
                    "schema": {"type": "string", "example": PRIVATE},
                },
                "Content-Disposition": CONTENT_DISPOSITION,
            },
            "content": REPORT_CONTENT,
        }
    }


@router.get(
    "/me/report",
    summary="Your progress report (HTML or PDF)",
    description=CONTENTS,
    response_class=Response,
    responses={**_ok(""), **problem_responses(401, 406, 422)},
)
async def read_own_report(
    request: Request, unit: SignedIn, starts_on: FromDay = None, ends_on: ToDay = None
) -> Response:
    accept = request.headers.get("accept")
    media_type(accept)
    service.check_period(starts_on, ends_on)
    rendered = await unit.read(
        lambda db, caller: service.own_report(
            db, caller, first=starts_on, last=ends_on, accept=accept
        )
    )
    return program_response(rendered, {"Cache-Control": PRIVATE, "Vary": "Accept, Authorization"})


@router.get(
    PATIENT + "/report",
    summary="A patient's progress report (HTML or PDF)",
    description=CONTENTS
    + " For a clinician of the clinic with an active care relationship with the patient "
    "and the `progress` scope (404 otherwise, as for an unknown patient; 403 "
    "`scope-not-granted` without `progress`). Each further part shows only under the "
    "scope that covers it (each session's pain: `sessions`; alerts, with your clinic's "
    "acknowledgements only: `alerts`; the outcome measures your clinic assigned: "
    "`measures`); the program's versions only when your clinic "
    'prescribed the program. A part left out is named, with why, under "Left out". '
    "Each read is recorded in the patient's access log.",
    response_class=Response,
    responses={**_ok(" of the patient"), **problem_responses(401, 403, 404, 406, 422)},
)
async def read_patient_report(
    request: Request,
    clinic_id: ClinicID,
    patient_id: PatientID,
    care: ProgressCare,
    starts_on: FromDay = None,
    ends_on: ToDay = None,
) -> Response:
    accept = request.headers.get("accept")
    # Checked before the access is decided and logged: a bad request leaves no log line.
    media_type(accept)
    service.check_period(starts_on, ends_on)
    rendered = await care.read_logged(
        "report",
        lambda db, seen: service.clinic_report(
            db,
            seen.patient,
            standing=seen.access.standing,
            clinic_id=clinic_id,
            first=starts_on,
            last=ends_on,
            accept=accept,
        ),
    )
    return program_response(rendered, {"Cache-Control": PRIVATE, "Vary": "Accept, Authorization"})
