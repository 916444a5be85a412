"""Input outside the contract is refused before it can reach the database.

Found by the reliability corpus (tests/reliability/): these used to be stored (UTF-16
JSON), fail with 500 (forged cursors, lone surrogates) or pass as a search.
"""

from __future__ import annotations

import base64
import json

import httpx
import pytest

from tests.core.test_problems import assert_problem
from tests.factories import SEEDED_EXERCISES, SignedIn, session_payload


def forged(payload: object) -> str:
    raw = json.dumps(payload).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            json.dumps({"email": "u16@example.com", "password": "long enough pass"}).encode(
                "utf-16"
            ),
            id="utf-16",
        ),
        pytest.param(
            b'{"email": "s@example.com", "password": "long enough pass", '
            b'"display_name": "a\\ud800"}',
            id="lone-surrogate",
        ),
        pytest.param(b'{"email": "n@example.com", "password": NaN}', id="nan"),
        pytest.param(b"[" * 2000 + b"]" * 2000, id="deep-nesting"),
    ],
)
async def test_json_outside_rfc_8259_utf8_is_400_and_creates_nothing(
    client: httpx.AsyncClient, body: bytes
) -> None:
    response = await client.post(
        "/api/v1/auth/register", content=body, headers={"Content-Type": "application/json"}
    )
    problem = assert_problem(response, 400)
    assert problem["errors"][0]["type"] == "json_invalid"
    signed_in = await client.post(
        "/api/v1/auth/token", data={"username": "u16@example.com", "password": "long enough pass"}
    )
    assert signed_in.status_code == 401


async def test_a_query_string_that_is_not_utf8_is_400(client: httpx.AsyncClient) -> None:
    assert_problem(await client.get("/api/v1/exercises?q=%FF%FE"), 400)


@pytest.mark.parametrize(
    ("sort", "cursor"),
    [
        pytest.param("catalog_order", {"s": "catalog_order", "v": 10**30, "i": "1"}, id="huge-v"),
        pytest.param("catalog_order", {"s": "catalog_order", "v": 1, "i": "9" * 40}, id="huge-id"),
        pytest.param("name", {"s": "name", "v": 10**30, "i": "1"}, id="number-for-text"),
        pytest.param(
            "difficulty", {"s": "difficulty", "v": "hard", "i": "1"}, id="text-for-number"
        ),
        pytest.param(
            "updated_at", {"s": "updated_at", "v": "2026-01-01T00:00:00", "i": "1"}, id="naive"
        ),
    ],
)
async def test_a_forged_exercise_cursor_is_422(
    client: httpx.AsyncClient, sort: str, cursor: dict[str, object]
) -> None:
    response = await client.get(
        "/api/v1/exercises", params={"sort": sort, "cursor": forged(cursor)}
    )
    problem = assert_problem(response, 422)
    assert problem["errors"][0]["type"] == "cursor_invalid"


async def test_a_forged_session_cursor_with_a_naive_time_is_422(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    created = await client.post("/api/v1/sessions", json=session_payload(), headers=alice.headers)
    assert created.status_code == 201
    cursor = forged({"s": "-started_at", "v": "2026-01-01T00:00:00", "i": created.json()["id"]})
    response = await client.get(
        "/api/v1/sessions", params={"cursor": cursor}, headers=alice.headers
    )
    assert_problem(response, 422)


async def test_cursors_the_list_issues_still_page_through(client: httpx.AsyncClient) -> None:
    for sort in ("name", "difficulty", "updated_at", "catalog_order"):
        seen: list[str] = []
        cursor = None
        for _ in range(10):
            params = {"sort": sort, "limit": 3, **({"cursor": cursor} if cursor else {})}
            page = (await client.get("/api/v1/exercises", params=params)).json()
            seen += [item["slug"] for item in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert len(seen) == len(set(seen)) == SEEDED_EXERCISES
