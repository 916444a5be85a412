"""Every error is RFC 9457 problem+json, and nothing internal (traceback, SQL) reaches a client.

Besides the real routes, the app under test gets two probe routes: `POST /probe/echo`
takes a JSON body (for 400, 413, 415 and 422 on bodies) and `GET /probe/crash/...` fails
inside the handler (for 500).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from pydantic import BaseModel, Field
from sqlalchemy import text

from app.core.deps import SessionDep

PROBLEM = "application/problem+json"
PROBLEM_KEYS = {"type", "title", "status", "detail", "instance", "errors"}
ONE_MIB = 1024 * 1024
SECRET = "secret SQL select * from x"


class EchoBody(BaseModel):
    name: str = Field(min_length=1, max_length=50)
    count: int = Field(ge=0, le=10)


@pytest.fixture
def app(app: FastAPI) -> FastAPI:
    """The real app plus probe routes that exercise body handling and crashes."""

    @app.post("/probe/echo", summary="Echo", description="Probe: returns its JSON body.")
    def echo(body: EchoBody) -> EchoBody:
        return body

    @app.get("/probe/crash/python", summary="Crash", description="Probe: raises.")
    def crash() -> None:
        raise RuntimeError(SECRET)

    @app.get("/probe/crash/sql", summary="Bad SQL", description="Probe: runs bad SQL.")
    def bad_sql(session: SessionDep) -> None:
        session.execute(text("SELECT secret_column FROM no_such_table"))

    return app


def assert_problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body: dict[str, Any] = response.json()
    assert set(body) == PROBLEM_KEYS
    assert body["status"] == status
    assert body["type"].startswith("https://medius.dev/problems/")
    assert body["title"] and body["detail"]
    assert body["instance"] == response.request.url.path
    assert isinstance(body["errors"], list)
    return body


async def _chunks(total: int, size: int = 64 * 1024) -> AsyncIterator[bytes]:
    sent = 0
    while sent < total:
        chunk = b"x" * min(size, total - sent)
        sent += len(chunk)
        yield chunk


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [
        pytest.param("GET", "/no-such-route", {}, 404, id="unknown-route"),
        pytest.param("GET", "/api/v1/no-such-resource", {}, 404, id="unknown-api-route"),
        pytest.param("GET", "/api/v1/exercises/no-such-exercise", {}, 404, id="unknown-slug"),
        pytest.param("PUT", "/api/v1/exercises", {}, 405, id="method-not-allowed"),
        pytest.param("DELETE", "/healthz", {}, 405, id="method-not-allowed-outside-api"),
        pytest.param("GET", "/api/v1/exercises", {"params": {"limit": 0}}, 422, id="bad-query"),
        pytest.param(
            "GET", "/api/v1/exercises", {"params": {"sort": "colour"}}, 422, id="bad-sort"
        ),
        pytest.param("GET", "/api/v1/exercises/Not_A_Slug", {}, 422, id="bad-path-parameter"),
        pytest.param(
            "POST",
            "/probe/echo",
            {"content": b'{"name": "a", ', "headers": {"content-type": "application/json"}},
            400,
            id="malformed-json",
        ),
        pytest.param(
            "POST", "/probe/echo", {"json": {"name": "", "count": 11}}, 422, id="invalid-body"
        ),
        pytest.param(
            "POST", "/probe/echo", {"json": ["not", "an", "object"]}, 422, id="wrong-shape"
        ),
        pytest.param(
            "POST",
            "/probe/echo",
            {"content": b"name=a", "headers": {"content-type": "text/plain"}},
            415,
            id="text-plain-body",
        ),
        pytest.param(
            "POST",
            "/probe/echo",
            {"content": b'{"name": "a", "count": 1}'},
            415,
            id="body-without-content-type",
        ),
        pytest.param(
            "POST",
            "/probe/echo",
            {"content": b"x" * (ONE_MIB + 1), "headers": {"content-type": "application/json"}},
            413,
            id="body-over-1mib-with-content-length",
        ),
        pytest.param("GET", "/probe/crash/python", {}, 500, id="unhandled-exception"),
        pytest.param("GET", "/probe/crash/sql", {}, 500, id="database-error"),
    ],
)
async def test_every_error_is_a_problem_document(
    client: httpx.AsyncClient, method: str, path: str, kwargs: dict[str, Any], status: int
) -> None:
    response = await client.request(method, path, **kwargs)
    assert_problem(response, status)


async def test_streamed_body_over_1mib_without_content_length_is_413(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post(
        "/probe/echo",
        content=_chunks(ONE_MIB + 1),
        headers={"content-type": "application/json"},
    )
    assert "content-length" not in response.request.headers
    assert response.request.headers["transfer-encoding"] == "chunked"
    body = assert_problem(response, 413)
    assert str(ONE_MIB) in body["detail"]


async def test_body_of_exactly_1mib_is_read_and_validated(client: httpx.AsyncClient) -> None:
    padding = ONE_MIB - len(b'{"name": "a", "count": 1, "pad": ""}')
    content = b'{"name": "a", "count": 1, "pad": "' + b" " * padding + b'"}'
    assert len(content) == ONE_MIB
    response = await client.post(
        "/probe/echo", content=content, headers={"content-type": "application/json"}
    )
    assert response.status_code == 200, response.text
    assert response.json() == {"name": "a", "count": 1}


async def test_valid_json_body_reaches_the_route(client: httpx.AsyncClient) -> None:
    response = await client.post("/probe/echo", json={"name": "x", "count": 2})
    assert response.status_code == 200
    assert response.json() == {"name": "x", "count": 2}


async def test_malformed_json_is_400_not_422(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/probe/echo", content=b"{oops", headers={"content-type": "application/json"}
    )
    body = assert_problem(response, 400)
    assert body["errors"] and body["errors"][0]["type"] == "json_invalid"


async def test_invalid_values_name_each_offending_field(client: httpx.AsyncClient) -> None:
    response = await client.post("/probe/echo", json={"name": "", "count": 11})
    body = assert_problem(response, 422)
    assert {tuple(e["loc"]) for e in body["errors"]} == {("body", "name"), ("body", "count")}
    assert all(e["msg"] and e["type"] for e in body["errors"])


async def test_405_says_which_methods_are_allowed(client: httpx.AsyncClient) -> None:
    response = await client.put("/api/v1/exercises")
    assert_problem(response, 405)
    assert response.headers["allow"] == "GET, HEAD, POST"  # every route at the path, not the first
    detail = await client.put("/api/v1/exercises/clamshell")
    assert detail.headers["allow"] == "DELETE, GET, HEAD, PATCH"


@pytest.mark.parametrize("path", ["/probe/crash/python", "/probe/crash/sql"])
async def test_500_hides_the_exception_and_logs_it(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture, path: str
) -> None:
    with caplog.at_level(logging.ERROR, logger="medius"):
        response = await client.get(path)

    body = assert_problem(response, 500)
    assert body["detail"] == "An unexpected error occurred; it has been logged."
    for leak in ("secret", "select", "SELECT", "no_such_table", "Traceback", 'File "'):
        assert leak not in response.text
    logged = [r for r in caplog.records if r.name == "medius" and r.exc_info]
    assert logged, "the failure must reach the server log"
    assert path in logged[0].getMessage()
