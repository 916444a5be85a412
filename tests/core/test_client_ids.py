"""A client-chosen id already used answers one 409 `id-taken`, whoever holds it: the
caller with another body, or someone else, so the answer never says whose it is.

Each case makes the id the caller's own (201), then sends it with another body (the
caller's clash) and has someone else send it with a body of their own (the other clash);
the two problem documents must be the same but for `instance`.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from tests.factories import (
    SignedIn,
    care_team,
    create_clinic,
    routine_payload,
    session_payload,
    signed_in_user,
    take_into_care,
    unique_email,
)

Send = Callable[[dict[str, Any]], Awaitable[httpx.Response]]


@dataclass
class Case:
    """`mine(body)` and `theirs(body)` post as two different people; `body(id, variant)`."""

    mine: Send
    theirs: Send
    body: Callable[[str, int], dict[str, Any]]
    # What only the answer that made the record shows (a share link's token).
    shown_once: frozenset[str] = frozenset()


def _poster(client: httpx.AsyncClient, path: str, user: SignedIn) -> Send:
    async def send(body: dict[str, Any]) -> httpx.Response:
        return await client.post(path, json=body, headers=user.headers)

    return send


async def _sessions(client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn) -> Case:
    def body(id_: str, variant: int) -> dict[str, Any]:
        return session_payload(id=id_, notes=f"variant {variant}")

    path = "/api/v1/sessions"
    return Case(_poster(client, path, alice), _poster(client, path, bob), body)


async def _routine_copies(client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn) -> Case:
    sources = {}
    for user in (alice, bob):
        made = await client.post("/api/v1/routines", json=routine_payload(), headers=user.headers)
        assert made.status_code == 201, made.text
        sources[user.id] = made.json()["id"]
    other = await client.post("/api/v1/routines", json=routine_payload(), headers=alice.headers)

    def copier(user: SignedIn) -> Send:
        async def send(body: dict[str, Any]) -> httpx.Response:
            source = other.json()["id"] if body.pop("variant") else sources[user.id]
            return await client.post(
                f"/api/v1/routines/{source}/copy", json=body, headers=user.headers
            )

        return send

    return Case(copier(alice), copier(bob), lambda id_, v: {"id": id_, "variant": v})


async def _share_links(client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn) -> Case:
    path = "/api/v1/me/share-links"
    return Case(
        _poster(client, path, alice),
        _poster(client, path, bob),
        lambda id_, v: {"id": id_, "kind": "progress", "label": f"variant {v}"},
        frozenset({"token", "path"}),
    )


async def _clinics(client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn) -> Case:
    path = "/api/v1/clinics"
    return Case(
        _poster(client, path, alice),
        _poster(client, path, bob),
        lambda id_, v: {"id": id_, "name": f"Clinic {v}"},
    )


async def _webhook_endpoints(client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn) -> Case:
    path = "/api/v1/me/webhooks"
    events = [["session.logged"], ["session.deleted"]]
    return Case(
        _poster(client, path, alice),
        _poster(client, path, bob),
        lambda id_, v: {"id": id_, "url": "https://93.184.215.14/hook", "event_types": events[v]},
    )


async def _prescriptions(client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn) -> Case:
    """The clinician prescribes; bob's copy of his own routine holds the other id (one id
    space: a prescription is the patient's routine)."""
    team = await care_team(client)
    path = team.patient_path("/routines")
    made = await client.post("/api/v1/routines", json=routine_payload(), headers=bob.headers)

    async def copy(body: dict[str, Any]) -> httpx.Response:
        return await client.post(
            f"/api/v1/routines/{made.json()['id']}/copy",
            json={"id": body["id"]},
            headers=bob.headers,
        )

    return Case(
        _poster(client, path, team.clinician),
        copy,
        lambda id_, v: {"id": id_, "routine": routine_payload(name=f"Variant {v}")},
    )


async def _comments(client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn) -> Case:
    """Two clinicians at two clinics comment on the same session of a patient in the care
    of both."""
    team = await care_team(client)
    logged = await client.post(
        "/api/v1/sessions", json=session_payload(), headers=team.patient.headers
    )
    assert logged.status_code == 201, logged.text
    tail = f"/sessions/{logged.json()['id']}/comments"
    other = await signed_in_user(client, unique_email("other"), display_name="Dr Other")
    other_clinic = await create_clinic(client, other, "Other Clinic")
    await take_into_care(client, other, other_clinic, team.patient)
    others = f"/api/v1/clinics/{other_clinic}/patients/{team.patient.id}{tail}"
    return Case(
        _poster(client, team.patient_path(tail), team.clinician),
        _poster(client, others, other),
        lambda id_, v: {"id": id_, "body": f"Variant {v}"},
    )


CASES = {
    "session": _sessions,
    "routine copy": _routine_copies,
    "share link": _share_links,
    "clinic": _clinics,
    "webhook endpoint": _webhook_endpoints,
    "prescription": _prescriptions,
    "session comment": _comments,
}


@pytest.mark.parametrize("kind", sorted(CASES))
async def test_a_used_id_answers_the_same_409_whoever_holds_it(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn, kind: str
) -> None:
    case = await CASES[kind](client, alice, bob)
    used = str(uuid.uuid4())
    first = await case.mine(case.body(used, 0))
    assert first.status_code == 201, first.text
    assert (await case.mine(case.body(used, 0))).status_code == 200  # a retry
    own_clash = await case.mine(case.body(used, 1))
    # Someone else's id, in a request that would otherwise succeed.
    fresh = str(uuid.uuid4())
    their_clash = await case.theirs(case.body(used, 0))
    assert (await case.theirs(case.body(fresh, 0))).status_code == 201
    assert own_clash.status_code == their_clash.status_code == 409, their_clash.text
    mine, theirs = own_clash.json(), their_clash.json()
    del mine["instance"], theirs["instance"]
    assert mine == theirs
    assert mine["type"] == "https://medius.dev/problems/id-taken"
    assert mine["errors"] == [
        {"loc": ["body", "id"], "msg": "this id is already used", "type": "id_taken"}
    ]


async def test_a_comment_refused_for_its_id_leaves_no_access_log_entry(
    client: httpx.AsyncClient,
) -> None:
    """A refusal is not an egress: the 409 writes nothing to the patient's access log, while
    the comment and its retry each log the look they are."""
    team = await care_team(client)
    logged = await client.post(
        "/api/v1/sessions", json=session_payload(), headers=team.patient.headers
    )
    assert logged.status_code == 201, logged.text
    comments = team.patient_path(f"/sessions/{logged.json()['id']}/comments")

    async def entries() -> int:
        log = await client.get(
            "/api/v1/me/access-log", params={"limit": 100}, headers=team.patient.headers
        )
        assert log.status_code == 200, log.text
        return len(log.json()["items"])

    used = str(uuid.uuid4())
    before = await entries()
    made = await client.post(
        comments, json={"id": used, "body": "Good form."}, headers=team.clinician.headers
    )
    assert made.status_code == 201, made.text
    assert await entries() == before + 1
    clash = await client.post(
        comments, json={"id": used, "body": "Another text."}, headers=team.clinician.headers
    )
    assert clash.status_code == 409, clash.text
    assert await entries() == before + 1


@pytest.mark.parametrize("kind", sorted(CASES))
async def test_sixteen_identical_creates_at_once_store_one_record_and_answer_alike(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn, kind: str
) -> None:
    """Every create under a client id, raced by 16 copies of one request: one makes the
    record (201), the others answer it as a retry (200), all at the same Location (where
    the route gives one) with the same body (but what only the first answer shows)."""
    case = await CASES[kind](client, alice, bob)
    used = str(uuid.uuid4())
    answers = await asyncio.gather(*(case.mine(case.body(used, 0)) for _ in range(16)))
    statuses = sorted(a.status_code for a in answers)
    assert statuses == [200] * 15 + [201], [a.text for a in answers if a.status_code >= 300]
    assert len({a.headers.get("location") for a in answers}) == 1
    bodies = [{k: v for k, v in a.json().items() if k not in case.shown_once} for a in answers]
    assert all(b == bodies[0] for b in bodies), bodies
    assert bodies[0]["id"] == used
