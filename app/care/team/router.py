"""The care team's routes: clinics and members, invitations, the patient's consent, the
access log, and a patient's data as a clinician in care reads it."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.care.team import consent, examples, overview, service
from app.care.team.auth import ProgressCare, SelfChecksCare, SessionsCare
from app.care.team.models import (
    AccessLogPublic,
    CareAccept,
    CareInvitationPreview,
    CarePatient,
    ClinicCreate,
    ClinicPublic,
    ClinicUpdate,
    CodeBody,
    MemberPublic,
    MemberUpdate,
    RelationshipPublic,
)
from app.care.team.params import PATIENT, ClinicID, MemberID, PatientID, RelationshipID
from app.care.team.patients import progress_in_care, sessions_in_care
from app.catalog.live.deps import CatalogDep
from app.core.deps import IfMatch, client_address
from app.core.examples import example_body, example_response
from app.core.pagination import DEFAULT_LIMIT, Cursor, Limit, Page, SortParam
from app.core.problems import answers
from app.core.responses import respond, respond_created
from app.logbook.progress import examples as progress_examples
from app.logbook.progress.models import Progress
from app.logbook.progress.params import FromDay, ToDay
from app.logbook.sessions.models import SessionPublic
from app.logbook.sessions.params import StartedFrom, StartedTo
from app.logbook.sessions.repository import SessionFilter
from app.training.self_checks import examples as assessment_examples
from app.training.self_checks import service as assessments
from app.training.self_checks.models import AssessmentPublic
from app.users.auth import SignedIn

router = APIRouter(tags=["care"])

WRITE = (400, 401, 413, 415, 422)


# --- Clinics ------------------------------------------------------------------------------


@router.post(
    "/clinics",
    status_code=201,
    summary="Create a clinic",
    description="You become its first owner. A clinic always keeps at least one owner. "
    "Send your own UUID `id` so a retry is safe: the same id and name answer the clinic "
    "already made (200); the same id with another name is 409.",
    response_model=ClinicPublic,
    openapi_extra=example_body(examples.clinic_create),
    responses={
        **answers(examples.clinic, *WRITE, 409, status=201),
        200: {
            "model": ClinicPublic,
            **example_response(examples.clinic, "Made already by an earlier identical request"),
        },
    },
)
async def create_clinic(data: ClinicCreate, unit: SignedIn) -> Response:
    clinic, created = await unit.write(
        lambda db, caller: service.create_clinic(db, caller, data=data)
    )
    return respond_created(clinic, created)


@router.get(
    "/clinics",
    summary="List your clinics",
    description="The clinics you are a member of, with your role; `sort=created_at` "
    "(default) or `name`.",
    response_model=Page[ClinicPublic],
    responses=answers(examples.clinic_page, 401, 422),
)
async def list_clinics(
    unit: SignedIn, sort: SortParam = None, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> Response:
    page = await unit.read(
        lambda db, caller: service.list_clinics(db, caller, sort=sort, cursor=cursor, limit=limit)
    )
    return respond(page)


@router.get(
    "/clinics/{clinic_id}",
    summary="Get one of your clinics",
    description="A clinic you are not a member of is 404. Sends an `ETag`.",
    response_model=ClinicPublic,
    responses=answers(examples.clinic, 401, 404, 422),
)
async def get_clinic(clinic_id: ClinicID, unit: SignedIn) -> Response:
    return respond(
        await unit.read(lambda db, caller: service.get_clinic(db, caller, clinic_id=clinic_id))
    )


@router.patch(
    "/clinics/{clinic_id}",
    summary="Rename a clinic",
    description="Owners only (403 for a clinician). JSON merge patch; send `If-Match` (412 "
    "when stale, 428 when missing).",
    response_model=ClinicPublic,
    openapi_extra=example_body(examples.clinic_create),
    responses=answers(examples.clinic, *WRITE, 403, 404, 412, 428),
)
async def update_clinic(
    clinic_id: ClinicID, changes: ClinicUpdate, unit: SignedIn, if_match: IfMatch = None
) -> Response:
    updated = await unit.write(
        lambda db, caller: service.update_clinic(
            db, caller, clinic_id=clinic_id, changes=changes, if_match=if_match
        )
    )
    return respond(updated)


# --- Members ------------------------------------------------------------------------------


@router.get(
    "/clinics/{clinic_id}/members",
    summary="List a clinic's members",
    description="Members only; oldest member first.",
    response_model=Page[MemberPublic],
    responses=answers(examples.member_page, 401, 404, 422),
)
async def list_members(
    clinic_id: ClinicID, unit: SignedIn, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> Response:
    page = await unit.read(
        lambda db, caller: service.list_members(
            db, caller, clinic_id=clinic_id, cursor=cursor, limit=limit
        )
    )
    return respond(page)


@router.patch(
    "/clinics/{clinic_id}/members/{user_id}",
    summary="Change a member's role",
    description="Owners only. Demoting the last owner is 409: a clinic keeps an owner.",
    response_model=MemberPublic,
    openapi_extra=example_body(examples.member_update),
    responses=answers(examples.member, *WRITE, 403, 404, 409),
)
async def change_member_role(
    clinic_id: ClinicID, user_id: MemberID, change: MemberUpdate, unit: SignedIn
) -> Response:
    member = await unit.write(
        lambda db, caller: service.change_role(
            db, caller, clinic_id=clinic_id, user_id=user_id, change=change
        )
    )
    return respond(member)


@router.delete(
    "/clinics/{clinic_id}/members/{user_id}",
    status_code=204,
    summary="Remove a member, or leave",
    description="Owners remove anyone; any member may remove themself (leave). The member's "
    "care relationships in this clinic end at once. The last owner cannot leave (409).",
    responses=answers(None, 401, 403, 404, 409, 422, status=204, description="Removed"),
)
async def remove_member(clinic_id: ClinicID, user_id: MemberID, unit: SignedIn) -> Response:
    await unit.write(
        lambda db, caller: service.remove_member(db, caller, clinic_id=clinic_id, user_id=user_id)
    )
    return respond()


# --- Consent -----------------------------------------------------------------------------


@router.post(
    "/me/care-invitations/preview",
    summary="See what a care invitation asks for",
    description="The clinic, the clinician (by name: `asked_by`) and the scopes the code "
    "asks you to grant, before you accept; `scope_details` says in plain words what each "
    "scope opens and through which channels (the clinician's reads, the clinic's FHIR base, "
    "the clinic's connected systems by webhook, which need `clinic_systems`). Nothing "
    "changes. Unknown, used or expired is 404.",
    response_model=CareInvitationPreview,
    openapi_extra=example_body(examples.code),
    responses=answers(examples.preview, *WRITE, 404),
)
async def preview_care_invitation(body: CodeBody, unit: SignedIn) -> Response:
    return respond(await unit.read(lambda db, caller: consent.preview(db, caller, code=body.code)))


@router.post(
    "/me/care-relationships",
    status_code=201,
    summary="Accept a care invitation",
    description="Starts a care relationship with the clinician who issued the code. Grant "
    "all the scopes it asks for (omit `scopes`) or a subset; more is 422. The code works "
    "once: a retry by the same patient (with the same scopes) answers the relationship it "
    "started (200). An active relationship with the same clinician at the same clinic is 409.",
    response_model=RelationshipPublic,
    openapi_extra=example_body(examples.accept),
    responses={
        **answers(examples.relationship, *WRITE, 404, 409, status=201),
        200: {
            "model": RelationshipPublic,
            **example_response(examples.relationship, "Accepted already by an earlier request"),
        },
    },
)
async def accept_care_invitation(data: CareAccept, unit: SignedIn) -> Response:
    relationship, created = await unit.write(
        lambda db, caller: consent.accept_care(db, caller, data=data)
    )
    return respond_created(relationship, created)


@router.get(
    "/me/care-relationships",
    summary="List your care relationships",
    description="Every clinician you have let in, newest first, with what you granted and "
    "whether it is active, revoked (by you) or ended (they left the clinic).",
    response_model=Page[RelationshipPublic],
    responses=answers(examples.relationship_page, 401, 422),
)
async def list_care_relationships(
    unit: SignedIn, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> Response:
    page = await unit.read(
        lambda db, caller: consent.list_relationships(db, caller, cursor=cursor, limit=limit)
    )
    return respond(page)


@router.delete(
    "/me/care-relationships/{relationship_id}",
    status_code=204,
    summary="Revoke a care relationship",
    description="Effective on the clinician's next request: nothing about it is cached or "
    "carried in tokens. Revoking again is a no-op (204).",
    responses=answers(None, 401, 404, 422, status=204, description="Revoked"),
)
async def revoke_care_relationship(relationship_id: RelationshipID, unit: SignedIn) -> Response:
    await unit.write(lambda db, caller: consent.revoke(db, caller, relationship_id=relationship_id))
    return respond()


@router.get(
    "/me/access-log",
    summary="Who looked at your data",
    description="Every read or write of your data by a clinician in your care (who, which "
    "clinic, what, when, from which address), and every use of your share links; newest "
    "first. Append-only: entries are never changed or removed (they go with your account).",
    response_model=Page[AccessLogPublic],
    responses=answers(examples.access_log_page, 401, 422),
)
async def read_access_log(
    unit: SignedIn, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> Response:
    page = await unit.read(
        lambda db, caller: consent.access_log_page(db, caller, cursor=cursor, limit=limit)
    )
    return respond(page)


# --- A patient's data, read by a clinician in care ---------------------------------------


@router.get(
    "/clinics/{clinic_id}/patients",
    summary="Your patients at a clinic, who needs attention first",
    description="Your active care relationships at this clinic (consent is given to you, "
    "not to the clinic: an owner sees only their own patients here). Per patient: open "
    "alerts (with the `alerts` scope); with the `progress` scope, sessions in each of the "
    "last four weeks and this one (the patient's calendar weeks) against the sessions per "
    "week of the routine prescribed at this clinic (else the patient's own latest routine), "
    "adherence over the four complete weeks, the last session, its "
    "worst pain and highest effort, and the weekly left/right asymmetry. Sorted by most "
    "open alerts, then lowest adherence (no routine or no `progress` scope last), then "
    "longest since the last session (never logged first), then patient id. Each listed "
    "patient's access log records the read. Non-members get 404.",
    response_model=Page[CarePatient],
    responses=answers(examples.care_patients, 401, 404, 422),
)
async def list_care_patients(
    request: Request,
    clinic_id: ClinicID,
    unit: SignedIn,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Response:
    address = client_address(request)
    # A read that writes only its lines in the listed patients' access logs.
    page = await unit.read_logged(
        lambda db, caller: overview.patients(
            db, caller, clinic_id=clinic_id, cursor=cursor, limit=limit, address=address
        )
    )
    return respond(page)


IN_CARE = (
    " Only for a clinician of the clinic with an active care relationship with the "
    "patient (404 otherwise, as for an unknown patient; 403 `scope-not-granted` without "
    "the scope). Each read is recorded in the patient's access log."
)


@router.get(
    PATIENT + "/sessions",
    summary="A patient's sessions",
    description="The patient's session logs as `GET /sessions` answers them (newest first; "
    "`from`/`to` on the start time). A session names its routine only when this clinic "
    "prescribed it (`routine_id` null otherwise)." + IN_CARE,
    response_model=Page[SessionPublic],
    responses=answers(examples.patient_sessions, 401, 403, 404, 422),
)
async def read_patient_sessions(
    clinic_id: ClinicID,
    patient_id: PatientID,
    care: SessionsCare,
    started_from: StartedFrom = None,
    started_to: StartedTo = None,
    sort: SortParam = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Response:
    flt = SessionFilter(started_from=started_from, started_to=started_to)
    page = await care.read_logged(
        "sessions",
        lambda db, seen: sessions_in_care(
            db, seen.patient, clinic_id=clinic_id, flt=flt, sort=sort, cursor=cursor, limit=limit
        ),
    )
    return respond(page)


@router.get(
    PATIENT + "/progress",
    summary="A patient's progress",
    description="The report `GET /me/progress` gives the patient, in the patient's time "
    "zone: weekly adherence, per-exercise figures and advice. Its `alerts` (each painful "
    "session's id, time and pain) are single sessions: they come only with the `sessions` "
    "scope too (empty under `progress` alone); `routine_id` is null unless this clinic "
    "prescribed the routine the report follows." + IN_CARE,
    response_model=Progress,
    responses=answers(progress_examples.progress, 401, 403, 404, 422),
)
async def read_patient_progress(
    clinic_id: ClinicID,
    patient_id: PatientID,
    care: ProgressCare,
    catalog: CatalogDep,
    starts_on: FromDay = None,
    ends_on: ToDay = None,
) -> Response:
    document = await care.read_logged(
        "progress",
        lambda db, seen: progress_in_care(
            db,
            seen.patient,
            standing=seen.access.standing,
            clinic_id=clinic_id,
            starts_on=starts_on,
            ends_on=ends_on,
            catalog=catalog,
        ),
    )
    return respond(document)


@router.get(
    PATIENT + "/assessments",
    summary="A patient's self-checks",
    description="The patient's single-leg stance self-checks as `GET /me/assessments` "
    "answers them (newest first)." + IN_CARE,
    response_model=Page[AssessmentPublic],
    responses=answers(assessment_examples.assessment_page, 401, 403, 404, 422),
)
async def read_patient_assessments(
    clinic_id: ClinicID,
    patient_id: PatientID,
    care: SelfChecksCare,
    sort: SortParam = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Response:
    page = await care.read_logged(
        "self_checks",
        lambda db, seen: assessments.list_owned(
            db, seen.patient, sort=sort, cursor=cursor, limit=limit
        ),
    )
    return respond(page)
