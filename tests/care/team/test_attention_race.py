"""The summaries the clinician's view reads stay true under concurrent writers: sixteen
identical session writes at once for patients at two clinics (one session, one event, every
relationship's summary right), and a patient's write that commits while a clinic's
acknowledgement of the same patient's alert waits on it (PostgreSQL: each statement reads
its own snapshot, so the refresh that waits must read after the wait)."""

from __future__ import annotations

import asyncio
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import Engine, text
from sqlmodel import Session

from app.catalog.live.snapshot import CatalogSpecs
from app.logbook.sessions import service as sessions_service
from app.logbook.sessions.models import SessionCreate
from app.users.models import User
from tests.factories import (
    CareTeam,
    SignedIn,
    care_team,
    entry,
    session_payload,
    signed_in_user,
    take_into_care,
    unique_email,
    wait_until,
)

API = "/api/v1"
SETTLE_SECONDS = 30.0


async def _view(client: httpx.AsyncClient, clinician: SignedIn, clinic: uuid.UUID) -> Any:
    page = await client.get(f"{API}/clinics/{clinic}/patients?limit=100", headers=clinician.headers)
    assert page.status_code == 200, page.text
    return {i["patient"]["id"]: i for i in page.json()["items"]}


def _last(item: Any) -> datetime:
    return datetime.fromisoformat(item["figures"]["last_session_at"])


async def test_sixteen_identical_writes_at_once_keep_one_session_and_true_summaries(
    client: httpx.AsyncClient, admin_engine: Engine
) -> None:
    first = await care_team(client)
    second = await care_team(client, first.patient)
    other = await signed_in_user(client, unique_email("other"))
    for team in (first, second):
        await take_into_care(client, team.clinician, team.clinic_id, other)
    now = datetime.now(UTC).replace(microsecond=0)
    body = session_payload(started_at=(now - timedelta(hours=2)).isoformat(), ended_at=None)
    others = session_payload(started_at=(now - timedelta(hours=1)).isoformat(), ended_at=None)
    answers = await asyncio.gather(
        *[
            client.post(f"{API}/sessions", json=body, headers=first.patient.headers)
            for _ in range(16)
        ],
        *[client.post(f"{API}/sessions", json=others, headers=other.headers) for _ in range(16)],
    )
    assert sorted({a.status_code for a in answers}) in ([201], [200, 201]), answers[0].text
    assert [a.status_code for a in answers[:16]].count(201) == 1
    assert [a.status_code for a in answers[16:]].count(201) == 1
    with admin_engine.connect() as db:
        for session_id in (body["id"], others["id"]):
            key = uuid.UUID(session_id).hex if db.dialect.name == "sqlite" else session_id
            stored = db.execute(
                text("SELECT count(*) FROM workout_session WHERE id = :id"), {"id": key}
            ).scalar_one()
            events = db.execute(
                text("SELECT count(*) FROM webhook_outbox WHERE subject = :s"),
                {"s": f"session:{session_id}"},
            ).scalar_one()
            assert (stored, events) == (1, 1)
    for team in (first, second):
        seen = await _view(client, team.clinician, team.clinic_id)
        assert _last(seen[str(first.patient.id)]) == now - timedelta(hours=2)
        assert _last(seen[str(other.id)]) == now - timedelta(hours=1)


class HeldSession(Session):
    """A database session whose commit waits until the test releases it."""

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine, expire_on_commit=False)
        self.at_commit = threading.Event()
        self.release = threading.Event()

    def commit(self) -> None:
        self.at_commit.set()
        if not self.release.wait(SETTLE_SECONDS):
            raise TimeoutError("the test never released this commit")
        super().commit()


def _lock_waiters(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(
            conn.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND wait_event_type = 'Lock'"
                )
            ).scalar_one()
        )


@pytest.fixture
def late_writer(app: FastAPI) -> Iterator[list[threading.Thread]]:
    threads: list[threading.Thread] = []
    yield threads
    for thread in threads:
        thread.join(SETTLE_SECONDS)


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_a_write_committing_while_an_acknowledgement_waits_is_in_the_summary(
    client: httpx.AsyncClient, app: FastAPI, admin_engine: Engine, late_writer: list[Any]
) -> None:
    team: CareTeam = await care_team(client)
    now = datetime.now(UTC).replace(microsecond=0)
    painful = session_payload(
        started_at=(now - timedelta(hours=3)).isoformat(), ended_at=None, entries=[entry(pain=8)]
    )
    made = await client.post(f"{API}/sessions", json=painful, headers=team.patient.headers)
    assert made.status_code == 201, made.text
    alerts = await client.get(team.patient_path("/alerts"), headers=team.clinician.headers)
    *earlier, alert = alerts.json()["items"]
    for seen in earlier:  # the race is over the last one
        done = await client.post(
            team.patient_path(f"/alerts/{seen['id']}/acknowledge"),
            json={"note": "Seen."},
            headers=team.clinician.headers,
        )
        assert done.status_code == 200, done.text

    # The patient logs a later session; its transaction has refreshed the summaries and
    # holds them when it reaches its commit, which waits for the test.
    late = SessionCreate.model_validate(
        session_payload(started_at=(now - timedelta(hours=1)).isoformat(), ended_at=None)
    )
    held = HeldSession(app.state.engine)
    failed: list[BaseException] = []

    def write_late() -> None:
        try:
            user = held.get(User, team.patient.id)
            assert user is not None
            sessions_service.create(held, user, late, 10**6, CatalogSpecs())
        except BaseException as exc:  # reported by the test, not lost in the thread
            failed.append(exc)
        finally:
            held.close()

    late_writer.append(threading.Thread(target=write_late, daemon=True))
    late_writer[0].start()
    await asyncio.to_thread(held.at_commit.wait, SETTLE_SECONDS)

    # The clinic acknowledges the alert meanwhile: its refresh waits for the late write.
    acknowledging = asyncio.create_task(
        client.post(
            team.patient_path(f"/alerts/{alert['id']}/acknowledge"),
            json={"note": "Called the patient."},
            headers=team.clinician.headers,
        )
    )
    await asyncio.to_thread(wait_until, lambda: _lock_waiters(admin_engine) == 1)
    held.release.set()
    acknowledged = await acknowledging
    late_writer[0].join(SETTLE_SECONDS)
    assert not failed, failed
    assert acknowledged.status_code == 200, acknowledged.text

    row = (await _view(client, team.clinician, team.clinic_id))[str(team.patient.id)]
    assert row["open_alerts"] == 0
    assert _last(row) == now - timedelta(hours=1)
