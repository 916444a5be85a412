"""HEAD wherever GET is (RFC 9110 section 9.3.2): the GET's status and headers, no body,
conditional HEADs included; 405 with `Allow` naming HEAD where GET is allowed.

Every GET operation of the spec, for every caller, is walked in
tests/test_authorization_roles.py; these are the paths it cannot name (the docs, the
calendar feed's token) and the conditional and refused cases.
"""

from __future__ import annotations

import httpx
import pytest

from tests.core.test_problems import assert_problem
from tests.factories import signed_in_user, unique_email

CLAMSHELL = "/api/v1/exercises/clamshell"


def _same_answer(head: httpx.Response, get: httpx.Response) -> None:
    assert head.content == b""
    assert head.status_code == get.status_code
    assert {k: v for k, v in head.headers.items() if k != "date"} == {
        k: v for k, v in get.headers.items() if k != "date"
    }


@pytest.mark.parametrize("path", [CLAMSHELL, "/api/v1/catalog", "/api/v1/exercises?limit=2"])
async def test_a_conditional_head_of_a_catalog_read_is_304_before_and_after_it_is_cached(
    client: httpx.AsyncClient, path: str
) -> None:
    first = await client.head(path)  # an empty cache: the route answers, the cache fills
    assert first.status_code == 200 and first.content == b""
    assert int(first.headers["content-length"]) > 0
    get = await client.get(path)
    assert int(first.headers["content-length"]) == get.num_bytes_downloaded  # gzip or not
    _same_answer(await client.head(path), get)  # from the cache
    etag = first.headers["etag"]
    assert get.headers["etag"] == etag
    not_modified = await client.head(path, headers={"If-None-Match": etag})
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert not_modified.headers["etag"] == etag
    _same_answer(not_modified, await client.get(path, headers={"If-None-Match": etag}))


async def test_a_conditional_head_of_the_calendar_feed_is_304(client: httpx.AsyncClient) -> None:
    user = await signed_in_user(client, unique_email("feed"))
    issued = await client.post("/api/v1/me/calendar-token", json={}, headers=user.headers)
    feed = issued.json()["url"]
    get = await client.get(feed)
    head = await client.head(feed)
    _same_answer(head, get)
    assert head.headers["content-type"].startswith("text/calendar")
    cached = await client.head(feed, headers={"If-None-Match": get.headers["etag"]})
    assert cached.status_code == 304 and cached.content == b""


@pytest.mark.parametrize(
    "path",
    [
        "/docs",
        "/redoc",
        "/openapi.json",
        "/docs/oauth2-redirect",
        "/docs-assets/swagger-ui.css",
        "/docs-assets/redoc.standalone.js",
        "/healthz",
        "/readyz",
        "/api/v1/fhir/metadata",
    ],
)
async def test_head_answers_the_docs_and_the_service_routes_like_get(
    client: httpx.AsyncClient, path: str
) -> None:
    _same_answer(await client.head(path), await client.get(path))


async def test_head_of_an_unknown_path_is_404_without_a_body(client: httpx.AsyncClient) -> None:
    head = await client.head("/api/v1/no-such-thing")
    assert head.status_code == 404 and head.content == b""
    assert head.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(
    ("path", "allow"),
    [
        ("/api/v1/auth/token", "POST"),
        ("/api/v1/auth/register", "POST"),
        ("/api/v1/me/password", "POST"),
    ],
)
async def test_head_where_there_is_no_get_is_405_naming_what_is_allowed(
    client: httpx.AsyncClient, path: str, allow: str
) -> None:
    head = await client.head(path)
    assert head.status_code == 405 and head.content == b""
    assert head.headers["allow"] == allow
    assert head.headers["content-type"] == "application/problem+json"


async def test_allow_names_head_wherever_it_names_get(client: httpx.AsyncClient) -> None:
    collection = await client.put("/api/v1/exercises")
    assert_problem(collection, 405)
    assert collection.headers["allow"] == "GET, HEAD, POST"
    fhir = await client.post("/api/v1/fhir/metadata")
    assert fhir.status_code == 405
    assert fhir.headers["allow"] == "GET, HEAD"
