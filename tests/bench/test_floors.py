"""The two bench floors answer the same bytes for the same requests.

bench/floor_app.py (Starlette + raw driver) and bench/stack_floor_app.py (the same
operations on FastAPI + SQLAlchemy Core) are compared in `make bench` as two levels of
one floor: stack floor / floor is read as the stack's cost for the same work. That only
holds if they do the same work and answer the same thing; this test holds them to it,
on both databases, through the signed-in user of the real app.
"""

from __future__ import annotations

import importlib
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import orjson
import pytest
from sqlalchemy import Engine, text

from tests.factories import (
    SignedIn,
    care_team,
    routine_payload,
    session_payload,
    signed_in_user,
    take_into_care,
    unique_email,
)

API = "/api/v1"
ENTRIES = [
    {
        "exercise": "clamshell",
        "set_number": n,
        "side": "left",
        "reps": 10,
        "load_band": "light",
        "pain": 1,
        "effort": 6,
        "notes": "",
    }
    for n in (1, 2)
] + [{"exercise": "hip-hike", "set_number": 1, "reps": 12, "pain": 0, "effort": 7}]


def _session(session_id: uuid.UUID) -> dict[str, object]:
    return {
        "id": str(session_id),
        "started_at": "2026-11-20T07:30:00+01:00",
        "ended_at": "2026-11-20T07:55:00+01:00",
        "notes": "floors",
        "entries": ENTRIES,
    }


async def test_both_floors_answer_the_same_bytes(
    floor_clients: tuple[httpx.AsyncClient, httpx.AsyncClient],
    alice: SignedIn,
    bob: SignedIn,
    admin_engine: Engine,
) -> None:
    bare, stack = floor_clients
    with admin_engine.connect() as conn:
        raw = conn.execute(text("SELECT id FROM routine WHERE is_template LIMIT 1")).scalar_one()
    routine_id = raw if isinstance(raw, uuid.UUID) else uuid.UUID(hex=str(raw))

    # One session written through each floor: the same answer but for id and timestamps.
    created = []
    for client in (bare, stack):
        answer = await client.post(
            f"{API}/sessions", content=orjson.dumps(_session(uuid.uuid4())), headers=alice.headers
        )
        assert answer.status_code == 201, answer.text
        created.append(answer.json())
    for body in created:
        for key in ("id", "created_at", "updated_at"):
            body.pop(key)
    assert created[0] == created[1]
    assert created[0]["entries"][2]["exercise"] == "hip-hike"

    mine = (await bare.get(f"{API}/sessions", headers=alice.headers)).json()["items"]
    assert len(mine) == 2
    requests = [
        ("GET", f"{API}/me", alice, None),
        ("GET", f"{API}/sessions?limit=1", alice, None),
        ("GET", f"{API}/sessions?limit=20", alice, None),
        ("GET", f"{API}/sessions/{mine[0]['id']}", alice, None),
        ("GET", f"{API}/sessions/{mine[1]['id']}", alice, None),
        ("GET", f"{API}/routines/{routine_id}", alice, None),
        # Refusals: another user's session, no token, a bad limit, an unknown exercise.
        ("GET", f"{API}/sessions/{mine[0]['id']}", bob, None),
        ("GET", f"{API}/sessions", bob, None),
        ("GET", f"{API}/me", None, None),
        ("GET", f"{API}/sessions?limit=0", alice, None),
        ("GET", f"{API}/sessions/not-an-id", alice, None),
        ("POST", f"{API}/sessions", None, _session(uuid.uuid4())),
        ("POST", f"{API}/sessions", alice, {**_session(uuid.uuid4()), "entries": [{}]}),
    ]
    statuses = []
    for method, path, user, body in requests:
        headers = user.headers if user else {"Authorization": "Bearer not-a-token"}
        content = orjson.dumps(body) if body is not None else None
        one = await bare.request(method, path, headers=headers, content=content)
        two = await stack.request(method, path, headers=headers, content=content)
        assert (two.status_code, two.content) == (one.status_code, one.content), path
        assert two.headers["content-type"] == one.headers["content-type"], path
        statuses.append(one.status_code)
    assert statuses == [200] * 6 + [404, 200, 401, 422, 404, 401, 422]
    assert (await stack.get(f"{API}/sessions", headers=bob.headers)).json()["items"] == []


async def test_both_floors_answer_the_clinicians_view_as_the_app_does(
    floor_clients: tuple[httpx.AsyncClient, httpx.AsyncClient], client: httpx.AsyncClient
) -> None:
    """The care row's floors do the app's work: the same page, figures and cursor."""
    bare, stack = floor_clients
    team = await care_team(client)
    extra = await signed_in_user(client, unique_email("floor-patient"))
    await take_into_care(client, team.clinician, team.clinic_id, extra)
    for patient, per_week in ((team.patient, 3), (extra, 2)):
        made = await client.post(
            f"{API}/routines",
            json=routine_payload(sessions_per_week=per_week),
            headers=patient.headers,
        )
        assert made.status_code == 201
    started = datetime.now(UTC) - timedelta(days=8)
    logged = await client.post(
        f"{API}/sessions",
        json=session_payload(started_at=started.isoformat(), ended_at=None),
        headers=extra.headers,
    )
    assert logged.status_code == 201, logged.text
    # A painful session: two open alerts put the patient first, and into the cursor.
    painful = session_payload(started_at=started.isoformat(), ended_at=None)
    painful["entries"][0]["pain"] = 8
    hurt = await client.post(f"{API}/sessions", json=painful, headers=team.patient.headers)
    assert hurt.status_code == 201, hurt.text
    for query in ("?limit=1", "?limit=20"):
        path = f"{API}/clinics/{team.clinic_id}/patients{query}"
        answers = [await c.get(path, headers=team.clinician.headers) for c in (client, bare, stack)]
        assert [a.status_code for a in answers] == [200, 200, 200]
        app_body, bare_body, stack_body = (a.json() for a in answers)
        assert bare_body == app_body, query
        assert stack_body == app_body, query
    outsider = await bare.get(
        f"{API}/clinics/{team.clinic_id}/patients", headers=team.outsider.headers
    )
    assert outsider.status_code == 404


def test_the_floors_mcids_are_the_instruments(monkeypatch: pytest.MonkeyPatch) -> None:
    """The floor keeps no Medius code, so it holds the MCIDs its care view shows as a table of
    its own: the same as the instruments' definitions."""
    from app.outcomes.instruments.definitions import INSTRUMENTS

    # The floor reads its database from the environment at import (it connects on first use).
    monkeypatch.setenv("BENCH_FLOOR_DATABASE", "sqlite:///never-opened.db")
    floor = importlib.reload(importlib.import_module("bench.floor_app"))
    assert {key: one.mcid.value for key, one in INSTRUMENTS.items()} == floor.MCIDS
