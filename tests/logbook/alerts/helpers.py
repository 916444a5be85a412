"""Shared steps of the alert and comment tests."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import update
from sqlmodel import Session

from app.training.routines.models import Routine
from tests.factories import SignedIn, entry, routine_payload, session_payload


async def log(
    client: httpx.AsyncClient, user: SignedIn, started_at: str, *pains: int, **extra: Any
) -> dict[str, Any]:
    """A session of clamshell sets with these pains (one set each)."""
    entries = [entry(set_number=i + 1, pain=p) for i, p in enumerate(pains or (0,))]
    body = session_payload(started_at=started_at, ended_at=None, entries=entries, **extra)
    answer = await client.post("/api/v1/sessions", json=body, headers=user.headers)
    assert answer.status_code == 201, answer.text
    return dict(answer.json())


async def alerts(client: httpx.AsyncClient, user: SignedIn, **params: Any) -> list[dict[str, Any]]:
    answer = await client.get("/api/v1/me/alerts", params=params, headers=user.headers)
    assert answer.status_code == 200, answer.text
    return list(answer.json()["items"])


async def routine(client: httpx.AsyncClient, user: SignedIn, **overrides: Any) -> dict[str, Any]:
    answer = await client.post(
        "/api/v1/routines", json=routine_payload(**overrides), headers=user.headers
    )
    assert answer.status_code == 201, answer.text
    return dict(answer.json())


def backdate_routine(app: FastAPI, routine_id: str, created_at: datetime) -> None:
    """Make a routine older than the test: its plan's weeks start after it was created."""
    with Session(app.state.engine) as session:
        session.execute(
            update(Routine)
            .where(Routine.id == uuid.UUID(routine_id))  # type: ignore[arg-type]
            .values(created_at=created_at.astimezone(UTC))
        )
        session.commit()
