"""OpenAPI examples of webhook endpoints and their deliveries (see `app.core.examples`)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from app.core.types import JSONObject
from app.core.vocabulary import DeliveryStatus
from app.webhooks.models import (
    DeliveryPublic,
    EndpointCreated,
    EndpointPublic,
    PingQueued,
    SecretRotated,
    webhook_id,
)

ENDPOINT_ID = uuid.UUID("5f0a3c2e-8b1d-4e6f-9a7c-2d4b6e8f0a1c")
USER_ID = uuid.UUID("3c8e1f2a-6b4d-4a7e-9c1f-5e2d7a9b0c3e")
EVENT_ID = uuid.UUID("9d2b7e4f-1a3c-4b5d-8e6f-0a1b2c3d4e5f")
STAMP = datetime(2026, 11, 20, 6, 46, tzinfo=UTC)
SECRET = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD"  # noqa: S105 - a documentation value


def endpoint_create() -> JSONObject:
    return {
        "url": "https://example.com/hooks/medius",
        "description": "Coaching app",
        "event_types": ["session.logged", "progress.advice_changed"],
    }


def endpoint_patch() -> JSONObject:
    return {"enabled": True}


def _endpoint() -> EndpointPublic:
    return EndpointPublic(
        id=ENDPOINT_ID,
        clinic_id=None,
        created_by=USER_ID,
        url="https://example.com/hooks/medius",
        description="Coaching app",
        event_types=["progress.advice_changed", "session.logged"],
        enabled=True,
        disabled_reason=None,
        disabled_at=None,
        consecutive_failures=0,
        failing_since=None,
        previous_secret_until=None,
        revision=1,
        created_at=STAMP,
        updated_at=STAMP,
    )


def endpoint() -> JSONObject:
    return _endpoint().model_dump(mode="json")


def endpoint_created() -> JSONObject:
    return EndpointCreated(**_endpoint().model_dump(), secret=SECRET).model_dump(mode="json")


def endpoint_page() -> JSONObject:
    return {"items": [endpoint()], "next_cursor": None}


def rotated() -> JSONObject:
    return SecretRotated(
        secret="whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",  # noqa: S106
        previous_secret_until=datetime(2026, 11, 21, 6, 46, tzinfo=UTC),
    ).model_dump(mode="json")


def ping_queued() -> JSONObject:
    return PingQueued(delivery_id=42, webhook_id=webhook_id(EVENT_ID)).model_dump(mode="json")


def delivery_page() -> JSONObject:
    delivery = DeliveryPublic(
        id=42,
        webhook_id=webhook_id(EVENT_ID),
        event_type="session.logged",
        subject="session:3f6c1a2b-4d5e-4f70-8a9b-0c1d2e3f4a5b",
        status=DeliveryStatus.DELIVERED,
        attempts=1,
        next_attempt_at=None,
        last_attempt_at=STAMP,
        last_status_code=204,
        last_error=None,
        delivered_at=STAMP,
        created_at=STAMP,
    )
    return {"items": [delivery.model_dump(mode="json")], "next_cursor": None}
