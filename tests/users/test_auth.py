"""Registration, sign-in, refresh rotation, token forgery and the login rate limit."""

from __future__ import annotations

import asyncio
import re
import stat
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import jwt
import pytest
from fastapi import FastAPI
from pydantic import ValidationError

from app.core import security
from app.core.config import Settings
from app.main import create_app
from app.users import throttle
from harness.server import REPO_ROOT, listening_port, production_env
from tests.conftest import TEST_SECRET, test_settings
from tests.factories import (
    DEFAULT_PASSWORD,
    SignedIn,
    from_address,
    register,
    sign_in,
    unique_email,
)

PROBLEM = "application/problem+json"


async def test_register_returns_the_user_without_secrets(client: httpx.AsyncClient) -> None:
    response = await register(
        client, "Ada@Example.com", display_name="Ada", time_zone="Europe/London"
    )
    assert response.status_code == 201
    body = response.json()
    assert body["email"] == "ada@example.com"
    assert body["display_name"] == "Ada" and body["time_zone"] == "Europe/London"
    assert body["role"] == "user"
    assert "password" not in response.text and "hash" not in response.text
    assert response.headers["cache-control"] == "private, no-store"


async def test_duplicate_email_in_other_case_is_409(client: httpx.AsyncClient) -> None:
    assert (await register(client, "sam@example.com")).status_code == 201
    again = await register(client, "SAM@example.COM")
    assert again.status_code == 409
    assert again.headers["content-type"] == PROBLEM


@pytest.mark.parametrize("password", ["nine-char", "Password123", "1234567890", "QWERTYUIOP"])
async def test_weak_passwords_are_422(client: httpx.AsyncClient, password: str) -> None:
    response = await register(client, unique_email(), password=password)
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", "password"]


@pytest.mark.parametrize(
    "body",
    [
        {"email": "not-an-email", "password": DEFAULT_PASSWORD},
        {"email": "tz@example.com", "password": DEFAULT_PASSWORD, "time_zone": "Mars/Olympus"},
        {"email": "x@example.com", "password": DEFAULT_PASSWORD, "role": "admin"},
        {"email": "y@example.com", "password": DEFAULT_PASSWORD, "display_name": "x" * 81},
    ],
)
async def test_invalid_registration_is_422_and_creates_nobody(
    client: httpx.AsyncClient, body: dict[str, str]
) -> None:
    response = await client.post("/api/v1/auth/register", json=body)
    assert response.status_code == 422
    assert (await sign_in(client, body["email"])).status_code == 401


async def test_sign_in_returns_bearer_tokens_that_open_me(client: httpx.AsyncClient) -> None:
    email = unique_email()
    await register(client, email)
    response = await sign_in(client, email.upper())
    assert response.status_code == 200
    token = response.json()
    assert token["token_type"] == "bearer" and token["expires_in"] == 15 * 60
    me = await client.get(
        "/api/v1/me", headers={"Authorization": f"Bearer {token['access_token']}"}
    )
    assert me.status_code == 200 and me.json()["email"] == email


async def test_wrong_password_and_unknown_email_look_the_same(client: httpx.AsyncClient) -> None:
    email = unique_email()
    await register(client, email)
    wrong = await sign_in(client, email, "not the right password")
    unknown = await sign_in(client, unique_email(), "not the right password")
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["detail"] == unknown.json()["detail"]
    assert wrong.headers["www-authenticate"] == "Bearer"


async def test_refresh_rotates_and_reuse_revokes_the_family(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    first = await client.post("/api/v1/auth/refresh", json={"refresh_token": alice.refresh_token})
    assert first.status_code == 200
    rotated = first.json()["refresh_token"]
    assert rotated != alice.refresh_token
    me = await client.get(
        "/api/v1/me", headers={"Authorization": f"Bearer {first.json()['access_token']}"}
    )
    assert me.status_code == 200
    reused = await client.post("/api/v1/auth/refresh", json={"refresh_token": alice.refresh_token})
    assert reused.status_code == 401
    # The theft signal revoked the whole family, including the token rotated in good faith.
    after = await client.post("/api/v1/auth/refresh", json={"refresh_token": rotated})
    assert after.status_code == 401


@pytest.mark.parametrize(
    ("presented", "status"),
    [
        ("", 422),  # outside the field's 1-200 characters: a malformed body
        ("x" * 201, 422),
        ("garbage", 401),  # well formed, but no token we issued
        (f"{uuid.UUID(int=7).hex}.nope", 401),  # a fixed id: xdist workers must agree
    ],
    ids=["empty", "too-long", "garbage", "unknown-family"],
)
async def test_unknown_refresh_tokens_are_refused(
    client: httpx.AsyncClient, presented: str, status: int
) -> None:
    response = await client.post("/api/v1/auth/refresh", json={"refresh_token": presented})
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM


def _forge(alice: SignedIn, *, secret: str = TEST_SECRET, **claims: object) -> str:
    now = datetime.now(UTC)
    family = jwt.decode(alice.access_token, options={"verify_signature": False})["fam"]
    payload = {
        "sub": str(alice.id),
        "fam": family,
        "iat": now,
        "exp": now + timedelta(minutes=5),
        "typ": "access",
    }
    payload.update(claims)
    return jwt.encode(payload, secret, algorithm="HS256")


async def test_a_token_that_worked_is_refused_once_it_expires(
    client: httpx.AsyncClient, alice: SignedIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Verified tokens are kept (app.core.security): the expiry is still checked each time."""
    token = _forge(alice, exp=datetime.now(UTC) + timedelta(minutes=2))
    headers = {"Authorization": f"Bearer {token}"}
    assert (await client.get("/api/v1/me", headers=headers)).status_code == 200
    later = datetime.now(UTC) + timedelta(minutes=3)
    monkeypatch.setattr(security, "utcnow", lambda: later)
    response = await client.get("/api/v1/me", headers=headers)
    assert response.status_code == 401
    assert response.headers["content-type"] == PROBLEM


async def test_forged_and_expired_tokens_are_401(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    header, payload, signature = alice.access_token.split(".")
    tampered_sig = signature[:-2] + ("AA" if signature[-2:] != "AA" else "BB")
    unsigned = jwt.encode(
        {"sub": str(alice.id), "exp": 9999999999, "iat": 1, "typ": "access"}, None, algorithm="none"
    )
    bad_tokens = {
        "expired": _forge(alice, exp=datetime.now(UTC) - timedelta(seconds=1)),
        "tampered signature": f"{header}.{payload}.{tampered_sig}",
        "tampered payload": _forge(alice, secret="wrong-secret-" * 4).split(".")[0]
        + "."
        + _forge(alice, sub=str(uuid.uuid4())).split(".")[1]
        + "."
        + signature,
        "alg none": unsigned,
        "wrong secret": _forge(alice, secret="another-secret-that-is-long-enough-to-sign"),
        "not a jwt": "abc.def",
        "refresh token as access": alice.refresh_token,
        "no typ": _forge(alice, typ="refresh"),
        "no family": _forge(alice, fam=None),
        "another family": _forge(alice, fam=uuid.uuid4().hex),
        "the old public development key": _forge(
            alice, secret="medius-development-secret-key-change-me-please"
        ),
    }
    for name, token in bad_tokens.items():
        response = await client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401, name
        assert response.headers["content-type"] == PROBLEM, name
        assert response.headers["www-authenticate"] == "Bearer", name
    good = await client.get("/api/v1/me", headers=alice.headers)
    assert good.status_code == 200
    assert (
        await client.get("/api/v1/me", headers={"Authorization": f"Bearer {_forge(alice)}"})
    ).status_code == 200, "the forger itself works, so the refusals above are for their reason"


async def test_ten_failures_lock_the_address_out_of_the_account_not_the_owner(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    email = unique_email()
    await register(client, email)
    async with from_address(app, "203.0.113.66") as attacker:
        for _ in range(10):
            assert (await sign_in(attacker, email, "wrong password!")).status_code == 401
        blocked = await sign_in(attacker, email)  # even the right password waits, from there
        assert blocked.status_code == 429
        assert 1 <= int(blocked.headers["retry-after"]) <= 60
        assert blocked.headers["content-type"] == PROBLEM
        # The owner, elsewhere, signs in while the attacker is throttled.
        async with from_address(app, "198.51.100.7") as owner:
            assert (await sign_in(owner, email)).status_code == 200
        assert (await sign_in(attacker, email, "wrong password!")).status_code == 429


async def test_failures_on_one_account_from_many_addresses_only_slow_it_down(
    client: httpx.AsyncClient, app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    delays: list[float] = []

    async def record(seconds: float) -> None:
        delays.append(seconds)

    monkeypatch.setattr(throttle, "pause", record)
    email = unique_email()
    await register(client, email)
    for n in range(14):  # a botnet: every guess from another address, none hits a limit
        async with from_address(app, f"192.0.2.{n + 1}") as bot:
            assert (await sign_in(bot, email, "wrong password!")).status_code == 401
    async with from_address(app, "198.51.100.7") as owner:
        assert (await sign_in(owner, email)).status_code == 200
    # No delay for the first ten failures, then a growing one, bounded by the setting.
    assert delays == [0.25, 0.5, 1.0, 2.0, 4.0]
    assert max(delays) <= app.state.settings.login_slowdown_max_seconds


async def test_parallel_wrong_guesses_get_at_most_the_limit_of_401s(
    client: httpx.AsyncClient,
) -> None:
    email = unique_email()
    await register(client, email)
    answers = await asyncio.gather(*(sign_in(client, email, "wrong password!") for _ in range(30)))
    statuses = sorted(a.status_code for a in answers)
    assert statuses.count(401) <= 10, statuses
    assert set(statuses) == {401, 429}, statuses


async def test_failures_across_accounts_from_one_address_are_limited(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    limit = app.state.settings.login_address_max_failures
    for _ in range(limit):
        assert (await sign_in(client, unique_email(), "wrong password!")).status_code == 401
    assert (await sign_in(client, unique_email(), "wrong password!")).status_code == 429
    async with from_address(app, "198.51.100.7") as elsewhere:
        assert (await sign_in(elsewhere, unique_email(), "wrong password!")).status_code == 401


async def test_sign_ups_are_limited_per_client_address(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    limit = app.state.settings.register_max_per_address
    for _ in range(limit):
        assert (await register(client)).status_code == 201
    refused = await register(client)
    assert refused.status_code == 429
    assert int(refused.headers["retry-after"]) >= 1
    async with from_address(app, "198.51.100.7") as elsewhere:
        assert (await register(elsewhere)).status_code == 201


async def test_no_database_connection_is_held_while_a_password_hashes(
    client: httpx.AsyncClient, app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hash first, lock after: a sign-up or sign-in never hashes inside a transaction."""
    held: list[int] = []
    real = security._Hashing.hasher

    class Watching:
        def __getattr__(self, name: str) -> object:
            return getattr(real, name)

        def hash(self, password: str) -> str:
            held.append(app.state.engine.pool.checkedout())
            return real.hash(password)

        def verify(self, password_hash: str, password: str) -> bool:
            held.append(app.state.engine.pool.checkedout())
            return bool(real.verify(password_hash, password))

    monkeypatch.setattr(security._Hashing, "hasher", Watching())
    email = unique_email()
    assert (await register(client, email)).status_code == 201
    assert (await sign_in(client, email)).status_code == 200
    assert (await sign_in(client, email, "wrong password!")).status_code == 401
    assert held == [0, 0, 0]


async def test_rate_limit_is_shared_between_workers(app: FastAPI, database_url: str) -> None:
    """Two app instances (two workers) on one database share one failure count."""
    second = create_app(test_settings(database_url))
    clients = [
        httpx.AsyncClient(transport=httpx.ASGITransport(app=a), base_url="http://medius.test")
        for a in (app, second)
    ]
    try:
        email = unique_email()
        assert (await register(clients[0], email)).status_code == 201
        for i in range(10):
            assert (await sign_in(clients[i % 2], email, "wrong password!")).status_code == 401
        assert (await sign_in(clients[1], email)).status_code == 429
        assert (await sign_in(clients[0], email)).status_code == 429
    finally:
        for c in clients:
            await c.aclose()
        second.state.engine.dispose()


def test_production_refuses_a_missing_public_or_short_secret(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ValidationError, match="SECRET_KEY must be set"):
        Settings(env="production")  # type: ignore[arg-type]
    for weak in ("too-short", "medius-development-secret-key-change-me-please"):
        with pytest.raises(ValidationError):
            Settings(env="production", secret_key=weak)  # type: ignore[arg-type]
    ok = Settings(env="production", secret_key="s" * 32)  # type: ignore[arg-type]
    assert ok.secret_key == "s" * 32


def test_development_makes_a_private_random_key_once_and_keeps_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SECRET_KEY", raising=False)
    key_file = tmp_path / ".medius-secret"
    first = Settings(env="development", secret_key_file=key_file)  # type: ignore[arg-type]
    second = Settings(env="test", secret_key_file=key_file)  # type: ignore[arg-type]
    assert first.secret_key == second.secret_key == key_file.read_text().strip()
    assert len(first.signing_key) >= 32
    assert "medius-development-secret" not in first.signing_key
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    other = Settings(env="development", secret_key_file=tmp_path / "other")  # type: ignore[arg-type]
    assert other.secret_key != first.secret_key


@pytest.mark.server
def test_the_image_and_a_production_server_refuse_to_start_without_a_secret(
    tmp_path: Path,
) -> None:
    dockerfile = (REPO_ROOT / "Dockerfile").read_text()
    assert re.search(r"^\s*ENV=production\b", dockerfile, re.MULTILINE) or re.search(
        r"^ENV\s+ENV=production\b", dockerfile, re.MULTILINE
    ), "the image must run with ENV=production"
    env = production_env(f"sqlite:///{tmp_path / 'medius.db'}", listening_port())
    del env["SECRET_KEY"]
    started = subprocess.run(
        [sys.executable, "-m", "app", "serve"],
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(REPO_ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert started.returncode != 0
    assert "SECRET_KEY must be set" in started.stderr
    assert not (tmp_path / ".medius-secret").exists()


async def test_sign_in_accepts_the_exact_string_that_registered(
    client: httpx.AsyncClient,
) -> None:
    decomposed = "Zoe\u0308@Bu\u0308cher.EXAMPLE"  # NFD, upper case: as some keyboards send it
    created = await register(client, decomposed)
    assert created.status_code == 201
    assert created.json()["email"] == "zo\u00eb@b\u00fccher.example"
    for spelling in (
        decomposed,
        "zo\u00eb@xn--bcher-kva.example",
        " ZO\u00cb@B\u00dcCHER.example ",
    ):
        assert (await sign_in(client, spelling)).status_code == 200, spelling
    assert (await register(client, "zo\u00eb@xn--bcher-kva.example")).status_code == 409


async def test_over_long_passwords_are_refused_at_sign_in_not_cut(
    client: httpx.AsyncClient,
) -> None:
    longest = "p" * 255 + "!"
    email = unique_email()
    assert (await register(client, email, password=longest)).status_code == 201
    assert (await sign_in(client, email, longest)).status_code == 200
    too_long = await sign_in(client, email, longest + "x")
    assert too_long.status_code == 422
    assert too_long.json()["errors"][0]["loc"] == ["body", "password"]
    registered_long = await register(client, unique_email(), password=longest + "x")
    assert registered_long.status_code == 422
    long_name = await sign_in(client, "a" * 250 + "@example.com")
    assert long_name.status_code == 422


async def test_cors_origins_come_from_settings(database_url: str, app: FastAPI) -> None:
    configured = create_app(test_settings(database_url, cors_origins="https://app.example.com"))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=configured), base_url="http://medius.test"
    ) as c:
        allowed = await c.options(
            "/api/v1/exercises",
            headers={"Origin": "https://app.example.com", "Access-Control-Request-Method": "GET"},
        )
        denied = await c.options(
            "/api/v1/exercises",
            headers={"Origin": "https://evil.example.com", "Access-Control-Request-Method": "GET"},
        )
    configured.state.engine.dispose()
    assert allowed.headers["access-control-allow-origin"] == "https://app.example.com"
    assert "access-control-allow-origin" not in denied.headers


# A username with control characters (NUL included) is 422 before any count: see
# tests/core/test_hostile_input.py.
@pytest.mark.parametrize("username", ["no-at-sign", "a@b@c", "x" * 254, "\u202e@x.io"])
async def test_usernames_that_are_no_email_are_401_and_still_counted(
    client: httpx.AsyncClient, username: str
) -> None:
    for _ in range(10):
        answer = await sign_in(client, username, "wrong password!")
        assert answer.status_code == 401, answer.text
    assert (await sign_in(client, username, "wrong password!")).status_code == 429


async def test_successful_sign_ins_do_not_use_up_the_address_allowance(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    email = unique_email()
    await register(client, email)
    limit = app.state.settings.login_address_max_failures
    for _ in range(limit + 5):
        assert (await sign_in(client, email)).status_code == 200
    assert (await sign_in(client, unique_email(), "wrong password!")).status_code == 401


async def test_identical_sign_ups_at_once_create_one_account(client: httpx.AsyncClient) -> None:
    email = unique_email()
    answers = await asyncio.gather(*(register(client, email) for _ in range(8)))
    statuses = sorted(a.status_code for a in answers)
    assert statuses == [201] + [409] * 7, statuses
    assert (await sign_in(client, email)).status_code == 200
