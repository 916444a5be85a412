"""The sessions domain answers from rows and from the validated request (README,
"Performance"): those bodies must be exactly what the response models would produce,
and a new session's answer must equal what a later read returns."""

from __future__ import annotations

import anyio.to_thread
import httpx
import pytest
from fastapi import FastAPI

from app.logbook.sessions.models import SessionPublic
from tests.factories import SignedIn, entry, session_payload
from tests.sqlcount import statements


def _model_shape(body: dict[str, object]) -> dict[str, object]:
    """`body` through the documented response model: strict shape, model's own JSON."""
    return SessionPublic.model_validate(body).model_dump(mode="json")


def _awkward_session() -> dict[str, object]:
    """Every kind of entry value: kg and band loads, sides and none, holds, steps, text."""
    return session_payload(
        started_at="2026-11-20T23:30:00.123456-09:30",
        ended_at="2026-11-21T00:10:00-09:30",
        notes="Knie \u00e9tait ok \U0001f9b5",
        entries=[
            entry(load_kg=12.5, notes="kg \u2013 \u00fc"),
            entry(set_number=2, side="left", load_kg=0.01),
            entry(set_number=3, side="left", load_kg=500),
            {
                "exercise": "monster-walk",
                "set_number": 1,
                "steps": 20,
                "load_band": "extra-heavy",
                "pain": 10,
                "effort": 0,
            },
        ],
    )


async def test_a_new_sessions_answer_is_the_model_shape_and_what_a_read_returns(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    body = _awkward_session()
    created = await client.post("/api/v1/sessions", json=body, headers=alice.headers)
    assert created.status_code == 201, created.text
    answer = created.json()
    assert answer == _model_shape(answer)
    assert answer["started_at"] == "2026-11-21T09:00:00.123456Z"
    assert [e["load_kg"] for e in answer["entries"]] == [12.5, 0.01, 500.0, None]
    read = await client.get(f"/api/v1/sessions/{body['id']}", headers=alice.headers)
    assert read.json() == answer
    assert read.headers["etag"] == created.headers["etag"]
    retried = await client.post("/api/v1/sessions", json=body, headers=alice.headers)
    assert retried.status_code == 200
    assert retried.json() == answer
    assert retried.headers["etag"] == created.headers["etag"]


async def test_listed_sessions_and_tombstones_are_the_model_shape(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    ids = []
    for _ in range(3):
        body = _awkward_session()
        ids.append(body["id"])
        assert (
            await client.post("/api/v1/sessions", json=body, headers=alice.headers)
        ).status_code == 201
    gone = await client.get(f"/api/v1/sessions/{ids[0]}", headers=alice.headers)
    deleted = await client.delete(
        f"/api/v1/sessions/{ids[0]}", headers={**alice.headers, "If-Match": gone.headers["etag"]}
    )
    assert deleted.status_code == 204
    page = (await client.get("/api/v1/sessions?sync_token=0", headers=alice.headers)).json()
    assert [i["id"] for i in page["items"]] == [*ids[1:], ids[0]]
    *live, tombstone = page["items"]
    assert all(item == _model_shape(item) for item in live)
    assert set(tombstone) == {"id", "deleted_at"} and tombstone["deleted_at"].endswith("Z")
    plain = (await client.get("/api/v1/sessions", headers=alice.headers)).json()
    assert sorted(i["id"] for i in plain["items"]) == sorted(ids[1:])


async def test_reading_a_session_is_three_statements_whatever_its_entries(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn
) -> None:
    body = session_payload(entries=[entry(set_number=n) for n in range(1, 51)])
    assert (
        await client.post("/api/v1/sessions", json=body, headers=alice.headers)
    ).status_code == 201
    with statements(app) as seen:
        read = await client.get(f"/api/v1/sessions/{body['id']}", headers=alice.headers)
    assert read.status_code == 200 and len(read.json()["entries"]) == 50
    queries = [q for q in seen if q != "BEGIN"]
    assert len(queries) == 3, queries  # the sign-in check, the session, its entries
    assert "token_family" in queries[0]


async def test_one_request_takes_one_thread_pool_hop(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The signed-in routes and routine reads hand their work to the pool once (the
    `Unit` of app/users/auth.py), not once per sync dependency and once more for the route."""
    real = anyio.to_thread.run_sync
    hops: list[str] = []

    async def counting(func, *args, **kwargs):  # type: ignore[no-untyped-def]
        hops.append(getattr(func, "__name__", repr(func)))
        return await real(func, *args, **kwargs)

    body = session_payload()
    assert (
        await client.post("/api/v1/sessions", json=body, headers=alice.headers)
    ).status_code == 201
    monkeypatch.setattr(anyio.to_thread, "run_sync", counting)
    templates = await client.get("/api/v1/routines?template=true")
    template_id = templates.json()["items"][0]["id"]
    paths = (
        f"/api/v1/sessions/{body['id']}",
        "/api/v1/sessions",
        "/api/v1/me",
        "/api/v1/routines?template=true",
        f"/api/v1/routines/{template_id}",
    )
    for path in paths:
        hops.clear()
        assert (await client.get(path, headers=alice.headers)).status_code == 200
        assert len(hops) == 1, (path, hops)
