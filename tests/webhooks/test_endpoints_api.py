"""Registering and managing webhook endpoints over HTTP: secrets, ETags, isolation, bounds."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from app.main import create_app
from tests.conftest import asgi_client, shared_engine, test_settings, with_resolved_routes
from tests.factories import SignedIn
from tests.webhooks.conftest import deliveries, register
from tests.webhooks.receiver import Receiver

BASE = "/api/v1/me/webhooks"


@pytest.fixture
async def strict(database_url: str, app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """A client of an app with the default (production) webhook settings, on the same
    database as `app`: no network is allow-listed and only https is accepted."""
    settings = test_settings(database_url)
    production_like = with_resolved_routes(create_app(settings, engine=shared_engine(settings)))
    async with asgi_client(production_like) as c:
        yield c


async def test_the_secret_is_shown_at_creation_and_never_listed(
    client: httpx.AsyncClient, alice: SignedIn, receiver: Receiver
) -> None:
    created = await register(client, alice, receiver.url, ["session.logged", "alert.raised"])
    assert created["secret"].startswith("whsec_")
    assert created["event_types"] == ["alert.raised", "session.logged"]
    assert created["enabled"] is True
    one = await client.get(f"{BASE}/{created['id']}", headers=alice.headers)
    assert one.status_code == 200
    assert "secret" not in one.json()
    assert one.headers["etag"]
    listed = (await client.get(BASE, headers=alice.headers)).json()
    assert [e["id"] for e in listed["items"]] == [created["id"]]
    assert "secret" not in listed["items"][0]


async def test_two_users_never_see_each_others_endpoints_or_deliveries(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn, receiver: Receiver
) -> None:
    mine = await register(client, alice, receiver.url)
    ping = await client.post(f"{BASE}/{mine['id']}/ping", headers=alice.headers)
    assert ping.status_code == 202
    etag = (await client.get(f"{BASE}/{mine['id']}", headers=alice.headers)).headers["etag"]
    as_bob = {**bob.headers, "If-Match": etag}
    for method, path in [
        ("GET", f"{BASE}/{mine['id']}"),
        ("GET", f"{BASE}/{mine['id']}/deliveries"),
        ("POST", f"{BASE}/{mine['id']}/ping"),
        ("POST", f"{BASE}/{mine['id']}/rotate-secret"),
        ("DELETE", f"{BASE}/{mine['id']}"),
    ]:
        response = await client.request(method, path, headers=as_bob)
        assert response.status_code == 404, (method, path, response.text)
    patched = await client.patch(f"{BASE}/{mine['id']}", json={"enabled": False}, headers=as_bob)
    assert patched.status_code == 404
    assert (await client.get(BASE, headers=bob.headers)).json()["items"] == []
    # alice's endpoint is untouched by all of bob's attempts
    assert len(await deliveries(client, alice, mine["id"])) == 1
    assert (await client.get(f"{BASE}/{mine['id']}", headers=alice.headers)).headers["etag"] == etag


async def test_changes_need_the_current_etag(
    client: httpx.AsyncClient, alice: SignedIn, receiver: Receiver
) -> None:
    created = await register(client, alice, receiver.url)
    url = f"{BASE}/{created['id']}"
    etag = (await client.get(url, headers=alice.headers)).headers["etag"]
    missing = await client.patch(url, json={"description": "x"}, headers=alice.headers)
    assert missing.status_code == 428
    changed = await client.patch(
        url,
        json={"description": "coach app", "event_types": ["session.deleted"]},
        headers={**alice.headers, "If-Match": etag},
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["event_types"] == ["session.deleted"]
    stale = await client.patch(
        url, json={"description": "again"}, headers={**alice.headers, "If-Match": etag}
    )
    assert stale.status_code == 412
    stale_delete = await client.delete(url, headers={**alice.headers, "If-Match": etag})
    assert stale_delete.status_code == 412
    gone = await client.delete(url, headers={**alice.headers, "If-Match": changed.headers["etag"]})
    assert gone.status_code == 204
    assert (await client.get(url, headers=alice.headers)).status_code == 404


@pytest.mark.parametrize(
    "body",
    [
        {"url": "ftp://127.0.0.1/x", "event_types": ["session.logged"]},
        {"url": "http://user:pw@127.0.0.1/x", "event_types": ["session.logged"]},
        {"url": "http://127.0.0.1/x\u0000", "event_types": ["session.logged"]},
        {"url": "http://127.0.0.1/" + "a" * 2100, "event_types": ["session.logged"]},
        {"url": "http://127.0.0.1/x", "event_types": []},
        {"url": "http://127.0.0.1/x", "event_types": ["session.eaten"]},
        {"url": "http://127.0.0.1/x", "event_types": ["session.logged"], "secret": "mine"},
        {"url": "not a url", "event_types": ["session.logged"]},
        {"url": "http://127.0.0.1/x", "description": "a\u001bb", "event_types": ["alert.raised"]},
    ],
)
async def test_bad_registrations_are_422_and_store_nothing(
    client: httpx.AsyncClient, alice: SignedIn, body: dict[str, object]
) -> None:
    response = await client.post(BASE, json=body, headers=alice.headers)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert (await client.get(BASE, headers=alice.headers)).json()["items"] == []


async def test_sixteen_concurrent_registrations_never_exceed_the_quota(
    client: httpx.AsyncClient, alice: SignedIn, receiver: Receiver
) -> None:
    body = {"url": receiver.url, "event_types": ["session.logged"]}
    answers = await asyncio.gather(
        *[client.post(BASE, json=body, headers=alice.headers) for _ in range(16)]
    )
    statuses = sorted(a.status_code for a in answers)
    assert statuses == [201] * 10 + [409] * 6
    listed = (await client.get(f"{BASE}?limit=100", headers=alice.headers)).json()["items"]
    assert len(listed) == 10


async def test_a_retried_registration_makes_one_endpoint_and_answers_its_secret(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn, receiver: Receiver
) -> None:
    body = {"id": str(uuid.uuid4()), "url": receiver.url, "event_types": ["session.logged"]}
    answers = await asyncio.gather(
        *[client.post(BASE, json=body, headers=alice.headers) for _ in range(16)]
    )
    assert sorted(a.status_code for a in answers) == [200] * 15 + [201]
    assert {(a.json()["id"], a.json()["secret"]) for a in answers} == {
        (body["id"], answers[0].json()["secret"])
    }
    listed = (await client.get(f"{BASE}?limit=100", headers=alice.headers)).json()["items"]
    assert [e["id"] for e in listed] == [body["id"]]
    # Another body under the id, or someone else's retry of it: 409, nothing stored.
    other = {**body, "event_types": ["session.deleted"]}
    assert (await client.post(BASE, json=other, headers=alice.headers)).status_code == 409
    assert (await client.post(BASE, json=body, headers=bob.headers)).status_code == 409
    assert (await client.get(BASE, headers=bob.headers)).json()["items"] == []
    one = (await client.get(f"{BASE}/{body['id']}", headers=alice.headers)).json()
    assert one["event_types"] == ["session.logged"]


@pytest.mark.parametrize(
    "url",
    [
        "https://127.0.0.1/hook",
        "https://localhost/hook",
        "https://10.1.2.3/hook",
        "https://192.168.0.10/hook",
        "https://172.16.5.4/hook",
        "https://169.254.169.254/latest/meta-data",
        "https://[::1]/hook",
        "https://[fe80::1]/hook",
        "https://[::ffff:127.0.0.1]/hook",
        "https://224.0.0.1/hook",
        "https://240.0.0.1/hook",
        "https://0.0.0.0/hook",
        "https://100.64.0.1/hook",
        # IPv6 forms that carry an internal IPv4 address (each reaches it on the way)
        "https://[2002:7f00:1::1]/hook",  # 6to4 of 127.0.0.1
        "https://[2002:a9fe:a9fe::1]/latest/meta-data",  # 6to4 of 169.254.169.254
        "https://[64:ff9b::7f00:1]/hook",  # NAT64 of 127.0.0.1
        "https://[64:ff9b:1::5db8:d70e]/hook",  # local-use NAT64: wherever the network says
        "https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/hook",  # Teredo, client 127.0.0.1
        "https://[::127.0.0.1]/hook",  # IPv4-compatible
        "https://[::ffff:0:a00:1]/hook",  # IPv4-translated 10.0.0.1
        "https://[2600::200:5efe:a00:1]/hook",  # ISATAP of 10.0.0.1
        "https://93.184.215.14:99999/hook",
        "https://93.184.215.14:0/hook",
        "http://93.184.215.14/hook",  # public, but plain http is refused in production
    ],
)
async def test_production_settings_refuse_internal_targets(
    strict: httpx.AsyncClient, alice: SignedIn, url: str
) -> None:
    """Server-side request forgery: the default settings allow-list nothing."""
    body = {"url": url, "event_types": ["session.logged"]}
    response = await strict.post(BASE, json=body, headers=alice.headers)
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["loc"] == ["body", "url"]
    assert (await strict.get(BASE, headers=alice.headers)).json()["items"] == []


async def test_a_port_out_of_range_is_422_naming_the_range(
    strict: httpx.AsyncClient, alice: SignedIn
) -> None:
    body = {"url": "https://example.org:99999/hook", "event_types": ["session.logged"]}
    response = await strict.post(BASE, json=body, headers=alice.headers)
    assert response.status_code == 422, response.text
    [error] = response.json()["errors"]
    assert error["loc"] == ["body", "url"]
    assert error["msg"] == "the port 99999 is outside 1-65535"


async def test_a_6to4_address_is_refused_naming_the_ipv4_address_it_carries(
    strict: httpx.AsyncClient, alice: SignedIn
) -> None:
    body = {"url": "https://[2002:7f00:1::1]/hook", "event_types": ["session.logged"]}
    response = await strict.post(BASE, json=body, headers=alice.headers)
    assert response.status_code == 422, response.text
    assert "carrying 127.0.0.1 (6to4), a loopback address" in response.json()["detail"]


@pytest.mark.parametrize(
    "url",
    [
        "https://[2002:5db8:d70e::1]/hook",  # 6to4 of a public address
        "https://[64:ff9b::5db8:d70e]/hook",  # NAT64 of a public address
        "https://93.184.215.14:65535/hook",
    ],
)
async def test_transition_forms_of_a_public_address_are_accepted(
    strict: httpx.AsyncClient, alice: SignedIn, url: str
) -> None:
    body = {"url": url, "event_types": ["session.logged"]}
    response = await strict.post(BASE, json=body, headers=alice.headers)
    assert response.status_code == 201, response.text


async def test_a_public_https_address_is_accepted_by_production_settings(
    strict: httpx.AsyncClient, alice: SignedIn
) -> None:
    """The refusal is about the address, not every URL: a public literal passes (no DNS)."""
    body = {"url": "https://93.184.215.14/hook", "event_types": ["session.logged"]}
    response = await strict.post(BASE, json=body, headers=alice.headers)
    assert response.status_code == 201, response.text


async def test_changing_the_url_is_vetted_too(strict: httpx.AsyncClient, alice: SignedIn) -> None:
    body = {"url": "https://93.184.215.14/hook", "event_types": ["session.logged"]}
    created = (await strict.post(BASE, json=body, headers=alice.headers)).json()
    url = f"{BASE}/{created['id']}"
    etag = (await strict.get(url, headers=alice.headers)).headers["etag"]
    moved = await strict.patch(
        url, json={"url": "https://169.254.169.254/"}, headers={**alice.headers, "If-Match": etag}
    )
    assert moved.status_code == 422
    assert (await strict.get(url, headers=alice.headers)).json()["url"] == body["url"]


async def test_unknown_endpoint_is_404(client: httpx.AsyncClient, alice: SignedIn) -> None:
    response = await client.get(f"{BASE}/{uuid.uuid4()}/deliveries", headers=alice.headers)
    assert response.status_code == 404


async def test_the_account_export_lists_your_endpoints_without_their_secrets(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn, receiver: Receiver
) -> None:
    created = await register(client, alice, receiver.url)
    await register(client, bob, receiver.url)
    exported = (await client.get("/api/v1/me/export", headers=alice.headers)).json()
    assert [e["id"] for e in exported["webhooks"]] == [created["id"]]
    assert created["secret"] not in str(exported)
