"""The rules every domain shares, checked across all of them at once.

- Every successful answer says how it may be cached: the catalog's reads `public`, all
  else `private, no-store` (204s included), through `app.core.responses.respond`.
- Another user's routine, session or self-check is 404 on every operation that names
  it, and naming it from another record (a session's or a report's `routine_id`) is 422.
- Every conditional write is 428 without `If-Match` and 412 with a stale one, and then
  leaves the record as it was (`app.core.caching.conditional_write`).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from app.training.routines import examples as routine_examples
from app.training.self_checks import examples as assessment_examples
from tests.factories import (
    ALL_SCOPES,
    SignedIn,
    entry,
    exercise_payload,
    routine_payload,
    session_payload,
    signed_in_user,
    unique_email,
)
from tests.test_authorization import PUBLIC_OPERATIONS

API = "/api/v1"
PRIVATE = "private, no-store"
PUBLIC = re.compile(r"^public, max-age=\d+$")
# The public reads of the catalog: anyone's, and cacheable by anyone.
# Public reads that serve one user's data behind a credential in the path or query: public,
# yet kept by no cache.
SHARED = ("GET", f"{API}/shared/{{token}}")  # a share link: not even the browser keeps it
PRIVATE_PUBLIC_READS = {SHARED, ("GET", f"{API}/me/calendar.ics")}
CATALOG_READS = {
    op for op in PUBLIC_OPERATIONS if op[0] == "GET" and op[1].startswith(API)
} - PRIVATE_PUBLIC_READS


async def _operations(client: httpx.AsyncClient) -> dict[tuple[str, str], re.Pattern[str]]:
    """Every operation of the OpenAPI document, with a pattern matching its concrete paths."""
    spec = (await client.get("/openapi.json")).json()
    return {
        (method.upper(), path): re.compile(
            "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path)) + "$"
        )
        for path, item in spec["paths"].items()
        for method in item
        if method in {"get", "post", "put", "patch", "delete"}
    }


async def test_every_successful_answer_says_how_it_may_be_cached(
    client: httpx.AsyncClient, alice: SignedIn, admin: SignedIn
) -> None:
    answered: list[httpx.Response] = []

    async def call(method: str, path: str, user: SignedIn | None = None, **kw: Any) -> Any:
        headers = {**(user.headers if user else {}), **kw.pop("headers", {})}
        response = await client.request(method, path, headers=headers, **kw)
        assert response.is_success, (method, path, response.status_code, response.text)
        answered.append(response)
        return response

    async def write(method: str, path: str, user: SignedIn, etag: str, **kw: Any) -> Any:
        return await call(method, path, user, headers={"If-Match": etag}, **kw)

    a = alice
    # The catalog and the service's own routes.
    for path in ("/healthz", "/readyz", f"{API}/catalog", f"{API}/equipment"):
        await call("GET", path)
    await call("GET", f"{API}/exercises")
    await call("GET", f"{API}/exercises/clamshell")
    await call("GET", f"{API}/muscles")
    await call("GET", f"{API}/muscles/gluteus-medius")
    fhir = f"{API}/fhir"
    await call("GET", f"{fhir}/metadata")
    await call("GET", f"{API}/clinics/{uuid.uuid4()}/fhir/metadata")
    await call("GET", f"{fhir}/ActivityDefinition")
    await call("GET", f"{fhir}/ActivityDefinition/clamshell")
    plans = await call("GET", f"{fhir}/PlanDefinition")
    await call("GET", f"{fhir}/PlanDefinition/{plans.json()['entry'][0]['resource']['id']}")
    await call("GET", f"{fhir}/StructureDefinition")
    await call("GET", f"{fhir}/StructureDefinition/exercise-dosage")
    await call("GET", f"{fhir}/CodeSystem")
    await call("GET", f"{fhir}/CodeSystem/band-level")
    # Admin writes, the DELETE included.
    slug = f"rules-{uuid.uuid4().hex[:8]}"
    made = await call("POST", f"{API}/exercises", admin, json=exercise_payload(slug=slug))
    changed = await write(
        "PATCH", f"{API}/exercises/{slug}", admin, made.headers["etag"], json={"name": "Renamed"}
    )
    await write("DELETE", f"{API}/exercises/{slug}", admin, changed.headers["etag"])
    # Auth and profile.
    await call(
        "POST", f"{API}/auth/register", json={"email": unique_email(), "password": a.password}
    )
    tokens = (
        await call("POST", f"{API}/auth/token", data={"username": a.email, "password": a.password})
    ).json()
    tokens = (
        await call("POST", f"{API}/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    ).json()
    await call("POST", f"{API}/auth/logout", json={"refresh_token": tokens["refresh_token"]})
    me = await call("GET", f"{API}/me", a)
    await write("PATCH", f"{API}/me", a, me.headers["etag"], json={"units": "imperial"})
    # Routines and the builder.
    routine = await call("POST", f"{API}/routines", a, json=routine_payload())
    rid = routine.json()["id"]
    await call("GET", f"{API}/routines", a)
    await call("GET", f"{API}/routines/{rid}", a)
    await call("GET", f"{API}/routines/{rid}/timeline", a)
    await call("GET", f"{API}/routines/{rid}/handout", a, headers={"Accept": "text/html"})
    copy = await call("POST", f"{API}/routines/{rid}/copy", a)
    await call("GET", f"{API}/routines/{rid}/versions", a)
    await call("GET", f"{API}/routines/{rid}/versions/1", a)
    link = await call("POST", f"{API}/me/share-links", a, json={"kind": "progress"})
    await call("GET", f"{API}/me/share-links", a)
    await call("GET", f"{API}/shared/{link.json()['token']}", headers={"Accept": "*/*"})
    await call("DELETE", f"{API}/me/share-links/{link.json()['id']}", a)
    patched = await write(
        "PATCH", f"{API}/routines/{rid}", a, routine.headers["etag"], json={"name": "Evening"}
    )
    await call("POST", f"{API}/routine-builder", a, json=routine_examples.builder_request())
    await call("GET", f"{fhir}/CarePlan/{rid}", a)
    await call("GET", f"{fhir}/Patient/{a.id}/$everything", a)
    await call("POST", f"{fhir}/Patient/{a.id}/$everything", a)
    await call("GET", f"{fhir}/Patient/{a.id}", a)
    # Sessions.
    logged = await call("POST", f"{API}/sessions", a, json=session_payload(routine_id=rid))
    sid = logged.json()["id"]
    await call("POST", f"{API}/sessions", a, json=session_payload(id=sid, routine_id=rid))  # 200
    await call("GET", f"{API}/sessions", a)
    await call("GET", f"{API}/sessions/export", a)
    got = await call("GET", f"{API}/sessions/{sid}", a)
    got = await write(
        "PATCH", f"{API}/sessions/{sid}", a, got.headers["etag"], json={"notes": "felt good"}
    )
    got = await write(
        "PUT", f"{API}/sessions/{sid}/entries", a, got.headers["etag"], json={"entries": [entry()]}
    )
    got = await write(
        "POST",
        f"{API}/sessions/{sid}/entries",
        a,
        got.headers["etag"],
        json={"entries": [entry(set_number=2)]},
    )
    await call("GET", f"{API}/sessions/{sid}/comments", a)
    await call("GET", f"{API}/me/report", a, headers={"Accept": "application/pdf"})
    # The care team: a clinic, its members, consent, the clinician's reads and writes, the log.
    owner = await signed_in_user(client, unique_email("owner"))
    doc = await signed_in_user(client, unique_email("doc"), display_name="Dr Rules")
    clinic = await call("POST", f"{API}/clinics", owner, json={"name": "Rules Clinic"})
    cid = clinic.json()["id"]
    await call("GET", f"{API}/clinics", owner)
    read = await call("GET", f"{API}/clinics/{cid}", owner)
    await write("PATCH", f"{API}/clinics/{cid}", owner, read.headers["etag"], json={"name": "R"})
    invited = await call("POST", f"{API}/clinics/{cid}/invitations", owner, json={})
    code = {"code": invited.json()["code"]}
    await call("POST", f"{API}/clinic-invitations/accept", doc, json=code)
    await call("GET", f"{API}/clinics/{cid}/members", owner)
    await call("GET", f"{API}/clinics/{cid}/invitations", owner)
    spare = await call("POST", f"{API}/clinics/{cid}/invitations", owner, json={})
    await call("DELETE", f"{API}/clinics/{cid}/invitations/{spare.json()['id']}", owner)
    spare = await call(
        "POST", f"{API}/clinics/{cid}/care-invitations", doc, json={"scopes": ALL_SCOPES}
    )
    await call("GET", f"{API}/clinics/{cid}/care-invitations", doc)
    await call("DELETE", f"{API}/clinics/{cid}/care-invitations/{spare.json()['id']}", doc)
    asked = await call(
        "POST", f"{API}/clinics/{cid}/care-invitations", doc, json={"scopes": ALL_SCOPES}
    )
    code = {"code": asked.json()["code"]}
    await call("POST", f"{API}/me/care-invitations/preview", a, json=code)
    relationship = (await call("POST", f"{API}/me/care-relationships", a, json=code)).json()
    await call("GET", f"{API}/me/care-relationships", a)
    await call("GET", f"{API}/clinics/{cid}/patients", doc)
    patient = f"{API}/clinics/{cid}/patients/{a.id}"
    for tail in ("/sessions", "/progress", "/assessments", "/routines"):
        await call("GET", patient + tail, doc)
    await call("GET", patient + "/report", doc, headers={"Accept": "text/html"})
    prescribed = await call("POST", patient + "/routines", doc, json={"routine": routine_payload()})
    one = f"{patient}/routines/{prescribed.json()['id']}"
    read = await call("GET", one, doc)
    await write("PATCH", one, doc, read.headers["etag"], json={"notes": "week 2"})
    await call("GET", one + "/versions", doc)
    await call("GET", patient + "/deleted-prescriptions", doc)
    clinic_fhir = f"{API}/clinics/{cid}/fhir"
    # A clinic reads its own prescriptions as CarePlans (the patient's own routine is 404).
    await call("GET", f"{clinic_fhir}/CarePlan/{prescribed.json()['id']}", doc)
    await call("GET", f"{clinic_fhir}/Patient/{a.id}/$everything", doc)
    await call("POST", f"{clinic_fhir}/Patient/{a.id}/$everything", doc)
    await call("GET", f"{clinic_fhir}/Patient/{a.id}", doc)
    await call("GET", f"{clinic_fhir}/Observation/{sid}", doc)
    await call("GET", f"{fhir}/Observation/{sid}", a)
    # Outcome measures: the instruments, assignments, answers and their correction, the reads.
    for path in (
        "/instruments",
        "/instruments/psfs",
        "/fhir/Questionnaire",
        "/fhir/Questionnaire/psfs",
    ):
        await call("GET", API + path)
    measures = patient + "/measures"
    night, strength = [
        (await call("POST", measures, doc, json={"instrument_id": i, "schedule": {}})).json()
        for i in ("night-pain", "hip-abduction-strength")
    ]
    measured = {"side": "left", "force": 100, "unit": "N"}
    body = {"id": str(uuid.uuid4()), "assignment_id": strength["id"], "answers": measured}
    await call("POST", measures + "/answers", doc, json=body)
    await call("GET", f"{API}/me/measures/due", a)
    body = {"id": str(uuid.uuid4()), "assignment_id": night["id"], "answers": {"rating": 5}}
    mine = f"{API}/me/measures/answers/{body['id']}"
    await call("POST", f"{API}/me/measures/answers", a, json=body)
    await call("GET", f"{API}/me/measures/answers", a)
    read = await call("GET", mine, a)
    await write("PUT", mine, a, read.headers["etag"], json={"answers": {"rating": 4}})
    await call("GET", f"{API}/me/measures/results", a)
    await call("GET", measures, doc)
    await call("GET", measures + "/answers", doc)
    await call("GET", f"{clinic_fhir}/QuestionnaireResponse/{body['id']}", doc)
    await call("GET", f"{fhir}/QuestionnaireResponse/{body['id']}", a)
    await call("GET", f"{patient}/sessions/{sid}/comments", doc)
    await call("POST", f"{patient}/sessions/{sid}/comments", doc, json={"body": "ok"})
    painful = {**assessment_examples.check(), "pain": 6}
    assert (await client.post(f"{API}/me/assessments", json=painful, headers=a.headers)).is_success
    alert = (await call("GET", f"{patient}/alerts", doc)).json()["items"][0]
    await call("POST", f"{patient}/alerts/{alert['id']}/acknowledge", doc, json={"note": "seen"})
    await call("GET", f"{API}/me/access-log", a)
    await call("DELETE", f"{API}/me/care-relationships/{relationship['id']}", a)
    member = f"{API}/clinics/{cid}/members/{doc.id}"
    await call("PATCH", member, owner, json={"role": "owner"})
    await call("DELETE", member, doc)
    await write("DELETE", f"{API}/sessions/{sid}", a, got.headers["etag"])
    await write("DELETE", f"{API}/routines/{rid}", a, patched.headers["etag"])
    assert copy.json()["id"] != rid
    # Webhook endpoints, the user's own and a clinic's (a public address: these settings
    # allow-list no network, and nothing is delivered here).
    hook = {"url": "https://93.184.215.14/hook", "event_types": ["session.logged"]}
    clinic = (await call("POST", f"{API}/clinics", a, json={"name": "Rules clinic"})).json()
    for base in (f"{API}/me/webhooks", f"{API}/clinics/{clinic['id']}/webhooks"):
        made = await call("POST", base, a, json=hook)
        one = made.headers["location"]
        await call("GET", base, a)
        await call("GET", one, a)
        await call("GET", f"{one}/deliveries", a)
        await call("POST", f"{one}/ping", a)
        rotated = await write("POST", f"{one}/rotate-secret", a, made.headers["etag"])
        changed = await write(
            "PATCH", one, a, rotated.headers["etag"], json={"description": "rules"}
        )
        await write("DELETE", one, a, changed.headers["etag"])
    # Self-checks, progress, export, and the account's end.
    check = await call("POST", f"{API}/me/assessments", a, json=assessment_examples.check())
    await call("GET", f"{API}/me/assessments", a)
    await call("GET", f"{API}/me/assessments/{check.json()['id']}", a)
    await call("GET", f"{API}/me/progress", a)
    await call("GET", f"{API}/me/alerts", a)
    feed = await call("POST", f"{API}/me/calendar-token", a, json={})
    await call("GET", feed.json()["url"])
    await call("DELETE", f"{API}/me/calendar-token", a)
    await call("GET", f"{API}/me/export", a)
    await call(
        "POST",
        f"{API}/me/password",
        a,
        json={"current_password": a.password, "new_password": a.password + "-renewed"},
    )
    token = (
        await call(
            "POST",
            f"{API}/auth/token",
            data={"username": a.email, "password": a.password + "-renewed"},
        )
    ).json()["access_token"]
    bearer = {"Authorization": f"Bearer {token}"}
    me = await call("GET", f"{API}/me", headers=bearer)
    await call(
        "DELETE",
        f"{API}/me",
        json={"password": a.password + "-renewed"},
        headers={**bearer, "If-Match": me.headers["etag"]},
    )

    operations = await _operations(client)
    seen: set[tuple[str, str]] = set()
    for response in answered:
        method, path = response.request.method, response.request.url.path
        matches = [
            op for op, pattern in operations.items() if op[0] == method and pattern.match(path)
        ]
        # A literal path (/sessions/export) also matches its templated sibling: take it.
        op = min(matches, key=lambda o: o[1].count("{"))
        seen.add(op)
        cache = response.headers.get("cache-control")
        if op in CATALOG_READS:
            assert cache and PUBLIC.match(cache), (op, cache)
        elif op == SHARED:  # not even the browser keeps it
            assert cache == "no-store", (op, cache)
        else:
            assert cache == PRIVATE, (op, response.status_code, cache)
    assert seen == set(operations), f"not exercised: {sorted(set(operations) - seen)}"
    assert {r.status_code for r in answered} >= {200, 201, 204}


# --- Another user's records --------------------------------------------------------------


@dataclass(frozen=True)
class Owned:
    path: str
    etag: str


async def _routine(client: httpx.AsyncClient, user: SignedIn) -> Owned:
    made = await client.post(f"{API}/routines", json=routine_payload(), headers=user.headers)
    assert made.status_code == 201, made.text
    return Owned(f"{API}/routines/{made.json()['id']}", made.headers["etag"])


async def _session(client: httpx.AsyncClient, user: SignedIn) -> Owned:
    made = await client.post(f"{API}/sessions", json=session_payload(), headers=user.headers)
    assert made.status_code == 201, made.text
    return Owned(f"{API}/sessions/{made.json()['id']}", made.headers["etag"])


async def _assessment(client: httpx.AsyncClient, user: SignedIn) -> Owned:
    made = await client.post(
        f"{API}/me/assessments", json=assessment_examples.check(), headers=user.headers
    )
    assert made.status_code == 201, made.text
    return Owned(made.headers["location"], "")


async def _webhook(client: httpx.AsyncClient, user: SignedIn) -> Owned:
    hook = {"url": "https://93.184.215.14/hook", "event_types": ["session.logged"]}
    made = await client.post(f"{API}/me/webhooks", json=hook, headers=user.headers)
    assert made.status_code == 201, made.text
    return Owned(made.headers["location"], made.headers["etag"])


Maker = Callable[[httpx.AsyncClient, SignedIn], Awaitable[Owned]]
FOREIGN: list[tuple[str, Maker, str, str, dict[str, Any] | None]] = [
    ("routine-read", _routine, "GET", "", None),
    ("routine-update", _routine, "PATCH", "", {"name": "Mine now"}),
    ("routine-delete", _routine, "DELETE", "", None),
    ("routine-copy", _routine, "POST", "/copy", None),
    ("routine-timeline", _routine, "GET", "/timeline", None),
    ("routine-handout", _routine, "GET", "/handout", None),
    ("session-read", _session, "GET", "", None),
    ("session-update", _session, "PATCH", "", {"notes": "mine now"}),
    ("session-replace-entries", _session, "PUT", "/entries", {"entries": [entry()]}),
    ("session-append-entries", _session, "POST", "/entries", {"entries": [entry()]}),
    ("session-delete", _session, "DELETE", "", None),
    ("assessment-read", _assessment, "GET", "", None),
    ("webhook-read", _webhook, "GET", "", None),
    ("webhook-update", _webhook, "PATCH", "", {"enabled": False}),
    ("webhook-delete", _webhook, "DELETE", "", None),
    ("webhook-rotate", _webhook, "POST", "/rotate-secret", None),
    ("webhook-deliveries", _webhook, "GET", "/deliveries", None),
    ("webhook-ping", _webhook, "POST", "/ping", None),
]


@pytest.mark.parametrize(
    ("make", "method", "suffix", "body"),
    [pytest.param(*case[1:], id=case[0]) for case in FOREIGN],
)
async def test_another_users_record_is_not_found_and_stays_unchanged(
    client: httpx.AsyncClient,
    alice: SignedIn,
    bob: SignedIn,
    make: Maker,
    method: str,
    suffix: str,
    body: dict[str, Any] | None,
) -> None:
    record = await make(client, alice)
    # Bob even holds the current ETag: ownership, not the precondition, decides.
    headers = {**bob.headers, "If-Match": record.etag} if record.etag else bob.headers
    answer = await client.request(method, record.path + suffix, json=body, headers=headers)
    assert answer.status_code == 404, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    mine = await client.get(record.path, headers=alice.headers)
    assert mine.status_code == 200
    assert mine.headers.get("etag", "") == record.etag


async def test_another_users_routine_cannot_be_named_by_a_session_or_a_report(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    theirs = (await _routine(client, alice)).path.rsplit("/", 1)[1]
    logged = await client.post(
        f"{API}/sessions", json=session_payload(routine_id=theirs), headers=bob.headers
    )
    assert logged.status_code == 422
    assert logged.json()["errors"][0]["loc"] == ["body", "routine_id"]
    report = await client.get(f"{API}/me/progress?routine_id={theirs}", headers=bob.headers)
    assert report.status_code == 422
    assert report.json()["errors"][0]["loc"] == ["query", "routine_id"]


# --- Conditional writes ------------------------------------------------------------------


@dataclass(frozen=True)
class Conditional:
    """A record, a change that makes its first ETag stale, and where to read it back."""

    path: str
    user: SignedIn


async def _conditional(
    client: httpx.AsyncClient, kind: str, alice: SignedIn, admin: SignedIn
) -> Conditional:
    if kind == "routine":
        return Conditional((await _routine(client, alice)).path, alice)
    if kind == "session":
        return Conditional((await _session(client, alice)).path, alice)
    if kind == "profile":
        return Conditional(f"{API}/me", alice)
    if kind == "webhook":
        return Conditional((await _webhook(client, alice)).path, alice)
    slug = f"cond-{uuid.uuid4().hex[:8]}"
    made = await client.post(
        f"{API}/exercises", json=exercise_payload(slug=slug), headers=admin.headers
    )
    assert made.status_code == 201, made.text
    return Conditional(f"{API}/exercises/{slug}", admin)


PATCHES = {
    "routine": {"name": "Changed"},
    "session": {"notes": "changed"},
    "profile": {"display_name": "Changed"},
    "exercise": {"name": "Changed"},
    "webhook": {"description": "Changed"},
}
WRITES: list[tuple[str, str, str, dict[str, Any] | None]] = [
    ("routine", "PATCH", "", PATCHES["routine"]),
    ("routine", "DELETE", "", None),
    ("session", "PATCH", "", PATCHES["session"]),
    ("session", "PUT", "/entries", {"entries": [entry()]}),
    ("session", "POST", "/entries", {"entries": [entry(set_number=4)]}),
    ("session", "DELETE", "", None),
    ("profile", "PATCH", "", PATCHES["profile"]),
    ("profile", "DELETE", "", {"password": "from-the-user"}),
    ("exercise", "PATCH", "", PATCHES["exercise"]),
    ("exercise", "DELETE", "", None),
    ("webhook", "PATCH", "", PATCHES["webhook"]),
    ("webhook", "POST", "/rotate-secret", None),
    ("webhook", "DELETE", "", None),
]


async def _read_etag(client: httpx.AsyncClient, record: Conditional) -> str:
    # The admin's exercise reads come from the public catalog route (a revision ETag there
    # too); everything else is the owner's own read.
    answer = await client.get(record.path, headers=record.user.headers)
    assert answer.status_code == 200, answer.text
    return answer.headers["etag"]


def _body(body: dict[str, Any] | None, user: SignedIn) -> dict[str, Any] | None:
    if body is not None and body.get("password") == "from-the-user":
        return {"password": user.password}
    return body


@pytest.mark.parametrize("precondition", ["missing", "stale"])
@pytest.mark.parametrize(
    ("kind", "method", "suffix", "body"),
    [pytest.param(*w, id=f"{w[1]} {w[0]}{w[2]}") for w in WRITES],
)
async def test_conditional_write_without_a_current_if_match_is_refused_and_changes_nothing(
    client: httpx.AsyncClient,
    alice: SignedIn,
    admin: SignedIn,
    kind: str,
    method: str,
    suffix: str,
    body: dict[str, Any] | None,
    precondition: str,
) -> None:
    """No If-Match is 428; the ETag from before another change is 412. Either way the
    record stays at the version it was."""
    record = await _conditional(client, kind, alice, admin)
    headers = record.user.headers
    if precondition == "stale":
        stale = await _read_etag(client, record)
        moved = await client.patch(
            record.path, json=PATCHES[kind], headers={**headers, "If-Match": stale}
        )
        assert moved.status_code == 200, moved.text
        assert moved.headers["etag"] != stale
        headers = {**headers, "If-Match": stale}
    current = await _read_etag(client, record)
    answer = await client.request(
        method, record.path + suffix, json=_body(body, record.user), headers=headers
    )
    assert answer.status_code == (412 if precondition == "stale" else 428), answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    assert await _read_etag(client, record) == current
