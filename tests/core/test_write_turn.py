"""SQLite writers wait for their turn on the event loop, not on a request thread
(app/core/db.py `write_turn`, app/users/auth.py `Unit.write`): while another process
holds SQLite's write lock, queued writes leave threads free and reads keep flowing."""

from __future__ import annotations

import asyncio
import sqlite3
import uuid

import anyio
import pytest
from anyio import to_thread
from fastapi import FastAPI
from sqlalchemy.engine import make_url

from app.core.db import write_turn
from app.main import create_app
from tests.conftest import asgi_client, test_settings
from tests.factories import eventually, session_payload, signed_in_user

# SQLite only: PostgreSQL writers take row locks side by side, so it has no write turn.
pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


async def test_queued_writers_leave_threads_for_reads(app: FastAPI, database_url: str) -> None:
    url = make_url(database_url)
    # Three request threads; SQLite's own wait is far longer than the read may take.
    threaded = create_app(
        test_settings(database_url, worker_threads=3, sqlite_busy_timeout_ms=30000)
    )
    try:
        async with threaded.router.lifespan_context(threaded), asgi_client(threaded) as client:
            user = await signed_in_user(client)
            other_process = sqlite3.connect(url.database or "", isolation_level=None)
            other_process.execute("BEGIN IMMEDIATE")  # holds the write lock
            try:
                writes = [
                    asyncio.create_task(
                        client.post(
                            "/api/v1/sessions",
                            json=session_payload(id=str(uuid.uuid4())),
                            headers=user.headers,
                        )
                    )
                    for _ in range(6)
                ]
                # Every write queued: two turns taken, their two threads waiting on SQLite's
                # lock, the other writes waiting for a turn on the event loop.
                turn = write_turn(threaded.state.engine)
                threads = to_thread.current_default_thread_limiter()
                await eventually(lambda: turn.locked() and threads.borrowed_tokens == 2)
                assert not any(w.done() for w in writes)
                with anyio.fail_after(10):  # a third of SQLite's wait: no write timed out
                    me = await client.get("/api/v1/me", headers=user.headers)
                assert me.status_code == 200, me.text
                assert not any(w.done() for w in writes)
            finally:
                other_process.rollback()
                other_process.close()
            created = await asyncio.gather(*writes)
            assert [r.status_code for r in created] == [201] * 6
    finally:
        threaded.state.engine.dispose()
