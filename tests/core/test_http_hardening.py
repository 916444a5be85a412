"""What an outside scanner checks first: encodings, security headers, conditional writes."""

from __future__ import annotations

import base64
import hashlib
import re

import httpx
import pytest

from app.core.negotiation import accepts_gzip
from tests.factories import SignedIn, session_payload


@pytest.mark.parametrize(
    ("header", "gzip"),
    [
        (None, False),
        ("", False),
        ("gzip", True),
        ("GZIP", True),
        ("x-gzip", True),
        ("gzip, deflate, br", True),
        ("br;q=1.0, gzip;q=0.8, *;q=0.1", True),
        ("gzip;q=0.5", True),
        ("*", True),
        ("identity", False),
        ("gzip;q=0, identity", False),
        ("gzip;q=0", False),
        ("identity, gzip;q=0", False),
        ("*;q=0, identity", False),
        ("*;q=0", False),
        ("gzip;q=0.5, identity", False),
        ("deflate", False),
        ("nogzip", False),
        ("gzipx;q=1", False),
        ("gzip;q=bogus", True),
    ],
)
def test_accept_encoding_is_parsed_with_weights(header: str | None, gzip: bool) -> None:
    assert accepts_gzip(header) is gzip


async def test_catalog_is_not_gzipped_for_a_client_that_refuses_gzip(
    client: httpx.AsyncClient,
) -> None:
    for path in ("/api/v1/catalog", "/api/v1/exercises"):
        for _ in range(2):  # the second answer comes from the response cache
            refused = await client.get(path, headers={"Accept-Encoding": "gzip;q=0, identity"})
            assert refused.status_code == 200
            assert "content-encoding" not in refused.headers
            assert refused.json()
    taken = await client.get("/api/v1/catalog", headers={"Accept-Encoding": "gzip;q=0.8"})
    assert taken.headers["content-encoding"] == "gzip"


async def test_every_response_carries_the_security_headers(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    answers = [
        await client.get("/api/v1/exercises"),
        await client.get("/api/v1/exercises"),  # from the response cache
        await client.get("/api/v1/sessions", headers=alice.headers),
        await client.get("/api/v1/nowhere"),
        await client.post("/api/v1/sessions", content=b"{", headers=alice.headers),
        await client.get("/openapi.json"),
        await client.get("/healthz"),
    ]
    for answer in answers:
        assert answer.headers["x-content-type-options"] == "nosniff", answer.url
        assert answer.headers["x-frame-options"] == "DENY"
        assert "frame-ancestors 'none'" in answer.headers["content-security-policy"]
        assert answer.headers["content-security-policy"].startswith("default-src 'none'")


async def test_docs_pages_allow_only_their_own_assets_and_inline_scripts(
    client: httpx.AsyncClient,
) -> None:
    for path in ("/docs", "/redoc", "/docs/oauth2-redirect"):
        page = await client.get(path)
        policy = page.headers["content-security-policy"]
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
        assert directives["default-src"] == "'self'"
        assert directives["frame-ancestors"] == "'none'"
        assert "unsafe-inline" not in directives["script-src"]
        assert "http" not in policy  # no other origin, no CDN
        for script in re.findall(r"<script>(.*?)</script>", page.text, re.DOTALL):
            digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in directives["script-src"]
        assert page.headers["x-content-type-options"] == "nosniff"


async def test_if_match_compares_strongly_and_star_still_matches(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    created = await client.post("/api/v1/sessions", json=session_payload(), headers=alice.headers)
    url = f"/api/v1/sessions/{created.json()['id']}"
    etag = created.headers["etag"]
    weak = await client.patch(
        url, json={"notes": "weak"}, headers={**alice.headers, "If-Match": f"W/{etag}"}
    )
    assert weak.status_code == 412
    listed = await client.patch(
        url, json={"notes": "listed"}, headers={**alice.headers, "If-Match": f'"x", {etag}'}
    )
    assert listed.status_code == 200
    star = await client.patch(
        url, json={"notes": "any"}, headers={**alice.headers, "If-Match": "*"}
    )
    assert star.status_code == 200 and star.json()["notes"] == "any"
    cached = await client.get("/api/v1/exercises/clamshell")
    revalidated = await client.get(
        "/api/v1/exercises/clamshell", headers={"If-None-Match": f"W/{cached.headers['etag']}"}
    )
    assert revalidated.status_code == 304  # If-None-Match stays a weak comparison
