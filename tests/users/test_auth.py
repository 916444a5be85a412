"""Registration, sign-in, refresh rotation, token forgery and the login rate limit."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import httpx
import jwt
import pytest
from fastapi import FastAPI
from pydantic import ValidationError

from app.core.config import Settings
from app.main import create_app
from tests.conftest import TEST_SECRET, test_settings
from tests.factories import DEFAULT_PASSWORD, SignedIn, register, sign_in, unique_email

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


@pytest.mark.parametrize("presented", ["", "garbage", f"{uuid.uuid4().hex}.nope", "x" * 201])
async def test_unknown_refresh_tokens_are_refused(
    client: httpx.AsyncClient, presented: str
) -> None:
    response = await client.post("/api/v1/auth/refresh", json={"refresh_token": presented})
    assert response.status_code in (401, 422)
    assert response.headers["content-type"] == PROBLEM


def _forge(alice: SignedIn, *, secret: str = TEST_SECRET, **claims: object) -> str:
    now = datetime.now(UTC)
    payload = {"sub": str(alice.id), "iat": now, "exp": now + timedelta(minutes=5), "typ": "access"}
    payload.update(claims)
    return jwt.encode(payload, secret, algorithm="HS256")


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
    }
    for name, token in bad_tokens.items():
        response = await client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401, name
        assert response.headers["content-type"] == PROBLEM, name
        assert response.headers["www-authenticate"] == "Bearer", name
    good = await client.get("/api/v1/me", headers=alice.headers)
    assert good.status_code == 200


async def test_ten_failures_a_minute_lock_the_account_with_retry_after(
    client: httpx.AsyncClient,
) -> None:
    email = unique_email()
    await register(client, email)
    for _ in range(10):
        assert (await sign_in(client, email, "wrong password!")).status_code == 401
    blocked = await sign_in(client, email)  # even the right password waits out the window
    assert blocked.status_code == 429
    assert 1 <= int(blocked.headers["retry-after"]) <= 60
    assert blocked.headers["content-type"] == PROBLEM


async def test_failures_across_accounts_from_one_address_are_limited(
    client: httpx.AsyncClient,
) -> None:
    for _ in range(10):
        assert (await sign_in(client, unique_email(), "wrong password!")).status_code == 401
    assert (await sign_in(client, unique_email(), "wrong password!")).status_code == 429


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


def test_production_refuses_the_default_or_a_short_secret() -> None:
    with pytest.raises(ValidationError):
        Settings(env="production")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Settings(env="production", secret_key="too-short")  # type: ignore[arg-type]
    ok = Settings(env="production", secret_key="s" * 32)  # type: ignore[arg-type]
    assert ok.secret_key == "s" * 32


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
