"""Session logs: stored whole or not at all, retried safely, private, synced with tombstones."""

from __future__ import annotations

import asyncio
import csv
import io
import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, func, select
from sqlmodel import Session

from app.logbook.sessions.models import SessionEntry, WorkoutSession
from tests.factories import SignedIn, entry, routine_payload, session_payload

PROBLEM = "application/problem+json"


def _counts(engine: Engine) -> tuple[int, int]:
    with Session(engine) as s:
        sessions = s.exec(select(func.count()).select_from(WorkoutSession)).one()  # type: ignore[call-overload]
        entries = s.exec(select(func.count()).select_from(SessionEntry)).one()  # type: ignore[call-overload]
        return int(sessions[0]), int(entries[0])


async def _log(client: httpx.AsyncClient, user: SignedIn, **overrides: Any) -> httpx.Response:
    return await client.post(
        "/api/v1/sessions", json=session_payload(**overrides), headers=user.headers
    )


async def test_create_stores_utc_times_and_every_entry(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    body = session_payload()
    response = await client.post("/api/v1/sessions", json=body, headers=alice.headers)
    assert response.status_code == 201, response.text
    stored = response.json()
    assert stored["id"] == body["id"]
    assert stored["started_at"] == "2026-11-20T06:30:00Z"
    assert stored["ended_at"] == "2026-11-20T06:50:00Z"
    assert [e["exercise"] for e in stored["entries"]] == ["clamshell", "clamshell", "monster-walk"]
    assert stored["entries"][2]["load_band"] == "light"
    assert response.headers["location"] == f"/api/v1/sessions/{body['id']}"


async def test_server_makes_an_id_when_none_is_sent(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    body = session_payload()
    del body["id"]
    response = await client.post("/api/v1/sessions", json=body, headers=alice.headers)
    assert response.status_code == 201
    uuid.UUID(response.json()["id"])


async def test_retry_with_same_body_returns_stored_session(
    client: httpx.AsyncClient, alice: SignedIn, admin_engine: Engine
) -> None:
    body = session_payload()
    first = await client.post("/api/v1/sessions", json=body, headers=alice.headers)
    again = await client.post("/api/v1/sessions", json=body, headers=alice.headers)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert _counts(admin_engine) == (1, 3)


async def test_same_id_with_a_different_body_is_409(
    client: httpx.AsyncClient, alice: SignedIn, admin_engine: Engine
) -> None:
    body = session_payload()
    assert (
        await client.post("/api/v1/sessions", json=body, headers=alice.headers)
    ).status_code == 201
    changed = {**body, "notes": "different"}
    response = await client.post("/api/v1/sessions", json=changed, headers=alice.headers)
    assert response.status_code == 409
    assert response.headers["content-type"] == PROBLEM
    assert _counts(admin_engine) == (1, 3)


async def test_another_user_cannot_take_or_see_an_id(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    body = session_payload()
    await client.post("/api/v1/sessions", json=body, headers=alice.headers)
    stolen = await client.post("/api/v1/sessions", json=body, headers=bob.headers)
    assert stolen.status_code == 409
    assert "entries" not in stolen.text


async def test_sixteen_identical_retries_at_once_store_one_session(
    client: httpx.AsyncClient, alice: SignedIn, admin_engine: Engine
) -> None:
    body = session_payload()
    responses = await asyncio.gather(
        *[client.post("/api/v1/sessions", json=body, headers=alice.headers) for _ in range(16)]
    )
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200] * 15 + [201], [r.text for r in responses if r.status_code >= 300]
    assert len({r.text for r in responses}) == 1
    assert _counts(admin_engine) == (1, 3)


@pytest.mark.parametrize(
    ("overrides", "loc"),
    [
        (
            {"entries": [entry(exercise="monster-walk", side=None, reps=10)]},
            ["body", "entries", 0, "reps"],
        ),
        ({"entries": [entry(side=None)]}, ["body", "entries", 0, "side"]),
        ({"entries": [entry(exercise="plank")]}, ["body", "entries", 0, "exercise"]),
        ({"entries": [entry(pain=11)]}, ["body", "entries", 0, "pain"]),
        ({"entries": [entry(effort=-1)]}, ["body", "entries", 0, "effort"]),
        ({"entries": [entry(load_band="light", load_kg=2)]}, ["body", "entries", 0]),
        ({"entries": [entry(side="both")]}, ["body", "entries", 0, "side"]),
        ({"started_at": "2026-11-20T07:30:00"}, ["body", "started_at"]),
        ({"ended_at": "2026-11-20T05:00:00Z"}, ["body"]),
        ({"entries": [entry()] * 501}, ["body", "entries"]),
        ({"routine_id": str(uuid.uuid4())}, ["body", "routine_id"]),
    ],
)
async def test_invalid_sessions_are_422_and_store_nothing(
    client: httpx.AsyncClient,
    alice: SignedIn,
    admin_engine: Engine,
    overrides: dict[str, Any],
    loc: list[Any],
) -> None:
    body = session_payload(**overrides)
    if "entries" in overrides:  # an invalid entry next to a valid one: neither is stored
        body["entries"] = [*overrides["entries"], entry(set_number=9)]
    response = await client.post("/api/v1/sessions", json=body, headers=alice.headers)
    assert response.status_code == 422, response.text
    assert any(e["loc"][: len(loc)] == loc for e in response.json()["errors"]), response.text
    assert _counts(admin_engine) == (0, 0)


async def test_a_session_may_name_your_routine_or_a_template(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    mine = (
        await client.post("/api/v1/routines", json=routine_payload(), headers=alice.headers)
    ).json()
    assert (await _log(client, alice, routine_id=mine["id"])).status_code == 201
    assert (await _log(client, bob, routine_id=mine["id"])).status_code == 422
    template = (await client.get("/api/v1/routines?template=true")).json()["items"][0]
    assert (await _log(client, bob, routine_id=template["id"])).status_code == 201


async def test_sessions_are_private_for_every_operation(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    created = await _log(client, alice)
    sid, etag = created.json()["id"], created.headers["etag"]
    bob_if = {**bob.headers, "If-Match": etag}
    for call in [
        client.get(f"/api/v1/sessions/{sid}", headers=bob.headers),
        client.patch(f"/api/v1/sessions/{sid}", json={"notes": "x"}, headers=bob_if),
        client.put(f"/api/v1/sessions/{sid}/entries", json={"entries": []}, headers=bob_if),
        client.post(f"/api/v1/sessions/{sid}/entries", json={"entries": [entry()]}, headers=bob_if),
        client.delete(f"/api/v1/sessions/{sid}", headers=bob_if),
    ]:
        response = await call
        assert response.status_code == 404, response.request.method
    assert (await client.get("/api/v1/sessions", headers=bob.headers)).json()["items"] == []
    bob_export = await client.get("/api/v1/sessions/export?format=json", headers=bob.headers)
    assert bob_export.json()["rows"] == []
    since = await client.get(
        "/api/v1/sessions?updated_since=2000-01-01T00:00:00Z", headers=bob.headers
    )
    assert since.json()["items"] == []
    assert (await client.get(f"/api/v1/sessions/{sid}", headers=alice.headers)).status_code == 200


async def test_patch_and_entries_need_the_current_etag(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    created = await _log(client, alice)
    sid, etag = created.json()["id"], created.headers["etag"]
    path = f"/api/v1/sessions/{sid}"
    assert (await client.patch(path, json={"notes": "x"}, headers=alice.headers)).status_code == 428
    patched = await client.patch(
        path, json={"notes": "Felt strong"}, headers={**alice.headers, "If-Match": etag}
    )
    assert patched.status_code == 200 and patched.json()["notes"] == "Felt strong"
    stale = await client.post(
        f"{path}/entries",
        json={"entries": [entry(set_number=3)]},
        headers={**alice.headers, "If-Match": etag},
    )
    assert stale.status_code == 412
    appended = await client.post(
        f"{path}/entries",
        json={"entries": [entry(set_number=3)]},
        headers={**alice.headers, "If-Match": patched.headers["etag"]},
    )
    assert appended.status_code == 200 and len(appended.json()["entries"]) == 4
    replaced = await client.put(
        f"{path}/entries",
        json={"entries": [entry(side="left")]},
        headers={**alice.headers, "If-Match": appended.headers["etag"]},
    )
    assert [e["side"] for e in replaced.json()["entries"]] == ["left"]
    backwards = await client.patch(
        path,
        json={"ended_at": "2000-01-01T00:00:00Z"},
        headers={**alice.headers, "If-Match": replaced.headers["etag"]},
    )
    assert backwards.status_code == 422


async def test_list_filters_and_pages(client: httpx.AsyncClient, alice: SignedIn) -> None:
    for day in range(1, 6):
        await _log(client, alice, started_at=f"2026-11-0{day}T08:00:00Z", ended_at=None)
    await _log(
        client,
        alice,
        started_at="2026-11-07T08:00:00Z",
        ended_at=None,
        entries=[
            {"exercise": "side-stepping", "set_number": 1, "steps": 10, "pain": 0, "effort": 3}
        ],
    )
    newest = (await client.get("/api/v1/sessions?limit=2", headers=alice.headers)).json()
    assert [s["started_at"][:10] for s in newest["items"]] == ["2026-11-07", "2026-11-05"]
    window = await client.get(
        "/api/v1/sessions",
        params={"from": "2026-11-02T00:00:00Z", "to": "2026-11-04T00:00:00Z"},
        headers=alice.headers,
    )
    assert [s["started_at"][:10] for s in window.json()["items"]] == ["2026-11-03", "2026-11-02"]
    stepping = await client.get("/api/v1/sessions?exercise=side-stepping", headers=alice.headers)
    assert len(stepping.json()["items"]) == 1
    seen, cursor = [], None
    while True:
        params: dict[str, Any] = {"limit": 4, "sort": "started_at"}
        if cursor:
            params["cursor"] = cursor
        page = (await client.get("/api/v1/sessions", params=params, headers=alice.headers)).json()
        seen += [s["id"] for s in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == 6
    naive = await client.get("/api/v1/sessions?from=2026-11-02T00:00:00", headers=alice.headers)
    assert naive.status_code == 422


async def test_sync_returns_changes_and_tombstones_so_a_client_converges(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    a = await _log(client, alice)
    b = await _log(client, alice)
    first_sync = (
        await client.get(
            "/api/v1/sessions?updated_since=2000-01-01T00:00:00Z", headers=alice.headers
        )
    ).json()
    mirror = {s["id"]: s for s in first_sync["items"]}
    assert set(mirror) == {a.json()["id"], b.json()["id"]}
    synced_at = max(s["updated_at"] for s in first_sync["items"])
    deleted = await client.delete(
        f"/api/v1/sessions/{a.json()['id']}",
        headers={**alice.headers, "If-Match": a.headers["etag"]},
    )
    assert deleted.status_code == 204
    c = await _log(client, alice)
    changes = (
        await client.get(
            "/api/v1/sessions", params={"updated_since": synced_at}, headers=alice.headers
        )
    ).json()
    for item in changes["items"]:
        if "deleted_at" in item:
            mirror.pop(item["id"], None)
        else:
            mirror[item["id"]] = item
    assert set(mirror) == {b.json()["id"], c.json()["id"]}
    tombstone = next(i for i in changes["items"] if i["id"] == a.json()["id"])
    assert set(tombstone) == {"id", "deleted_at"}
    assert (
        await client.get(f"/api/v1/sessions/{a.json()['id']}", headers=alice.headers)
    ).status_code == 404
    retried = await client.post("/api/v1/sessions", json={}, headers=alice.headers)
    assert retried.status_code == 422


async def test_export_has_one_row_per_entry_with_a_stable_header(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    await _log(client, alice)
    csv_export = await client.get("/api/v1/sessions/export?format=csv", headers=alice.headers)
    assert csv_export.status_code == 200
    assert csv_export.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(csv_export.text)))
    assert next(csv.reader(io.StringIO(csv_export.text))) == [
        *[
            "session_id",
            "started_at",
            "ended_at",
            "routine_id",
            "exercise",
            "set_number",
            "side",
            "reps",
            "steps",
        ],
        *["hold_seconds", "load_band", "load_kg", "pain", "effort", "notes", "session_notes"],
    ]
    assert [r["exercise"] for r in rows] == ["clamshell", "clamshell", "monster-walk"]
    json_export = (
        await client.get("/api/v1/sessions/export?format=json", headers=alice.headers)
    ).json()
    assert len(json_export["rows"]) == 3 and json_export["rows"][0]["reps"] == 12
    assert (
        await client.get("/api/v1/sessions/export?format=xml", headers=alice.headers)
    ).status_code == 422
