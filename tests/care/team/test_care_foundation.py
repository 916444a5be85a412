"""The care team's foundation over HTTP with real accounts: clinics and members, consent
(preview, accept all or a subset, revoke), single-use expiring codes, who may read a
patient's data, and the access log the patient reads."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import Engine, func, select, update
from sqlmodel import Session

from app.care.team.models import AccessLogEntry, CareInvitation, CareRelationship, ClinicInvitation
from app.core.types import utcnow
from tests.factories import (
    CareTeam,
    SignedIn,
    care_code,
    care_team,
    create_clinic,
    delete_account,
    direct_user,
    from_address,
    join_clinic,
    session_payload,
    signed_in_user,
    take_into_care,
    unique_email,
)

READS = ("/sessions", "/progress", "/assessments")


async def _log(client: httpx.AsyncClient, user: SignedIn) -> list[dict[str, object]]:
    answer = await client.get("/api/v1/me/access-log?limit=100", headers=user.headers)
    assert answer.status_code == 200, answer.text
    items: list[dict[str, object]] = answer.json()["items"]
    return items


def _count(engine: Engine, table: type, **where: object) -> int:
    with Session(engine) as session:
        statement = select(func.count()).select_from(table)
        for name, value in where.items():
            statement = statement.where(getattr(table, name) == value)
        return int(session.execute(statement).scalar_one())


# --- Clinics and members ---------------------------------------------------------------------


async def test_creator_owns_the_clinic_and_a_stranger_cannot_see_it(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    clinic_id = await create_clinic(client, alice)
    mine = (await client.get("/api/v1/clinics", headers=alice.headers)).json()
    assert [(c["id"], c["role"]) for c in mine["items"]] == [(str(clinic_id), "owner")]
    assert (
        await client.get(f"/api/v1/clinics/{clinic_id}", headers=bob.headers)
    ).status_code == 404
    assert (await client.get("/api/v1/clinics", headers=bob.headers)).json()["items"] == []


async def test_a_retried_clinic_create_makes_one_clinic_even_sixteen_at_once(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn, bob: SignedIn
) -> None:
    body = {"id": str(uuid.uuid4()), "name": "Retry Clinic"}
    answers = await asyncio.gather(
        *(client.post("/api/v1/clinics", json=body, headers=alice.headers) for _ in range(16))
    )
    assert sorted(a.status_code for a in answers) == [200] * 15 + [201]
    assert {a.json()["id"] for a in answers} == {body["id"]}
    assert {a.headers["etag"] for a in answers} == {answers[0].headers["etag"]}
    mine = (await client.get("/api/v1/clinics", headers=alice.headers)).json()["items"]
    assert [(c["id"], c["role"]) for c in mine] == [(body["id"], "owner")]
    # Another name under the id, or the id from someone else: 409, and nothing changes.
    renamed = await client.post(
        "/api/v1/clinics", json={**body, "name": "Other"}, headers=alice.headers
    )
    stolen = await client.post("/api/v1/clinics", json=body, headers=bob.headers)
    assert (renamed.status_code, stolen.status_code) == (409, 409), (renamed.text, stolen.text)
    assert (await client.get("/api/v1/clinics", headers=bob.headers)).json()["items"] == []
    one = (await client.get(f"/api/v1/clinics/{body['id']}", headers=alice.headers)).json()
    assert one["name"] == "Retry Clinic"


async def test_owner_renames_with_if_match_and_a_clinician_may_not(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    clinic_id = await create_clinic(client, alice)
    await join_clinic(client, alice, clinic_id, bob)
    path = f"/api/v1/clinics/{clinic_id}"
    etag = (await client.get(path, headers=alice.headers)).headers["etag"]
    renamed = await client.patch(
        path, json={"name": "Hillside"}, headers={**alice.headers, "If-Match": etag}
    )
    assert renamed.status_code == 200 and renamed.json()["name"] == "Hillside"
    stale = await client.patch(
        path, json={"name": "Again"}, headers={**alice.headers, "If-Match": etag}
    )
    assert stale.status_code == 412
    fresh = renamed.headers["etag"]
    denied = await client.patch(
        path, json={"name": "Mine"}, headers={**bob.headers, "If-Match": fresh}
    )
    assert denied.status_code == 403


async def test_clinic_keeps_an_owner_and_a_leaving_clinician_ends_their_care(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    team = await care_team(client)
    base = f"/api/v1/clinics/{team.clinic_id}/members"
    owner = team.owner
    assert (await client.delete(f"{base}/{owner.id}", headers=owner.headers)).status_code == 409
    demoted = await client.patch(
        f"{base}/{owner.id}", json={"role": "clinician"}, headers=owner.headers
    )
    assert demoted.status_code == 409
    # A clinician may not change roles, but may leave.
    promote = await client.patch(
        f"{base}/{team.clinician.id}", json={"role": "owner"}, headers=team.clinician.headers
    )
    assert promote.status_code == 403
    left = await client.delete(f"{base}/{team.clinician.id}", headers=team.clinician.headers)
    assert left.status_code == 204
    gone = await client.get(team.patient_path("/sessions"), headers=team.clinician.headers)
    assert gone.status_code == 404
    mine = (await client.get("/api/v1/me/care-relationships", headers=team.patient.headers)).json()
    assert mine["items"][0]["status"] == "ended"


async def test_two_owners_demoting_each_other_at_once_leave_one_owner(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    clinic_id = await create_clinic(client, alice)
    await join_clinic(client, alice, clinic_id, bob, role="owner")
    base = f"/api/v1/clinics/{clinic_id}/members"
    answers = await asyncio.gather(
        client.patch(f"{base}/{bob.id}", json={"role": "clinician"}, headers=alice.headers),
        client.patch(f"{base}/{alice.id}", json={"role": "clinician"}, headers=bob.headers),
    )
    assert sorted(a.status_code for a in answers) in ([200, 403], [200, 409])
    members = (await client.get(base, headers=alice.headers)).json()["items"]
    assert [m["role"] for m in members].count("owner") == 1


async def test_clinic_invitation_is_single_use_and_expires(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn, bob: SignedIn
) -> None:
    clinic_id = await create_clinic(client, alice)
    issued = await client.post(
        f"/api/v1/clinics/{clinic_id}/invitations", json={}, headers=alice.headers
    )
    code = issued.json()["code"]
    carol = await signed_in_user(client, unique_email("carol"))
    first = await client.post(
        "/api/v1/clinic-invitations/accept", json={"code": code}, headers=bob.headers
    )
    again = await client.post(
        "/api/v1/clinic-invitations/accept", json={"code": code}, headers=carol.headers
    )
    assert (first.status_code, again.status_code) == (200, 404)
    assert first.json()["role"] == "clinician"
    late = await client.post(
        f"/api/v1/clinics/{clinic_id}/invitations", json={}, headers=alice.headers
    )
    with Session(app.state.engine) as session:
        session.execute(
            update(ClinicInvitation)
            .where(ClinicInvitation.id == uuid.UUID(late.json()["id"]))  # type: ignore[arg-type]
            .values(expires_at=utcnow() - timedelta(seconds=1))
        )
        session.commit()
    expired = await client.post(
        "/api/v1/clinic-invitations/accept",
        json={"code": late.json()["code"]},
        headers=carol.headers,
    )
    assert expired.status_code == 404


async def test_only_owners_invite_members(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    clinic_id = await create_clinic(client, alice)
    await join_clinic(client, alice, clinic_id, bob)
    path = f"/api/v1/clinics/{clinic_id}/invitations"
    assert (await client.post(path, json={}, headers=bob.headers)).status_code == 403


# --- Consent -----------------------------------------------------------------------------


async def test_patient_previews_then_grants_a_subset_and_sees_exactly_that(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    clinic_id = await create_clinic(client, alice, "Riverside")
    code = await care_code(client, alice, clinic_id, ["sessions", "progress", "self_checks"])
    shown = await client.post(
        "/api/v1/me/care-invitations/preview", json={"code": code}, headers=bob.headers
    )
    assert shown.status_code == 200
    assert shown.json()["clinic"]["name"] == "Riverside"
    assert shown.json()["clinician"]["id"] == str(alice.id)
    assert shown.json()["scopes"] == ["progress", "self_checks", "sessions"]
    more = await client.post(
        "/api/v1/me/care-relationships",
        json={"code": code, "scopes": ["sessions", "prescribe"]},
        headers=bob.headers,
    )
    assert more.status_code == 422
    accepted = await client.post(
        "/api/v1/me/care-relationships",
        json={"code": code, "scopes": ["sessions"]},
        headers=bob.headers,
    )
    assert accepted.status_code == 201, accepted.text
    assert accepted.json()["scopes"] == ["sessions"]
    base = f"/api/v1/clinics/{clinic_id}/patients/{bob.id}"
    assert (await client.get(base + "/sessions", headers=alice.headers)).status_code == 200
    refused = await client.get(base + "/progress", headers=alice.headers)
    assert refused.status_code == 403
    assert refused.json()["type"].endswith("/scope-not-granted")


async def test_a_clinician_cannot_accept_their_own_invitation(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    clinic_id = await create_clinic(client, alice)
    code = await care_code(client, alice, clinic_id)
    own = await client.post(
        "/api/v1/me/care-relationships", json={"code": code}, headers=alice.headers
    )
    assert own.status_code == 422


async def test_sixteen_concurrent_accepts_of_one_code_make_one_relationship(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn
) -> None:
    clinic_id = await create_clinic(client, alice)
    code = await care_code(client, alice, clinic_id)
    # Made directly: sixteen sign-ups from one address would meet the sign-up limit.
    patients = [direct_user(app, app.state.engine, "UTC")[1] for _ in range(16)]
    answers = await asyncio.gather(
        *(
            client.post("/api/v1/me/care-relationships", json={"code": code}, headers=headers)
            for headers in patients
        )
    )
    assert sorted(a.status_code for a in answers) == [201] + [404] * 15
    assert _count(app.state.engine, CareRelationship, clinic_id=clinic_id) == 1


async def test_an_expired_care_code_is_refused(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn, bob: SignedIn
) -> None:
    clinic_id = await create_clinic(client, alice)
    code = await care_code(client, alice, clinic_id)
    with Session(app.state.engine) as session:
        session.execute(
            update(CareInvitation)
            .where(CareInvitation.clinic_id == clinic_id)  # type: ignore[arg-type]
            .values(expires_at=utcnow() - timedelta(seconds=1))
        )
        session.commit()
    for path in ("/api/v1/me/care-invitations/preview", "/api/v1/me/care-relationships"):
        answer = await client.post(path, json={"code": code}, headers=bob.headers)
        assert answer.status_code == 404, path


async def test_a_second_active_relationship_with_the_same_clinician_is_409(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    clinic_id = await create_clinic(client, alice)
    first = await take_into_care(client, alice, clinic_id, bob)
    code = await care_code(client, alice, clinic_id)
    second = await client.post(
        "/api/v1/me/care-relationships", json={"code": code}, headers=bob.headers
    )
    assert second.status_code == 409
    # Revoked, a new invitation can start a new relationship.
    revoked = await client.delete(f"/api/v1/me/care-relationships/{first}", headers=bob.headers)
    assert revoked.status_code == 204
    again = await client.post(
        "/api/v1/me/care-relationships", json={"code": code}, headers=bob.headers
    )
    assert again.status_code == 201


async def test_only_the_patient_revokes_and_revoking_twice_is_a_no_op(
    client: httpx.AsyncClient,
) -> None:
    team = await care_team(client)
    path = f"/api/v1/me/care-relationships/{team.relationship_id}"
    assert (await client.delete(path, headers=team.clinician.headers)).status_code == 404
    assert (await client.delete(path, headers=team.patient.headers)).status_code == 204
    assert (await client.delete(path, headers=team.patient.headers)).status_code == 204
    listed = await client.get("/api/v1/me/care-relationships", headers=team.patient.headers)
    assert listed.json()["items"][0]["status"] == "revoked"
    assert listed.json()["items"][0]["ended_at"] is not None


async def test_a_revocation_stops_every_read_that_starts_after_it(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    team = await care_team(client)
    path = team.patient_path("/sessions")
    revoke = f"/api/v1/me/care-relationships/{team.relationship_id}"

    async def read() -> int:
        return (await client.get(path, headers=team.clinician.headers)).status_code

    racing = [asyncio.create_task(read()) for _ in range(16)]
    revoked = await client.delete(revoke, headers=team.patient.headers)
    assert revoked.status_code == 204
    after = await asyncio.gather(*(read() for _ in range(16)))
    during = await asyncio.gather(*racing)
    assert set(after) == {404}
    assert set(during) <= {200, 404}
    # Every read that answered 200 was logged; none after the revocation was.
    logged = _count(app.state.engine, AccessLogEntry, patient_id=team.patient.id)
    assert logged == during.count(200)


# --- Who may read, and the access log -----------------------------------------------------


async def test_per_patient_reads_answer_what_the_patient_sees_and_are_logged(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    team = await care_team(client)
    patient = team.patient
    logged = await client.post("/api/v1/sessions", json=session_payload(), headers=patient.headers)
    assert logged.status_code == 201
    check = {
        "stance_leg": "left",
        "pelvis_drop": "slight",
        "knee_drifts_in": False,
        "trunk_lean": False,
        "hold_seconds": 20,
        "pain": 0,
    }
    recorded = await client.post("/api/v1/me/assessments", json=check, headers=patient.headers)
    assert recorded.status_code == 201
    own = {
        "/sessions": (await client.get("/api/v1/sessions", headers=patient.headers)).json(),
        "/progress": (await client.get("/api/v1/me/progress", headers=patient.headers)).json(),
        "/assessments": (
            await client.get("/api/v1/me/assessments", headers=patient.headers)
        ).json(),
    }
    own["/sessions"].pop("sync_token")
    async with from_address(app, "203.0.113.7") as clinic_client:
        for tail in READS:
            answer = await clinic_client.get(
                team.patient_path(tail), headers=team.clinician.headers
            )
            assert answer.status_code == 200, (tail, answer.text)
            assert answer.headers["cache-control"] == "private, no-store"
            assert answer.json() == own[tail], tail
    entries = await _log(client, patient)
    assert [e["resource"] for e in entries] == ["self_checks", "progress", "sessions"]
    for entry in entries:
        assert entry["actor_id"] == str(team.clinician.id)
        assert entry["actor_name"] == "Dr Lee"
        assert entry["clinic_id"] == str(team.clinic_id)
        assert entry["clinic_name"] == "Riverside Physiotherapy"
        assert entry["relationship_id"] == str(team.relationship_id)
        assert entry["action"] == "read"
        assert entry["address"] == "203.0.113.7"
    # Nobody else's log grew, and the patient's own reads are not logged.
    assert await _log(client, team.clinician) == []


async def test_access_log_pages_newest_first_without_repeats(client: httpx.AsyncClient) -> None:
    team = await care_team(client)
    for _ in range(5):
        answer = await client.get(team.patient_path("/progress"), headers=team.clinician.headers)
        assert answer.status_code == 200
    seen: list[str] = []
    cursor = None
    while True:
        query = "?limit=2" + (f"&cursor={cursor}" if cursor else "")
        page = (
            await client.get("/api/v1/me/access-log" + query, headers=team.patient.headers)
        ).json()
        seen += [e["at"] + e["id"] for e in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 5
    assert [s[:32] for s in seen] == sorted((s[:32] for s in seen), reverse=True)


async def _outsider_in_own_care(client: httpx.AsyncClient, team: CareTeam) -> uuid.UUID:
    """The outsider's own clinic, with the same patient in the outsider's care there."""
    clinics = (await client.get("/api/v1/clinics", headers=team.outsider.headers)).json()
    own = uuid.UUID(clinics["items"][0]["id"])
    await take_into_care(client, team.outsider, own, team.patient)
    return own


@pytest.mark.parametrize("tail", READS)
async def test_nobody_else_reads_a_patient_and_every_refusal_looks_the_same(
    client: httpx.AsyncClient, app: FastAPI, tail: str
) -> None:
    team = await care_team(client)
    own_clinic = await _outsider_in_own_care(client, team)
    stranger = await signed_in_user(client, unique_email("stranger"))
    refused = {
        "colleague without the relationship": team.colleague,
        "owner without the relationship": team.owner,
        "clinician of another clinic": team.outsider,
        "another patient": stranger,
        "the patient themself": team.patient,
    }
    for who, user in refused.items():
        answer = await client.get(team.patient_path(tail), headers=user.headers)
        assert answer.status_code == 404, who
        assert (
            answer.json()["detail"] == f"No patient {team.patient.id} in your care at this clinic."
        )
    unknown = f"/api/v1/clinics/{team.clinic_id}/patients/{uuid.uuid4()}{tail}"
    assert (await client.get(unknown, headers=team.clinician.headers)).status_code == 404
    # The outsider's care is at their own clinic only; through it, they may read.
    there = f"/api/v1/clinics/{own_clinic}/patients/{team.patient.id}{tail}"
    assert (await client.get(there, headers=team.outsider.headers)).status_code == 200
    # ... but the clinician in care cannot use the outsider's clinic.
    assert (await client.get(there, headers=team.clinician.headers)).status_code == 404
    assert (await client.get(team.patient_path(tail))).status_code == 401
    assert len(await _log(client, team.patient)) == 1


# --- Account deletion -----------------------------------------------------------------------


async def test_deleting_the_patient_deletes_their_relationships_and_log(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    team = await care_team(client)
    await client.get(team.patient_path("/progress"), headers=team.clinician.headers)
    assert (await delete_account(client, team.patient)).status_code == 204
    engine = app.state.engine
    assert _count(engine, CareRelationship, patient_id=team.patient.id) == 0
    assert _count(engine, AccessLogEntry, patient_id=team.patient.id) == 0
    gone = await client.get(team.patient_path("/progress"), headers=team.clinician.headers)
    assert gone.status_code == 404


async def test_deleting_the_clinician_keeps_the_patients_log_with_the_name(
    client: httpx.AsyncClient,
) -> None:
    team = await care_team(client)
    await client.get(team.patient_path("/progress"), headers=team.clinician.headers)
    assert (await delete_account(client, team.clinician)).status_code == 204
    entries = await _log(client, team.patient)
    assert len(entries) == 1
    assert entries[0]["actor_id"] is None
    assert entries[0]["actor_name"] == "Dr Lee"
    listed = await client.get("/api/v1/me/care-relationships", headers=team.patient.headers)
    assert listed.json()["items"] == []


# --- Bounds -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/v1/clinics", {"name": ""}),
        ("/api/v1/clinics", {"name": "x" * 121}),
        ("/api/v1/clinics", {"name": "Riverside\u0000"}),
        ("/api/v1/clinics", {"name": "River\u001bside"}),
        ("/api/v1/clinics", {"name": "Riverside", "extra": 1}),
        ("/api/v1/clinic-invitations/accept", {"code": ""}),
        ("/api/v1/clinic-invitations/accept", {"code": "c" * 81}),
        ("/api/v1/clinic-invitations/accept", {"code": "mcl_\u0000"}),
        ("/api/v1/me/care-invitations/preview", {"code": "mcr_\u0085"}),
        ("/api/v1/me/care-relationships", {"code": "mcr_x", "scopes": []}),
        ("/api/v1/me/care-relationships", {"code": "mcr_x", "scopes": ["sessions", "sessions"]}),
        ("/api/v1/me/care-relationships", {"code": "mcr_x", "scopes": ["everything"]}),
        ("/api/v1/me/care-relationships", {"code": "mcr_x", "scopes": ["sessions"] * 6}),
    ],
)
async def test_bad_bodies_are_422_and_change_nothing(
    client: httpx.AsyncClient, alice: SignedIn, path: str, body: dict[str, object]
) -> None:
    answer = await client.post(path, json=body, headers=alice.headers)
    assert answer.status_code == 422, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    assert (await client.get("/api/v1/clinics", headers=alice.headers)).json()["items"] == []


@pytest.mark.parametrize(
    "body",
    [
        {"scopes": ["sessions"], "expires_in_days": 0},
        {"scopes": ["sessions"], "expires_in_days": 31},
        {"scopes": []},
        {"scopes": ["sessions", "nope"]},
        {"scopes": ["sessions"], "expires_in_days": "7\u0000"},
    ],
)
async def test_bad_invitations_are_422(
    client: httpx.AsyncClient, alice: SignedIn, body: dict[str, object]
) -> None:
    clinic_id = await create_clinic(client, alice)
    answer = await client.post(
        f"/api/v1/clinics/{clinic_id}/care-invitations", json=body, headers=alice.headers
    )
    assert answer.status_code == 422, answer.text
    member = await client.post(
        f"/api/v1/clinics/{clinic_id}/invitations",
        json={"role": "admin", "expires_in_days": 31},
        headers=alice.headers,
    )
    assert member.status_code == 422


async def test_list_limits_follow_the_contract(client: httpx.AsyncClient, alice: SignedIn) -> None:
    for path in ("/api/v1/clinics", "/api/v1/me/care-relationships", "/api/v1/me/access-log"):
        assert (await client.get(path + "?limit=101", headers=alice.headers)).status_code == 422
        assert (await client.get(path + "?limit=0", headers=alice.headers)).status_code == 422
        bad = await client.get(path + "?cursor=bm9wZQ", headers=alice.headers)
        assert bad.status_code == 422


async def test_when_the_only_owner_deletes_their_account_the_first_member_takes_over(
    client: httpx.AsyncClient,
) -> None:
    team = await care_team(client)
    assert (await delete_account(client, team.owner)).status_code == 204
    members = await client.get(
        f"/api/v1/clinics/{team.clinic_id}/members", headers=team.clinician.headers
    )
    roles = {m["user"]["id"]: m["role"] for m in members.json()["items"]}
    assert roles == {str(team.clinician.id): "owner", str(team.colleague.id): "clinician"}
    still = await client.get(team.patient_path("/sessions"), headers=team.clinician.headers)
    assert still.status_code == 200


async def test_a_clinic_left_without_members_goes_with_its_owner(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn, bob: SignedIn
) -> None:
    clinic_id = await create_clinic(client, alice)
    await take_into_care(client, alice, clinic_id, bob)
    await client.get(
        f"/api/v1/clinics/{clinic_id}/patients/{bob.id}/progress", headers=alice.headers
    )
    assert (await delete_account(client, alice)).status_code == 204
    engine = app.state.engine
    assert _count(engine, CareRelationship, clinic_id=clinic_id) == 0
    entries = await _log(client, bob)
    assert len(entries) == 1
    assert (entries[0]["clinic_id"], entries[0]["clinic_name"]) == (
        None,
        "Riverside Physiotherapy",
    )


async def test_a_retried_accept_answers_the_relationship_it_started(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn, bob: SignedIn
) -> None:
    clinic_id = await create_clinic(client, alice)
    code = await care_code(client, alice, clinic_id)
    body = {"code": code, "scopes": ["sessions"]}
    path = "/api/v1/me/care-relationships"
    first = await client.post(path, json=body, headers=bob.headers)
    again = await client.post(path, json=body, headers=bob.headers)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    other = await client.post(path, json={"code": code}, headers=bob.headers)
    assert other.status_code == 409
    assert _count(app.state.engine, CareRelationship, patient_id=bob.id) == 1
    # Once revoked, the used code starts nothing again.
    await client.delete(f"{path}/{first.json()['id']}", headers=bob.headers)
    assert (await client.post(path, json=body, headers=bob.headers)).status_code == 404


async def test_a_retried_join_answers_the_clinic_again(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    clinic_id = await create_clinic(client, alice)
    issued = await client.post(
        f"/api/v1/clinics/{clinic_id}/invitations", json={}, headers=alice.headers
    )
    body = {"code": issued.json()["code"]}
    first = await client.post("/api/v1/clinic-invitations/accept", json=body, headers=bob.headers)
    again = await client.post("/api/v1/clinic-invitations/accept", json=body, headers=bob.headers)
    assert (first.status_code, again.status_code) == (200, 200)
    assert again.json()["id"] == str(clinic_id)
    members = await client.get(f"/api/v1/clinics/{clinic_id}/members", headers=alice.headers)
    assert len(members.json()["items"]) == 2
