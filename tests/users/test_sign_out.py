"""Ending sign-ins: logout, refresh-token reuse, password change, and account deletion."""

from __future__ import annotations

import asyncio

import httpx
from fastapi import FastAPI

from tests.factories import (
    DEFAULT_PASSWORD,
    SignedIn,
    delete_account,
    from_address,
    sign_in,
    signed_in_user,
)
from tests.sqlcount import statements

PROBLEM = "application/problem+json"
NEW_PASSWORD = "a brand new passphrase 42"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def me_status(client: httpx.AsyncClient, access_token: str) -> int:
    return (await client.get("/api/v1/me", headers=bearer(access_token))).status_code


async def refresh(client: httpx.AsyncClient, refresh_token: str) -> httpx.Response:
    return await client.post("/api/v1/auth/refresh", json={"refresh_token": refresh_token})


async def logout(client: httpx.AsyncClient, refresh_token: str) -> httpx.Response:
    return await client.post("/api/v1/auth/logout", json={"refresh_token": refresh_token})


async def test_logout_ends_that_sign_in_and_only_that_one(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    other_device = (await sign_in(client, alice.email)).json()
    rotated = (await refresh(client, alice.refresh_token)).json()
    answer = await logout(client, rotated["refresh_token"])
    assert answer.status_code == 204
    assert answer.headers["cache-control"] == "private, no-store"
    # Every token of the family, the access tokens included, stops at once.
    assert await me_status(client, alice.access_token) == 401
    assert await me_status(client, rotated["access_token"]) == 401
    assert (await refresh(client, rotated["refresh_token"])).status_code == 401
    # Alice's other device and Bob are untouched.
    assert await me_status(client, other_device["access_token"]) == 200
    assert await me_status(client, bob.access_token) == 200
    # A retried logout is harmless.
    assert (await logout(client, rotated["refresh_token"])).status_code == 204


async def test_parallel_logouts_of_one_sign_in_all_succeed(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    answers = await asyncio.gather(*(logout(client, alice.refresh_token) for _ in range(16)))
    assert {a.status_code for a in answers} == {204}
    assert await me_status(client, alice.access_token) == 401


async def test_logout_with_an_unknown_token_is_401(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    token_id, _, _secret = alice.refresh_token.partition(".")
    for presented in (f"{token_id}.not-the-secret", "garbage", "0" * 32 + ".x"):
        answer = await logout(client, presented)
        assert answer.status_code == 401, presented
        assert answer.headers["content-type"] == PROBLEM
    assert await me_status(client, alice.access_token) == 200
    assert (await logout(client, "x" * 201)).status_code == 422


async def test_refresh_token_reuse_also_ends_the_families_access_tokens(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    rotated = (await refresh(client, alice.refresh_token)).json()
    assert await me_status(client, rotated["access_token"]) == 200
    assert (await refresh(client, alice.refresh_token)).status_code == 401  # the copy
    assert await me_status(client, rotated["access_token"]) == 401
    assert await me_status(client, alice.access_token) == 401


async def change_password(
    client: httpx.AsyncClient, user: SignedIn, current: str, new: str
) -> httpx.Response:
    return await client.post(
        "/api/v1/me/password",
        json={"current_password": current, "new_password": new},
        headers=user.headers,
    )


async def test_password_change_ends_every_sign_in_and_returns_a_new_one(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn
) -> None:
    other_device = (await sign_in(client, alice.email)).json()
    etag = (await client.get("/api/v1/me", headers=alice.headers)).headers["etag"]
    changed = await change_password(client, alice, DEFAULT_PASSWORD, NEW_PASSWORD)
    assert changed.status_code == 200
    assert changed.headers["cache-control"] == "private, no-store"
    fresh = changed.json()
    for old in (alice.access_token, other_device["access_token"]):
        assert await me_status(client, old) == 401
    for old in (alice.refresh_token, other_device["refresh_token"]):
        assert (await refresh(client, old)).status_code == 401
    me = await client.get("/api/v1/me", headers=bearer(fresh["access_token"]))
    assert me.status_code == 200 and me.headers["etag"] != etag
    assert (await refresh(client, fresh["refresh_token"])).status_code == 200
    assert (await sign_in(client, alice.email)).status_code == 401
    assert (await sign_in(client, alice.email, NEW_PASSWORD)).status_code == 200
    assert await me_status(client, bob.access_token) == 200


async def test_password_change_needs_the_current_password_and_a_strong_new_one(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    wrong = await change_password(client, alice, "not my password", NEW_PASSWORD)
    assert wrong.status_code == 403
    assert wrong.json()["errors"][0]["loc"] == ["body", "current_password"]
    weak = await change_password(client, alice, DEFAULT_PASSWORD, "password1")
    assert weak.status_code == 422
    assert weak.json()["errors"][0]["loc"] == ["body", "new_password"]
    own_email = await change_password(client, alice, DEFAULT_PASSWORD, alice.email)
    assert own_email.status_code == 422
    too_long = await change_password(client, alice, DEFAULT_PASSWORD, "p" * 257)
    assert too_long.status_code == 422
    assert await me_status(client, alice.access_token) == 200
    assert (await sign_in(client, alice.email)).status_code == 200


async def test_guessing_the_current_password_is_rate_limited(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    """A stolen access token must not become an unlimited password oracle."""
    statuses = [
        (await change_password(client, alice, f"guess number {n}", NEW_PASSWORD)).status_code
        for n in range(11)
    ]
    assert statuses == [403] * 10 + [429]
    assert (await change_password(client, alice, DEFAULT_PASSWORD, NEW_PASSWORD)).status_code == 429


async def test_delete_me_needs_the_password_and_a_current_etag(
    client: httpx.AsyncClient, alice: SignedIn
) -> None:
    etag = (await client.get("/api/v1/me", headers=alice.headers)).headers["etag"]
    no_body = await client.request(
        "DELETE", "/api/v1/me", headers={**alice.headers, "If-Match": etag}
    )
    assert no_body.status_code == 422
    no_if_match = await client.request(
        "DELETE", "/api/v1/me", json={"password": DEFAULT_PASSWORD}, headers=alice.headers
    )
    assert no_if_match.status_code == 428
    wrong = await delete_account(client, alice, password="not my password")
    assert wrong.status_code == 403
    assert wrong.json()["errors"][0]["loc"] == ["body", "password"]
    patched = await client.patch(
        "/api/v1/me", json={"display_name": "A"}, headers={**alice.headers, "If-Match": etag}
    )
    assert patched.status_code == 200
    stale = await client.request(
        "DELETE",
        "/api/v1/me",
        json={"password": DEFAULT_PASSWORD},
        headers={**alice.headers, "If-Match": etag},
    )
    assert stale.status_code == 412
    assert await me_status(client, alice.access_token) == 200
    assert (await delete_account(client, alice)).status_code == 204
    assert await me_status(client, alice.access_token) == 401


async def test_a_signed_in_request_reads_the_user_and_its_sign_in_in_one_statement(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn
) -> None:
    with statements(app) as seen:
        assert await me_status(client, alice.access_token) == 200
    # The whole request is that one statement: no BEGIN around it on SQLite either (a
    # single read is its own transaction; app/core/db.py SINGLE_READ_OPTION).
    assert len(seen) == 1, seen
    assert "token_family" in seen[0]


async def test_throttled_reauthentication_does_not_block_the_owner_elsewhere(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    async with from_address(app, "203.0.113.66") as thief:
        victim = await signed_in_user(thief)
        for n in range(11):
            await change_password(thief, victim, f"guess number {n}", NEW_PASSWORD)
        async with from_address(app, "198.51.100.7") as owner:
            assert (await sign_in(owner, victim.email)).status_code == 200


async def test_parallel_password_changes_let_exactly_one_win(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn
) -> None:
    answers = await asyncio.gather(
        *(
            change_password(client, alice, DEFAULT_PASSWORD, f"{NEW_PASSWORD} number {n}")
            for n in range(16)
        )
    )
    statuses = [a.status_code for a in answers]
    assert statuses.count(200) == 1, statuses
    assert set(statuses) <= {200, 401, 409, 429}, statuses
    winner = answers[statuses.index(200)].json()
    assert await me_status(client, winner["access_token"]) == 200
    won = next(n for n, a in enumerate(answers) if a.status_code == 200)
    # The losers' checks of the old password may count as failures from this address and
    # throttle it (by design), so the new password is proven from another address.
    async with from_address(app, "203.0.113.9") as elsewhere:
        signed_in = await sign_in(elsewhere, alice.email, f"{NEW_PASSWORD} number {won}")
    assert signed_in.status_code == 200
