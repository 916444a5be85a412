"""Prescribed routines and versions, as the patient meets them over HTTP.

A prescription is made with the service the clinician's routes call (`prescribe`/`revise`;
the routes come with the care-team foundation); everything the patient does goes through
the API, with two real users on both databases.
"""

from __future__ import annotations

import asyncio
import io
import uuid
from typing import Any

import httpx
import orjson
import pytest
from fastapi import FastAPI
from pypdf import PdfReader
from sqlmodel import Session

from app.core.errors import NotFound, PreconditionFailed
from app.core.json import dumps
from app.training.routines import service as routines
from app.training.routines.models import RoutineCreate, RoutineUpdate
from app.training.routines.versions import PrescriberInfo
from tests.factories import SignedIn, create_clinic, routine_payload, session_payload

READ_ONLY = "https://medius.dev/problems/prescribed-routine-read-only"


@pytest.fixture
async def clinic_id(client: httpx.AsyncClient, bob: SignedIn) -> uuid.UUID:
    """Bob's clinic: Bob prescribes in these tests."""
    return await create_clinic(client, bob, "Riverside Physio")


def _prescriber(clinician: SignedIn, clinic: uuid.UUID) -> PrescriberInfo:
    return PrescriberInfo(
        user_id=clinician.id, name="Dr Ada Moss", clinic_id=clinic, clinic_name="Riverside Physio"
    )


def prescribe(
    app: FastAPI,
    clinic: uuid.UUID,
    clinician: SignedIn,
    patient: SignedIn,
    routine_id: uuid.UUID | None = None,
    **overrides: Any,
) -> tuple[dict[str, Any], bool]:
    """A prescription made by the clinician's service, as the clinician's route does
    (tests/care/prescriptions drives the route itself)."""
    with Session(app.state.engine, expire_on_commit=False) as session:
        made, created = routines.prescribe(
            session,
            _prescriber(clinician, clinic),
            patient.id,
            RoutineCreate.model_validate(routine_payload(**overrides)),
            routine_id,
            app.state.live_catalog.specs,
            most_prescriptions=app.state.settings.max_prescriptions_per_clinic,
        )
    return orjson.loads(dumps(made.body)), created


def revise(
    app: FastAPI,
    clinic: uuid.UUID,
    clinician: SignedIn,
    patient: SignedIn,
    routine_id: uuid.UUID,
    if_match: str,
    changes: dict[str, Any],
) -> dict[str, Any]:
    with Session(app.state.engine, expire_on_commit=False) as session:
        revised = routines.revise(
            session,
            _prescriber(clinician, clinic),
            patient.id,
            routine_id,
            RoutineUpdate.model_validate(changes),
            if_match,
            app.state.live_catalog.specs,
        )
    assert revised.etag is not None
    return {**orjson.loads(dumps(revised.body)), "etag": revised.etag}


async def _etag(client: httpx.AsyncClient, user: SignedIn, rid: object) -> str:
    answer = await client.get(f"/api/v1/routines/{rid}", headers=user.headers)
    assert answer.status_code == 200, answer.text
    return answer.headers["etag"]


async def test_prescription_shows_its_prescriber_and_is_read_only_for_the_patient(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn, bob: SignedIn, clinic_id: uuid.UUID
) -> None:
    body, created = prescribe(app, clinic_id, bob, alice)
    assert created
    rid = body["id"]
    got = await client.get(f"/api/v1/routines/{rid}", headers=alice.headers)
    assert got.status_code == 200
    assert got.json()["origin"] == "prescription"
    assert got.json()["version"] == 1
    assert got.json()["prescriber"] == {
        "user_id": str(bob.id),
        "name": "Dr Ada Moss",
        "clinic_id": str(clinic_id),
        "clinic_name": "Riverside Physio",
    }
    etag = got.headers["etag"]
    patch = await client.patch(
        f"/api/v1/routines/{rid}",
        json={"name": "Mine now"},
        headers={**alice.headers, "If-Match": etag},
    )
    assert patch.status_code == 403
    assert patch.headers["content-type"] == "application/problem+json"
    assert patch.json()["type"] == READ_ONLY
    put = await client.put(f"/api/v1/routines/{rid}", json={}, headers=alice.headers)
    assert put.status_code == 405
    after = await client.get(f"/api/v1/routines/{rid}", headers=alice.headers)
    assert after.json() == got.json()  # nothing changed
    # The prescriber is not the owner: to them (without the care routes) it is another's.
    assert (await client.get(f"/api/v1/routines/{rid}", headers=bob.headers)).status_code == 404
    listed = await client.get("/api/v1/routines", headers=alice.headers)
    assert [r["id"] for r in listed.json()["items"]] == [rid]


async def test_own_routine_edits_make_versions_with_whole_snapshots(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    made = await client.post("/api/v1/routines", json=routine_payload(), headers=alice.headers)
    rid = made.json()["id"]
    assert made.json()["version"] == 1 and made.json()["prescriber"] is None
    first_items = made.json()["items"]
    items = [{"exercise": "clamshell", "sets": 3, "reps": 12, "side": "left"}]
    patched = await client.patch(
        f"/api/v1/routines/{rid}",
        json={"items": items, "name": "Harder"},
        headers={**alice.headers, "If-Match": made.headers["etag"]},
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["version"] == 2
    history = await client.get(f"/api/v1/routines/{rid}/versions", headers=alice.headers)
    assert history.status_code == 200
    assert [v["version"] for v in history.json()["items"]] == [2, 1]
    v1 = await client.get(f"/api/v1/routines/{rid}/versions/1", headers=alice.headers)
    assert v1.json()["items"] == first_items
    assert v1.json()["name"] == "Morning glute med"
    assert v1.json()["estimated_seconds"] == made.json()["estimated_seconds"]
    v2 = await client.get(f"/api/v1/routines/{rid}/versions/2", headers=alice.headers)
    assert v2.json()["items"] == patched.json()["items"]
    assert v2.json()["items"][0]["sets"] == 3 and v2.json()["name"] == "Harder"
    paged = await client.get(f"/api/v1/routines/{rid}/versions?limit=1", headers=alice.headers)
    assert [v["version"] for v in paged.json()["items"]] == [2]
    rest = await client.get(
        f"/api/v1/routines/{rid}/versions",
        params={"limit": 1, "cursor": paged.json()["next_cursor"]},
        headers=alice.headers,
    )
    assert [v["version"] for v in rest.json()["items"]] == [1]
    assert rest.json()["next_cursor"] is None
    # Another user sees none of it; an absent version and out-of-range numbers are refused.
    for path in ("versions", "versions/1"):
        other = await client.get(f"/api/v1/routines/{rid}/{path}", headers=bob.headers)
        assert other.status_code == 404
    assert (
        await client.get(f"/api/v1/routines/{rid}/versions/3", headers=alice.headers)
    ).status_code == 404
    for bad in ("0", "-1", "1001", "99999999999999999999", "x"):
        answer = await client.get(f"/api/v1/routines/{rid}/versions/{bad}", headers=alice.headers)
        assert answer.status_code == 422, bad
    anonymous = await client.get(f"/api/v1/routines/{rid}/versions")
    assert anonymous.status_code == 401


async def test_revisions_by_the_prescriber_are_versions_the_patient_reads(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn, bob: SignedIn, clinic_id: uuid.UUID
) -> None:
    body, _ = prescribe(app, clinic_id, bob, alice)
    rid = uuid.UUID(body["id"])
    etag = await _etag(client, alice, rid)
    revised = revise(app, clinic_id, bob, alice, rid, etag, {"sessions_per_week": 5})
    assert revised["version"] == 2 and revised["sessions_per_week"] == 5
    got = await client.get(f"/api/v1/routines/{rid}", headers=alice.headers)
    assert got.json()["version"] == 2
    history = (await client.get(f"/api/v1/routines/{rid}/versions", headers=alice.headers)).json()
    assert [(v["version"], v["sessions_per_week"]) for v in history["items"]] == [(2, 5), (1, 3)]
    assert all(v["prescriber"]["name"] == "Dr Ada Moss" for v in history["items"])
    # The old ETag is stale now; another clinic, or another patient, finds no prescription.
    with pytest.raises(PreconditionFailed):
        revise(app, clinic_id, bob, alice, rid, etag, {"sessions_per_week": 4})
    elsewhere = await create_clinic(client, bob, "Elsewhere")
    with pytest.raises(NotFound):
        revise(app, elsewhere, bob, alice, rid, revised["etag"], {"sessions_per_week": 4})
    with pytest.raises(NotFound):
        revise(app, clinic_id, bob, bob, rid, revised["etag"], {"sessions_per_week": 4})


@pytest.mark.parametrize("writers", [16])
async def test_concurrent_revisions_with_one_etag_make_one_version(
    client: httpx.AsyncClient,
    app: FastAPI,
    alice: SignedIn,
    bob: SignedIn,
    clinic_id: uuid.UUID,
    writers: int,
) -> None:
    body, _ = prescribe(app, clinic_id, bob, alice)
    rid = uuid.UUID(body["id"])
    etag = await _etag(client, alice, rid)

    def one(n: int) -> str:
        try:
            revise(app, clinic_id, bob, alice, rid, etag, {"notes": f"edit {n}"})
        except PreconditionFailed:
            return "412"
        return "ok"

    outcomes = await asyncio.gather(*(asyncio.to_thread(one, n) for n in range(writers)))
    assert sorted(outcomes) == ["412"] * (writers - 1) + ["ok"]
    history = (await client.get(f"/api/v1/routines/{rid}/versions", headers=alice.headers)).json()
    assert [v["version"] for v in history["items"]] == [2, 1]
    current = (await client.get(f"/api/v1/routines/{rid}", headers=alice.headers)).json()
    assert current["notes"] == history["items"][0]["notes"] != ""


async def test_prescribe_with_the_clients_id_is_idempotent(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn, bob: SignedIn, clinic_id: uuid.UUID
) -> None:
    rid = uuid.uuid4()
    first, created = prescribe(app, clinic_id, bob, alice, rid)
    again, created_again = prescribe(app, clinic_id, bob, alice, rid)
    assert created and not created_again and first == again
    with pytest.raises(Exception, match="already used"):
        prescribe(app, clinic_id, bob, alice, rid, name="Something else")
    listed = await client.get("/api/v1/routines", headers=alice.headers)
    assert [r["id"] for r in listed.json()["items"]] == [str(rid)]


async def test_patient_copy_is_editable_and_idempotent_under_concurrent_retries(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn, bob: SignedIn, clinic_id: uuid.UUID
) -> None:
    body, _ = prescribe(app, clinic_id, bob, alice)
    rid = body["id"]
    copy_id = str(uuid.uuid4())
    answers = await asyncio.gather(
        *(
            client.post(f"/api/v1/routines/{rid}/copy", json={"id": copy_id}, headers=alice.headers)
            for _ in range(16)
        )
    )
    statuses = sorted(a.status_code for a in answers)
    assert statuses == [200] * 15 + [201], [a.text for a in answers if a.status_code >= 400]
    assert {a.json()["id"] for a in answers} == {copy_id}
    copy = answers[0].json()
    assert copy["origin"] == "copy" and copy["prescriber"] is None and copy["version"] == 1
    assert [i["exercise"] for i in copy["items"]] == [i["exercise"] for i in body["items"]]
    listed = await client.get("/api/v1/routines", headers=alice.headers)
    assert sorted(r["id"] for r in listed.json()["items"]) == sorted([rid, copy_id])
    # The copy is the patient's own: editable.
    patched = await client.patch(
        f"/api/v1/routines/{copy_id}",
        json={"name": "My version"},
        headers={**alice.headers, "If-Match": answers[0].headers["etag"]},
    )
    assert patched.status_code == 200 and patched.json()["version"] == 2
    # The same id for another source, or by another user, is a conflict, never a second copy.
    template = (await client.get("/api/v1/routines?template=true")).json()["items"][0]["id"]
    clash = await client.post(
        f"/api/v1/routines/{template}/copy", json={"id": copy_id}, headers=alice.headers
    )
    assert clash.status_code == 409
    theirs = await client.post(
        f"/api/v1/routines/{template}/copy", json={"id": copy_id}, headers=bob.headers
    )
    assert theirs.status_code == 409
    assert (await client.get(f"/api/v1/routines/{copy_id}", headers=bob.headers)).status_code == 404
    # Without an id every call copies (as before); a bad body is refused.
    plain = await client.post(f"/api/v1/routines/{rid}/copy", headers=alice.headers)
    assert plain.status_code == 201 and plain.json()["id"] not in (rid, copy_id)
    for bad in ({"id": "not-a-uuid"}, {"id": copy_id, "extra": 1}, {"id": "\u0000"}):
        refused = await client.post(f"/api/v1/routines/{rid}/copy", json=bad, headers=alice.headers)
        assert refused.status_code == 422, bad


async def test_session_records_the_routine_version_it_followed(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn, bob: SignedIn, clinic_id: uuid.UUID
) -> None:
    body, _ = prescribe(app, clinic_id, bob, alice)
    rid = uuid.UUID(body["id"])
    first = await client.post(
        "/api/v1/sessions", json=session_payload(routine_id=str(rid)), headers=alice.headers
    )
    assert first.status_code == 201, first.text
    assert first.json()["routine_version"] == 1
    revise(
        app, clinic_id, bob, alice, rid, await _etag(client, alice, rid), {"sessions_per_week": 4}
    )
    second = await client.post(
        "/api/v1/sessions", json=session_payload(routine_id=str(rid)), headers=alice.headers
    )
    assert second.json()["routine_version"] == 2
    older = await client.post(
        "/api/v1/sessions",
        json=session_payload(routine_id=str(rid), routine_version=1),
        headers=alice.headers,
    )
    assert older.status_code == 201 and older.json()["routine_version"] == 1
    read = await client.get(f"/api/v1/sessions/{older.json()['id']}", headers=alice.headers)
    assert read.json()["routine_version"] == 1
    for bad in (
        {"routine_id": str(rid), "routine_version": 3},
        {"routine_id": str(rid), "routine_version": 0},
        {"routine_id": str(rid), "routine_version": "1"},
        {"routine_version": 1},
    ):
        refused = await client.post(
            "/api/v1/sessions", json=session_payload(**bad), headers=alice.headers
        )
        assert refused.status_code == 422, (bad, refused.text)
    # Bob cannot log against Alice's routine at any version.
    theirs = await client.post(
        "/api/v1/sessions",
        json=session_payload(routine_id=str(rid), routine_version=1),
        headers=bob.headers,
    )
    assert theirs.status_code == 422
    # Moving a session to another routine takes that routine's current version.
    own = await client.post("/api/v1/routines", json=routine_payload(), headers=alice.headers)
    moved = await client.patch(
        f"/api/v1/sessions/{older.json()['id']}",
        json={"routine_id": own.json()["id"]},
        headers={**alice.headers, "If-Match": read.headers["etag"]},
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["routine_version"] == 1 and moved.json()["routine_id"] == own.json()["id"]


async def test_retried_session_create_matches_after_the_routine_moved_on(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn, bob: SignedIn, clinic_id: uuid.UUID
) -> None:
    body, _ = prescribe(app, clinic_id, bob, alice)
    rid = uuid.UUID(body["id"])
    payload = session_payload(routine_id=str(rid))
    first = await client.post("/api/v1/sessions", json=payload, headers=alice.headers)
    revise(
        app, clinic_id, bob, alice, rid, await _etag(client, alice, rid), {"sessions_per_week": 4}
    )
    retried = await client.post("/api/v1/sessions", json=payload, headers=alice.headers)
    assert retried.status_code == 200
    assert retried.json() == first.json()


async def test_handout_prints_the_version_and_the_prescriber(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn, bob: SignedIn, clinic_id: uuid.UUID
) -> None:
    body, _ = prescribe(app, clinic_id, bob, alice)
    rid = uuid.UUID(body["id"])
    revise(
        app, clinic_id, bob, alice, rid, await _etag(client, alice, rid), {"sessions_per_week": 4}
    )
    page = await client.get(
        f"/api/v1/routines/{rid}/handout", headers={**alice.headers, "Accept": "text/html"}
    )
    assert page.status_code == 200
    assert "Version 2, prescribed by Dr Ada Moss (Riverside Physio)" in page.text
    pdf = await client.get(
        f"/api/v1/routines/{rid}/handout", headers={**alice.headers, "Accept": "application/pdf"}
    )
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Version 2, prescribed by Dr Ada Moss" in " ".join(text.split())
    own = await client.post("/api/v1/routines", json=routine_payload(), headers=alice.headers)
    plain = await client.get(
        f"/api/v1/routines/{own.json()['id']}/handout",
        headers={**alice.headers, "Accept": "text/html"},
    )
    assert "Version 1" in plain.text and "prescribed by" not in plain.text
