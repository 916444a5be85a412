"""The care team's invitation routes: issuing membership and care codes, joining a clinic,
and listing and revoking the codes issued (a code is shown once, when issued, never again)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path
from starlette.responses import Response

from app.care.team import consent, examples, invitations, service
from app.care.team.access import ClinicID
from app.care.team.models import (
    CareInvitationCreate,
    CareInvitationIssued,
    CareInvitationPublic,
    ClinicInvitationCreate,
    ClinicInvitationIssued,
    ClinicInvitationPublic,
    ClinicPublic,
    CodeBody,
)
from app.core.examples import example_body
from app.core.pagination import DEFAULT_LIMIT, Cursor, Limit, Page
from app.core.problems import answers
from app.core.responses import respond
from app.users.auth import SignedIn

router = APIRouter(tags=["care"])

InvitationID = Annotated[uuid.UUID, Path(description="The invitation's id (never its code).")]
WRITE = (400, 401, 413, 415, 422)
DIES = (
    " A code dies with its issuer's standing: when they leave or are removed (for good: "
    "rejoining revives none)"
)


# --- Membership codes ---------------------------------------------------------------------


@router.post(
    "/clinics/{clinic_id}/invitations",
    status_code=201,
    summary="Invite a clinician to the clinic",
    description="Owners only. The code is in this answer only (stored hashed): pass it on. "
    "It is single use and expires after `expires_in_days` (default 7, at most 30)."
    + DIES
    + ", or stop being an owner.",
    response_model=ClinicInvitationIssued,
    openapi_extra=example_body(examples.clinic_invitation_create),
    responses=answers(examples.clinic_invitation, *WRITE, 403, 404, status=201),
)
async def invite_member(
    clinic_id: ClinicID, data: ClinicInvitationCreate, unit: SignedIn
) -> Response:
    return respond(await unit.write(service.invite_member, clinic_id, data), status_code=201)


@router.get(
    "/clinics/{clinic_id}/invitations",
    summary="List the clinic's membership invitations",
    description="Owners only (403 for a clinician). Every code issued for the clinic, newest "
    "first, with its role, issuer, expiry and status (`open`, `used`, `expired`, "
    "`revoked`); never the code itself.",
    response_model=Page[ClinicInvitationPublic],
    responses=answers(examples.clinic_invitation_page, 401, 403, 404, 422),
)
async def list_clinic_invitations(
    clinic_id: ClinicID, unit: SignedIn, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> Response:
    return respond(await unit.run(invitations.list_clinic_invitations, clinic_id, cursor, limit))


@router.delete(
    "/clinics/{clinic_id}/invitations/{invitation_id}",
    status_code=204,
    summary="Revoke a membership invitation",
    description="Owners only, whoever issued it. The code stops working at once. Revoking an "
    "expired or revoked invitation again is a no-op (204); a used one is 409 (remove the "
    "member instead).",
    responses=answers(None, 401, 403, 404, 409, 422, status=204, description="Revoked"),
)
async def revoke_clinic_invitation(
    clinic_id: ClinicID, invitation_id: InvitationID, unit: SignedIn
) -> Response:
    await unit.write(invitations.revoke_clinic_invitation, clinic_id, invitation_id)
    return respond()


@router.post(
    "/clinic-invitations/accept",
    summary="Join a clinic with an invitation code",
    description="An unknown, used, expired or revoked code is 404 (so is one whose issuer "
    "has left the clinic or is no longer an owner); already a member is 409. A retry of "
    "your own accepted code answers the clinic again (200).",
    response_model=ClinicPublic,
    openapi_extra=example_body(examples.code),
    responses=answers(examples.clinic, *WRITE, 404, 409),
)
async def accept_clinic_invitation(body: CodeBody, unit: SignedIn) -> Response:
    return respond(await unit.write(service.accept_membership, body.code))


# --- Care codes ---------------------------------------------------------------------------


@router.post(
    "/clinics/{clinic_id}/care-invitations",
    status_code=201,
    summary="Invite a patient into your care",
    description="Any member of the clinic. Names what you ask the patient to grant "
    "(`scopes`); the code is in this answer only, single use, expiring after "
    "`expires_in_days` (default 7, at most 30). The patient sees it with "
    "`POST /me/care-invitations/preview` before accepting, with your name: set a display "
    "name first (`PATCH /me`), else 409 `display-name-required` (a patient consents to a "
    "named person, and never sees your email)." + DIES + ".",
    response_model=CareInvitationIssued,
    openapi_extra=example_body(examples.care_invitation_create),
    responses=answers(examples.care_invitation, *WRITE, 404, 409, status=201),
)
async def invite_patient(
    clinic_id: ClinicID, data: CareInvitationCreate, unit: SignedIn
) -> Response:
    return respond(await unit.write(consent.invite_patient, clinic_id, data), status_code=201)


@router.get(
    "/clinics/{clinic_id}/care-invitations",
    summary="List your care invitations at a clinic",
    description="Any member: the care codes you issued at this clinic, newest first, with "
    "the scopes asked, expiry and status; never the code itself (nor a colleague's).",
    response_model=Page[CareInvitationPublic],
    responses=answers(examples.care_invitation_page, 401, 404, 422),
)
async def list_care_invitations(
    clinic_id: ClinicID, unit: SignedIn, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> Response:
    return respond(await unit.run(invitations.list_care_invitations, clinic_id, cursor, limit))


@router.delete(
    "/clinics/{clinic_id}/care-invitations/{invitation_id}",
    status_code=204,
    summary="Revoke one of your care invitations",
    description="The code stops working at once. Another clinician's invitation is 404. "
    "Revoking an expired or revoked invitation again is a no-op (204); a used one is 409 "
    "(the patient revokes the relationship instead).",
    responses=answers(None, 401, 404, 409, 422, status=204, description="Revoked"),
)
async def revoke_care_invitation(
    clinic_id: ClinicID, invitation_id: InvitationID, unit: SignedIn
) -> Response:
    await unit.write(invitations.revoke_care_invitation, clinic_id, invitation_id)
    return respond()
