"""Session comments: the patient reads their care team's comments on their own sessions."""

from __future__ import annotations

import asyncio
import uuid

import httpx
import pytest
from fastapi import FastAPI
from pydantic import ValidationError
from sqlmodel import Session

from app.core.errors import Conflict, NotFound
from app.logbook.comments import service
from app.logbook.comments.models import SessionCommentCreate
from tests.factories import SignedIn
from tests.logbook.alerts.helpers import log


def _add(app: FastAPI, patient: SignedIn, session_id: str, author: SignedIn, body: str) -> None:
    with Session(app.state.engine) as session:
        service.add(
            session,
            patient.id,
            uuid.UUID(session_id),
            author.id,
            None,
            SessionCommentCreate(body=body),
        )


async def test_the_patient_reads_comments_on_their_session_oldest_first(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn, bob: SignedIn
) -> None:
    logged = await log(client, alice, "2026-11-20T07:30:00Z", 1)
    for n in range(3):
        _add(app, alice, logged["id"], bob, f"comment {n}\nsecond line")
    url = f"/api/v1/sessions/{logged['id']}/comments"
    first = await client.get(url, params={"limit": 2}, headers=alice.headers)
    assert first.status_code == 200 and first.headers["cache-control"] == "private, no-store"
    page = first.json()
    rest = (
        await client.get(url, params={"cursor": page["next_cursor"]}, headers=alice.headers)
    ).json()
    bodies = [c["body"] for c in page["items"] + rest["items"]]
    assert bodies == [f"comment {n}\nsecond line" for n in range(3)]
    assert {c["author_id"] for c in page["items"]} == {str(bob.id)}
    assert rest["next_cursor"] is None
    # Not Bob's session to read; an unknown one is the same 404.
    assert (await client.get(url, headers=bob.headers)).status_code == 404
    unknown = f"/api/v1/sessions/{uuid.uuid4()}/comments"
    assert (await client.get(unknown, headers=alice.headers)).status_code == 404
    assert (await client.get(url)).status_code == 401
    for params in ({"limit": 101}, {"cursor": "x"}):
        assert (await client.get(url, params=params, headers=alice.headers)).status_code == 422


async def test_a_comment_on_a_deleted_or_anothers_session_is_refused(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn, bob: SignedIn
) -> None:
    logged = await log(client, alice, "2026-11-20T07:30:00Z", 1)
    with pytest.raises(NotFound):  # the session is Alice's, not Bob's
        _add(app, bob, logged["id"], bob, "hello")
    etag = (await client.get(f"/api/v1/sessions/{logged['id']}", headers=alice.headers)).headers[
        "etag"
    ]
    deleted = await client.delete(
        f"/api/v1/sessions/{logged['id']}", headers={**alice.headers, "If-Match": etag}
    )
    assert deleted.status_code == 204
    with pytest.raises(NotFound):
        _add(app, alice, logged["id"], bob, "too late")
    url = f"/api/v1/sessions/{logged['id']}/comments"
    assert (await client.get(url, headers=alice.headers)).status_code == 404


async def test_retried_comment_with_its_id_is_stored_once(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn, bob: SignedIn
) -> None:
    logged = await log(client, alice, "2026-11-20T07:30:00Z", 1)
    data = SessionCommentCreate(id=uuid.uuid4(), body="Keep the pelvis still.")

    def add(body: SessionCommentCreate) -> bool:
        with Session(app.state.engine) as session:
            _, created = service.add(session, alice.id, uuid.UUID(logged["id"]), bob.id, None, body)
            return created

    created = await asyncio.gather(*[asyncio.to_thread(add, data) for _ in range(16)])
    assert sorted(created) == [False] * 15 + [True]
    with pytest.raises(Conflict):
        add(data.model_copy(update={"body": "Another text"}))
    url = f"/api/v1/sessions/{logged['id']}/comments"
    items = (await client.get(url, headers=alice.headers)).json()["items"]
    assert [(c["id"], c["body"]) for c in items] == [(str(data.id), data.body)]


@pytest.mark.parametrize("body", ["", "   ", "x" * 2001, "nul\u0000", "esc\u001b[31m", "c1\u0085x"])
def test_a_comment_body_is_bounded_text_without_control_characters(body: str) -> None:
    with pytest.raises(ValidationError):
        SessionCommentCreate(body=body)
