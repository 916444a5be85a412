"""kill -9 in the middle of a write load, restart: acknowledged writes survive whole."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx
from sqlalchemy import Engine, func, select

from app.logbook.sessions.models import SessionEntry, WorkoutSession
from tests.factories import Account, session_body, sign_up
from tests.reliability.conftest import LOAD, Live, same_entries


def stored_entry_counts(engine: Engine) -> dict[uuid.UUID, int]:
    """Every stored session with how many entries it has, read straight from the database."""
    statement = (
        select(WorkoutSession.id, func.count(SessionEntry.position))  # type: ignore[call-overload]
        .outerjoin(SessionEntry, SessionEntry.session_id == WorkoutSession.id)
        .group_by(WorkoutSession.id)
    )
    with engine.connect() as conn:
        return {row[0]: int(row[1]) for row in conn.execute(statement)}


async def test_kill_9_mid_load_keeps_every_acknowledged_session_and_leaves_none_partial(
    live: Live,
) -> None:
    server = live.server
    attempted = live.sent
    acknowledged: dict[str, tuple[Account, dict[str, Any]]] = {}
    statuses: list[int] = []
    limits = httpx.Limits(max_connections=LOAD.writers + 4)
    async with httpx.AsyncClient(base_url=server.base_url, timeout=60, limits=limits) as client:
        accounts = await sign_up(client, LOAD.users)
        killed = asyncio.Event()

        async def writer(w: int) -> None:
            account = accounts[w % len(accounts)]
            for k in range(LOAD.acknowledged_before_kill * 4):  # bounded; the kill ends it
                if killed.is_set():
                    return
                body = session_body(w * 100_000 + k)
                attempted[body["id"]] = body
                try:
                    answer = await client.post(
                        "/api/v1/sessions", json=body, headers=account.headers
                    )
                except httpx.TransportError:
                    return  # the server died under this request: outcome unknown
                statuses.append(answer.status_code)
                if answer.status_code == 201:
                    acknowledged[body["id"]] = (account, body)
                if len(acknowledged) >= LOAD.acknowledged_before_kill and not killed.is_set():
                    killed.set()
                    server.kill()

        await asyncio.wait_for(
            asyncio.gather(*(writer(w) for w in range(LOAD.writers))), LOAD.deadline_seconds
        )
        assert killed.is_set(), "the load ended before the kill"
    assert [s for s in statuses if s >= 500] == []
    before_kill = server.output()

    server.start()  # the same database and port, after the crash
    async with httpx.AsyncClient(base_url=server.base_url, timeout=60) as client:
        lost = []
        for session_id, (account, body) in acknowledged.items():
            stored = await client.get(f"/api/v1/sessions/{session_id}", headers=account.headers)
            if stored.status_code != 200 or not same_entries(
                body["entries"], stored.json()["entries"]
            ):
                lost.append((session_id, stored.status_code))
    assert lost == []

    counts = stored_entry_counts(live.engine)
    assert {str(sid) for sid in counts} <= set(attempted)
    partial = {sid: n for sid, n in counts.items() if n != len(attempted[str(sid)]["entries"])}
    assert partial == {}
    assert "database is locked" not in before_kill
    assert "Traceback" not in server.output()
