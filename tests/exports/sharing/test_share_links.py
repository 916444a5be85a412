"""Share links over HTTP: two real users, an anonymous reader, both databases."""

from __future__ import annotations

import asyncio
import hashlib
import io
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from pypdf import PdfReader
from sqlalchemy import Engine, select, update

from app.exports.sharing.models import MAX_ACTIVE_LINKS, ShareLink
from tests.factories import SignedIn, entry, routine_payload, session_payload

LINKS = "/api/v1/me/share-links"
LINK = ShareLink.__table__  # type: ignore[attr-defined]


async def _routine(client: httpx.AsyncClient, user: SignedIn) -> str:
    made = await client.post("/api/v1/routines", json=routine_payload(), headers=user.headers)
    assert made.status_code == 201, made.text
    rid: str = made.json()["id"]
    return rid


async def _link(client: httpx.AsyncClient, user: SignedIn, **body: Any) -> dict[str, Any]:
    made = await client.post(LINKS, json=body, headers=user.headers)
    assert made.status_code == 201, made.text
    link: dict[str, Any] = made.json()
    return link


async def _open(
    client: httpx.AsyncClient, token: str, accept: str | None = "text/html"
) -> httpx.Response:
    return await client.get(f"/api/v1/shared/{token}", headers={"Accept": accept} if accept else {})


async def test_handout_link_opens_without_an_account_and_keeps_pain_private(
    client: httpx.AsyncClient, alice: SignedIn, admin_engine: Engine
) -> None:
    rid = await _routine(client, alice)
    painful = session_payload(routine_id=rid, entries=[entry(pain=8)])
    assert (
        await client.post("/api/v1/sessions", json=painful, headers=alice.headers)
    ).status_code == 201
    link = await _link(client, alice, kind="routine_handout", routine_id=rid, label="Coach Sam")
    token = link["token"]
    assert len(token) >= 43 and link["path"] == f"/api/v1/shared/{token}"
    assert link["status"] == "active" and link["label"] == "Coach Sam"
    expires = datetime.fromisoformat(link["expires_at"])
    assert timedelta(days=29, hours=23) < expires - datetime.now(UTC) <= timedelta(days=30)
    # Only the token's hash is stored.
    with admin_engine.connect() as conn:
        stored = conn.execute(
            select(LINK.c.token_hash).where(LINK.c.id == uuid.UUID(link["id"]))
        ).scalar_one()
    assert stored == hashlib.sha256(token.encode()).hexdigest() and token not in stored

    page = await _open(client, token)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert page.headers["cache-control"] == "no-store"
    assert page.headers["referrer-policy"] == "no-referrer"
    assert "Morning glute med" in page.text and "Version 1" in page.text
    # The owner's own handout warns of the logged pain; the shared one does not tell it.
    own = await client.get(
        f"/api/v1/routines/{rid}/handout", headers={**alice.headers, "Accept": "text/html"}
    )
    assert "Pain of 8/10" in own.text
    assert "Pain of 8/10" not in page.text and "Read this first" not in page.text
    pdf = await _open(client, token, "application/pdf")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert "Morning glute med" in PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert (await _open(client, token, None)).headers["content-type"].startswith("text/html")
    refused = await _open(client, token, "image/png")
    assert refused.status_code == 406
    # Every use is in Alice's access log, newest first, with the link and the address.
    log = (await client.get("/api/v1/me/access-log", headers=alice.headers)).json()["items"]
    uses = [e for e in log if e["share_link_id"] == link["id"]]
    assert len(uses) == 3  # HTML, PDF, no Accept: the refused one showed nothing
    assert {(e["resource"], e["action"], e["actor_id"]) for e in uses} == {
        (f"routine:{rid}", "read", None)
    }
    assert all(e["address"] for e in uses)
    # A bearer token sent along (even a bad one) changes nothing: the link is the credential.
    stale = await client.get(
        f"/api/v1/shared/{token}", headers={"Authorization": "Bearer not-a-token"}
    )
    assert stale.status_code == 200


async def test_progress_link_shares_the_progress_summary_as_json(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    await _routine(client, alice)
    await client.post("/api/v1/sessions", json=session_payload(), headers=alice.headers)
    link = await _link(client, alice, kind="progress")
    shared = await _open(client, link["token"], "application/json")
    assert shared.status_code == 200, shared.text
    assert shared.headers["cache-control"] == "no-store"
    assert shared.headers["referrer-policy"] == "no-referrer"
    own = await client.get("/api/v1/me/progress", headers=alice.headers)
    assert shared.json() == own.json()
    assert (await _open(client, link["token"], "*/*")).status_code == 200
    assert (await _open(client, link["token"], "text/html")).status_code == 406
    log = (await client.get("/api/v1/me/access-log", headers=alice.headers)).json()["items"]
    assert [(e["share_link_id"], e["resource"]) for e in log] == [(link["id"], "progress")] * 2


async def test_unknown_expired_and_revoked_links_are_the_same_404(
    client: httpx.AsyncClient, alice: SignedIn, admin_engine: Engine
) -> None:
    rid = await _routine(client, alice)
    expired = await _link(client, alice, kind="routine_handout", routine_id=rid)
    revoked = await _link(client, alice, kind="routine_handout", routine_id=rid)
    with admin_engine.begin() as conn:  # a month passes for this link
        conn.execute(
            update(LINK)
            .where(LINK.c.id == uuid.UUID(expired["id"]))
            .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )
    gone = await client.delete(f"{LINKS}/{revoked['id']}", headers=alice.headers)
    assert gone.status_code == 204
    again = await client.delete(f"{LINKS}/{revoked['id']}", headers=alice.headers)
    assert again.status_code == 204
    bodies = []
    for token in (expired["token"], revoked["token"], "x" * 43, "%00%1b", "\u00e9" * 10):
        answer = await _open(client, token)
        assert answer.status_code == 404, token
        assert answer.headers["content-type"] == "application/problem+json"
        bodies.append({k: v for k, v in answer.json().items() if k != "instance"})
    assert all(b == bodies[0] for b in bodies)
    assert (await _open(client, "y" * 101)).status_code == 422
    listed = (await client.get(LINKS, headers=alice.headers)).json()["items"]
    assert {(i["id"], i["status"]) for i in listed} == {
        (expired["id"], "expired"),
        (revoked["id"], "revoked"),
    }
    assert all("token" not in i for i in listed)
    exported = (await client.get("/api/v1/me/export", headers=alice.headers)).json()
    assert {(i["id"], i["status"]) for i in exported["share_links"]} == {
        (expired["id"], "expired"),
        (revoked["id"], "revoked"),
    }
    assert expired["token"] not in str(exported) and revoked["token"] not in str(exported)
    # Deleting the routine takes its links with it.
    live = await _link(client, alice, kind="routine_handout", routine_id=rid)
    etag = (await client.get(f"/api/v1/routines/{rid}", headers=alice.headers)).headers["etag"]
    await client.delete(f"/api/v1/routines/{rid}", headers={**alice.headers, "If-Match": etag})
    assert (await _open(client, live["token"])).status_code == 404


@pytest.mark.parametrize("readers", [16])
async def test_revocation_races_reads_and_holds_from_the_next_request(
    client: httpx.AsyncClient, alice: SignedIn, readers: int
) -> None:
    rid = await _routine(client, alice)
    link = await _link(client, alice, kind="routine_handout", routine_id=rid)
    reads = [_open(client, link["token"]) for _ in range(readers)]
    revoke = client.delete(f"{LINKS}/{link['id']}", headers=alice.headers)
    *answers, revoked = await asyncio.gather(*reads, revoke)
    assert revoked.status_code == 204
    assert {a.status_code for a in answers} <= {200, 404}
    after = await asyncio.gather(*(_open(client, link["token"]) for _ in range(readers)))
    assert [a.status_code for a in after] == [404] * readers


async def test_links_are_the_owners_alone(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    rid = await _routine(client, alice)
    link = await _link(client, alice, kind="routine_handout", routine_id=rid)
    assert (await client.get(LINKS, headers=bob.headers)).json()["items"] == []
    theirs = await client.delete(f"{LINKS}/{link['id']}", headers=bob.headers)
    assert theirs.status_code == 404
    assert (await _open(client, link["token"])).status_code == 200
    # Bob cannot share Alice's routine; anyone may share a template.
    stolen = await client.post(
        LINKS, json={"kind": "routine_handout", "routine_id": rid}, headers=bob.headers
    )
    assert stolen.status_code == 422
    template = (await client.get("/api/v1/routines?template=true")).json()["items"][0]["id"]
    shared = await client.post(
        LINKS, json={"kind": "routine_handout", "routine_id": template}, headers=bob.headers
    )
    assert shared.status_code == 201
    assert (await client.post(LINKS, json={"kind": "progress"})).status_code == 401
    assert (await client.get(LINKS)).status_code == 401


def _in(days: float) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).isoformat()


@pytest.mark.parametrize(
    "body",
    [
        {"expires_in_days": 0},
        {"expires_in_days": 91},
        {"expires_in_days": -1},
        {"expires_in_days": "30"},
        {"expires_in_days": 10**30},
        {"expires_at": "9999-12-31T23:59:59Z"},
        {"expires_at": "9999-12-31T23:59:59-14:00"},
        {"expires_at": "0001-01-01T00:00:00+01:00"},
        {"expires_at": "2020-01-01T00:00:00Z"},
        {"expires_at": "2030-01-01T00:00:00"},
        {"expires_at": "not a time"},
        {"expires_in_days": 5, "expires_at": "REPLACED"},
        {"label": "a\u0000b"},
        {"label": "a\u001bb"},
        {"label": "x" * 121},
        {"kind": "routine_handout"},
        {"kind": "something"},
        {"routine_id": "ROUTINE"},
        {"extra": True},
    ],
)
async def test_bad_links_are_refused_and_store_nothing(
    client: httpx.AsyncClient, alice: SignedIn, body: dict[str, Any]
) -> None:
    rid = await _routine(client, alice)
    payload: dict[str, Any] = {"kind": "progress", **body}
    if payload.get("expires_at") == "REPLACED":
        payload["expires_at"] = _in(2)
    if payload.get("routine_id") == "ROUTINE":
        payload["routine_id"] = rid
    refused = await client.post(LINKS, json=payload, headers=alice.headers)
    assert refused.status_code == 422, refused.text
    assert refused.headers["content-type"] == "application/problem+json"
    assert (await client.get(LINKS, headers=alice.headers)).json()["items"] == []


async def test_expiry_bounds_are_inclusive_of_ninety_days(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    near = await _link(client, alice, kind="progress", expires_at=_in(89.99))
    assert near["status"] == "active"
    far = await client.post(
        LINKS, json={"kind": "progress", "expires_at": _in(90.01)}, headers=alice.headers
    )
    assert far.status_code == 422
    longest = await _link(client, alice, kind="progress", expires_in_days=90)
    offset = await _link(
        client,
        alice,
        kind="progress",
        expires_at=(datetime.now(UTC) + timedelta(days=3))
        .astimezone(__import__("zoneinfo").ZoneInfo("Pacific/Kiritimati"))
        .isoformat(),
    )
    assert offset["expires_at"].endswith("Z")
    assert longest["expires_at"] > near["expires_at"]
    for bad in ("0", "101"):
        assert (await client.get(f"{LINKS}?limit={bad}", headers=alice.headers)).status_code == 422


async def test_create_with_the_clients_id_is_idempotent_under_concurrent_retries(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    body = {"id": str(uuid.uuid4()), "kind": "progress", "expires_in_days": 7}
    answers = await asyncio.gather(
        *(client.post(LINKS, json=body, headers=alice.headers) for _ in range(16))
    )
    statuses = sorted(a.status_code for a in answers)
    assert statuses == [200] * 15 + [201], [a.text for a in answers]
    made = next(a.json() for a in answers if a.status_code == 201)
    assert made["token"] and all(a.json()["token"] is None for a in answers if a.status_code == 200)
    assert {a.json()["id"] for a in answers} == {body["id"]}
    assert len((await client.get(LINKS, headers=alice.headers)).json()["items"]) == 1
    assert (await _open(client, made["token"], "application/json")).status_code == 200
    clash = await client.post(LINKS, json={**body, "expires_in_days": 8}, headers=alice.headers)
    assert clash.status_code == 409


async def test_active_links_are_bounded_per_account(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    made = [await _link(client, alice, kind="progress") for _ in range(MAX_ACTIVE_LINKS)]
    over = await client.post(LINKS, json={"kind": "progress"}, headers=alice.headers)
    assert over.status_code == 409
    assert over.json()["type"].endswith("/quota-exceeded")
    await client.delete(f"{LINKS}/{made[0]['id']}", headers=alice.headers)
    assert (
        await client.post(LINKS, json={"kind": "progress"}, headers=alice.headers)
    ).status_code == 201
