"""A clinician's prescriptions over HTTP: every role, three sources, versions, the log."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx
import pytest

from app.training.self_checks import examples as assessment_examples
from tests.factories import (
    CareTeam,
    SignedIn,
    care_team,
    delete_account,
    routine_payload,
    session_payload,
    signed_in_user,
    take_into_care,
    unique_email,
)

PROBLEM = "application/problem+json"


def by_hand(**overrides: Any) -> dict[str, Any]:
    return {"routine": routine_payload(**overrides)}


async def _prescribe(
    client: httpx.AsyncClient, team: CareTeam, body: dict[str, Any] | None = None
) -> httpx.Response:
    answer = await client.post(
        team.patient_path("/routines"),
        json=by_hand() if body is None else body,
        headers=team.clinician.headers,
    )
    return answer


async def _log(client: httpx.AsyncClient, patient: SignedIn) -> list[tuple[str, str]]:
    items = (await client.get("/api/v1/me/access-log?limit=100", headers=patient.headers)).json()
    return [(e["action"], e["resource"]) for e in items["items"]]


async def test_prescribed_by_hand_the_patient_owns_reads_and_cannot_change_it(
    client: httpx.AsyncClient,
) -> None:
    team = await care_team(client)
    made = await _prescribe(client, team)
    assert made.status_code == 201, made.text
    rid = made.json()["id"]
    assert made.json()["prescriber"]["name"] == "Dr Lee"
    assert made.json()["prescriber"]["clinic_id"] == str(team.clinic_id)
    assert made.json()["prescriber"]["clinic_name"] == "Riverside Physiotherapy"
    own = await client.get(f"/api/v1/routines/{rid}", headers=team.patient.headers)
    assert own.status_code == 200 and own.json()["origin"] == "prescription"
    patched = await client.patch(
        f"/api/v1/routines/{rid}",
        json={"name": "x"},
        headers={**team.patient.headers, "If-Match": own.headers["etag"]},
    )
    assert patched.status_code == 403
    assert patched.json()["type"].endswith("/prescribed-routine-read-only")
    assert ("create", f"routine:{rid}") in await _log(client, team.patient)


async def test_prescribing_from_a_template_and_from_the_builder_with_the_latest_self_check(
    client: httpx.AsyncClient,
) -> None:
    team = await care_team(client)
    templates = (await client.get("/api/v1/routines?template=true")).json()["items"]
    template = templates[0]
    from_template = await _prescribe(client, team, {"template_id": template["id"]})
    assert from_template.status_code == 201, from_template.text
    assert from_template.json()["name"] == template["name"]
    assert [i["exercise"] for i in from_template.json()["items"]] == [
        i["exercise"] for i in template["items"]
    ]
    unknown = await _prescribe(client, team, {"template_id": str(uuid.uuid4())})
    assert unknown.status_code == 422
    own = await client.post(
        "/api/v1/routines", json=routine_payload(), headers=team.patient.headers
    )
    not_a_template = await _prescribe(client, team, {"template_id": own.json()["id"]})
    assert not_a_template.status_code == 422

    constraints = {"level": "beginner", "minutes": 15}
    plain = await _prescribe(client, team, {"builder": constraints, "name": "Built"})
    assert plain.status_code == 201, plain.text
    assert plain.json()["name"] == "Built" and plain.json()["progression"]
    # With a self-check (the right leg weak) the builder trains the right leg.
    check = await client.post(
        "/api/v1/me/assessments", json=assessment_examples.check(), headers=team.patient.headers
    )
    assert check.status_code == 201
    built = await _prescribe(client, team, {"builder": constraints})
    assert built.status_code == 201, built.text
    assert any(check.json()["id"] in line for line in built.json()["rationale"])
    sides = {i["side"] for i in built.json()["items"] if i["side"] is not None}
    assert sides and sides <= {"right", "both"}
    contradiction = await _prescribe(
        client, team, {"builder": {**constraints, "affected_side": "left"}}
    )
    assert contradiction.status_code == 422
    # A self-check whose pain calls for a professional is not built on.
    painful = {**assessment_examples.check(), "pain": 9}
    await client.post("/api/v1/me/assessments", json=painful, headers=team.patient.headers)
    refused = await _prescribe(client, team, {"builder": constraints})
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["loc"] == ["body", "builder", "latest_self_check"]


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"template_id": str(uuid.uuid4()), "routine": routine_payload()},
        {"routine": routine_payload(), "name": "twice"},
        {"routine": routine_payload(name="\u0000")},
        {"routine": routine_payload(items=[])},
        {"builder": {"level": "beginner", "minutes": 10**9}},
        {"builder": {"level": "beginner", "minutes": 15, "equipment": ["jetpack"]}},
        {"routine": routine_payload(), "extra": 1},
        {"id": "nope", "routine": routine_payload()},
        {"name": "x" * 121, "template_id": str(uuid.uuid4())},
    ],
)
async def test_bad_prescriptions_are_422_and_store_nothing(
    client: httpx.AsyncClient, body: dict[str, Any]
) -> None:
    team = await care_team(client)
    refused = await _prescribe(client, team, body)
    assert refused.status_code == 422, refused.text
    assert refused.headers["content-type"] == PROBLEM
    mine = await client.get("/api/v1/routines", headers=team.patient.headers)
    assert mine.json()["items"] == []


async def test_prescribing_with_the_clients_id_is_idempotent_under_concurrent_retries(
    client: httpx.AsyncClient,
) -> None:
    team = await care_team(client)
    body = {"id": str(uuid.uuid4()), **by_hand()}
    answers = await asyncio.gather(*(_prescribe(client, team, body) for _ in range(16)))
    assert sorted(a.status_code for a in answers) == [200] * 15 + [201], [
        a.text for a in answers if a.status_code >= 400
    ]
    assert {a.json()["id"] for a in answers} == {body["id"]}
    mine = await client.get("/api/v1/routines", headers=team.patient.headers)
    assert [r["id"] for r in mine.json()["items"]] == [body["id"]]
    other = await _prescribe(client, team, {"id": body["id"], **by_hand(name="Other")})
    assert other.status_code == 409


async def test_revisions_are_versions_and_one_etag_makes_exactly_one(
    client: httpx.AsyncClient,
) -> None:
    team = await care_team(client)
    rid = (await _prescribe(client, team)).json()["id"]
    path = team.patient_path(f"/routines/{rid}")
    got = await client.get(path, headers=team.clinician.headers)
    assert got.status_code == 200
    etag = got.headers["etag"]
    missing = await client.patch(path, json={"notes": "x"}, headers=team.clinician.headers)
    assert missing.status_code == 428
    answers = await asyncio.gather(
        *(
            client.patch(
                path,
                json={"notes": f"edit {n}", "sessions_per_week": 1 + n % 7},
                headers={**team.clinician.headers, "If-Match": etag},
            )
            for n in range(16)
        )
    )
    assert sorted(a.status_code for a in answers) == [200] + [412] * 15
    versions = await client.get(path + "/versions", headers=team.clinician.headers)
    assert [v["version"] for v in versions.json()["items"]] == [2, 1]
    patient_view = await client.get(
        f"/api/v1/routines/{rid}/versions", headers=team.patient.headers
    )
    assert patient_view.json() == versions.json()
    # A session logged now follows version 2; the handout says so and names Dr Lee.
    logged = await client.post(
        "/api/v1/sessions", json=session_payload(routine_id=rid), headers=team.patient.headers
    )
    assert logged.json()["routine_version"] == 2
    page = await client.get(
        f"/api/v1/routines/{rid}/handout", headers={**team.patient.headers, "Accept": "text/html"}
    )
    assert "Version 2, prescribed by Dr Lee (Riverside Physiotherapy)" in page.text
    listed = await client.get(team.patient_path("/routines"), headers=team.clinician.headers)
    assert [r["id"] for r in listed.json()["items"]] == [rid]
    log = await _log(client, team.patient)
    assert log.count(("update", f"routine:{rid}")) == 1
    for entry in (
        ("read", f"routine:{rid}"),
        ("read", f"routine:{rid}/versions"),
        ("read", "routines"),
        ("create", f"routine:{rid}"),
    ):
        assert entry in log


async def test_a_revoked_or_narrowed_relationship_stops_prescribing(
    client: httpx.AsyncClient,
) -> None:
    team = await care_team(client)
    rid = (await _prescribe(client, team)).json()["id"]
    revoked = await client.delete(
        f"/api/v1/me/care-relationships/{team.relationship_id}", headers=team.patient.headers
    )
    assert revoked.status_code == 204
    assert (await _prescribe(client, team)).status_code == 404
    gone = await client.get(team.patient_path(f"/routines/{rid}"), headers=team.clinician.headers)
    assert gone.status_code == 404
    # The patient keeps the prescription (read-only) and may copy it.
    copy = await client.post(f"/api/v1/routines/{rid}/copy", headers=team.patient.headers)
    assert copy.status_code == 201
    # Care without `prescribe`: 403 scope-not-granted.
    patient = await signed_in_user(client, unique_email("narrow"))
    await take_into_care(client, team.colleague, team.clinic_id, patient, ["sessions"])
    path = f"/api/v1/clinics/{team.clinic_id}/patients/{patient.id}/routines"
    refused = await client.post(path, json=by_hand(), headers=team.colleague.headers)
    assert refused.status_code == 403
    assert refused.json()["type"].endswith("/scope-not-granted")


# The role matrix of the prescription operations: every role against every operation.
ROLES = (
    "anonymous",
    "patient",
    "other_patient",
    "clinician",
    "colleague",
    "outsider",
    "owner",
    "admin",
)
EXPECTED = {
    # operation: code per role, in ROLES order
    "POST": (401, 404, 404, 201, 404, 404, 404, 404),
    "GET list": (401, 404, 404, 200, 404, 404, 404, 404),
    "GET one": (401, 404, 404, 200, 404, 404, 404, 404),
    "PATCH": (401, 404, 404, 200, 404, 404, 404, 404),
    "GET versions": (401, 404, 404, 200, 404, 404, 404, 404),
}


async def test_role_matrix_of_prescription_operations(
    client: httpx.AsyncClient, bob: SignedIn, admin: SignedIn
) -> None:
    team = await care_team(client)
    rid = (await _prescribe(client, team)).json()["id"]
    who = {
        "anonymous": None,
        "patient": team.patient,
        "other_patient": bob,
        "clinician": team.clinician,
        "colleague": team.colleague,
        "outsider": team.outsider,
        "owner": team.owner,
        "admin": admin,
    }
    one = team.patient_path(f"/routines/{rid}")
    seen: dict[str, tuple[int, ...]] = {}
    for operation in EXPECTED:
        codes = []
        for role in ROLES:
            user = who[role]
            headers = dict(user.headers) if user else {}
            if operation == "POST":
                answer = await client.post(
                    team.patient_path("/routines"), json=by_hand(), headers=headers
                )
            elif operation == "GET list":
                answer = await client.get(team.patient_path("/routines"), headers=headers)
            elif operation == "GET one":
                answer = await client.get(one, headers=headers)
            elif operation == "PATCH":
                etag = (await client.get(one, headers=team.clinician.headers)).headers["etag"]
                answer = await client.patch(
                    one, json={"notes": role}, headers={**headers, "If-Match": etag}
                )
            else:
                answer = await client.get(one + "/versions", headers=headers)
            codes.append(answer.status_code)
        seen[operation] = tuple(codes)
    assert seen == EXPECTED


async def test_a_prescription_outlives_its_prescribers_account_and_stays_signed(
    client: httpx.AsyncClient,
) -> None:
    team = await care_team(client)
    rid = (await _prescribe(client, team)).json()["id"]
    gone = await delete_account(client, team.clinician)
    assert gone.status_code == 204, gone.text
    kept = await client.get(f"/api/v1/routines/{rid}", headers=team.patient.headers)
    assert kept.status_code == 200
    assert kept.json()["prescriber"]["user_id"] is None
    assert kept.json()["prescriber"]["name"] == "Dr Lee"
    assert kept.json()["origin"] == "prescription"
    version = await client.get(f"/api/v1/routines/{rid}/versions/1", headers=team.patient.headers)
    assert version.json()["prescriber"]["name"] == "Dr Lee"
    # The patient still decides what they keep.
    deleted = await client.delete(
        f"/api/v1/routines/{rid}",
        headers={**team.patient.headers, "If-Match": kept.headers["etag"]},
    )
    assert deleted.status_code == 204


async def test_revocation_raced_against_prescription_reads_holds_from_the_next_request(
    client: httpx.AsyncClient,
) -> None:
    team = await care_team(client)
    rid = (await _prescribe(client, team)).json()["id"]
    path = team.patient_path(f"/routines/{rid}")
    before = len(await _log(client, team.patient))
    reads = [client.get(path, headers=team.clinician.headers) for _ in range(16)]
    revoke = client.delete(
        f"/api/v1/me/care-relationships/{team.relationship_id}", headers=team.patient.headers
    )
    *answers, revoked = await asyncio.gather(*reads, revoke)
    assert revoked.status_code == 204
    assert {a.status_code for a in answers} <= {200, 404}
    # Every read answered was logged; none was answered unlogged.
    served = sum(a.status_code == 200 for a in answers)
    assert len(await _log(client, team.patient)) == before + served
    after = await asyncio.gather(
        *(client.get(path, headers=team.clinician.headers) for _ in range(16))
    )
    assert [a.status_code for a in after] == [404] * 16
    etag = (await client.get(f"/api/v1/routines/{rid}", headers=team.patient.headers)).headers[
        "etag"
    ]
    late = await client.patch(
        path, json={"notes": "late"}, headers={**team.clinician.headers, "If-Match": etag}
    )
    assert late.status_code == 404
