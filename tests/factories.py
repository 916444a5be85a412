"""Test data factories: one function per entity, sensible defaults, override what matters."""

from __future__ import annotations

import asyncio
import itertools
import time
import uuid
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import anyio
import httpx
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from sqlalchemy import Engine
from sqlmodel import Session

from app.catalog.exercises.seed import load_seed
from app.users import service as users_service
from app.users.models import UserCreate

DEFAULT_PASSWORD = "correct horse battery staple"
# What every test database holds after the seed: counted from the seed data, not written
# down, so a new exercise in the article does not break tests that merely count them.
SEEDED_EXERCISES = len(load_seed().exercises)
SEEDED_LADDER = len(load_seed().ladder)
_counter = itertools.count(1)


def wait_until(condition: Callable[[], bool], timeout: float = 10.0, what: str = "it") -> None:
    """Return once `condition()` holds; fail after `timeout` seconds. For a test that must
    wait for another thread or process: a fixed sleep is too short on a loaded machine and
    wasted time on an idle one."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout} s for {what}")
        time.sleep(0.001)


async def eventually(condition: Callable[[], bool]) -> None:
    """`wait_until` for a coroutine (10 s): the event loop runs the others between checks."""
    with anyio.fail_after(10):
        while not condition():  # noqa: ASYNC110 (a state of other threads, no event to await)
            await asyncio.sleep(0.001)


def exercise_payload(**overrides: Any) -> dict[str, Any]:
    """A valid exercise body for admin writes, based on the seeded clamshell."""
    base = load_seed().exercises[0].model_dump(mode="json", exclude={"source"})
    base.update({"slug": "test-clamshell", "name": "Test clamshell"})
    base.update(overrides)
    return base


@dataclass(frozen=True)
class SignedIn:
    id: uuid.UUID
    email: str
    password: str
    access_token: str
    refresh_token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}"}


def unique_email(prefix: str = "user") -> str:
    return f"{prefix}{next(_counter)}-{uuid.uuid4().hex[:6]}@example.com"


async def register(
    client: httpx.AsyncClient,
    email: str | None = None,
    password: str = DEFAULT_PASSWORD,
    **extra: Any,
) -> httpx.Response:
    body = {"email": email or unique_email(), "password": password, **extra}
    return await client.post("/api/v1/auth/register", json=body)


async def sign_in(
    client: httpx.AsyncClient, email: str, password: str = DEFAULT_PASSWORD
) -> httpx.Response:
    return await client.post("/api/v1/auth/token", data={"username": email, "password": password})


async def signed_in_user(
    client: httpx.AsyncClient, email: str | None = None, **extra: Any
) -> SignedIn:
    """A new account, signed in. Against a real server it signs up and in over HTTP, as an
    app does; against an in-process app (`serve_in_process`) the account is made through
    the same service calls without the two requests and the password check, which were a
    tenth of the suite's time: signing up and in over HTTP is tested in tests/users."""
    email = email or unique_email()
    app = _in_process.get(client)
    if app is not None:
        return _account_in_process(app, email, extra)
    created = await register(client, email, **extra)
    assert created.status_code == 201, created.text
    token = await sign_in(client, email)
    assert token.status_code == 200, token.text
    body = token.json()
    return SignedIn(
        id=uuid.UUID(created.json()["id"]),
        email=email,
        password=DEFAULT_PASSWORD,
        access_token=body["access_token"],
        refresh_token=body["refresh_token"],
    )


def _account_in_process(app: FastAPI, email: str, extra: dict[str, Any]) -> SignedIn:
    data = UserCreate.model_validate({"email": email, "password": DEFAULT_PASSWORD, **extra})
    with Session(app.state.engine, expire_on_commit=False) as session:
        user = users_service.create_account(session, data)
        token = users_service.issue_sign_in(session, user, app.state.settings)
    return SignedIn(
        id=user.id,
        email=email,
        password=DEFAULT_PASSWORD,
        access_token=token.access_token,
        refresh_token=token.refresh_token,
    )


# The in-process app each ASGI client of the tests talks to (tests/conftest.py).
_in_process: weakref.WeakKeyDictionary[httpx.AsyncClient, FastAPI] = weakref.WeakKeyDictionary()


def serve_in_process(client: httpx.AsyncClient, app: FastAPI) -> httpx.AsyncClient:
    """`client`, known to talk to `app` in this process (see `signed_in_user`)."""
    _in_process[client] = app
    return client


def from_address(app: FastAPI, host: str) -> httpx.AsyncClient:
    """A client of `app` whose requests come from the IP address `host`."""
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False, client=(host, 50000))
    return serve_in_process(
        httpx.AsyncClient(transport=transport, base_url="http://medius.test"), app
    )


async def delete_account(
    client: httpx.AsyncClient, user: SignedIn, password: str | None = None
) -> httpx.Response:
    """DELETE /me the way a careful client does: with the password and the current ETag."""
    etag = (await client.get("/api/v1/me", headers=user.headers)).headers.get("etag", '"none"')
    return await client.request(
        "DELETE",
        "/api/v1/me",
        json={"password": password or user.password},
        headers={**user.headers, "If-Match": etag},
    )


def routine_payload(**overrides: Any) -> dict[str, Any]:
    """A valid routine: a clamshell on both sides and a monster walk."""
    body: dict[str, Any] = {
        "name": "Morning glute med",
        "sessions_per_week": 3,
        "items": [
            {
                "exercise": "clamshell",
                "sets": 2,
                "reps": 10,
                "hold_seconds": 3,
                "side": "both",
                "rest_seconds": 30,
            },
            {"exercise": "monster-walk", "sets": 2, "steps": 20},
        ],
    }
    body.update(overrides)
    return body


def entry(**overrides: Any) -> dict[str, Any]:
    """One clamshell set on the right."""
    body: dict[str, Any] = {
        "exercise": "clamshell",
        "set_number": 1,
        "side": "right",
        "reps": 12,
        "hold_seconds": 3,
        "pain": 1,
        "effort": 5,
    }
    body.update(overrides)
    return body


def session_payload(**overrides: Any) -> dict[str, Any]:
    """A logged session with a client-chosen id: two clamshell sets and a monster walk."""
    body: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "started_at": "2026-11-20T07:30:00+01:00",
        "ended_at": "2026-11-20T07:50:00+01:00",
        "notes": "",
        "entries": [
            entry(),
            entry(set_number=2, reps=10),
            {
                "exercise": "monster-walk",
                "set_number": 1,
                "steps": 20,
                "load_band": "light",
                "pain": 0,
                "effort": 6,
            },
        ],
    }
    body.update(overrides)
    return body


@dataclass(frozen=True)
class Account:
    email: str
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


async def sign_up(client: httpx.AsyncClient, count: int) -> list[Account]:
    """`count` new accounts, signed in, created concurrently."""

    async def one() -> Account:
        email = unique_email("reliability")
        created = await register(client, email)
        assert created.status_code == 201, created.text
        token = await sign_in(client, email)
        assert token.status_code == 200, token.text
        return Account(email, token.json()["access_token"])

    return list(await asyncio.gather(*(one() for _ in range(count))))


def session_body(rng_index: int) -> dict[str, Any]:
    """A valid session with a fresh id and 1-12 entries (the count varies by index)."""
    entries = []
    for n in range(1 + rng_index % 12):
        if n % 3 == 2:
            entries.append(
                {
                    "exercise": "monster-walk",
                    "set_number": n + 1,
                    "steps": 10 + n,
                    "load_band": "light",
                    "pain": 0,
                    "effort": 6,
                }
            )
        else:
            entries.append(
                {
                    "exercise": "clamshell",
                    "set_number": n + 1,
                    "side": "left" if n % 2 else "right",
                    "reps": 8 + n,
                    "hold_seconds": 3,
                    "pain": n % 3,
                    "effort": 5,
                }
            )
    return {
        "id": str(uuid.uuid4()),
        "started_at": "2026-11-20T07:30:00+01:00",
        "ended_at": "2026-11-20T07:55:00+01:00",
        "notes": f"reliability {rng_index}",
        "entries": entries,
    }


def direct_user(app: FastAPI, engine: Engine, time_zone: str) -> tuple[uuid.UUID, dict[str, str]]:
    """A new account made through the service, and its Authorization header: for hypothesis
    tests, whose examples cannot use the async `alice`/`bob` fixtures."""
    with Session(engine, expire_on_commit=False) as session:
        email = unique_email("property")
        user = users_service.create_account(
            session, UserCreate(email=email, password="property passphrase", time_zone=time_zone)
        )
        token = users_service.issue_sign_in(session, user, app.state.settings).access_token
    return user.id, {"Authorization": f"Bearer {token}"}


# Hypothesis tests that talk to the app: examples share the function-scoped `app`, and a
# database round trip per example is slow by design.
PROPERTY_SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


# --- The care team (app/care/team) ---------------------------------------------------------------

ALL_SCOPES = [
    "alerts",
    "clinic_systems",
    "measures",
    "prescribe",
    "progress",
    "self_checks",
    "sessions",
]


async def create_clinic(
    client: httpx.AsyncClient, owner: SignedIn, name: str = "Riverside Physiotherapy"
) -> uuid.UUID:
    made = await client.post("/api/v1/clinics", json={"name": name}, headers=owner.headers)
    assert made.status_code == 201, made.text
    return uuid.UUID(made.json()["id"])


async def join_clinic(
    client: httpx.AsyncClient,
    owner: SignedIn,
    clinic_id: uuid.UUID,
    member: SignedIn,
    role: str = "clinician",
) -> None:
    """`owner` invites `member`, who accepts the code."""
    issued = await client.post(
        f"/api/v1/clinics/{clinic_id}/invitations", json={"role": role}, headers=owner.headers
    )
    assert issued.status_code == 201, issued.text
    joined = await client.post(
        "/api/v1/clinic-invitations/accept",
        json={"code": issued.json()["code"]},
        headers=member.headers,
    )
    assert joined.status_code == 200, joined.text


async def named(client: httpx.AsyncClient, user: SignedIn, name: str = "Dr Lee") -> None:
    """Give `user` a display name unless they have one (a clinician needs one to invite)."""
    me = await client.get("/api/v1/me", headers=user.headers)
    if me.json()["display_name"]:
        return
    changed = await client.patch(
        "/api/v1/me",
        json={"display_name": name},
        headers={**user.headers, "If-Match": me.headers["etag"]},
    )
    assert changed.status_code == 200, changed.text


async def care_code(
    client: httpx.AsyncClient,
    clinician: SignedIn,
    clinic_id: uuid.UUID,
    scopes: list[str] | None = None,
) -> str:
    """A care code from `clinician` (named first, as inviting a patient requires)."""
    await named(client, clinician)
    issued = await client.post(
        f"/api/v1/clinics/{clinic_id}/care-invitations",
        json={"scopes": scopes or ALL_SCOPES},
        headers=clinician.headers,
    )
    assert issued.status_code == 201, issued.text
    code: str = issued.json()["code"]
    return code


async def take_into_care(
    client: httpx.AsyncClient,
    clinician: SignedIn,
    clinic_id: uuid.UUID,
    patient: SignedIn,
    scopes: list[str] | None = None,
) -> uuid.UUID:
    """The clinician invites the patient, who accepts every scope asked (or `scopes`);
    the relationship's id."""
    code = await care_code(client, clinician, clinic_id, scopes)
    accepted = await client.post(
        "/api/v1/me/care-relationships", json={"code": code}, headers=patient.headers
    )
    assert accepted.status_code == 201, accepted.text
    return uuid.UUID(accepted.json()["id"])


@dataclass(frozen=True)
class CareTeam:
    """A clinic (owned by `owner`), `clinician` in it with `patient` in their care,
    `colleague` in the same clinic without the relationship, `outsider` owning another
    clinic, and the relationship's id."""

    clinic_id: uuid.UUID
    owner: SignedIn
    clinician: SignedIn
    colleague: SignedIn
    outsider: SignedIn
    patient: SignedIn
    relationship_id: uuid.UUID

    def patient_path(self, tail: str = "") -> str:
        return f"/api/v1/clinics/{self.clinic_id}/patients/{self.patient.id}{tail}"


async def care_team(client: httpx.AsyncClient, patient: SignedIn | None = None) -> CareTeam:
    owner = await signed_in_user(client, unique_email("owner"))
    clinician = await signed_in_user(client, unique_email("clinician"), display_name="Dr Lee")
    colleague = await signed_in_user(client, unique_email("colleague"))
    outsider = await signed_in_user(client, unique_email("outsider"))
    patient = patient or await signed_in_user(client, unique_email("patient"))
    clinic_id = await create_clinic(client, owner)
    await join_clinic(client, owner, clinic_id, clinician)
    await join_clinic(client, owner, clinic_id, colleague)
    await create_clinic(client, outsider, "Elsewhere Clinic")
    relationship_id = await take_into_care(client, clinician, clinic_id, patient)
    return CareTeam(clinic_id, owner, clinician, colleague, outsider, patient, relationship_id)
