"""Every FHIR answer, checked by the standard's own artefacts rather than by the library that
wrote it: the official R4B package `hl7.fhir.r4b.core` 4.3.0 (npm, pinned in
tools/fhir-validate), its JSON schema through Ajv and its StructureDefinitions (cardinality,
required bindings, extension contexts, every FHIRPath invariant through fhirpath.js).

One scenario per database leg covers what the export can hold (a patient with sessions, an
empty one, a running one, self-checks with findings, a multi-week plan, a routine prescribed
by a clinic, a session against a template) and reads every answer of both FHIR bases: the
patient's own and the clinic's (metadata, `$everything` and searches with their next pages,
each declared search parameter, reads, and the OperationOutcomes of errors). The resource
types are discovered from each base's `/metadata` and its `$everything` Bundle, so a read or
search a base adds is validated with no change here. All documents go to ONE validator
process (about 2 s of CPU), which first feeds itself a deliberately broken resource per
class of error and fails unless it catches each.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx

from app.exports.fhir import codes
from tests.exports.fhir import validator
from tests.factories import CareTeam, SignedIn, care_team, entry, routine_payload, session_payload

FHIR = "/api/v1/fhir"
CHECK = {  # a self-check with findings: a slight drop and a trunk lean
    "stance_leg": "right",
    "pelvis_drop": "slight",
    "knee_drifts_in": True,
    "trunk_lean": True,
    "hold_seconds": 12,
    "pain": 2,
    "notes": "wobbly",
}
# Definitions a base may publish beside the core package (Medius' extensions and codes):
# the validator resolves them instead of warning about unknown extensions.
DEFINITION_TYPES = ("StructureDefinition", "CodeSystem", "ValueSet")


async def _post(client: httpx.AsyncClient, path: str, body: Any, who: SignedIn) -> Any:
    answer = await client.post(path, json=body, headers=who.headers)
    assert answer.status_code in (200, 201), answer.text
    return answer.json()


async def _patient_record(client: httpx.AsyncClient, team: CareTeam) -> None:
    """Everything the export can say about one patient."""
    patient = team.patient
    plan = await _post(
        client,
        "/api/v1/routine-builder",
        {"level": "beginner", "minutes": 15, "equipment": [], "affected_side": "right", "weeks": 4},
        patient,
    )
    four_weeks = {k: v for k, v in plan.items() if k not in ("routine_id",)}
    prescribed = await _post(
        client,
        team.patient_path("/routines"),
        {"routine": {**four_weeks, "name": "Four weeks, right side"}},
        team.clinician,
    )
    own = await _post(client, "/api/v1/routines", routine_payload(notes="Before work"), patient)
    templates = (await client.get("/api/v1/routines", params={"template": "true"})).json()
    sessions = [
        session_payload(routine_id=prescribed["id"], notes="Felt the burn"),
        session_payload(routine_id=own["id"]),
        session_payload(routine_id=templates["items"][0]["id"]),
        session_payload(entries=[], notes="Skipped: sore knee"),  # a session without entries
        session_payload(ended_at=None, entries=[entry(load_kg="2.5", notes="heavy")]),
    ]
    for body in sessions:
        await _post(client, "/api/v1/sessions", body, patient)
    await _post(client, "/api/v1/me/assessments", CHECK, patient)
    await _post(client, "/api/v1/me/assessments", {**CHECK, "pelvis_drop": "none"}, patient)
    await _outcome_measures(client, team)


async def _outcome_measures(client: httpx.AsyncClient, team: CareTeam) -> None:
    """Every instrument assigned and answered: a PSFS with an activity left unrated and one
    added later, pain ratings, the timed stance, strength the clinician records."""
    assigned = {
        instrument: await _post(
            client,
            team.patient_path("/measures"),
            {"instrument_id": instrument, "schedule": {"at_start": True, "every_weeks": 2}},
            team.clinician,
        )
        for instrument in (
            "groc",
            "night-pain",
            "sls-time-to-pain",
            "psfs",
            "hip-abduction-strength",
        )
    }
    stairs = {"activity": "Stairs", "rating": 3}
    given = [
        ("groc", {"rating": 4}),
        ("night-pain", {"rating": 6}),
        ("night-pain", {"rating": 3}),
        (
            "sls-time-to-pain",
            {
                "stance_leg": "right",
                "seconds": 14,
                "pain_onset": True,
                "pelvis_drop": "slight",
                "trunk_lean": True,
            },
        ),
        ("psfs", {"activities": [stairs, {"activity": "Lying on my side"}]}),
        ("psfs", {"activities": [{**stairs, "rating": 6}, {"activity": "Gardening", "rating": 2}]}),
    ]
    for instrument, answers in given:
        body = {
            "id": str(uuid.uuid4()),
            "assignment_id": assigned[instrument]["id"],
            "answers": answers,
        }
        await _post(client, "/api/v1/me/measures/answers", body, team.patient)
    for force in (110.5, 150):
        body = {
            "id": str(uuid.uuid4()),
            "assignment_id": assigned["hip-abduction-strength"]["id"],
            "answers": {"side": "right", "force": force, "unit": "N"},
        }
        await _post(client, team.patient_path("/measures/answers"), body, team.clinician)


async def _read_base(
    client: httpx.AsyncClient, base: str, patient_id: object, reader: SignedIn
) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]]]:
    """Every answer of one FHIR base (by request), and the definitions it publishes."""
    answers: dict[str, dict[str, Any]] = {}

    async def get(
        path: str, *, status: int = 200, signed: bool = True, strict: bool = False
    ) -> dict[str, Any]:
        headers = {**(reader.headers if signed else {})}
        if strict:
            headers["Prefer"] = "handling=strict"
        response = await client.get(path if "://" in path else base + path, headers=headers)
        assert response.status_code == status, (path, response.text)
        body: dict[str, Any] = response.json()
        how = ("" if signed else " (signed out)") + (" (strict)" if strict else "")
        answers[f"GET {base}{path.split(base, 1)[-1]}{how}"] = body
        return body

    metadata = await get("/metadata")
    declared = {r["type"]: r for rest in metadata["rest"] for r in rest["resource"]}
    everything = await get(f"/Patient/{patient_id}/$everything")
    found: list[dict[str, Any]] = [e["resource"] for e in everything["entry"]]
    await _pages(get, f"/Patient/{patient_id}/$everything?_count=5")
    definitions: list[dict[str, Any]] = []
    for kind, declaration in declared.items():
        if {"code": "search-type"} not in declaration.get("interaction", []):
            continue
        listed = [e["resource"] for e in (await get(f"/{kind}"))["entry"]]
        found += listed
        if kind in DEFINITION_TYPES:
            definitions += listed
        # Its pages (their links and totals are checked too), then each search parameter
        # /metadata declares, asked with the first resource's own value.
        await _pages(get, f"/{kind}?_count=1")
        first = listed[0]
        values = {
            "_id": first["id"],
            "url": f"{first.get('url')}|{first.get('version')}",
            "_summary": "count",  # a Bundle without entries
        }
        for param in declaration.get("searchParam", []):
            if param["name"] in values:
                await get(f"/{kind}?{urlencode({param['name']: values[param['name']]})}")
    types = set(declared) | {r["resourceType"] for r in found}
    assert {"Patient", "CarePlan", "Observation", "QuestionnaireResponse"} <= types, types
    read = {kind for kind, d in declared.items() if {"code": "read"} in d.get("interaction", [])}
    for resource in {(r["resourceType"], r["id"]): r for r in found}.values():
        if resource["resourceType"] in read:
            await get(f"/{resource['resourceType']}/{resource['id']}")
    # The errors are FHIR answers too: not found, signed out, a format the base does not
    # serve, and a parameter it does not know under `Prefer: handling=strict`.
    await get("/CarePlan/00000000-0000-4000-8000-000000000000", status=404)
    await get(f"/Patient/{patient_id}/$everything", status=401, signed=False)
    await get(f"/Patient/{patient_id}?_format=xml", status=406)
    await get(f"/Patient/{patient_id}?colour=red", status=400, strict=True)
    return answers, definitions


async def _pages(get: Callable[[str], Awaitable[dict[str, Any]]], first: str) -> None:
    """A paged answer's first page and the page its `next` link leads to (which has every
    kind of link)."""
    page = await get(first)
    following = [link["url"] for link in page.get("link", []) if link["relation"] == "next"]
    assert following, f"{first} has no next page: the scenario holds too little to page"
    await get(following[0])


async def test_every_fhir_answer_passes_the_official_r4b_artefacts(
    client: httpx.AsyncClient, tmp_path: Path
) -> None:
    team = await care_team(client)
    await _patient_record(client, team)
    own, own_definitions = await _read_base(client, FHIR, team.patient.id, team.patient)
    clinic_base = f"/api/v1/clinics/{team.clinic_id}/fhir"
    at_clinic, clinic_definitions = await _read_base(
        client, clinic_base, team.patient.id, team.clinician
    )

    answers = {**own, **at_clinic}
    report = validator.validate(answers, own_definitions + clinic_definitions, tmp_path)
    # The checker tested itself first: a checker that stopped checking cannot pass this.
    assert report.self_test == "6 of 6 classes caught, the valid resource passed", report.self_test
    # What no core artefact says, checked here: a code from outside an extensible binding's
    # ValueSet (a warning for the validator, which cannot judge whether the ValueSet had a
    # suitable code: Medius' self-check findings in `Observation.interpretation` were),
    # an Observation that holds nothing, and a canonical that does not pin a served version.
    beyond = {
        "extensible-binding": report.warnings.get("extensible-binding", 0),
        "observation-says-nothing": len(_observations_saying_nothing(answers)),
        "canonical-unpinned": len(_canonicals_not_served(answers)),
    }
    print(f"fhir-validate: {report.summary()}; beyond the artefacts {beyond}")
    assert report.resources > len(answers), report.summary()
    assert not report.errors, f"{report.summary()}\n{report.issues_listed()}"
    # An invariant fhirpath.js could not evaluate would pass unseen: there must be none.
    assert "invariant-unevaluable" not in report.warnings, report.summary()
    # Nor any warning: every resource is narrated (dom-6), Medius' extensions resolve against
    # the definitions the base serves, displays match their code systems'.
    assert not report.warnings, f"{report.summary()}\n{report.issues_listed('warning')}"
    assert not any(beyond.values()), (
        beyond,
        _observations_saying_nothing(answers)[:3],
        _canonicals_not_served(answers)[:5],
    )


def _resources(answers: dict[str, dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for body in answers.values():
        yield body
        for one in body.get("entry", []):
            yield one["resource"]


def _observations_saying_nothing(answers: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Observations with no value, no components, no members and no `dataAbsentReason`:
    an empty panel says nothing at all."""
    return [
        resource
        for resource in _resources(answers)
        if resource["resourceType"] == "Observation"
        and not any(
            k.startswith("value") or k in ("component", "hasMember", "dataAbsentReason")
            for k in resource
        )
    ]


def _canonicals(node: Any) -> Iterator[str]:
    if isinstance(node, list):
        for item in node:
            yield from _canonicals(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key.endswith("Canonical"):
                yield from value if isinstance(value, list) else [value]
            else:
                yield from _canonicals(value)


def _canonicals_not_served(answers: dict[str, dict[str, Any]]) -> list[str]:
    """The canonicals naming Medius' definitions that do not pin a version (`url|version`:
    what a CarePlan or PlanDefinition means depends on the definition's version) the base
    serves."""
    served = {
        f"{r['url']}|{r['version']}"
        for r in _resources(answers)
        if r["resourceType"] in ("ActivityDefinition", "PlanDefinition")
    }
    named = {c for body in answers.values() for c in _canonicals(body)}
    ours = {c for c in named if c.startswith(codes.MEDIUS_FHIR)}
    assert ours, "the scenario names no Medius definition"
    return sorted(ours - served)
