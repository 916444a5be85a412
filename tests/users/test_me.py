"""The signed-in user's own profile: read, conditional update, account deletion."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import Engine
from sqlmodel import Session, select
from typer.testing import CliRunner

from app.cli import cli
from app.core.config import get_settings
from app.logbook.sessions.models import SessionEntry, WorkoutSession
from app.training.routines.models import Routine
from app.training.self_checks.models import Assessment
from app.users.models import RefreshToken
from tests.factories import (
    DEFAULT_PASSWORD,
    SignedIn,
    delete_account,
    routine_payload,
    session_payload,
    sign_in,
    unique_email,
)

PROBLEM = "application/problem+json"


async def test_me_is_private_and_carries_an_etag(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    response = await client.get("/api/v1/me", headers=alice.headers)
    assert response.status_code == 200
    assert response.json()["email"] == alice.email
    assert response.headers["cache-control"] == "private, no-store"
    assert response.headers["etag"]


async def test_patch_me_with_if_match_updates_and_moves_the_etag(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    etag = (await client.get("/api/v1/me", headers=alice.headers)).headers["etag"]
    response = await client.patch(
        "/api/v1/me",
        json={"display_name": "Alice", "time_zone": "America/New_York", "units": "imperial"},
        headers={**alice.headers, "If-Match": etag},
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["display_name"], body["time_zone"], body["units"]) == (
        "Alice",
        "America/New_York",
        "imperial",
    )
    assert response.headers["etag"] != etag
    stale = await client.patch(
        "/api/v1/me", json={"display_name": "Mallory"}, headers={**alice.headers, "If-Match": etag}
    )
    assert stale.status_code == 412
    assert stale.headers["content-type"] == PROBLEM
    current = (await client.get("/api/v1/me", headers=alice.headers)).json()
    assert current["display_name"] == "Alice"


async def test_patch_me_without_if_match_is_428_and_changes_nothing(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    response = await client.patch("/api/v1/me", json={"display_name": "X"}, headers=alice.headers)
    assert response.status_code == 428
    assert (await client.get("/api/v1/me", headers=alice.headers)).json()["display_name"] is None


@pytest.mark.parametrize(
    "body",
    [
        {"time_zone": "Nowhere/City"},
        {"time_zone": None},
        {"units": "cubits"},
        {"email": "new@example.com"},
    ],
)
async def test_invalid_profile_changes_are_422(
    client: httpx.AsyncClient, alice: SignedIn, body: dict[str, object]
) -> None:
    etag = (await client.get("/api/v1/me", headers=alice.headers)).headers["etag"]
    response = await client.patch(
        "/api/v1/me", json=body, headers={**alice.headers, "If-Match": etag}
    )
    assert response.status_code == 422
    after = await client.get("/api/v1/me", headers=alice.headers)
    assert after.headers["etag"] == etag


async def test_delete_me_removes_the_account_and_its_tokens(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    assert (await delete_account(client, alice)).status_code == 204
    assert (await client.get("/api/v1/me", headers=alice.headers)).status_code == 401
    assert (await sign_in(client, alice.email)).status_code == 401
    refreshed = await client.post(
        "/api/v1/auth/refresh", json={"refresh_token": alice.refresh_token}
    )
    assert refreshed.status_code == 401
    assert (await client.get("/api/v1/me", headers=bob.headers)).status_code == 200


async def test_users_see_only_themselves(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    a = (await client.get("/api/v1/me", headers=alice.headers)).json()
    b = (await client.get("/api/v1/me", headers=bob.headers)).json()
    assert a["id"] != b["id"] and a["email"] == alice.email and b["email"] == bob.email


async def test_cli_creates_an_admin_who_can_write_the_catalog(
    client: httpx.AsyncClient, app: FastAPI, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("ARGON2_TIME_COST", "1")
    monkeypatch.setenv("ARGON2_MEMORY_KIB", "1024")
    get_settings.cache_clear()
    email = unique_email("cli-admin")
    try:
        result = CliRunner().invoke(cli, ["create-admin", email, "--password", DEFAULT_PASSWORD])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    token = (await sign_in(client, email)).json()["access_token"]
    me = (await client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})).json()
    assert me["role"] == "admin"
    weak = CliRunner().invoke(cli, ["create-admin", unique_email(), "--password", "short"])
    assert weak.exit_code != 0


async def test_delete_me_removes_everything_the_account_owns(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn, admin_engine: Engine
) -> None:
    for user in (alice, bob):
        await client.post("/api/v1/routines", json=routine_payload(), headers=user.headers)
        await client.post("/api/v1/sessions", json=session_payload(), headers=user.headers)
        check = {
            "stance_leg": "left",
            "pelvis_drop": "none",
            "knee_drifts_in": False,
            "trunk_lean": False,
            "hold_seconds": 30,
            "pain": 0,
        }
        await client.post("/api/v1/me/assessments", json=check, headers=user.headers)
    assert (await delete_account(client, alice)).status_code == 204
    with Session(admin_engine) as session:
        for table, owner in (
            (Routine, Routine.owner_id),
            (WorkoutSession, WorkoutSession.owner_id),
            (Assessment, Assessment.owner_id),
        ):
            mine = session.exec(select(table).where(owner == alice.id)).all()
            theirs = session.exec(select(table).where(owner == bob.id)).all()
            assert (len(mine), len(theirs)) == (0, 1), table.__name__
        assert session.exec(select(SessionEntry)).all()  # bob's entries survive
        assert not session.exec(select(RefreshToken).where(RefreshToken.user_id == alice.id)).all()
