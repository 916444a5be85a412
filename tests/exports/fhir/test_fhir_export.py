"""FHIR R4B export over HTTP, on both databases: every resource parsed by `fhir.resources`,
the logged sets, pain and dosage read back from the export, and who may read what."""

from __future__ import annotations

import asyncio
import uuid
from decimal import Decimal
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fhir.resources.R4B.careplan import CarePlan
from fhir.resources.R4B.observation import Observation

from app.exports.fhir import codes, service
from app.exports.fhir.outcome import outcome
from tests.exports.fhir import reading
from tests.factories import SEEDED_EXERCISES, SignedIn, entry, routine_payload, session_payload

FHIR = "/api/v1/fhir"
BASE = "http://127.0.0.1:8000/api/v1/fhir"  # the test settings' PUBLIC_BASE_URL default
FHIR_JSON = "application/fhir+json"
SEEDED_TEMPLATES = 3


def outcome_of(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """The response is a FHIR OperationOutcome with that status and issue code."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(FHIR_JSON), response.headers
    body: dict[str, Any] = response.json()
    reading.validated({**body, "id": "outcome"})
    assert body["issue"][0]["code"] == code, body
    return body


async def everything(client: httpx.AsyncClient, user: SignedIn) -> httpx.Response:
    return await client.get(f"{FHIR}/Patient/{user.id}/$everything", headers=user.headers)


# --- the catalog ---------------------------------------------------------------------------


async def test_activity_definitions_are_a_valid_searchset_of_every_exercise(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get(f"{FHIR}/ActivityDefinition")
    assert response.status_code == 200
    assert response.headers["content-type"] == FHIR_JSON
    assert response.headers["cache-control"].startswith("public, max-age=")
    body = response.json()
    parsed = reading.bundle(body, BASE)
    assert parsed.total == SEEDED_EXERCISES
    assert body["link"] == [{"relation": "self", "url": f"{BASE}/ActivityDefinition"}]
    clamshell = next(e["resource"] for e in body["entry"] if e["resource"]["id"] == "clamshell")
    assert clamshell["url"] == "https://medius.dev/fhir/ActivityDefinition/clamshell"
    assert clamshell["status"] == "active"
    assert reading.dosage(reading.validated(clamshell))[codes.DOSE_SETS] >= 1

    again = await client.get(
        f"{FHIR}/ActivityDefinition", headers={"If-None-Match": response.headers["etag"]}
    )
    assert again.status_code == 304
    assert again.content == b""


async def test_an_exercise_reads_by_id_and_stays_readable_retired_once_removed(
    client: httpx.AsyncClient, admin: SignedIn
) -> None:
    one = await client.get(f"{FHIR}/ActivityDefinition/clamshell")
    assert one.status_code == 200
    reading.validated(one.json())
    assert one.json()["meta"]["versionId"] == "1"

    etag = (await client.get("/api/v1/exercises/clamshell")).headers["etag"]
    removed = await client.delete(
        "/api/v1/exercises/clamshell", headers={**admin.headers, "If-Match": etag}
    )
    assert removed.status_code == 204
    retired = await client.get(f"{FHIR}/ActivityDefinition/clamshell")
    assert retired.status_code == 200
    assert retired.json()["status"] == "retired"
    assert retired.headers["etag"] != one.headers["etag"]
    listed = (await client.get(f"{FHIR}/ActivityDefinition")).json()
    assert "clamshell" not in {e["resource"]["id"] for e in listed["entry"]}
    assert listed["total"] == SEEDED_EXERCISES - 1

    outcome_of(await client.get(f"{FHIR}/ActivityDefinition/no-such-move"), 404, "not-found")


async def test_a_catalog_change_is_seen_by_the_cached_fhir_reads(
    client: httpx.AsyncClient, admin: SignedIn
) -> None:
    before = await client.get(f"{FHIR}/ActivityDefinition/clamshell")
    etag = (await client.get("/api/v1/exercises/clamshell")).headers["etag"]
    changed = await client.patch(
        "/api/v1/exercises/clamshell",
        json={"name": "Clam shell"},
        headers={**admin.headers, "If-Match": etag},
    )
    assert changed.status_code == 200, changed.text
    after = await client.get(
        f"{FHIR}/ActivityDefinition/clamshell", headers={"If-None-Match": before.headers["etag"]}
    )
    assert after.status_code == 200
    assert after.json()["title"] == "Clam shell"


async def test_templates_are_plan_definitions_whose_actions_name_activity_definitions(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get(f"{FHIR}/PlanDefinition")
    assert response.status_code == 200
    body = response.json()
    parsed = reading.bundle(body, BASE)
    assert parsed.total == SEEDED_TEMPLATES
    templates = (await client.get("/api/v1/routines", params={"template": "true"})).json()
    by_id = {t["id"]: t for t in templates["items"]}
    versions = {
        e["resource"]["id"]: e["resource"]["version"]
        for e in (await client.get(f"{FHIR}/ActivityDefinition")).json()["entry"]
    }
    for entry_ in body["entry"]:
        plan = entry_["resource"]
        template = by_id[plan["id"]]
        one = await client.get(f"{FHIR}/PlanDefinition/{plan['id']}")
        assert one.status_code == 200
        assert one.json() == plan
        # Each action pins the ActivityDefinition's version it was served at.
        assert [a["definitionCanonical"] for a in plan["action"]] == [
            f"https://medius.dev/fhir/ActivityDefinition/{i['exercise']}|{versions[i['exercise']]}"
            for i in template["items"]
        ]
        parsed_plan = reading.validated(plan)
        for action, item in zip(parsed_plan.action, template["items"], strict=True):
            assert reading.dosage(action) == _dosage_of(item)
            assert action.timingTiming.repeat.frequency == template["sessions_per_week"]
    outcome_of(await client.get(f"{FHIR}/PlanDefinition/{uuid.uuid4()}"), 404, "not-found")
    outcome_of(await client.get(f"{FHIR}/PlanDefinition/not-a-uuid"), 404, "not-found")


def _dosage_of(item: dict[str, Any]) -> dict[str, Any]:
    """A routine item's dosage as the `exercise-dosage` extension names it."""
    names = {
        "order": codes.DOSE_ORDER,
        "sets": codes.DOSE_SETS,
        "reps": codes.DOSE_REPS,
        "steps": codes.DOSE_STEPS,
        "hold_seconds": codes.DOSE_HOLD,
        "rest_seconds": codes.DOSE_REST,
        "side": codes.DOSE_SIDE,
        "notes": codes.DOSE_NOTE,
    }
    return {url: item[name] for name, url in names.items() if item.get(name) not in (None, "")}


async def test_each_fhir_base_states_its_capabilities(client: httpx.AsyncClient) -> None:
    own = await client.get(f"{FHIR}/metadata")
    assert own.status_code == 200
    statement = reading.validated(own.json())
    assert statement.fhirVersion == "4.3.0"
    assert statement.implementation.url == BASE
    served = {r.type for r in statement.rest[0].resource}
    assert served == {
        "ActivityDefinition",
        "PlanDefinition",
        "StructureDefinition",
        "CodeSystem",
        "Questionnaire",
        "Patient",
        "CarePlan",
        "Observation",
        "QuestionnaireResponse",
    }
    clinic_id = uuid.uuid4()
    clinic = await client.get(f"/api/v1/clinics/{clinic_id}/fhir/metadata")
    assert clinic.status_code == 200
    statement = reading.validated(clinic.json())
    assert statement.implementation.url == f"http://127.0.0.1:8000/api/v1/clinics/{clinic_id}/fhir"
    clinic_served = {r.type for r in statement.rest[0].resource}
    assert clinic_served == {"Patient", "CarePlan", "Observation", "QuestionnaireResponse"}
    again = await client.get(f"{FHIR}/metadata", headers={"If-None-Match": own.headers["etag"]})
    assert again.status_code == 304
    outcome_of(await client.get("/api/v1/clinics/not-a-uuid/fhir/metadata"), 422, "invalid")


# --- a patient's data ----------------------------------------------------------------------

RICH_ENTRIES = [
    entry(set_number=1, side="right", reps=12, hold_seconds=3, pain=2, effort=5),
    entry(set_number=1, side="left", reps=9, hold_seconds=2, pain=4, effort=7, notes="hip ached"),
    entry(set_number=2, side="right", reps=10, hold_seconds=3, pain=0, effort=6),
    {
        "exercise": "monster-walk",
        "set_number": 1,
        "steps": 20,
        "load_band": "heavy",
        "pain": 0,
        "effort": 8,
    },
    {
        "exercise": "hip-hike",
        "set_number": 1,
        "side": "left",
        "reps": 12,
        "load_kg": 2.5,
        "pain": 10,
        "effort": 10,
    },
]


async def _alice_logs(client: httpx.AsyncClient, alice: SignedIn) -> dict[str, Any]:
    routine = await client.post(
        "/api/v1/routines",
        json=routine_payload(
            notes="After the knee op",
            items=[
                {
                    "exercise": "clamshell",
                    "sets": 3,
                    "reps": 12,
                    "hold_seconds": 3,
                    "side": "left",
                    "rest_seconds": 40,
                    "notes": "slow down",
                    "reason": "weak left side",
                },
                {"exercise": "monster-walk", "sets": 2, "steps": 20},
                {"exercise": "hip-hike", "sets": 2, "reps": 10, "side": "both"},
            ],
        ),
        headers=alice.headers,
    )
    assert routine.status_code == 201, routine.text
    logged = [
        session_payload(routine_id=routine.json()["id"], entries=RICH_ENTRIES, notes="felt ok"),
        session_payload(ended_at=None, entries=[]),
        session_payload(entries=[entry(set_number=3, side="left", pain=7, effort=9)]),
    ]
    for body in logged:
        created = await client.post("/api/v1/sessions", json=body, headers=alice.headers)
        assert created.status_code == 201, created.text
    check = await client.post(
        "/api/v1/me/assessments",
        json={
            "stance_leg": "left",
            "pelvis_drop": "marked",
            "knee_drifts_in": True,
            "trunk_lean": False,
            "hold_seconds": 12,
            "pain": 3,
            "notes": "wobbly",
        },
        headers=alice.headers,
    )
    assert check.status_code == 201, check.text
    return {"routine": routine.json(), "sessions": logged, "check": check.json()}


def _as_logged(entry_: dict[str, Any]) -> dict[str, Any]:
    """An entry as sent, in the shape `reading.logged_sets` recovers."""
    out = {k: v for k, v in entry_.items() if v not in (None, "")}
    if "load_kg" in out:
        out["load_kg"] = Decimal(str(out["load_kg"]))
    return out


async def test_everything_reads_back_every_set_side_pain_and_dosage(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    logged = await _alice_logs(client, alice)
    response = await everything(client, alice)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == FHIR_JSON
    assert response.headers["cache-control"] == "private, no-store"
    body = response.json()
    parsed = reading.bundle(body, BASE)
    resources = [e.resource for e in parsed.entry]
    kinds = [r.__resource_type__ for r in resources]
    assert kinds[0] == "Patient"
    assert resources[0].id == str(alice.id)
    assert kinds.count("CarePlan") == 1
    # 3 panels, and one member per exercise of each session: 3 + 1 + 0 + 1
    assert kinds.count("Observation") == 3 + 3 + 0 + 1 + 1

    (plan,) = [r for r in resources if isinstance(r, CarePlan)]
    assert plan.id == logged["routine"]["id"]
    assert reading.care_plan_items(plan) == [
        {"exercise": i["exercise"], **_dosage_of(i)} for i in logged["routine"]["items"]
    ]
    assert plan.subject.reference == f"Patient/{alice.id}"

    observations = [r for r in resources if isinstance(r, Observation)]
    sets = reading.logged_sets(observations)
    assert sets == {s["id"]: [_as_logged(e) for e in s["entries"]] for s in logged["sessions"]}
    panel = next(o for o in observations if o.id == logged["sessions"][0]["id"])
    assert panel.basedOn[0].reference == f"CarePlan/{plan.id}"
    assert panel.note[0].text == "felt ok"
    assert panel.effectivePeriod.start.isoformat() == "2026-11-20T06:30:00+00:00"
    open_ended = next(o for o in observations if o.id == logged["sessions"][1]["id"])
    assert open_ended.effectiveDateTime is not None and open_ended.hasMember is None
    # No sets: the panel says why it has no members rather than nothing at all.
    assert open_ended.dataAbsentReason.coding[0].code == "not-performed"

    (check,) = [o for o in observations if o.code.coding[0].code == "single-leg-stance"]
    figures = {c.code.coding[0].code: c for c in check.component}
    assert figures[codes.PAIN_LOINC].valueQuantity.value == 3
    assert figures["stance-leg"].valueCodeableConcept.coding[0].code == "7771000"
    assert figures["pelvis-drop"].valueCodeableConcept.coding[0].code == "marked"
    assert figures["knee-drifts-in"].valueBoolean is True
    assert figures["hold"].valueQuantity.value == 12
    # The findings are components too (not `interpretation`, which grades a result).
    findings = [c for c in check.component if c.code.coding[0].system == codes.FINDING_SYSTEM]
    assert [f.code.coding[0].code for f in findings] == [
        f["code"] for f in logged["check"]["interpretation"]["findings"]
    ]
    assert findings and all(f.valueBoolean is True and f.code.text for f in findings)
    assert check.interpretation is None
    assert check.id == logged["check"]["id"]
    assert check.note[0].text == "wobbly"


async def test_a_patient_reads_their_care_plan_and_nobody_else_can(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    logged = await _alice_logs(client, alice)
    plan_id = logged["routine"]["id"]
    own = await client.get(f"{FHIR}/CarePlan/{plan_id}", headers=alice.headers)
    assert own.status_code == 200, own.text
    plan = reading.validated(own.json())
    assert [i["exercise"] for i in reading.care_plan_items(plan)] == [
        "clamshell",
        "monster-walk",
        "hip-hike",
    ]

    outcome_of(
        await client.get(f"{FHIR}/CarePlan/{plan_id}", headers=bob.headers), 404, "not-found"
    )
    outcome_of(
        await client.get(f"{FHIR}/Patient/{alice.id}/$everything", headers=bob.headers),
        404,
        "not-found",
    )
    outcome_of(await client.get(f"{FHIR}/Patient/{alice.id}/$everything"), 401, "login")
    anonymous = await client.get(f"{FHIR}/CarePlan/{plan_id}")
    outcome_of(anonymous, 401, "login")
    assert anonymous.headers["www-authenticate"] == "Bearer"
    # A template is a PlanDefinition, not anyone's CarePlan.
    template = (await client.get(f"{FHIR}/PlanDefinition")).json()["entry"][0]["resource"]
    outcome_of(
        await client.get(f"{FHIR}/CarePlan/{template['id']}", headers=alice.headers),
        404,
        "not-found",
    )
    # Bob's own export holds none of Alice's data.
    bobs = (await everything(client, bob)).json()
    assert bobs["total"] == 1
    assert str(alice.id) not in str(bobs)


async def test_a_builder_routine_exports_every_week_of_its_plan(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    built = await client.post(
        "/api/v1/routine-builder",
        json={
            "level": "beginner",
            "minutes": 15,
            "equipment": [],
            "affected_side": "right",
            "weeks": 4,
            "save": True,
        },
        headers=alice.headers,
    )
    assert built.status_code == 200, built.text
    routine_id = built.json()["routine_id"]
    routine = (await client.get(f"/api/v1/routines/{routine_id}", headers=alice.headers)).json()
    assert len(routine["progression"]) == 4
    answer = await client.get(f"{FHIR}/CarePlan/{routine_id}", headers=alice.headers)
    assert answer.status_code == 200, answer.text
    plan = reading.validated(answer.json())
    expected = [{"exercise": i["exercise"], **_dosage_of(i)} for i in routine["items"]]
    expected += [
        {"exercise": i["exercise"], codes.DOSE_WEEK: week["week"], **_dosage_of(i)}
        for week in routine["progression"]
        if week["week"] > 1
        for i in week["items"]
    ]
    assert reading.care_plan_items(plan) == expected
    assert any(
        a[codes.DOSE_WEEK] == 4 for a in reading.care_plan_items(plan) if codes.DOSE_WEEK in a
    )


async def test_everything_under_concurrent_reads_and_writes_stays_valid(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    await _alice_logs(client, alice)
    answers = await asyncio.gather(
        *(everything(client, alice) for _ in range(8)),
        *(
            client.post("/api/v1/sessions", json=session_payload(), headers=alice.headers)
            for _ in range(8)
        ),
    )
    for answer in answers[:8]:
        assert answer.status_code == 200
        reading.bundle(answer.json(), BASE)


# --- the FHIR boundary ------------------------------------------------------------------------


async def test_every_fhir_error_is_an_operation_outcome_and_the_rest_stays_problem_json(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    outcome_of(await client.get(f"{FHIR}/Nothing/here"), 404, "not-found")
    outcome_of(await client.post(f"{FHIR}/ActivityDefinition", json={}), 405, "not-supported")
    outcome_of(await client.get(f"{FHIR}/ActivityDefinition?q=%00"), 422, "invalid")
    outcome_of(await client.get(f"{FHIR}/ActivityDefinition/{'x' * 65}"), 404, "not-found")
    outcome_of(
        await client.get(
            f"{FHIR}/Patient/{alice.id}/$everything", headers={"Authorization": "Bearer nope"}
        ),
        401,
        "login",
    )
    elsewhere = await client.get("/api/v1/exercises/no-such-move")
    assert elsewhere.status_code == 404
    assert elsewhere.headers["content-type"] == "application/problem+json"


async def test_accept_takes_fhir_json_or_json_and_refuses_the_rest_even_when_cached(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    for accept in (FHIR_JSON, "*/*", "application/*;q=0.5", "application/json;q=0.5, */*"):
        response = await client.get(f"{FHIR}/ActivityDefinition", headers={"Accept": accept})
        assert response.status_code == 200, accept
        assert response.headers["content-type"] == FHIR_JSON
    # The list is now in the catalog cache: an unacceptable Accept is still refused.
    outcome_of(
        await client.get(f"{FHIR}/ActivityDefinition", headers={"Accept": "application/xml"}),
        406,
        "not-supported",
    )
    outcome_of(
        await client.get(
            f"{FHIR}/Patient/{alice.id}/$everything",
            headers={**alice.headers, "Accept": "text/html"},
        ),
        406,
        "not-supported",
    )


async def test_an_unexpected_failure_under_fhir_is_an_operation_outcome_500(
    app: FastAPI, alice: SignedIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(service, "everything", broken)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://medius.test") as client:
        body = outcome_of(await everything(client, alice), 500, "exception")
    assert body["issue"][0]["severity"] == "fatal"
    assert body["issue"][0]["details"]["coding"][0]["code"] == "internal-error"
    assert "boom" not in str(body)


async def test_full_urls_follow_the_configured_base_not_the_host_header(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    response = await client.get(f"{FHIR}/ActivityDefinition", headers={"Host": "evil.example"})
    assert response.status_code == 200
    assert all(e["fullUrl"].startswith(BASE + "/") for e in response.json()["entry"])
    assert app.state.settings.public_url == "http://127.0.0.1:8000"


def test_every_problem_shape_becomes_a_valid_operation_outcome() -> None:
    """Whatever a problem document holds (field errors with empty parts, no detail), its
    OperationOutcome parses as R4B (FHIR strings may not be empty)."""
    problems = [
        {
            "status": 422,
            "type": "https://medius.dev/problems/validation-error",
            "detail": "bad",
            "errors": [
                {"loc": [], "msg": "", "type": ""},
                {"loc": ["query", 1], "msg": "x", "type": "t"},
            ],
        },
        {"status": 500},
        {"status": 429, "type": "https://medius.dev/problems/rate-limited", "detail": ""},
    ]
    for problem in problems:
        body = outcome(problem)
        reading.validated({**body, "id": "outcome"})
        assert (
            body["issue"][0]["code"]
            == {422: "invalid", 500: "exception", 429: "throttled"}[problem["status"]]
        )
    assert len(outcome(problems[0])["issue"]) == 3
