"""Webhook endpoints: registration (URL vetted), changes, rotation, the log and a ping.

An endpoint belongs to a user (`/me/webhooks`) or to a clinic (`/clinics/{id}/webhooks`,
app/care/webhooks); the functions here take its `Holder` and are the same for both.
`personal` adapts them to the signed-in user's own endpoints.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy import ColumnElement
from sqlmodel import Session, col

from app.core.caching import conditional_write, require_if_match, revision_etag
from app.core.config import Settings
from app.core.db import begin_write
from app.core.errors import Conflict, FieldError, Invalid, NotFound, QuotaExceeded
from app.core.idempotency import ClientId, create_once
from app.core.pagination import PageBody, parse_sort
from app.core.responses import Resource
from app.core.types import utcnow
from app.core.vocabulary import DeliveryStatus, EndpointDisabledReason
from app.users.models import Caller
from app.webhooks import outbox, repository, signing, targets
from app.webhooks.models import (
    DeliveryBody,
    EndpointBody,
    EndpointCreate,
    EndpointCreatedBody,
    EndpointUpdate,
    PingQueuedBody,
    SecretRotatedBody,
    WebhookEndpoint,
    endpoint_body,
    webhook_id,
)

SORTABLE = {"created_at": WebhookEndpoint.created_at}
P = ParamSpec("P")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Holder:
    """Whose endpoints: a user's own, or a clinic's (`lock` serialises its creates), and
    who is acting on them (`actor_id`: the user, or the clinic's owner)."""

    user_id: uuid.UUID | None
    clinic_id: uuid.UUID | None
    actor_id: uuid.UUID
    path: str  # below /api/v1, e.g. "/me/webhooks"
    lock: Callable[[Session], object]
    noun: str  # "account" or "clinic", for messages

    def where(self) -> ColumnElement[bool]:
        if self.clinic_id is not None:
            return col(WebhookEndpoint.clinic_id) == self.clinic_id
        return col(WebhookEndpoint.owner_id) == self.user_id


# Finds (and authorises) the holder of the endpoints a request names, in its transaction.
HolderOf = Callable[[Session, Caller], Holder]


def own_endpoints(_session: Session, caller: Caller) -> Holder:
    """The signed-in caller's own endpoints (`/me/webhooks`)."""
    return Holder(
        caller.id,
        None,
        caller.id,
        "/me/webhooks",
        lambda s: repository.lock_user(s, caller.id),
        "account",
    )


def via(
    work: Callable[Concatenate[Session, Holder, P], T], holder_of: HolderOf
) -> Callable[Concatenate[Session, Caller, P], T]:
    """`work` run by a `Unit`: the caller becomes the holder `holder_of` finds for them."""

    def run(session: Session, caller: Caller, /, *args: P.args, **kwargs: P.kwargs) -> T:
        return work(session, holder_of(session, caller), *args, **kwargs)

    return run


def endpoint_etag(row: WebhookEndpoint) -> str:
    return revision_etag("webhook", row.id, row.revision)


def _resource(holder: Holder, row: WebhookEndpoint) -> Resource[EndpointBody]:
    return Resource(endpoint_body(row), endpoint_etag(row), f"{holder.path}/{row.id}")


def _with_secret(holder: Holder, row: WebhookEndpoint) -> Resource[EndpointCreatedBody]:
    """The endpoint as its creation answers it: the one answer that carries its secret."""
    body: EndpointCreatedBody = {**endpoint_body(row), "secret": row.secret}
    return Resource(body, endpoint_etag(row), f"{holder.path}/{row.id}")


def check_url(url: str, settings: Settings) -> None:
    """422 naming why `url` may not receive webhooks (scheme, credentials, an address that
    is not public). Resolves the host: call it before the database work, not inside it."""
    try:
        targets.vet(url, settings)
    except targets.TargetRefused as exc:
        raise Invalid(
            f"This URL cannot receive webhooks: {exc}.",
            errors=[FieldError(["body", "url"], str(exc), "url_refused")],
        ) from exc


def owned(session: Session, holder: Holder, endpoint_id: uuid.UUID) -> WebhookEndpoint:
    row = repository.get_held(session, endpoint_id, holder.where())
    if row is None:
        raise NotFound(f"No webhook endpoint {endpoint_id} among this {holder.noun}'s.")
    return row


def create(
    session: Session, holder: Holder, data: EndpointCreate, settings: Settings
) -> tuple[Resource[EndpointCreatedBody], bool]:
    """A new endpoint with its secret (True), or, for a retry under the same client id,
    the endpoint that try made, secret included, since the lost answer was the only one
    to carry it (False). The holder's lock orders its concurrent creates."""
    now = utcnow()
    row = WebhookEndpoint(
        id=data.id or uuid.uuid4(),
        owner_id=holder.user_id,
        clinic_id=holder.clinic_id,
        created_by=holder.actor_id,
        url=data.url,
        description=data.description,
        event_types=sorted({t.value for t in data.event_types}),
        secret=signing.new_secret(),
        created_at=now,
        updated_at=now,
    )
    asked = (row.owner_id, row.clinic_id, row.url, row.description, row.event_types)

    def write() -> Resource[EndpointCreatedBody]:
        holder.lock(session)  # concurrent creates are counted one after the other
        count = repository.count_held(session, holder.where())
        if count >= settings.webhook_max_endpoints:
            raise QuotaExceeded(
                f"This {holder.noun} keeps {count} webhook endpoints, the most allowed "
                f"({settings.webhook_max_endpoints}); delete one first."
            )
        session.add(row)
        session.flush()
        return _with_secret(holder, row)

    def is_retry(stored: WebhookEndpoint) -> bool:
        return (
            stored.owner_id,
            stored.clinic_id,
            stored.url,
            stored.description,
            sorted(stored.event_types),
        ) == asked

    endpoint_id = row.id
    claim = ClientId("endpoint", data.id, lambda s: s.get(WebhookEndpoint, endpoint_id), is_retry)
    return create_once(session, claim, write, lambda stored: _with_secret(holder, stored))


def list_for(
    session: Session, holder: Holder, sort: str | None, cursor: str | None, limit: int
) -> PageBody[EndpointBody]:
    order = parse_sort(sort, SORTABLE, "created_at")
    rows, next_cursor = repository.list_held(session, holder.where(), order, cursor, limit)
    return {"items": [endpoint_body(r) for r in rows], "next_cursor": next_cursor}


def get_one(session: Session, holder: Holder, endpoint_id: uuid.UUID) -> Resource[EndpointBody]:
    return _resource(holder, owned(session, holder, endpoint_id))


def update(
    session: Session,
    holder: Holder,
    endpoint_id: uuid.UUID,
    changes: EndpointUpdate,
    if_match: str | None,
) -> Resource[EndpointBody]:
    row = owned(session, holder, endpoint_id)
    require_if_match(if_match, endpoint_etag(row))
    values = changes.model_dump(exclude_unset=True)
    nulled = [name for name, value in values.items() if value is None]
    if nulled:
        raise Invalid(
            f"{', '.join(nulled)} cannot be null.",
            errors=[FieldError(["body", n], "may not be null", "null_not_allowed") for n in nulled],
        )
    if "event_types" in values:
        values["event_types"] = sorted({t.value for t in changes.event_types or []})
    if values.get("url", row.url) != row.url:
        # whoever points it elsewhere answers for where it sends (a clinic's owner): the
        # endpoint stops when they leave, as if they had registered it
        values["created_by"] = holder.actor_id
    now = utcnow()
    if "enabled" in values and values["enabled"] != row.enabled:
        if values["enabled"]:  # re-enabled: a fresh start, failures forgotten
            values |= {
                "disabled_reason": None,
                "disabled_at": None,
                "consecutive_failures": 0,
                "failing_since": None,
                # whoever turns it back on answers for it from now on (a clinic's owner)
                "created_by": holder.actor_id,
            }
        else:
            values |= {"disabled_reason": EndpointDisabledReason.BY_OWNER, "disabled_at": now}
    with conditional_write(session) as current:
        current(repository.update_endpoint(session, row, {**values, "updated_at": now}))
        if values.get("enabled") is False:
            repository.give_up_pending(session, row.id, "endpoint disabled by its owner")
    session.expire_all()
    return get_one(session, holder, endpoint_id)


def delete(session: Session, holder: Holder, endpoint_id: uuid.UUID, if_match: str | None) -> None:
    row = owned(session, holder, endpoint_id)
    require_if_match(if_match, endpoint_etag(row))
    with conditional_write(session) as current:
        current(repository.delete_endpoint(session, row))


def rotate_secret(
    session: Session, holder: Holder, endpoint_id: uuid.UUID, if_match: str | None, grace: timedelta
) -> Resource[SecretRotatedBody]:
    """A new secret; the current one keeps signing beside it for `grace` (Standard
    Webhooks' multiple signatures), so receivers can switch without missing a delivery.
    A second rotation within the grace period keeps only the secret it replaces."""
    row = owned(session, holder, endpoint_id)
    require_if_match(if_match, endpoint_etag(row))
    now = utcnow()
    secret = signing.new_secret()
    until = now + grace if grace > timedelta(0) else None
    values = {
        "secret": secret,
        "previous_secret": row.secret if until else None,
        "previous_secret_until": until,
        "updated_at": now,
    }
    with conditional_write(session) as current:
        current(repository.update_endpoint(session, row, values))
    session.expire_all()
    rotated = owned(session, holder, endpoint_id)
    body: SecretRotatedBody = {"secret": secret, "previous_secret_until": until}
    return Resource(body, endpoint_etag(rotated), f"{holder.path}/{endpoint_id}")


def ping(session: Session, holder: Holder, endpoint_id: uuid.UUID) -> PingQueuedBody:
    """Queue a `webhook.ping` event to this endpoint alone; the worker delivers it.
    Its `user_id` is who asked for it."""
    row = owned(session, holder, endpoint_id)
    if not row.enabled:
        raise Conflict("This endpoint is disabled; enable it (PATCH enabled: true) first.")
    begin_write(session)
    event_id = outbox.queue(
        session,
        holder.actor_id,
        outbox.PING,
        f"ping:{row.id}",
        {"endpoint_id": row.id, "message": "Medius is calling: this endpoint receives events."},
        [outbox.Target(row.id, frozenset({outbox.PING}))],
    )
    assert event_id is not None
    delivery_id = repository.delivery_of(session, event_id, row.id)
    session.commit()
    return {"delivery_id": delivery_id, "webhook_id": webhook_id(event_id)}


def deliveries(
    session: Session, holder: Holder, endpoint_id: uuid.UUID, cursor: str | None, limit: int
) -> PageBody[DeliveryBody]:
    owned(session, holder, endpoint_id)
    rows, next_cursor = repository.delivery_log(session, endpoint_id, cursor, limit)
    items: list[DeliveryBody] = [
        {
            "id": r.id,
            "webhook_id": webhook_id(r.event_id),
            "event_type": r.event_type,
            "subject": r.subject,
            "status": r.status,
            "attempts": r.attempts,
            "next_attempt_at": r.next_attempt_at if r.status is DeliveryStatus.PENDING else None,
            "last_attempt_at": r.last_attempt_at,
            "last_status_code": r.last_status_code,
            "last_error": r.last_error,
            "delivered_at": r.delivered_at,
            "created_at": r.created_at,
        }
        for r in rows
    ]
    return {"items": items, "next_cursor": next_cursor}
