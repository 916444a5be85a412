"""The worker as it runs in production: `python -m app worker` subprocesses.

At-least-once across `kill -9` (a lease that runs out), and two workers on PostgreSQL
sharing the outbox without sending an event twice.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select
from sqlmodel import Session

from app.core.vocabulary import DeliveryStatus
from app.webhooks.models import WebhookDelivery
from harness.server import REPO_ROOT
from tests.conftest import TEST_SECRET
from tests.factories import SignedIn, session_payload
from tests.webhooks.conftest import register
from tests.webhooks.receiver import Receiver


def _env(database_url: str, **overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WEBHOOK_")}
    env.update(
        {
            "DATABASE_URL": database_url,
            "ENV": "test",
            "SECRET_KEY": TEST_SECRET,
            "LOG_LEVEL": "warning",
            "PYTHONUNBUFFERED": "1",
            "WEBHOOK_ALLOWED_NETWORKS": "127.0.0.0/8",
            "WEBHOOK_ALLOW_HTTP": "true",
            "WEBHOOK_TIMEOUT_SECONDS": "1",
            "WEBHOOK_LEASE_SECONDS": "3",
            "WEBHOOK_POLL_SECONDS": "0.05",
            "WEBHOOK_BACKOFF_SECONDS": "0.05",
            "WEBHOOK_BACKOFF_MAX_SECONDS": "0.2",
            "WEBHOOK_MAX_ATTEMPTS": "20",
            **overrides,
        }
    )
    return env


@contextmanager
def worker_process(env: dict[str, str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    with log.open("ab") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "app", "worker"],
            cwd=REPO_ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait(done: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.05)


def _statuses(app: FastAPI) -> list[DeliveryStatus]:
    with Session(app.state.engine) as session:
        return list(session.execute(select(WebhookDelivery.status)).scalars())


async def _log_sessions(client: httpx.AsyncClient, user: SignedIn, n: int) -> list[str]:
    ids = []
    for _ in range(n):
        body = session_payload()
        response = await client.post("/api/v1/sessions", json=body, headers=user.headers)
        assert response.status_code == 201
        ids.append(body["id"])
    return ids


async def test_an_event_survives_a_worker_killed_mid_delivery(
    client: httpx.AsyncClient,
    app: FastAPI,
    alice: SignedIn,
    receiver: Receiver,
    database_url: str,
    tmp_path: Path,
) -> None:
    endpoint = await register(client, alice, receiver.url)
    [session_id] = await _log_sessions(client, alice, 1)
    receiver.holding = True  # the first attempt reaches the receiver and never gets an answer
    env = _env(database_url)
    with worker_process(env, tmp_path / "worker1.log") as first:
        assert receiver.arrived.wait(60), (tmp_path / "worker1.log").read_text()
        os.kill(first.pid, signal.SIGKILL)
        first.wait()
    assert first.returncode == -signal.SIGKILL
    assert _statuses(app) == [DeliveryStatus.PENDING]  # leased by a dead worker
    receiver.holding = False
    receiver.release.set()
    with worker_process(env, tmp_path / "worker2.log"):
        _wait(lambda: _statuses(app) == [DeliveryStatus.DELIVERED])
    kept = receiver.unique()
    assert len(receiver.received) >= 2  # the killed attempt, then the redelivery
    assert len(kept) == 1  # one event after deduplication by webhook-id
    [event] = kept.values()
    assert event.verify(endpoint["secret"])["data"]["session"]["id"] == session_id
    assert {r.webhook_id for r in receiver.received} == set(kept)


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_two_workers_on_postgresql_deliver_each_event_once(
    client: httpx.AsyncClient,
    app: FastAPI,
    alice: SignedIn,
    bob: SignedIn,
    receiver: Receiver,
    database_url: str,
    tmp_path: Path,
) -> None:
    await register(client, alice, receiver.url)
    await register(client, bob, receiver.url)
    ids = await _log_sessions(client, alice, 20) + await _log_sessions(client, bob, 20)
    # a lease far longer than any delivery here: a second send could only come from two
    # workers claiming the same row, which SKIP LOCKED must prevent
    env = _env(database_url, WEBHOOK_LEASE_SECONDS="60", WEBHOOK_WORKER_THREADS="2")
    with (
        worker_process(env, tmp_path / "a.log"),
        worker_process(env, tmp_path / "b.log"),
    ):
        _wait(lambda: _statuses(app).count(DeliveryStatus.DELIVERED) == 40)
    assert len(receiver.received) == 40, "an event was sent twice"
    sessions = {r.json["data"]["session"]["id"] for r in receiver.unique().values()}
    assert sessions == set(ids)
    assert len({uuid.UUID(i) for i in ids}) == 40
