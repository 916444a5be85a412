"""A FHIR base a generic client can navigate (issue #23 item 2), on both databases: every
reference and `fullUrl` of the export resolves on both bases, `/metadata` declares what is
served and the searches honour it (`_id`, `url|version`, `_count` with paging links,
`Prefer: handling=strict`), reads carry versioned ETags, content negotiation follows
http.html, each resource has a narrative, plan weeks are bounded in time, and Medius'
extensions and code systems resolve at the base."""

from __future__ import annotations

import asyncio
import re
import uuid
from collections.abc import Iterator
from datetime import datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

import httpx

from app.exports.fhir import codes
from tests.exports.fhir import reading
from tests.exports.fhir.test_fhir_export import BASE, FHIR, FHIR_JSON, _alice_logs, outcome_of
from tests.factories import (
    SignedIn,
    care_team,
    routine_payload,
    session_payload,
    signed_in_user,
    unique_email,
)

ROOT = Path(__file__).resolve().parents[3]
PUBLIC = "http://127.0.0.1:8000"
STRICT = {"Prefer": "handling=strict"}


def _walk(value: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object inside `value`, depth first."""
    if isinstance(value, dict):
        yield value
        for inner in value.values():
            yield from _walk(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _walk(inner)


def _extension_urls(value: Any) -> Iterator[str]:
    """The url of every extension (and sub-extension) inside `value`."""
    for found in _walk(value):
        for extension in found.get("extension", []):
            yield extension["url"]


def _references(resource: dict[str, Any]) -> set[str]:
    return {o["reference"] for o in _walk(resource) if isinstance(o.get("reference"), str)}


def _local(url: str) -> str:
    return url.removeprefix(PUBLIC)


async def _resolves_everything(
    client: httpx.AsyncClient, bundle: dict[str, Any], base: str, headers: dict[str, str]
) -> int:
    """Each entry's fullUrl and each reference it holds answer 200 with that very resource
    (the bundle's copy); how many distinct addresses were read."""
    by_address = {e["fullUrl"]: e["resource"] for e in bundle["entry"]}
    wanted = set(by_address)
    for entry in bundle["entry"]:
        wanted |= {f"{base}/{ref}" for ref in _references(entry["resource"])}
    for address in sorted(wanted):
        answer = await client.get(_local(address), headers=headers)
        assert answer.status_code == 200, f"{address}: {answer.text}"
        resource = answer.json()
        reading.validated(resource)
        assert answer.headers["etag"] == f'W/"{resource["meta"]["versionId"]}"', address
        if address in by_address:
            assert resource == by_address[address], address
    return len(wanted)


async def test_every_full_url_and_reference_of_the_export_resolves_at_the_patients_base(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    await _alice_logs(client, alice)
    bundle = (
        await client.get(f"{FHIR}/Patient/{alice.id}/$everything", headers=alice.headers)
    ).json()
    kinds = {e["resource"]["resourceType"] for e in bundle["entry"]}
    assert kinds == {"Patient", "CarePlan", "Observation"}
    read = await _resolves_everything(client, bundle, BASE, alice.headers)
    assert read == bundle["total"]  # every reference names an entry of the bundle


async def test_every_reference_resolves_at_a_clinics_base_and_each_read_is_logged_once(
    client: httpx.AsyncClient,
) -> None:
    team = await care_team(client)
    prescribed = await client.post(
        team.patient_path("/routines"),
        json={"routine": routine_payload()},
        headers=team.clinician.headers,
    )
    assert prescribed.status_code == 201, prescribed.text
    body = session_payload(routine_id=prescribed.json()["id"])
    made = await client.post("/api/v1/sessions", json=body, headers=team.patient.headers)
    assert made.status_code == 201, made.text
    assigned = await client.post(
        team.patient_path("/measures"),
        json={"instrument_id": "night-pain", "schedule": {"at_start": True}},
        headers=team.clinician.headers,
    )
    answers = [
        await client.post(
            "/api/v1/me/measures/answers",
            json={
                "id": str(uuid.uuid4()),
                "assignment_id": assigned.json()["id"],
                "answers": {"rating": rating},
            },
            headers=team.patient.headers,
        )
        for rating in (6, 4)
    ]
    base = f"/api/v1/clinics/{team.clinic_id}/fhir"
    bundle = (
        await client.get(
            f"{base}/Patient/{team.patient.id}/$everything", headers=team.clinician.headers
        )
    ).json()
    log = "/api/v1/me/access-log?limit=100"
    before = (await client.get(log, headers=team.patient.headers)).json()["items"]
    read = await _resolves_everything(client, bundle, PUBLIC + base, team.clinician.headers)
    after = (await client.get(log, headers=team.patient.headers)).json()["items"]
    assert len(after) - len(before) == read
    logged = {e["resource"] for e in after[: len(after) - len(before)]}
    assert f"fhir:Patient/{team.patient.id}" in logged
    assert f"fhir:Observation/{made.json()['id']}" in logged
    # The measures: each answer's QuestionnaireResponse and score Observation, read back
    kinds = {e["resource"]["resourceType"] for e in bundle["entry"]}
    assert "QuestionnaireResponse" in kinds
    for answer in answers:
        assert f"fhir:QuestionnaireResponse/{answer.json()['id']}" in logged
        assert f"fhir:Observation/{answer.json()['id']}" in logged
    # Not the clinic's patient for a colleague: 404 as an unknown id, nothing logged.
    outcome_of(
        await client.get(f"{base}/Patient/{team.patient.id}", headers=team.colleague.headers),
        404,
        "not-found",
    )


async def test_reads_carry_versioned_etags_and_answer_304_until_the_record_changes(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    made = await client.post("/api/v1/sessions", json=session_payload(), headers=alice.headers)
    session_id = made.json()["id"]
    first = await client.get(f"{FHIR}/Observation/{session_id}", headers=alice.headers)
    assert first.status_code == 200, first.text
    assert first.headers["etag"] == 'W/"1"'
    assert first.json()["meta"]["versionId"] == "1"
    assert first.json()["meta"]["lastUpdated"].endswith("Z")
    same = await client.get(
        f"{FHIR}/Observation/{session_id}",
        headers={**alice.headers, "If-None-Match": first.headers["etag"]},
    )
    assert same.status_code == 304
    assert same.content == b""
    changed = await client.patch(
        f"/api/v1/sessions/{session_id}",
        json={"notes": "changed"},
        headers={**alice.headers, "If-Match": made.headers["etag"]},
    )
    assert changed.status_code == 200, changed.text
    again = await client.get(
        f"{FHIR}/Observation/{session_id}",
        headers={**alice.headers, "If-None-Match": first.headers["etag"]},
    )
    assert again.status_code == 200
    assert again.headers["etag"] == 'W/"2"'
    for path in (f"Patient/{alice.id}", "ActivityDefinition/clamshell", "CodeSystem/band-level"):
        one = await client.get(f"{FHIR}/{path}", headers=alice.headers)
        assert re.fullmatch(r'W/"\d+"', one.headers["etag"]), path
        assert one.headers["etag"] == f'W/"{one.json()["meta"]["versionId"]}"'
        cached = await client.get(
            f"{FHIR}/{path}", headers={**alice.headers, "If-None-Match": one.headers["etag"]}
        )
        assert cached.status_code == 304, path


async def test_malformed_ids_are_404_on_every_read(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    for path in (
        "Patient/not-a-uuid",
        "Patient/a!b",
        "Observation/x" * 3,
        f"Observation/{alice.id}.short",
        f"Patient/{str(alice.id).upper()}",  # ids are case-sensitive: another, unknown id
        f"Patient/{alice.id.hex}",
        "CarePlan/" + "x" * 70,
        "PlanDefinition/%24bad",
        "ActivityDefinition/a%00b",
        "StructureDefinition/no-such-extension",
        "CodeSystem/no-such-system",
    ):
        answer = await client.get(f"{FHIR}/{path}", headers=alice.headers)
        outcome_of(answer, 404, "not-found")


# --- what /metadata declares, and the searches ---------------------------------------------


async def test_metadata_declares_each_resources_interactions_and_search_parameters(
    client: httpx.AsyncClient,
) -> None:
    statement = (await client.get(f"{FHIR}/metadata")).json()
    reading.validated(statement)
    assert statement["text"]["status"] == "generated"
    served = {r["type"]: r for r in statement["rest"][0]["resource"]}
    for kind in ("ActivityDefinition", "PlanDefinition", "StructureDefinition", "CodeSystem"):
        resource = served[kind]
        assert [i["code"] for i in resource["interaction"]] == ["read", "search-type"]
        assert {p["name"] for p in resource["searchParam"]} == {"_id", "url", "_count", "_summary"}
        searched = await client.get(f"{FHIR}/{kind}")
        assert searched.status_code == 200, kind
        assert searched.json()["total"] >= 1
        one = searched.json()["entry"][0]["resource"]
        assert (await client.get(f"{FHIR}/{kind}/{one['id']}")).json() == one
    for kind in ("Patient", "CarePlan", "Observation"):
        assert [i["code"] for i in served[kind]["interaction"]] == ["read"]
        assert served[kind]["versioning"] == "versioned"
    assert served["Patient"]["operation"][0]["name"] == "everything"


async def test_count_never_returns_more_than_asked_and_the_links_page_through_all(
    client: httpx.AsyncClient,
) -> None:
    everything = (await client.get(f"{FHIR}/ActivityDefinition")).json()
    all_ids = [e["resource"]["id"] for e in everything["entry"]]
    assert len(all_ids) > 5
    seen: list[str] = []
    url: str | None = f"{FHIR}/ActivityDefinition?_count=2"
    pages = 0
    while url is not None:
        page = (await client.get(url)).json()
        assert len(page["entry"]) <= 2
        assert page["total"] == len(all_ids)
        seen += [e["resource"]["id"] for e in page["entry"]]
        links = {link["relation"]: link["url"] for link in page["link"]}
        assert links["first"].startswith(BASE)
        url = _local(links["next"]) if "next" in links else None
        pages += 1
    assert seen == all_ids
    assert pages == (len(all_ids) + 1) // 2
    counted = (await client.get(f"{FHIR}/ActivityDefinition?_count=0")).json()
    assert counted["total"] == len(all_ids) and "entry" not in counted
    summary = (await client.get(f"{FHIR}/CodeSystem?_summary=count", headers=STRICT)).json()
    assert summary["total"] == len((await client.get(f"{FHIR}/CodeSystem")).json()["entry"])
    assert "entry" not in summary  # FHIR JSON has no empty arrays
    assert summary["link"][0]["url"] == f"{BASE}/CodeSystem?_summary=count"
    whole = (await client.get(f"{FHIR}/ActivityDefinition?_summary=true")).json()
    assert whole["entry"] == everything["entry"]
    outcome_of(await client.get(f"{FHIR}/ActivityDefinition?_count=-1"), 422, "invalid")


async def test_id_and_canonical_url_with_its_version_select_definitions(
    client: httpx.AsyncClient,
) -> None:
    by_id = (await client.get(f"{FHIR}/ActivityDefinition?_id=clamshell,monster-walk")).json()
    assert {e["resource"]["id"] for e in by_id["entry"]} == {"clamshell", "monster-walk"}
    canonical = "https://medius.dev/fhir/ActivityDefinition/clamshell"
    found = (await client.get(f"{FHIR}/ActivityDefinition", params={"url": canonical})).json()
    assert [e["resource"]["id"] for e in found["entry"]] == ["clamshell"]
    version = found["entry"][0]["resource"]["version"]
    pinned = await client.get(
        f"{FHIR}/ActivityDefinition", params={"url": f"{canonical}|{version}"}
    )
    assert pinned.json()["total"] == 1
    assert found["link"][0]["url"] == f"{BASE}/ActivityDefinition?url=" + canonical.replace(
        ":", "%3A"
    ).replace("/", "%2F")
    other = await client.get(f"{FHIR}/ActivityDefinition", params={"url": f"{canonical}|999"})
    assert other.json()["total"] == 0
    extension = await client.get(
        f"{FHIR}/StructureDefinition", params={"url": f"{codes.DOSAGE_EXTENSION}|1"}
    )
    assert [e["resource"]["id"] for e in extension.json()["entry"]] == ["exercise-dosage"]


async def test_unknown_parameters_are_ignored_unless_handling_is_strict(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    lenient = await client.get(f"{FHIR}/ActivityDefinition?_sort=title&_count=1")
    assert lenient.status_code == 200
    assert len(lenient.json()["entry"]) == 1
    assert "_sort" not in lenient.json()["link"][0]["url"]  # self names what was applied
    # The lenient answer is now in the catalog cache: strict handling is still refused.
    strict = await client.get(f"{FHIR}/ActivityDefinition?_sort=title&_count=1", headers=STRICT)
    body = outcome_of(strict, 400, "not-supported")
    assert "_sort" in body["issue"][0]["diagnostics"]
    supported = await client.get(f"{FHIR}/ActivityDefinition?_count=1&_format=json", headers=STRICT)
    assert supported.status_code == 200
    outcome_of(
        await client.get(
            f"{FHIR}/Patient/{alice.id}?_elements=id", headers={**alice.headers, **STRICT}
        ),
        400,
        "not-supported",
    )


async def test_everything_pages_by_count_by_get_and_by_post(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    await _alice_logs(client, alice)
    path = f"{FHIR}/Patient/{alice.id}/$everything"
    whole = (await client.get(path, headers=alice.headers)).json()
    page = (await client.get(f"{path}?_count=3", headers=alice.headers)).json()
    assert [e["fullUrl"] for e in page["entry"]] == [e["fullUrl"] for e in whole["entry"][:3]]
    assert page["total"] == whole["total"]
    posted = await client.post(
        path,
        json={"resourceType": "Parameters", "parameter": [{"name": "_count", "valueInteger": 3}]},
        headers={**alice.headers, "Content-Type": FHIR_JSON},
    )
    assert posted.status_code == 200, posted.text
    assert [e["fullUrl"] for e in posted.json()["entry"]] == [e["fullUrl"] for e in page["entry"]]
    bare = await client.post(path, headers=alice.headers)
    assert bare.json()["total"] == whole["total"] == len(bare.json()["entry"])
    odd = {"resourceType": "Parameters", "parameter": [{"name": "start", "valueDate": "2026"}]}
    assert (await client.post(path, json=odd, headers=alice.headers)).status_code == 200
    outcome_of(
        await client.post(path, json=odd, headers={**alice.headers, **STRICT}), 422, "invalid"
    )
    outcome_of(
        await client.post(path, json={"resourceType": "Patient"}, headers=alice.headers),
        422,
        "invalid",
    )


# --- content negotiation -------------------------------------------------------------------


async def test_format_and_accept_choose_the_media_type_as_http_html_says(
    client: httpx.AsyncClient,
) -> None:
    url = f"{FHIR}/ActivityDefinition/clamshell"
    for fmt, media in (
        ("json", FHIR_JSON),
        (FHIR_JSON, FHIR_JSON),
        ("application/json", "application/json"),
        (f"{FHIR_JSON};fhirVersion=4.3", FHIR_JSON),
    ):
        answer = await client.get(url, params={"_format": fmt}, headers={"Accept": "text/html"})
        assert answer.status_code == 200, fmt
        assert answer.headers["content-type"] == media, fmt
        assert "Accept" in answer.headers["vary"]
    for fmt in ("xml", "application/fhir+xml", "ttl", f"{FHIR_JSON};fhirVersion=4.0"):
        outcome_of(await client.get(url, params={"_format": fmt}), 406, "not-supported")
    for accept, media in (
        ("application/json", "application/json"),
        (f"{FHIR_JSON};q=0, application/json", "application/json"),
        (f"application/json;q=0.4, {FHIR_JSON};q=0.8", FHIR_JSON),
        (f"{FHIR_JSON}; fhirVersion=4.3", FHIR_JSON),
    ):
        answer = await client.get(url, headers={"Accept": accept})
        assert answer.status_code == 200, accept
        assert answer.headers["content-type"] == media, accept
    for accept in (f"{FHIR_JSON};q=0", f"{FHIR_JSON}; fhirVersion=4.0", "application/fhir+xml"):
        outcome_of(await client.get(url, headers={"Accept": accept}), 406, "not-supported")
    missing = await client.get(
        f"{FHIR}/ActivityDefinition/nope", headers={"Accept": "application/json"}
    )
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/json"


# --- narrative, plan weeks, Medius' definitions ----------------------------------------------


async def test_every_resource_has_an_escaped_generated_narrative(
    client: httpx.AsyncClient,
) -> None:
    marked = await signed_in_user(client, unique_email("marked"), display_name='Al <b>& "Co"</b>')
    await _alice_logs(client, marked)
    bundle = (
        await client.get(f"{FHIR}/Patient/{marked.id}/$everything", headers=marked.headers)
    ).json()
    resources = [e["resource"] for e in bundle["entry"]]
    for kind in ("ActivityDefinition", "PlanDefinition", "StructureDefinition", "CodeSystem"):
        resources += [e["resource"] for e in (await client.get(f"{FHIR}/{kind}")).json()["entry"]]
    for resource in resources:
        text = resource["text"]
        assert text["status"] == "generated"
        assert text["div"].startswith('<div xmlns="http://www.w3.org/1999/xhtml">')
        assert re.sub(r"<[^>]+>", "", text["div"]).strip(), resource["id"]
    patient = resources[0]
    assert "Al &lt;b&gt;&amp; &quot;Co&quot;&lt;/b&gt;" in patient["text"]["div"]
    assert "<b>&" not in patient["text"]["div"]


async def test_each_plan_week_is_bounded_so_no_two_weeks_dosages_overlap(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    built = await client.post(
        "/api/v1/routine-builder",
        json={"level": "beginner", "minutes": 15, "equipment": [], "weeks": 4, "save": True},
        headers=alice.headers,
    )
    assert built.status_code == 200, built.text
    plan = (
        await client.get(f"{FHIR}/CarePlan/{built.json()['routine_id']}", headers=alice.headers)
    ).json()
    reading.validated(plan)
    by_exercise: dict[str, list[tuple[datetime, datetime | None]]] = {}
    for activity in plan["activity"]:
        detail = activity["detail"]
        bounds = detail["scheduledTiming"]["repeat"]["boundsPeriod"]
        end = datetime.fromisoformat(bounds["end"]) if "end" in bounds else None
        slug = detail["code"]["coding"][0]["code"]
        by_exercise.setdefault(slug, []).append((datetime.fromisoformat(bounds["start"]), end))
    assert plan["period"]["start"] == min(
        a["detail"]["scheduledTiming"]["repeat"]["boundsPeriod"]["start"] for a in plan["activity"]
    )
    for slug, periods in by_exercise.items():
        periods.sort(key=lambda period: period[0])
        for (_start, end), (next_start, _end) in pairwise(periods):
            assert end is not None and end <= next_start, slug
    open_ended = [p for periods in by_exercise.values() for p in periods if p[1] is None]
    assert open_ended, "the last week carries on"


async def test_every_medius_extension_and_code_the_export_writes_resolves_at_the_base(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    await _alice_logs(client, alice)
    exported: list[Any] = [
        (await client.get(f"{FHIR}/Patient/{alice.id}/$everything", headers=alice.headers)).json()
    ]
    for kind in ("ActivityDefinition", "PlanDefinition"):
        exported.append((await client.get(f"{FHIR}/{kind}")).json())
    extensions = {url for url in _extension_urls(exported) if url.startswith(codes.EXTENSION)}
    codings = {
        (o["system"], o["code"])
        for o in _walk(exported)
        if "code" in o and str(o.get("system", "")).startswith(codes.CODE_SYSTEM)
    }
    assert {codes.DOSAGE_EXTENSION, codes.SET_NUMBER_EXTENSION} <= extensions
    assert len({system for system, _code in codings}) >= 5
    for url in extensions:
        found = (await client.get(f"{FHIR}/StructureDefinition", params={"url": url})).json()
        assert found["total"] == 1, url
        definition = found["entry"][0]["resource"]
        reading.validated(definition)
        assert definition["url"] == url
    systems: dict[str, set[str]] = {}
    for system, _code in codings:
        if system not in systems:
            found = (await client.get(f"{FHIR}/CodeSystem", params={"url": system})).json()
            assert found["total"] == 1, system
            code_system = found["entry"][0]["resource"]
            reading.validated(code_system)
            systems[system] = {c["code"] for c in code_system["concept"]}
    missing = sorted((s, c) for s, c in codings if c not in systems[s])
    assert not missing, f"codes the export writes that no served CodeSystem defines: {missing}"


async def test_the_docs_list_the_interactions_and_search_parameters_metadata_declares(
    client: httpx.AsyncClient,
) -> None:
    page = (ROOT / "docs" / "guides" / "integrations" / "fhir.md").read_text(encoding="utf-8")
    section = page.split("<!-- served: checked against /metadata -->", 2)[1]
    rows = re.findall(r"^\| `(\w+)` \| ([^|]+) \| ([^|]+) \| ([^|]+) \|$", section, re.MULTILINE)
    for base, path in (("own", f"{FHIR}/metadata"), ("clinic", "/api/v1/clinics/{}/fhir/metadata")):
        statement = (await client.get(path.format("0" * 8 + "-0000-0000-0000-" + "0" * 12))).json()
        declared = {
            r["type"]: (
                ", ".join(
                    [i["code"] for i in r.get("interaction", [])]
                    + [f"${o['name']}" for o in r.get("operation", [])]
                ),
                ", ".join(f"`{p['name']}`" for p in r.get("searchParam", [])) or "none",
            )
            for r in statement["rest"][0]["resource"]
        }
        documented = {
            kind: (interactions.strip(), params.strip())
            for kind, interactions, params, bases in rows
            if base in bases
        }
        assert documented == declared, base


# --- as an outsider --------------------------------------------------------------------------


async def test_another_users_resources_are_an_unknown_ids_404_and_nothing_of_them_leaks(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    await _alice_logs(client, alice)
    bundle = (
        await client.get(f"{FHIR}/Patient/{alice.id}/$everything", headers=alice.headers)
    ).json()
    stranger = "0" * 8 + "-0000-4000-8000-" + "0" * 12
    for entry in bundle["entry"]:
        kind, key = entry["resource"]["resourceType"], entry["resource"]["id"]
        theirs = await client.get(f"{FHIR}/{kind}/{key}", headers=bob.headers)
        unknown = await client.get(f"{FHIR}/{kind}/{stranger}", headers=bob.headers)
        outcome_of(theirs, 404, "not-found")
        assert theirs.text.replace(key, stranger) == unknown.text, kind
        assert "etag" not in theirs.headers
        outcome_of(await client.get(f"{FHIR}/{kind}/{key}"), 401, "login")
    outcome_of(
        await client.get(f"{FHIR}/Patient/{alice.id}/$everything", headers=bob.headers),
        404,
        "not-found",
    )


async def test_sixteen_identical_reads_at_once_answer_alike_and_are_each_logged_once(
    client: httpx.AsyncClient,
) -> None:
    team = await care_team(client)
    made = await client.post(
        "/api/v1/sessions", json=session_payload(), headers=team.patient.headers
    )
    path = f"/api/v1/clinics/{team.clinic_id}/fhir/Observation/{made.json()['id']}"
    log = "/api/v1/me/access-log?limit=100"
    before = (await client.get(log, headers=team.patient.headers)).json()["items"]
    answers = await asyncio.gather(
        *(client.get(path, headers=team.clinician.headers) for _ in range(16))
    )
    assert {a.status_code for a in answers} == {200}
    assert len({a.content for a in answers}) == len({a.headers["etag"] for a in answers}) == 1
    after = (await client.get(log, headers=team.patient.headers)).json()["items"]
    assert len(after) - len(before) == 16


async def test_control_characters_and_huge_counts_are_a_clear_answer_never_a_500(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    everything = f"{FHIR}/Patient/{alice.id}/$everything"
    for url in (
        f"{FHIR}/ActivityDefinition?_id=a%00b",
        f"{FHIR}/CodeSystem?url=x%7C%00",
        f"{FHIR}/StructureDefinition?_count=%00",
        f"{everything}?_count=1%00",
    ):
        outcome_of(await client.get(url, headers=alice.headers), 422, "invalid")
    outcome_of(await client.get(f"{FHIR}/ActivityDefinition?_format=%00"), 406, "not-supported")
    everyone = (await client.get(f"{FHIR}/ActivityDefinition")).json()
    huge = await client.get(f"{FHIR}/ActivityDefinition?_count=" + "9" * 30)
    assert huge.status_code == 200
    assert huge.json()["entry"] == everyone["entry"]
    assert "next" not in {link["relation"] for link in huge.json()["link"]}
    posted = await client.post(
        everything,
        json={
            "resourceType": "Parameters",
            "parameter": [{"name": "_count", "valueInteger": 10**20}],
        },
        headers=alice.headers,
    )
    assert posted.status_code == 200, posted.text
    assert len(posted.json()["entry"]) == posted.json()["total"]


async def test_if_none_match_answers_304_for_any_matching_tag_as_rfc_9110_compares(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    made = await client.post("/api/v1/sessions", json=session_payload(), headers=alice.headers)
    url = f"{FHIR}/Observation/{made.json()['id']}"
    for tag, status in (
        ("*", 304),
        ('W/"1"', 304),
        ('"1"', 304),  # weak comparison: the opaque tags match
        ('W/"0", W/"1"', 304),
        ('W/"1" , W/"9"', 304),
        ('W/"2"', 200),
        ("garbage", 200),
        ('""', 200),
        ('W/"1"x', 200),
    ):
        answer = await client.get(url, headers={**alice.headers, "If-None-Match": tag})
        assert answer.status_code == status, tag
        assert answer.headers["etag"] == 'W/"1"', tag
