"""Proxy headers are believed only from `TRUSTED_PROXIES`, on a real server: a client on
loopback cannot pick the address the sign-up limit counts or the access log records.

The server trusts 127.0.0.2 only. Linux answers on all of 127.0.0.0/8, so a client bound
to 127.0.0.2 plays the proxy and one on 127.0.0.1 a local process forging the header
(which uvicorn believed by default).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from app.core.config import Settings
from app.core.server import proxy_options
from harness.server import ServerProcess, listening_port, new_database, served, test_env
from tests.conftest import TEST_SECRET
from tests.factories import (
    DEFAULT_PASSWORD,
    SignedIn,
    create_clinic,
    signed_in_user,
    take_into_care,
    unique_email,
)

PROXY = "127.0.0.2"
SIGN_UPS_PER_ADDRESS = 3


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerProcess]:
    folder = tmp_path_factory.mktemp(f"proxies-{request.param}")
    with new_database(request.param, request, folder) as database:
        env = test_env(
            database,
            listening_port(),
            TEST_SECRET,
            TRUSTED_PROXIES=f"{PROXY}/32",
            REGISTER_MAX_PER_ADDRESS=str(SIGN_UPS_PER_ADDRESS),
        )
        with served(env, folder) as running:
            yield running


def _client(server: ServerProcess, source: str) -> httpx.AsyncClient:
    transport = httpx.AsyncHTTPTransport(local_address=source)
    return httpx.AsyncClient(transport=transport, base_url=server.base_url, timeout=30)


@pytest.fixture
async def direct(server: ServerProcess) -> AsyncIterator[httpx.AsyncClient]:
    async with _client(server, "127.0.0.1") as client:
        yield client


@pytest.fixture
async def proxy(server: ServerProcess) -> AsyncIterator[httpx.AsyncClient]:
    async with _client(server, PROXY) as client:
        yield client


async def _sign_up(client: httpx.AsyncClient, forwarded_for: str) -> int:
    answer = await client.post(
        "/api/v1/auth/register",
        json={"email": unique_email("proxied"), "password": DEFAULT_PASSWORD},
        headers={"X-Forwarded-For": forwarded_for},
    )
    return answer.status_code


async def test_a_forged_forwarded_for_from_loopback_does_not_escape_the_sign_up_limit(
    direct: httpx.AsyncClient,
) -> None:
    forged = [f"203.0.113.{n}" for n in range(1, SIGN_UPS_PER_ADDRESS + 2)]
    statuses = [await _sign_up(direct, address) for address in forged]
    assert statuses == [201] * SIGN_UPS_PER_ADDRESS + [429]


async def test_the_trusted_proxy_names_the_client_the_sign_up_limit_counts(
    proxy: httpx.AsyncClient,
) -> None:
    """Counted per forwarded address: more sign-ups than one address may make all pass,
    until one address has made its share."""
    statuses = [await _sign_up(proxy, f"198.51.100.{n}") for n in range(1, 5)]
    assert statuses == [201] * 4
    again = [await _sign_up(proxy, "198.51.100.1") for _ in range(SIGN_UPS_PER_ADDRESS)]
    assert again == [201] * (SIGN_UPS_PER_ADDRESS - 1) + [429]


async def _access_log_addresses(client: httpx.AsyncClient, patient: SignedIn) -> list[str]:
    answer = await client.get("/api/v1/me/access-log?limit=100", headers=patient.headers)
    assert answer.status_code == 200, answer.text
    return [entry["address"] for entry in answer.json()["items"]]


async def test_the_access_log_records_the_connection_unless_a_trusted_proxy_names_another(
    direct: httpx.AsyncClient, proxy: httpx.AsyncClient
) -> None:
    clinician = await signed_in_user(proxy, display_name="Dr Lee")
    patient = await signed_in_user(proxy)
    clinic_id = await create_clinic(proxy, clinician)
    await take_into_care(proxy, clinician, clinic_id, patient)
    before = await _access_log_addresses(proxy, patient)
    sessions = f"/api/v1/clinics/{clinic_id}/patients/{patient.id}/sessions"
    for client, forwarded_for in ((direct, "203.0.113.66"), (proxy, "198.51.100.66")):
        answer = await client.get(
            sessions, headers={**clinician.headers, "X-Forwarded-For": forwarded_for}
        )
        assert answer.status_code == 200, answer.text
    after = await _access_log_addresses(proxy, patient)
    assert after[: len(after) - len(before)] == ["198.51.100.66", "127.0.0.1"]


def test_proxy_headers_are_off_unless_proxies_are_named() -> None:
    """The default (every environment) believes no header; named proxies are the only
    ones uvicorn is told of (its own default trusts loopback)."""
    assert proxy_options(Settings(_env_file=None)) == {
        "proxy_headers": False,
        "forwarded_allow_ips": [],
    }
    named = Settings(_env_file=None, trusted_proxies="10.0.0.5, 192.168.0.0/24")
    assert proxy_options(named) == {
        "proxy_headers": True,
        "forwarded_allow_ips": ["10.0.0.5/32", "192.168.0.0/24"],
    }
