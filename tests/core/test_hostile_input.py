"""Text with control characters, times outside 1900-2200, and bodies built to make huge
errors: each is a small 4xx problem and stores nothing (issue #11, points 2, 4 and 5).

Before the fix NUL was a 500 on PostgreSQL and stored on SQLite, a year-1 time with an
offset overflowed into a 500 (anonymous too), and a 1 MiB body of nested lists got a
135 MB 422.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import httpx
import pytest

from app.core.problems import MAX_ERRORS
from tests.core.test_problems import assert_problem
from tests.factories import (
    DEFAULT_PASSWORD,
    SignedIn,
    entry,
    register,
    routine_payload,
    session_payload,
)

API = "/api/v1"
CONTROLS = ["\u0000", "\u0007", "\u001b", "\u007f", "\u0085", "\u009b"]


def forged(payload: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


async def _count(client: httpx.AsyncClient, user: SignedIn, path: str) -> int:
    page = await client.get(f"{API}/{path}", params={"limit": 100}, headers=user.headers)
    assert page.status_code == 200, page.text
    return len(page.json()["items"])


def _control_loc(problem: dict[str, Any]) -> list[Any]:
    (error,) = [e for e in problem["errors"] if e["type"] == "string_control_characters"]
    return list(error["loc"])


# --- Point 5: control characters in text ----------------------------------------------


@pytest.mark.parametrize("char", CONTROLS)
@pytest.mark.parametrize(
    ("where", "loc"),
    [
        ("session notes", ["body", "notes"]),
        ("entry notes", ["body", "entries", 0, "notes"]),
    ],
)
async def test_a_control_character_in_session_text_is_422_and_stores_nothing(
    client: httpx.AsyncClient, alice: SignedIn, char: str, where: str, loc: list[Any]
) -> None:
    text = f"left hip{char}sore"
    body = (
        session_payload(notes=text)
        if where == "session notes"
        else session_payload(entries=[entry(notes=text)])
    )
    problem = assert_problem(
        await client.post(f"{API}/sessions", json=body, headers=alice.headers), 422
    )
    assert _control_loc(problem) == loc
    assert await _count(client, alice, "sessions") == 0


async def test_notes_keep_tab_and_newline_and_store_carriage_returns_as_newlines(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    body = session_payload(notes="sets:\t3\r\nfelt good\rno pain")
    created = await client.post(f"{API}/sessions", json=body, headers=alice.headers)
    assert created.status_code == 201, created.text
    assert created.json()["notes"] == "sets:\t3\nfelt good\nno pain"


@pytest.mark.parametrize("char", CONTROLS)
async def test_a_control_character_in_a_routine_name_is_422(
    client: httpx.AsyncClient, alice: SignedIn, char: str
) -> None:
    body = routine_payload(name=f"Morn{char}ing")
    problem = assert_problem(
        await client.post(f"{API}/routines", json=body, headers=alice.headers), 422
    )
    assert _control_loc(problem) == ["body", "name"]
    assert await _count(client, alice, "routines") == 0


async def test_a_newline_in_a_one_line_name_is_422(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    body = routine_payload(name="Morning\nroutine")
    response = await client.post(f"{API}/routines", json=body, headers=alice.headers)
    assert _control_loc(assert_problem(response, 422)) == ["body", "name"]


async def test_nul_in_a_display_name_is_422_on_register_and_on_update(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    email = "nul-name@example.com"
    problem = assert_problem(await register(client, email, display_name="Al\u0000ice"), 422)
    assert _control_loc(problem) == ["body", "display_name"]
    signed_in = await client.post(
        f"{API}/auth/token", data={"username": email, "password": DEFAULT_PASSWORD}
    )
    assert signed_in.status_code == 401  # no account was made
    me = await client.get(f"{API}/me", headers=alice.headers)
    patched = await client.patch(
        f"{API}/me",
        json={"display_name": "Al\u0000ice"},
        headers={**alice.headers, "If-Match": me.headers["ETag"]},
    )
    assert _control_loc(assert_problem(patched, 422)) == ["body", "display_name"]
    assert (await client.get(f"{API}/me", headers=alice.headers)).json()["display_name"] is None


async def test_nul_in_the_sign_in_username_is_422(client: httpx.AsyncClient) -> None:
    response = await client.post(
        f"{API}/auth/token",
        data={"username": "alice\u0000@example.com", "password": DEFAULT_PASSWORD},
    )
    assert _control_loc(assert_problem(response, 422)) == ["body", "username"]


@pytest.mark.parametrize(
    "query",
    [
        "q=clam%00shell",
        "q=%1B%5B31m",
        "q=%C2%85",  # U+0085, a C1 control
        "cursor=%00",
        "sort=name%00",
        "equipment=band%0A",
        "na%00me=1",  # a parameter's name counts too
    ],
)
async def test_a_control_character_anywhere_in_the_query_string_is_422(
    client: httpx.AsyncClient, query: str
) -> None:
    problem = assert_problem(await client.get(f"{API}/exercises?{query}"), 422)
    assert problem["errors"][0]["type"] == "string_control_characters"


async def test_search_text_outside_ascii_still_searches(client: httpx.AsyncClient) -> None:
    response = await client.get(f"{API}/exercises", params={"q": "Hüfte \u65e5"})
    assert response.status_code == 200, response.text


# --- Point 4: times and dates outside 1900-2200 ------------------------------------------

OUT_OF_RANGE_TIMES = [
    "0001-01-01T00:00:00+01:00",  # year 0 once in UTC: overflowed into a 500
    "9999-12-31T23:59:59-01:00",  # year 10000 once in UTC: the same
    "0001-01-01T00:00:00Z",
    "1899-12-31T23:59:59Z",
    "2201-01-01T00:00:00Z",
    "2200-12-31T23:30:00-01:00",  # in range locally, not in UTC
]


@pytest.mark.parametrize("when", OUT_OF_RANGE_TIMES)
async def test_an_exercise_sync_time_outside_the_range_is_422_for_anyone(
    client: httpx.AsyncClient, when: str
) -> None:
    response = await client.get(f"{API}/exercises", params={"updated_since": when})
    problem = assert_problem(response, 422)
    assert problem["errors"][0]["loc"] == ["query", "updated_since"]


@pytest.mark.parametrize("when", ["1900-01-01T00:00:00Z", "2200-12-31T23:59:59Z"])
async def test_the_ends_of_the_range_are_accepted(client: httpx.AsyncClient, when: str) -> None:
    response = await client.get(f"{API}/exercises", params={"updated_since": when})
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("when", OUT_OF_RANGE_TIMES)
@pytest.mark.parametrize("name", ["from", "to", "updated_since"])
async def test_a_session_list_time_outside_the_range_is_422(
    client: httpx.AsyncClient, alice: SignedIn, when: str, name: str
) -> None:
    response = await client.get(f"{API}/sessions", params={name: when}, headers=alice.headers)
    assert assert_problem(response, 422)["errors"][0]["loc"] == ["query", name]


@pytest.mark.parametrize("when", OUT_OF_RANGE_TIMES[:2])
@pytest.mark.parametrize("field", ["started_at", "ended_at"])
async def test_a_session_time_outside_the_range_is_422_and_stores_nothing(
    client: httpx.AsyncClient, alice: SignedIn, when: str, field: str
) -> None:
    body = session_payload(**{field: when})
    if field == "ended_at":
        body["started_at"] = "0001-01-01T00:00:00+02:00"
    response = await client.post(f"{API}/sessions", json=body, headers=alice.headers)
    locs = [e["loc"] for e in assert_problem(response, 422)["errors"]]
    assert ["body", field] in locs
    assert await _count(client, alice, "sessions") == 0


@pytest.mark.parametrize("when", OUT_OF_RANGE_TIMES[:2])
async def test_a_forged_cursor_carrying_an_overflowing_time_is_422(
    client: httpx.AsyncClient, alice: SignedIn, when: str
) -> None:
    exercises = await client.get(
        f"{API}/exercises",
        params={"sort": "updated_at", "cursor": forged({"s": "updated_at", "v": when, "i": "1"})},
    )
    assert assert_problem(exercises, 422)["errors"][0]["type"] == "cursor_invalid"
    cursor = forged({"s": "-started_at", "v": when, "i": "5f0c8d0e-6a43-4c3b-9a0d-2f7f3b1e9c11"})
    sessions = await client.get(f"{API}/sessions", params={"cursor": cursor}, headers=alice.headers)
    assert assert_problem(sessions, 422)["errors"][0]["type"] == "cursor_invalid"


@pytest.mark.parametrize(
    "params",
    [
        {"from": "9999-12-20", "to": "9999-12-31"},
        {"from": "0001-01-01", "to": "0001-01-07"},
        {"to": "0001-01-03"},
        {"from": "2201-01-01"},
    ],
)
async def test_progress_days_outside_the_range_are_422(
    client: httpx.AsyncClient, alice: SignedIn, params: dict[str, str]
) -> None:
    response = await client.get(f"{API}/me/progress", params=params, headers=alice.headers)
    assert assert_problem(response, 422)["errors"][0]["loc"][0] == "query"


# --- Point 2: no body amplification ------------------------------------------------------


async def test_a_mebibyte_of_nested_lists_gets_a_small_422(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    n = (1024 * 1024 - 4096) // (12 * 2 * len("{}, "))
    week = {"week": 1, "changes": [{}] * n, "items": [{}] * n, "estimated_seconds": 0}
    raw = json.dumps(routine_payload(progression=[week] * 12)).encode()
    assert 512 * 1024 < len(raw) <= 1024 * 1024
    response = await client.post(
        f"{API}/routines",
        content=raw,
        headers={**alice.headers, "Content-Type": "application/json"},
    )
    problem = assert_problem(response, 422)
    assert len(response.content) < 16 * 1024
    assert len(problem["errors"]) <= MAX_ERRORS
    assert problem["errors"][-1]["type"] == "errors_omitted"
    assert await _count(client, alice, "routines") == 0


async def test_an_enormous_key_is_not_echoed_back(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    body = routine_payload(**{"k" * 500_000: 1})
    response = await client.post(f"{API}/routines", json=body, headers=alice.headers)
    assert_problem(response, 422)
    assert len(response.content) < 4 * 1024


@pytest.mark.parametrize("length", [501, 2000])
async def test_notes_longer_than_their_500_character_column_are_422(
    client: httpx.AsyncClient, alice: SignedIn, length: int
) -> None:
    """`Field(max_length=500)` on the 2000-character Notes type was silently ignored: a
    501-2000 character note was stored on SQLite and a 500 on PostgreSQL."""
    session = session_payload(entries=[entry(notes="n" * length)])
    response = await client.post(f"{API}/sessions", json=session, headers=alice.headers)
    assert assert_problem(response, 422)["errors"][0]["loc"] == ["body", "entries", 0, "notes"]
    item = {"exercise": "monster-walk", "sets": 2, "steps": 20, "notes": "n" * length}
    routine = routine_payload(items=[item])
    response = await client.post(f"{API}/routines", json=routine, headers=alice.headers)
    assert assert_problem(response, 422)["errors"][0]["loc"] == ["body", "items", 0, "notes"]
    assert await _count(client, alice, "sessions") == 0
    assert await _count(client, alice, "routines") == 0


@pytest.mark.parametrize(("name", "length"), [("sort", 41), ("cursor", 513), ("q", 101)])
async def test_query_text_keeps_its_length_bound(
    client: httpx.AsyncClient, name: str, length: int
) -> None:
    response = await client.get(f"{API}/exercises", params={name: "a" * length})
    (error,) = assert_problem(response, 422)["errors"]
    assert error["loc"] == ["query", name]
    assert error["type"] == "string_too_long"
