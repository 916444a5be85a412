"""Slow and half-sent requests against the real server: each is closed within its bound.

A client that opens connections and sends half a request (slowloris) must not hold
them: the server answers 408 and closes when a request head takes longer than
HEADER_TIMEOUT_SECONDS or a body longer than BODY_TIMEOUT_SECONDS. Run with short
bounds so the test is quick; every wait below has a hard limit.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from harness.server import ServerProcess, listening_port, production_env, served

HEADER_TIMEOUT = 1.0
BODY_TIMEOUT = 2.0
SLACK = 3.0  # scheduling on a loaded machine; far below "never"
CONNECTIONS = 50


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    folder: Path = tmp_path_factory.mktemp("slow-clients")
    env = production_env(
        f"sqlite:///{folder / 'slow.db'}",
        listening_port(),
        HEADER_TIMEOUT_SECONDS=str(HEADER_TIMEOUT),
        BODY_TIMEOUT_SECONDS=str(BODY_TIMEOUT),
        ARGON2_TIME_COST="1",
        ARGON2_MEMORY_KIB="8192",
    )
    with served(env, folder) as process:
        yield process


async def _answers_when_stalled(server: ServerProcess, sent: bytes, limit: float) -> list[bytes]:
    """What CONNECTIONS clients sending `sent` and stalling get; fails if one stays open."""
    results = await asyncio.gather(
        *(_closed_after(server.port, sent, limit) for _ in range(CONNECTIONS))
    )
    for elapsed, answer in results:
        assert answer != b"<still open>", f"open after {elapsed:.1f}s"
    return [answer for _, answer in results]


async def _closed_after(port: int, sent: bytes, limit: float) -> tuple[float, bytes]:
    """Send `sent` and stall; how long until the server closed, and what it answered."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    began = time.monotonic()
    writer.write(sent)
    await writer.drain()
    try:
        answer = await asyncio.wait_for(reader.read(), timeout=limit)
    except TimeoutError:
        answer = b"<still open>"
    finally:
        writer.close()
    return time.monotonic() - began, answer


HALF_SENT = {
    "nothing": b"",
    "half a request line": b"GET /api/v1/exercis",
    "half the headers": b"GET /api/v1/exercises HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ",
    "a second head after a kept-alive request": (
        b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /healthz HTTP/1.1\r\nHost: 1"
    ),
}


@pytest.mark.parametrize("name", list(HALF_SENT))
async def test_a_stalled_request_head_is_closed_within_the_bound(
    server: ServerProcess, name: str
) -> None:
    for answer in await _answers_when_stalled(server, HALF_SENT[name], HEADER_TIMEOUT + SLACK):
        assert answer.endswith(
            b"HTTP/1.1 408 Request Timeout\r\n"
            b"content-type: text/plain; charset=utf-8\r\n"
            b"content-length: 0\r\nconnection: close\r\n\r\n"
        )
    assert (await httpx.AsyncClient().get(f"{server.base_url}/healthz")).status_code == 200


STALLED_BODIES = {
    "half a JSON body": (
        b"POST /api/v1/auth/register HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b'Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{"email": '
    ),
    "a chunked body that stops": (
        b"POST /api/v1/auth/register HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b'Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"a":\r\n'
    ),
    "a GET with a body that never comes": (
        b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\nabc"
    ),
}


@pytest.mark.parametrize("name", list(STALLED_BODIES))
async def test_a_stalled_request_body_is_closed_within_the_bound(
    server: ServerProcess, name: str
) -> None:
    for answer in await _answers_when_stalled(server, STALLED_BODIES[name], BODY_TIMEOUT + SLACK):
        status = answer.split(b"\r\n", 1)[0]
        assert status in (b"HTTP/1.1 408 Request Timeout", b"HTTP/1.1 200 OK"), answer[:200]


async def test_the_server_does_not_name_itself(server: ServerProcess) -> None:
    async with httpx.AsyncClient(base_url=server.base_url) as client:
        for path in ("/healthz", "/api/v1/exercises", "/api/v1/nowhere", "/docs"):
            answer = await client.get(path)
            assert "server" not in answer.headers, path
            assert answer.headers["x-content-type-options"] == "nosniff"
