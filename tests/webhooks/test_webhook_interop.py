"""Deliveries verified by the JavaScript `standardwebhooks` as well as the Python one.

One batch per database leg, one Node.js process (tools/interop, pinned): the deliveries a
patient's and a clinic's receivers captured, of every kind an endpoint gets: a routine
prescribed, a session's life (logged with pain, so an alert too; updated; unlinked by its
routine's deletion), then, after the patient's secret rotation and so signed twice, a ping
and the session's deletion. Each must verify with every
secret a receiver may hold, in both libraries, and fail with a wrong secret or a changed
body. The rotated delivery's signatures come in the order the webhooks guide and the
rotation's OpenAPI description give.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from app.webhooks.signing import new_secret
from app.webhooks.worker import Worker
from tests.factories import SignedIn, care_team, entry, routine_payload, session_payload
from tests.interop import read_with_node
from tests.webhooks.conftest import register
from tests.webhooks.receiver import Received, Receiver

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "guides" / "integrations" / "webhooks.md"
BASE = "/api/v1/me/webhooks"
EVENTS = [
    "session.logged",
    "session.updated",
    "session.deleted",
    "alert.raised",
    "progress.advice_changed",
    "routine.prescribed",
]
CLINIC_EVENTS = ["session.logged", "session.updated", "session.deleted", "routine.prescribed"]


async def _etag(client: httpx.AsyncClient, user: SignedIn, path: str) -> dict[str, str]:
    etag = (await client.get(path, headers=user.headers)).headers["etag"]
    return {**user.headers, "If-Match": etag}


async def test_every_delivery_verifies_in_javascript_and_python(
    client: httpx.AsyncClient, receiver: Receiver, clinic_receiver: Receiver, worker: Worker
) -> None:
    team = await care_team(client)
    alice = team.patient
    endpoint = await register(client, alice, receiver.url, EVENTS)
    old = endpoint["secret"]
    clinic_made = await client.post(
        f"/api/v1/clinics/{team.clinic_id}/webhooks",
        json={"url": clinic_receiver.url, "event_types": CLINIC_EVENTS},
        headers=team.owner.headers,
    )
    assert clinic_made.status_code == 201, clinic_made.text
    clinic_secret = clinic_made.json()["secret"]
    prescribed = await client.post(
        team.patient_path("/routines"),
        json={"routine": routine_payload(name="Hip strength")},
        headers=team.clinician.headers,
    )
    assert prescribed.status_code == 201, prescribed.text
    mine = prescribed.json()
    painful = session_payload(routine_id=mine["id"], entries=[entry(pain=8)])
    logged = await client.post("/api/v1/sessions", json=painful, headers=alice.headers)
    assert logged.status_code == 201, logged.text
    session = f"/api/v1/sessions/{logged.json()['id']}"
    edited = await client.patch(
        session, json={"notes": "felt strong"}, headers=await _etag(client, alice, session)
    )
    assert edited.status_code == 200, edited.text
    path = f"/api/v1/routines/{mine['id']}"
    assert (await client.delete(path, headers=await _etag(client, alice, path))).status_code == 204
    worker.drain()
    before = list(receiver.received)
    url = f"{BASE}/{endpoint['id']}"
    rotated = await client.post(f"{url}/rotate-secret", headers=await _etag(client, alice, url))
    assert rotated.status_code == 200, rotated.text
    new = rotated.json()["secret"]
    assert (await client.post(f"{url}/ping", headers=alice.headers)).status_code == 202
    deleted = await client.delete(session, headers=await _etag(client, alice, session))
    assert deleted.status_code == 204, deleted.text
    worker.drain()
    after = receiver.received[len(before) :]

    def of_session(got: list[Received]) -> list[str]:
        return [r.json["type"] for r in got if r.json["type"].startswith("session.")]

    assert of_session(before) == ["session.logged", "session.updated", "session.updated"]
    assert of_session(after) == ["session.deleted"]
    unlinked = [r for r in before if r.json["type"] == "session.updated"][-1]
    assert unlinked.json["data"]["session"]["routine_id"] is None  # the routine's deletion
    assert {"alert.raised", "webhook.ping", "routine.prescribed"} <= {
        r.json["type"] for r in receiver.received
    }
    clinic_got = [r.json["type"] for r in clinic_receiver.received]
    assert clinic_got[0] == "routine.prescribed"
    assert clinic_got[1:] == [
        "session.logged",
        "session.updated",
        "session.updated",
        "session.deleted",
    ]
    for got in after:  # two signatures, the new secret's first, as the guide says
        signed_at = datetime.fromtimestamp(int(got.headers["webhook-timestamp"]), UTC)
        in_order = [
            Webhook(secret).sign(got.webhook_id, signed_at, got.body.decode())
            for secret in (new, old)
        ]
        assert got.headers["webhook-signature"].split(" ") == in_order
    assert "`v1,<new> v1,<old>`" in " ".join(GUIDE.read_text().split())
    spec = json.loads((ROOT / "openapi.json").read_text())
    rotations = [
        operation["description"]
        for path, operations in spec["paths"].items()
        if path.endswith("/rotate-secret")
        for operation in operations.values()
    ]
    assert rotations and all("`v1,<new> v1,<old>`" in d for d in rotations)

    wrong = new_secret()
    batch: list[dict[str, Any]] = []
    expected: dict[str, list[bool]] = {}
    captured = [
        (f"{i} {d.json['type']}", d, [old, wrong] if i < len(before) else [new, old, wrong])
        for i, d in enumerate(receiver.received)
    ] + [
        (f"clinic {i} {d.json['type']}", d, [clinic_secret, wrong])
        for i, d in enumerate(clinic_receiver.received)
    ]
    for name, delivery, holders in captured:
        batch.append(
            {
                "name": name,
                "secrets": holders,
                "headers": delivery.headers,
                "body": delivery.body.decode(),
            }
        )
        expected[name] = [secret != wrong for secret in holders]
        changed = delivery.body.replace(b'"type":"', b'"type":"x.', 1)
        batch.append(
            {
                "name": f"{name}, changed",
                "secrets": holders,
                "headers": delivery.headers,
                "body": changed.decode(),
            }
        )
        expected[f"{name}, changed"] = [False] * len(holders)

    # The Python library, then the JavaScript one over the same batch.
    for item in batch:
        python = []
        for secret in item["secrets"]:
            try:
                Webhook(secret).verify(item["body"], item["headers"])
                python.append(True)
            except WebhookVerificationError:
                python.append(False)
        assert python == expected[item["name"]], item["name"]
    results = read_with_node("webhooks", batch)
    assert {r["name"]: r["verified"] for r in results} == expected
    sent = {name: delivery.json["type"] for name, delivery, _ in captured}
    assert {r["name"]: r["type"] for r in results if r["name"] in sent} == sent
