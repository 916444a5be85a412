"""Deliveries verified by the JavaScript `standardwebhooks` as well as the Python one.

One batch per database leg, one Node.js process (tools/interop, pinned): the deliveries a
receiver captured for a session's life (logged, updated, unlinked by its routine's
deletion, deleted after a secret rotation, so signed twice). Each must verify with every
secret a receiver may hold, in both libraries, and fail with a wrong secret or a changed
body. The rotated delivery's signatures come in the order the webhooks guide gives.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from app.webhooks.signing import new_secret
from app.webhooks.worker import Worker
from tests.factories import SignedIn, session_payload
from tests.interop import read_with_node
from tests.logbook.alerts.helpers import routine
from tests.webhooks.conftest import deliver_until, register
from tests.webhooks.receiver import Receiver

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "guides" / "integrations" / "webhooks.md"
BASE = "/api/v1/me/webhooks"
CHANGES = ["session.logged", "session.updated", "session.deleted"]


async def _etag(client: httpx.AsyncClient, user: SignedIn, path: str) -> dict[str, str]:
    etag = (await client.get(path, headers=user.headers)).headers["etag"]
    return {**user.headers, "If-Match": etag}


async def test_every_delivery_verifies_in_javascript_and_python(
    client: httpx.AsyncClient, alice: SignedIn, receiver: Receiver, worker: Worker
) -> None:
    endpoint = await register(client, alice, receiver.url, CHANGES)
    old = endpoint["secret"]
    mine = await routine(client, alice)
    logged = await client.post(
        "/api/v1/sessions", json=session_payload(routine_id=mine["id"]), headers=alice.headers
    )
    assert logged.status_code == 201, logged.text
    session = f"/api/v1/sessions/{logged.json()['id']}"
    edited = await client.patch(
        session, json={"notes": "felt strong"}, headers=await _etag(client, alice, session)
    )
    assert edited.status_code == 200, edited.text
    path = f"/api/v1/routines/{mine['id']}"
    assert (await client.delete(path, headers=await _etag(client, alice, path))).status_code == 204
    deliver_until(worker, lambda: len(receiver.received) == 3)
    url = f"{BASE}/{endpoint['id']}"
    rotated = await client.post(f"{url}/rotate-secret", headers=await _etag(client, alice, url))
    assert rotated.status_code == 200, rotated.text
    new = rotated.json()["secret"]
    deleted = await client.delete(session, headers=await _etag(client, alice, session))
    assert deleted.status_code == 204, deleted.text
    deliver_until(worker, lambda: len(receiver.received) == 4)

    got = receiver.received
    types = ["session.logged", "session.updated", "session.updated", "session.deleted"]
    assert [r.json["type"] for r in got] == types
    assert got[2].json["data"]["session"]["routine_id"] is None  # the routine's deletion
    signatures = got[3].headers["webhook-signature"].split(" ")
    signed_at = datetime.fromtimestamp(int(got[3].headers["webhook-timestamp"]), UTC)
    in_order = [
        Webhook(secret).sign(got[3].webhook_id, signed_at, got[3].body.decode())
        for secret in (new, old)
    ]
    assert signatures == in_order  # the new secret's first, as the guide says
    assert "`v1,<new> v1,<old>`" in " ".join(GUIDE.read_text().split())

    wrong = new_secret()
    batch: list[dict[str, Any]] = []
    expected: dict[str, list[bool]] = {}
    for index, delivery in enumerate(got):
        holders = [old, wrong] if index < 3 else [new, old, wrong]
        name = f"{index} {delivery.json['type']}"
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
    for result in results:
        if any(result["verified"]):
            assert result["type"] in types
