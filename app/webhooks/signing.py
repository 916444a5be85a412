"""Standard Webhooks signatures: `whsec_` secrets and the three `webhook-*` headers."""

from __future__ import annotations

import base64
import secrets
from collections.abc import Sequence
from datetime import datetime

from standardwebhooks.webhooks import Webhook

SECRET_PREFIX = "whsec_"  # noqa: S105 - the format's prefix, not a secret
SECRET_BYTES = 32  # HMAC-SHA256's block of key material; the specification asks 24 to 64


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode("ascii")


def headers(
    signing_secrets: Sequence[str], msg_id: str, timestamp: datetime, body: str
) -> dict[str, str]:
    """The headers of one attempt. Several secrets (a rotation's grace period) give
    several space-separated signatures in their order, the current secret's first (as the
    webhooks guide says); a receiver accepts the delivery if any verifies."""
    signature = " ".join(
        Webhook(secret).sign(msg_id=msg_id, timestamp=timestamp, data=body)
        for secret in signing_secrets
    )
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(timestamp.timestamp())),
        "webhook-signature": signature,
        "content-type": "application/json",
        "user-agent": "Medius-Webhooks/1",
    }
