"""HTTPS delivery: the worker connects to the address it checked, and the certificate is
still checked for the URL's name (a throwaway CA from trustme, a receiver on loopback)."""

from __future__ import annotations

import socket
import ssl
from collections.abc import Iterator

import httpx
import pytest
import trustme
from fastapi import FastAPI

from app.webhooks.worker import Worker
from tests.factories import SignedIn, session_payload
from tests.webhooks.conftest import deliver_until, deliveries, register
from tests.webhooks.receiver import Receiver

NAME = "localhost"


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


def _https_receiver(ca: trustme.CA, certified_for: str) -> Receiver:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(certified_for).configure_cert(context)
    # listen where the worker will connect: the first address the name resolves to
    address = socket.getaddrinfo(NAME, None, type=socket.SOCK_STREAM)[0][4][0]
    return Receiver(bind=str(address), name=NAME, tls=context).up()


@pytest.fixture
def trusting_worker(app: FastAPI, ca: trustme.CA) -> Iterator[Worker]:
    context = ssl.create_default_context()
    ca.configure_trust(context)
    delivering = Worker(app.state.settings, engine=app.state.engine, tls=context)
    yield delivering
    delivering.close()


async def test_an_https_delivery_goes_to_the_pinned_address_under_the_urls_name(
    client: httpx.AsyncClient, alice: SignedIn, ca: trustme.CA, trusting_worker: Worker
) -> None:
    receiver = _https_receiver(ca, NAME)
    try:
        endpoint = await register(client, alice, receiver.url)
        assert endpoint["url"].startswith(f"https://{NAME}:")
        await client.post("/api/v1/sessions", json=session_payload(), headers=alice.headers)
        deliver_until(trusting_worker, lambda: len(receiver.received) == 1)
    finally:
        receiver.down()
    got = receiver.received[0]
    assert got.headers["host"] == f"{NAME}:{receiver.port}"
    assert got.verify(endpoint["secret"])["type"] == "session.logged"


async def test_a_certificate_for_another_name_is_refused(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn, ca: trustme.CA
) -> None:
    context = ssl.create_default_context()
    ca.configure_trust(context)
    strict = Worker(
        app.state.settings.model_copy(update={"webhook_max_attempts": 1}),
        engine=app.state.engine,
        tls=context,
    )
    receiver = _https_receiver(ca, "somewhere-else.test")
    try:
        endpoint = await register(client, alice, receiver.url)
        await client.post("/api/v1/sessions", json=session_payload(), headers=alice.headers)
        assert strict.drain() == 1
    finally:
        receiver.down()
        strict.close()
    assert receiver.received == []
    [failed] = await deliveries(client, alice, endpoint["id"])
    assert failed["status"] == "failed"
    assert "CERTIFICATE_VERIFY_FAILED" in failed["last_error"]
