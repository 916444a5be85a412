"""Webhook endpoints, the events of the outbox, and each event's delivery to each endpoint."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, TypedDict

from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from sqlalchemy import JSON, BigInteger, Column, Index, Integer, Text
from sqlmodel import Field as SQLField
from sqlmodel import SQLModel

from app.core.shapes import mirror
from app.core.sqltypes import UTCDateTime, VocabularyColumn
from app.core.types import ONE_LINE, utcnow
from app.core.vocabulary import DeliveryStatus, EndpointDisabledReason, WebhookEventType

URL_MAX = 2048
DESCRIPTION_MAX = 200
SECRET_MAX = 100
SUBJECT_MAX = 200
ERROR_MAX = 300
EVENT_TYPE_MAX = 40


class WebhookEndpoint(SQLModel, table=True):
    """A receiver URL and the events it wants; its secrets sign every delivery."""

    __tablename__ = "webhook_endpoint"
    __table_args__ = (
        Index("ix_webhook_endpoint_owner", "owner_id", "created_at", "id"),
        Index("ix_webhook_endpoint_clinic", "clinic_id", "created_at", "id"),
    )

    id: uuid.UUID = SQLField(primary_key=True)
    # A user's own endpoint (owner_id) or a clinic's (clinic_id): exactly one is set.
    owner_id: uuid.UUID | None = SQLField(
        default=None, foreign_key="app_user.id", ondelete="CASCADE"
    )
    clinic_id: uuid.UUID | None = SQLField(
        default=None, foreign_key="clinic.id", ondelete="CASCADE"
    )
    # Who registered it (or last enabled it again or changed its URL): a clinic's endpoint
    # receives patients' events only while this user is an owner of the clinic.
    created_by: uuid.UUID | None = SQLField(
        default=None, foreign_key="app_user.id", ondelete="SET NULL"
    )
    url: str = SQLField(max_length=URL_MAX)
    description: str = SQLField(default="", max_length=DESCRIPTION_MAX)
    event_types: list[str] = SQLField(sa_column=Column(JSON, nullable=False))
    enabled: bool = SQLField(default=True)
    disabled_reason: EndpointDisabledReason | None = SQLField(
        default=None, sa_type=VocabularyColumn(EndpointDisabledReason, 16)
    )
    disabled_at: datetime | None = SQLField(default=None, sa_column=Column(UTCDateTime()))
    # Kept readable (not hashed): every delivery is signed with it. The previous secret
    # signs beside it until `previous_secret_until` (rotation's grace period).
    secret: str = SQLField(max_length=SECRET_MAX)
    previous_secret: str | None = SQLField(default=None, max_length=SECRET_MAX)
    previous_secret_until: datetime | None = SQLField(default=None, sa_column=Column(UTCDateTime()))
    # Events given up on in a row, and since when every attempt has failed.
    consecutive_failures: int = SQLField(default=0)
    failing_since: datetime | None = SQLField(default=None, sa_column=Column(UTCDateTime()))
    revision: int = SQLField(default=1)
    created_at: datetime = SQLField(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    updated_at: datetime = SQLField(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )


class WebhookOutboxRow(SQLModel, table=True):
    """An event as its change wrote it, waiting for the worker to fan it out: who receives
    it (the owner's endpoints and the clinics in care) and what follows from it (changed
    advice) are the worker's work (app/webhooks/outbox.py `expand`), so a write costs one
    insert whatever subscribes. The id grows with insertion: the worker expands in order."""

    __tablename__ = "webhook_outbox"

    id: int | None = SQLField(
        default=None,
        sa_column=Column(
            BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True
        ),
    )
    owner_id: uuid.UUID = SQLField(foreign_key="app_user.id", ondelete="CASCADE", index=True)
    event_type: str = SQLField(max_length=EVENT_TYPE_MAX)
    subject: str = SQLField(max_length=SUBJECT_MAX)
    data: str = SQLField(sa_column=Column(Text(), nullable=False))  # the full body's `data`
    # The clinic whose care the event belongs to (gets the full body); null: none.
    care_of: uuid.UUID | None = SQLField(default=None)
    # JSON list of the dotted paths other clinics get null; null: they get no event at all.
    clinic_private: str | None = SQLField(default=None, sa_column=Column(Text()))
    created_at: datetime = SQLField(sa_column=Column(UTCDateTime(), nullable=False))


class WebhookEvent(SQLModel, table=True):
    """One event as written by the change that caused it: the signed body, made once."""

    __tablename__ = "webhook_event"

    id: uuid.UUID = SQLField(primary_key=True)
    owner_id: uuid.UUID = SQLField(foreign_key="app_user.id", ondelete="CASCADE", index=True)
    event_type: str = SQLField(max_length=EVENT_TYPE_MAX)
    subject: str = SQLField(max_length=SUBJECT_MAX)
    payload: str = SQLField(sa_column=Column(Text(), nullable=False))
    created_at: datetime = SQLField(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )


class WebhookDelivery(SQLModel, table=True):
    """One event on its way to one endpoint: the outbox row a worker claims and retries.

    The id grows with insertion, and the deliveries of one subject's events are written
    by the worker's expansions of the outbox, oldest event first and one expansion after
    another (the events themselves by writers the owner's change counter serialises), so
    within an endpoint and a subject a smaller id is an earlier event: the worker delivers
    a subject's events in id order.
    """

    __tablename__ = "webhook_delivery"
    __table_args__ = (
        Index("ix_webhook_delivery_due", "status", "next_attempt_at"),
        Index("ix_webhook_delivery_subject", "endpoint_id", "subject", "status", "id"),
        Index("ix_webhook_delivery_log", "endpoint_id", "id"),
    )

    id: int | None = SQLField(
        default=None,
        sa_column=Column(
            BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True
        ),
    )
    endpoint_id: uuid.UUID = SQLField(foreign_key="webhook_endpoint.id", ondelete="CASCADE")
    event_id: uuid.UUID = SQLField(foreign_key="webhook_event.id", ondelete="CASCADE", index=True)
    subject: str = SQLField(max_length=SUBJECT_MAX)
    status: DeliveryStatus = SQLField(
        default=DeliveryStatus.PENDING, sa_type=VocabularyColumn(DeliveryStatus, 16)
    )
    attempts: int = SQLField(default=0)
    next_attempt_at: datetime = SQLField(sa_column=Column(UTCDateTime(), nullable=False))
    lease_until: datetime | None = SQLField(default=None, sa_column=Column(UTCDateTime()))
    lease_token: uuid.UUID | None = SQLField(default=None)
    last_attempt_at: datetime | None = SQLField(default=None, sa_column=Column(UTCDateTime()))
    last_status_code: int | None = SQLField(default=None)
    last_error: str | None = SQLField(default=None, max_length=ERROR_MAX)
    delivered_at: datetime | None = SQLField(default=None, sa_column=Column(UTCDateTime()))
    created_at: datetime = SQLField(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )


# --- On the wire -----------------------------------------------------------------------------

EndpointURL = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=URL_MAX),
    ONE_LINE,
    Field(
        description="Where events are POSTed: an `https://` URL on the public internet "
        "(private, loopback, link-local, multicast and reserved addresses are refused).",
        examples=["https://example.com/hooks/medius"],
    ),
]
EndpointDescription = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=DESCRIPTION_MAX),
    ONE_LINE,
    Field(description="A note for yourself: what receives these events."),
]
EventTypes = Annotated[
    list[WebhookEventType],
    Field(min_length=1, max_length=len(WebhookEventType), description="Events to receive."),
]


class EndpointCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: uuid.UUID | None = Field(
        default=None,
        description="Your UUID for the endpoint makes retries safe: the same id and body "
        "answer the endpoint already registered (200, with its current secret); the same id "
        "with another body, or someone else's, is 409.",
    )
    url: EndpointURL
    description: EndpointDescription = ""
    event_types: EventTypes


class EndpointUpdate(BaseModel):
    """JSON merge patch. `enabled: true` re-enables an endpoint disabled after failures."""

    model_config = ConfigDict(extra="forbid")

    url: EndpointURL | None = None
    description: EndpointDescription | None = None
    event_types: EventTypes | None = None
    enabled: bool | None = None


class EndpointPublic(BaseModel):
    id: uuid.UUID
    clinic_id: uuid.UUID | None = Field(description="The clinic's, for a clinic's endpoint.")
    created_by: uuid.UUID | None = Field(
        description="Who registered the endpoint (or last enabled it again or changed its "
        "URL). A clinic's endpoint carries patients' events only while they are an owner of "
        "the clinic: it is disabled (`registrant-left`) when they leave or stop being one."
    )
    url: str
    description: str
    event_types: list[WebhookEventType]
    enabled: bool
    disabled_reason: EndpointDisabledReason | None = Field(
        description="`failing`: disabled by Medius after repeated failures; `by-owner`: you "
        "disabled it; `registrant-left`: a clinic's endpoint whose registrant left the clinic "
        "or stopped being an owner (an owner who enables it again answers for it). Null "
        "while enabled."
    )
    disabled_at: datetime | None
    consecutive_failures: int = Field(description="Events given up on in a row.")
    failing_since: datetime | None = Field(
        description="Since when every attempt has failed; null once one succeeds."
    )
    previous_secret_until: datetime | None = Field(
        description="After a rotation: until when the old secret still signs beside the new."
    )
    revision: int
    created_at: datetime
    updated_at: datetime


class EndpointCreated(EndpointPublic):
    secret: str = Field(
        description="The signing secret (`whsec_...`), shown only here and on rotation: keep it."
    )


class SecretRotated(BaseModel):
    secret: str = Field(description="The new signing secret, shown only once.")
    previous_secret_until: datetime | None = Field(
        description="Until when deliveries also carry a signature with the old secret."
    )


class DeliveryPublic(BaseModel):
    id: int
    webhook_id: str = Field(description="The `webhook-id` header: deduplicate on it.")
    event_type: str
    subject: str
    status: DeliveryStatus
    attempts: int
    next_attempt_at: datetime | None = Field(description="When pending: the next attempt.")
    last_attempt_at: datetime | None
    last_status_code: int | None = Field(description="The receiver's last HTTP status.")
    last_error: str | None = Field(description="Why the last attempt failed, if it did.")
    delivered_at: datetime | None
    created_at: datetime


class PingQueued(BaseModel):
    delivery_id: int
    webhook_id: str


def webhook_id(event_id: uuid.UUID) -> str:
    """The `webhook-id` of an event: the same on every attempt and for every endpoint."""
    return f"msg_{event_id.hex}"


# The answers as the service builds them, each the shape of the public model above it.


class EndpointBody(TypedDict):
    id: uuid.UUID
    clinic_id: uuid.UUID | None
    created_by: uuid.UUID | None
    url: str
    description: str
    event_types: list[str]  # `WebhookEventType` values, as stored
    enabled: bool
    disabled_reason: EndpointDisabledReason | None
    disabled_at: datetime | None
    consecutive_failures: int
    failing_since: datetime | None
    previous_secret_until: datetime | None
    revision: int
    created_at: datetime
    updated_at: datetime


class EndpointCreatedBody(EndpointBody):
    secret: str


class SecretRotatedBody(TypedDict):
    secret: str
    previous_secret_until: datetime | None


class DeliveryBody(TypedDict):
    id: int
    webhook_id: str
    event_type: str
    subject: str
    status: DeliveryStatus
    attempts: int
    next_attempt_at: datetime | None
    last_attempt_at: datetime | None
    last_status_code: int | None
    last_error: str | None
    delivered_at: datetime | None
    created_at: datetime


class PingQueuedBody(TypedDict):
    delivery_id: int
    webhook_id: str


mirror(EndpointBody, EndpointPublic)
mirror(EndpointCreatedBody, EndpointCreated)
mirror(SecretRotatedBody, SecretRotated)
mirror(DeliveryBody, DeliveryPublic)
mirror(PingQueuedBody, PingQueued)


def endpoint_body(row: WebhookEndpoint) -> EndpointBody:
    """An endpoint row as `EndpointPublic`'s JSON-ready dict."""
    return {
        "id": row.id,
        "clinic_id": row.clinic_id,
        "created_by": row.created_by,
        "url": row.url,
        "description": row.description,
        "event_types": row.event_types,
        "enabled": row.enabled,
        "disabled_reason": row.disabled_reason,
        "disabled_at": row.disabled_at,
        "consecutive_failures": row.consecutive_failures,
        "failing_since": row.failing_since,
        "previous_secret_until": row.previous_secret_until,
        "revision": row.revision,
        "created_at": row.created_at,
        "updated_at": row.updated_at,
    }
