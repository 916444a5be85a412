"""The authorization matrix by role: every operation of the OpenAPI document, called by
each of nine callers, against ONE table of expected status codes.

The table, its callers and how a row is written are in tests/role_matrix.py; each
package's rows sit beside its tests, in `tests/<context>/<package>/roles.py`. The walk
fails for any operation of the spec without a row (naming the roles.py it belongs in), for
a row of an operation the spec no longer has, and for a row beside the wrong package.

A second test walks the same table: every operation on a patient's data by a clinician in
care (every path under /clinics/{clinic_id}/ but the clinic's own administration) adds an
entry to the patient's access log.
"""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from fastapi import FastAPI
from sqlmodel import Session

from app.training.self_checks import examples as assessment_examples
from app.users import service as users_service
from app.users.models import UserCreate
from tests.factories import (
    ALL_SCOPES,
    care_code,
    create_clinic,
    routine_payload,
    session_payload,
    unique_email,
)
from tests.role_matrix import (
    PASSWORD,
    PUBLIC_OK,
    ROLES,
    TESTS,
    Account,
    Case,
    Matrix,
    World,
    collect,
    hook_payload,
    problems,
    row_homes,
)

CLINIC = "/api/v1/clinics/{clinic_id}"
# What a clinic's routes do that is not a patient's data: the clinic's own administration.
# Every other route under a clinic (the patients' data, their FHIR export, and any route
# added later) is patient data: the walk requires it to log each call.
CLINIC_ADMINISTRATION = ("/members", "/invitations", "/care-invitations", "/webhooks")
CLINIC_PUBLIC = ("/fhir/metadata",)

ROWS: Matrix = collect()
MATRIX: dict[tuple[str, str], Case] = ROWS.cases


def _on_patient_data(path: str) -> bool:
    if not path.startswith(CLINIC + "/"):
        return False
    tail = path.removeprefix(CLINIC)
    if tail in CLINIC_PUBLIC:
        return False
    return not any(tail == p or tail.startswith(p + "/") for p in CLINIC_ADMINISTRATION)


def _account(app: FastAPI, role: str) -> Account:
    """An account made through the service (eight sign-ups from one address would meet the
    sign-up limit that the register row itself exercises)."""
    with Session(app.state.engine, expire_on_commit=False) as session:
        email = unique_email(role.replace("_", "-"))
        user = users_service.create_account(
            session, UserCreate(email=email, password=PASSWORD, display_name=role)
        )
        if role == "admin":
            session.delete(user)
            session.commit()
            user = users_service.create_admin(session, email, PASSWORD)
        token = users_service.issue_sign_in(session, user, app.state.settings)
        session.commit()
    return Account(user.id, email, token.access_token)


async def _world(app: FastAPI, client: httpx.AsyncClient) -> World:
    users = {role: _account(app, role) for role in ROLES[1:]}
    world = World(app, client, users)
    owner, clinician, patient = users["owner"], users["clinician"], users["patient"]
    clinic_id = await create_clinic(client, owner)  # type: ignore[arg-type]
    spare = _account(app, "spare")
    narrow = users["narrow"]
    for member in (clinician, users["colleague"], spare, narrow):
        issued = await client.post(
            f"/api/v1/clinics/{clinic_id}/invitations", json={}, headers=owner.headers
        )
        joined = await client.post(
            "/api/v1/clinic-invitations/accept",
            json={"code": issued.json()["code"]},
            headers=member.headers,
        )
        assert joined.status_code == 200, joined.text
    narrow_code = await care_code(client, narrow, clinic_id, ["progress"])  # type: ignore[arg-type]
    granted = await client.post(
        "/api/v1/me/care-relationships", json={"code": narrow_code}, headers=patient.headers
    )
    assert granted.status_code == 201, granted.text
    world.scratch_clinic = await create_clinic(client, owner, "Scratch")  # type: ignore[arg-type]
    code = await care_code(client, clinician, clinic_id)  # type: ignore[arg-type]
    accepted = await client.post(
        "/api/v1/me/care-relationships", json={"code": code}, headers=patient.headers
    )
    assert accepted.status_code == 201, accepted.text
    elsewhere = await create_clinic(client, users["outsider"], "Elsewhere")  # type: ignore[arg-type]
    code = await care_code(client, users["outsider"], elsewhere)  # type: ignore[arg-type]
    spare_relationship = await client.post(
        "/api/v1/me/care-relationships", json={"code": code}, headers=patient.headers
    )
    routine = await client.post("/api/v1/routines", json=routine_payload(), headers=patient.headers)
    logged = await client.post("/api/v1/sessions", json=session_payload(), headers=patient.headers)
    check = await client.post(
        "/api/v1/me/assessments", json=assessment_examples.check(), headers=patient.headers
    )
    painful = session_payload()
    painful["entries"][0]["pain"] = 8  # raises an alert for the patient
    await client.post("/api/v1/sessions", json=painful, headers=patient.headers)
    alerts = await client.get("/api/v1/me/alerts", headers=patient.headers)
    prescribed = await client.post(
        f"/api/v1/clinics/{clinic_id}/patients/{patient.id}/routines",
        json={"routine": routine_payload(name="Prescribed")},
        headers=clinician.headers,
    )
    assert prescribed.status_code == 201, prescribed.text
    measures = f"/api/v1/clinics/{clinic_id}/patients/{patient.id}/measures"
    assigned, strength = [
        await client.post(
            measures,
            json={"instrument_id": instrument, "schedule": {"at_start": True}},
            headers=clinician.headers,
        )
        for instrument in ("psfs", "hip-abduction-strength")
    ]
    answered = await client.post(
        "/api/v1/me/measures/answers",
        json={
            "id": str(uuid.uuid4()),
            "assignment_id": assigned.json()["id"],
            "answers": {"activities": [{"activity": "Stairs", "rating": 4}]},
        },
        headers=patient.headers,
    )
    assert answered.status_code == 201, answered.text
    shared, spare_link = [
        await client.post(
            "/api/v1/me/share-links", json={"kind": "progress"}, headers=patient.headers
        )
        for _ in range(2)
    ]
    templates = await client.get("/api/v1/routines?template=true")
    open_code = await client.post(
        f"/api/v1/clinics/{clinic_id}/invitations", json={}, headers=owner.headers
    )
    open_care_code = await client.post(
        f"/api/v1/clinics/{clinic_id}/care-invitations",
        json={"scopes": ALL_SCOPES},
        headers=clinician.headers,
    )
    hook = hook_payload(world)
    own_hook = await client.post("/api/v1/me/webhooks", json=hook, headers=patient.headers)
    clinic_hook = await client.post(
        f"/api/v1/clinics/{clinic_id}/webhooks", json=hook, headers=owner.headers
    )
    world.params = {
        "slug": "clamshell",
        "definition_id": "exercise-dosage",
        "system_id": "set-component",
        "observation_id": logged.json()["id"],
        "prescription_id": prescribed.json()["id"],
        "care_plan_id": prescribed.json()["id"],
        "template_id": templates.json()["items"][0]["id"],
        "alert_id": alerts.json()["items"][0]["id"],
        "endpoint_id": own_hook.json()["id"],
        "clinic_endpoint_id": clinic_hook.json()["id"],
        "clinic_id": str(clinic_id),
        "patient_id": str(patient.id),
        "user_id": str(users["colleague"].id),
        "spare_id": str(spare.id),
        "relationship_id": spare_relationship.json()["id"],
        "routine_id": routine.json()["id"],
        "session_id": logged.json()["id"],
        "assessment_id": check.json()["id"],
        "version": "1",
        "link_id": spare_link.json()["id"],
        "invitation_id": open_code.json()["id"],
        "care_invitation_id": open_care_code.json()["id"],
        "token": shared.json()["token"],
        "instrument_id": "psfs",
        "questionnaire_id": "psfs",
        "questionnaire_response_id": answered.json()["id"],
        "assignment_id": assigned.json()["id"],
        "strength_assignment_id": strength.json()["id"],
        "answer_id": answered.json()["id"],
    }
    return world


async def _spec_operations(client: httpx.AsyncClient) -> list[tuple[str, str]]:
    spec = (await client.get("/openapi.json")).json()
    return [
        (method.upper(), path)
        for path, item in spec["paths"].items()
        for method in item
        if method in {"get", "post", "put", "patch", "delete"}
    ]


def _path(world: World, path: str, case: Case) -> str:
    filled = path
    for name in world.params:
        chosen = case.params.get(name, name)
        filled = filled.replace("{" + name + "}", world.params.get(chosen, chosen))
    assert "{" not in filled, f"no value for a parameter of {path}"
    return filled


async def _call(world: World, role: str, method: str, path: str, case: Case) -> httpx.Response:
    kwargs = await case.body(world) if case.body else {}
    headers = {**case.headers, **kwargs.pop("headers", {})}
    if role != "anonymous":
        headers.update(world.users[role].headers)
    return await world.client.request(method, _path(world, path, case), headers=headers, **kwargs)


async def test_every_operation_answers_each_role_as_the_table_says(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    operations = await _spec_operations(client)
    unplaced = problems(operations, ROWS, row_homes(app))
    assert not unplaced, "the role matrix does not cover the spec:\n" + "\n".join(unplaced)
    world = await _world(app, client)
    wrong = []
    for method, path in operations:
        case = MATRIX[(method, path)]
        for role, expected in case.expected().items():
            answer = await _call(world, role, method, path, case)
            if answer.status_code != expected:
                wrong.append((method, path, role, expected, answer.status_code, answer.text[:200]))
    assert not wrong, "\n".join(map(str, wrong))


async def test_the_walk_names_the_roles_file_to_fix(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    """The walk itself can fail, and says where: a missing row names the roles.py beside the
    package serving the operation; a row of an operation the spec lacks, a row written twice
    and a row beside the wrong package name the files holding them."""
    operations = await _spec_operations(client)
    cases = dict(ROWS.cases)
    files = {operation: list(paths) for operation, paths in ROWS.files.items()}
    del cases[("GET", "/api/v1/muscles")]
    cases[("GET", "/api/v1/gone")] = Case(PUBLIC_OK)
    files[("GET", "/api/v1/gone")] = [TESTS / "catalog" / "exercises" / "roles.py"]
    files[("GET", "/api/v1/me")] = [TESTS / "webhooks" / "roles.py"]
    files[("GET", "/api/v1/me/alerts")].append(TESTS / "care" / "followup" / "roles.py")
    assert problems(operations, Matrix(cases, files), row_homes(app)) == [
        "GET /api/v1/muscles has no row: add one to `ROWS` in tests/catalog/exercises/roles.py",
        "tests/catalog/exercises/roles.py has a row for GET /api/v1/gone: the spec has no such "
        "operation",
        "GET /api/v1/me: its row is in tests/webhooks/roles.py, move it to tests/users/roles.py "
        "(beside the package serving it)",
        "GET /api/v1/me/alerts has rows in tests/logbook/alerts/roles.py, "
        "tests/care/followup/roles.py: keep one",
    ]


async def test_every_read_or_write_of_a_patients_data_by_the_clinician_is_logged(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    world = await _world(app, client)
    patient = world.users["patient"]
    on_patient_data = [
        (method, path) for method, path in await _spec_operations(client) if _on_patient_data(path)
    ]
    assert len(on_patient_data) >= 4, "the walk found no patient-data operations"
    missing = sorted(set(on_patient_data) - set(MATRIX))
    assert not missing, f"patient-data operations with no row in the role matrix: {missing}"

    async def logged() -> int:
        page = await client.get("/api/v1/me/access-log?limit=100", headers=patient.headers)
        return len(page.json()["items"])

    for method, path in on_patient_data:
        case = MATRIX[(method, path)]
        before = await logged()
        answer = await _call(world, "clinician", method, path, case)
        assert answer.status_code == case.expected()["clinician"], (method, path, answer.text)
        if answer.is_success:  # a refused write (428) changed nothing, the log included
            assert await logged() == before + 1, (method, path)
        else:
            assert await logged() == before, (method, path)
    # A builder prescription reads the self-check too: still one entry, naming it; refused
    # (the narrow clinician, without `prescribe`), none.
    builder = {"builder": {"level": "beginner", "minutes": 15}}
    prescribe = _path(world, "/api/v1/clinics/{clinic_id}/patients/{patient_id}/routines", Case(""))
    before = await logged()
    refused = await client.post(prescribe, json=builder, headers=world.users["narrow"].headers)
    assert refused.status_code == 403 and await logged() == before
    built = await client.post(prescribe, json=builder, headers=world.users["clinician"].headers)
    assert built.status_code == 201, built.text
    assert await logged() == before + 1
    latest = await client.get("/api/v1/me/access-log?limit=1", headers=patient.headers)
    assert "self-check:" in latest.json()["items"][0]["resource"]


async def test_patient_data_rows_say_what_a_narrow_grant_gets(client: httpx.AsyncClient) -> None:
    """Every operation on a patient's data names the `narrow` clinician's code itself (in
    care, without the scope: 403; with it: the clinician's), never the default."""
    unnamed = [
        (method, path)
        for method, path in await _spec_operations(client)
        if _on_patient_data(path) and not MATRIX[(method, path)].names_narrow
    ]
    assert not unnamed, f"patient-data rows without the narrow clinician's code: {unnamed}"


# Headers two identical requests may answer differently (RFC 9110's Date; nothing else).
PER_REQUEST_HEADERS = frozenset({"date"})


def _comparable(answer: httpx.Response) -> dict[str, str]:
    return {k: v for k, v in answer.headers.items() if k not in PER_REQUEST_HEADERS}


async def test_head_answers_every_get_with_its_status_and_headers_for_each_role(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    """RFC 9110 section 9.3.2: a HEAD is the GET without its body, for every caller (the
    same 200, 401, 403 or 404, and the same Content-Type, Content-Length, ETag...)."""
    world = await _world(app, client)
    gets = [(m, p) for m, p in await _spec_operations(client) if m == "GET"]
    assert len(gets) >= 50, "the walk found too few GET operations"
    wrong = []
    for _, path in gets:
        case = MATRIX[("GET", path)]
        for role in ROLES:
            head = await _call(world, role, "HEAD", path, case)
            got = await _call(world, role, "GET", path, case)
            if head.content:
                wrong.append(("HEAD has a body", path, role, head.content[:80]))
            if head.status_code != got.status_code or _comparable(head) != _comparable(got):
                wrong.append(
                    (path, role, head.status_code, got.status_code, head.headers, got.headers)
                )
    assert not wrong, "\n".join(map(str, wrong))


async def test_a_head_of_a_patients_data_by_the_clinician_is_logged_like_the_get(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    """A HEAD tells what the data's headers say (its ETag, its length): it goes through the
    same access decision and writes the same access-log entry as the GET."""
    world = await _world(app, client)
    patient = world.users["patient"]
    reads = [
        (m, p) for m, p in await _spec_operations(client) if m == "GET" and _on_patient_data(p)
    ]
    assert len(reads) >= 4

    async def logged() -> list[dict[str, Any]]:
        page = await client.get("/api/v1/me/access-log?limit=100", headers=patient.headers)
        items: list[dict[str, Any]] = page.json()["items"]
        return items

    for _, path in reads:
        case = MATRIX[("GET", path)]
        before = await logged()
        answer = await _call(world, "clinician", "HEAD", path, case)
        assert answer.status_code == case.expected()["clinician"], path
        after = await logged()
        assert len(after) == len(before) + (1 if answer.is_success else 0), path
        refused = await _call(world, "narrow", "HEAD", path, case)
        assert refused.status_code == case.expected()["narrow"], path
        if not refused.is_success:
            assert len(await logged()) == len(after), path
