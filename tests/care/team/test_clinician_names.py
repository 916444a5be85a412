"""A patient is asked for consent by a named person, and never sees a clinician's email as
their name: not in the preview, a prescription, a handout (HTML or PDF, shared links
included), the access log or the care views (issues #21 and #22)."""

from __future__ import annotations

import io
import uuid

import httpx
from pypdf import PdfReader

from tests.core.test_problems import assert_problem
from tests.factories import (
    SignedIn,
    create_clinic,
    join_clinic,
    named,
    routine_payload,
    signed_in_user,
    unique_email,
)

PREVIEW = "/api/v1/me/care-invitations/preview"


async def _clinic_with(client: httpx.AsyncClient, clinician: SignedIn) -> uuid.UUID:
    owner = await signed_in_user(client, unique_email("owner"), display_name="Owner")
    clinic_id = await create_clinic(client, owner, "Riverside Physiotherapy")
    await join_clinic(client, owner, clinic_id, clinician)
    return clinic_id


async def _invite(client: httpx.AsyncClient, clinician: SignedIn, clinic_id: uuid.UUID) -> str:
    issued = await client.post(
        f"/api/v1/clinics/{clinic_id}/care-invitations",
        json={"scopes": ["prescribe", "progress"]},
        headers=clinician.headers,
    )
    assert issued.status_code == 201, issued.text
    code: str = issued.json()["code"]
    return code


async def _clear_display_name(client: httpx.AsyncClient, user: SignedIn) -> None:
    me = await client.get("/api/v1/me", headers=user.headers)
    cleared = await client.patch(
        "/api/v1/me",
        json={"display_name": None},
        headers={**user.headers, "If-Match": me.headers["etag"]},
    )
    assert cleared.status_code == 200 and cleared.json()["display_name"] is None, cleared.text


async def test_a_clinician_without_a_display_name_cannot_invite_a_patient(
    client: httpx.AsyncClient,
) -> None:
    clinician = await signed_in_user(client, unique_email("doc"))
    clinic_id = await _clinic_with(client, clinician)
    refused = await client.post(
        f"/api/v1/clinics/{clinic_id}/care-invitations",
        json={"scopes": ["progress"]},
        headers=clinician.headers,
    )
    body = assert_problem(refused, 409)
    assert body["type"].endswith("/display-name-required")
    assert "display name" in body["detail"]
    await named(client, clinician, "Dr Ada Moss")
    code = await _invite(client, clinician, clinic_id)  # named now: the same call works
    assert code


async def test_the_preview_names_who_asks_and_falls_back_to_neutral_words_never_the_email(
    client: httpx.AsyncClient,
) -> None:
    clinician = await signed_in_user(client, unique_email("doc"), display_name="Dr Ada Moss")
    patient = await signed_in_user(client, unique_email("patient"))
    clinic_id = await _clinic_with(client, clinician)
    code = await _invite(client, clinician, clinic_id)
    shown = await client.post(PREVIEW, json={"code": code}, headers=patient.headers)
    assert shown.status_code == 200, shown.text
    assert shown.json()["clinician"]["display_name"] == "Dr Ada Moss"
    assert shown.json()["asked_by"] == "Dr Ada Moss at Riverside Physiotherapy"
    await _clear_display_name(client, clinician)
    later = await client.post(PREVIEW, json={"code": code}, headers=patient.headers)
    assert later.json()["asked_by"] == "your clinician at Riverside Physiotherapy"
    assert later.json()["clinician"]["display_name"] is None
    assert clinician.email not in later.text


async def test_a_clinician_who_cleared_their_name_is_never_shown_by_email(
    client: httpx.AsyncClient,
) -> None:
    """Every channel a patient (or anyone they share with) reads a clinician's name on."""
    clinician = await signed_in_user(client, unique_email("doc"), display_name="Dr Ada Moss")
    patient = await signed_in_user(client, unique_email("patient"))
    clinic_id = await _clinic_with(client, clinician)
    code = await _invite(client, clinician, clinic_id)
    accepted = await client.post(
        "/api/v1/me/care-relationships", json={"code": code}, headers=patient.headers
    )
    assert accepted.status_code == 201, accepted.text
    await _clear_display_name(client, clinician)
    base = f"/api/v1/clinics/{clinic_id}/patients/{patient.id}"
    prescribed = await client.post(
        f"{base}/routines",
        json={"routine": routine_payload(name="Hip strength")},
        headers=clinician.headers,
    )
    assert prescribed.status_code == 201, prescribed.text
    routine_id = prescribed.json()["id"]
    assert prescribed.json()["prescriber"]["name"] == "your clinician"
    await client.get(f"{base}/progress", headers=clinician.headers)  # a logged read
    link = await client.post(
        "/api/v1/me/share-links",
        json={"kind": "routine_handout", "routine_id": routine_id},
        headers=patient.headers,
    )
    assert link.status_code == 201, link.text
    shared = f"/api/v1/shared/{link.json()['token']}"
    pdf = {"Accept": "application/pdf"}
    handout = f"/api/v1/routines/{routine_id}/handout"
    reads = {
        "routine": await client.get(f"/api/v1/routines/{routine_id}", headers=patient.headers),
        "versions": await client.get(
            f"/api/v1/routines/{routine_id}/versions", headers=patient.headers
        ),
        "handout": await client.get(handout, headers=patient.headers),
        "handout pdf": await client.get(handout, headers={**patient.headers, **pdf}),
        "shared": await client.get(shared),
        "shared pdf": await client.get(shared, headers=pdf),
        "access log": await client.get("/api/v1/me/access-log", headers=patient.headers),
        "relationships": await client.get("/api/v1/me/care-relationships", headers=patient.headers),
        "export": await client.get("/api/v1/me/export", headers=patient.headers),
        "clinician's view": await client.get(
            f"{base}/routines/{routine_id}", headers=clinician.headers
        ),
    }
    for what, answer in reads.items():
        assert answer.status_code == 200, (what, answer.text)
        text = answer.text
        if answer.headers["content-type"].startswith("application/pdf"):
            text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(answer.content)).pages)
            assert "prescribed by your clinician (Riverside Physiotherapy)" in " ".join(
                text.split()
            ), what
        assert clinician.email not in text, what
    assert "prescribed by your clinician (Riverside Physiotherapy)" in reads["shared"].text
    actors = {e["actor_name"] for e in reads["access log"].json()["items"]}
    assert actors - {None} == {"your clinician"}  # None: the share link's anonymous use
