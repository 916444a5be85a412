"""Webhook endpoint routes, made once for every holder: `/me/webhooks` (app/webhooks/router.py)
and `/clinics/{clinic_id}/webhooks` (app/care/webhooks/router.py) are both made here."""

from collections.abc import Callable
from datetime import timedelta
from typing import Annotated, Any

from anyio import to_thread
from fastapi import APIRouter, Depends
from starlette.responses import Response

from app.core.config import Settings
from app.core.deps import IfMatch, SettingsDep
from app.core.examples import example_body, example_response
from app.core.pagination import DEFAULT_LIMIT, Cursor, Limit, Page, SortParam
from app.core.problems import answers
from app.core.responses import respond, respond_created
from app.users.auth import SignedIn
from app.webhooks import examples, service
from app.webhooks.models import (
    DeliveryPublic,
    EndpointCreate,
    EndpointCreated,
    EndpointPublic,
    EndpointUpdate,
    PingQueued,
    SecretRotated,
)
from app.webhooks.params import EndpointID
from app.webhooks.service import HolderOf

WRITE_ERRORS = (400, 401, 404, 412, 413, 415, 422, 428)
EVENTS_NOTE = (
    " Events are POSTed by a separate worker process, never during your request, signed "
    "per the Standard Webhooks specification (`webhook-id`, `webhook-timestamp`, "
    "`webhook-signature`); the events and their bodies are in docs/guides/integrations/webhooks.md."
)


async def _check_url(url: str | None, settings: Settings) -> None:
    # The host is resolved before the database work starts, in a thread of its own.
    if url is not None:
        await to_thread.run_sync(service.check_url, url, settings)


def endpoints_router(
    holder: Callable[..., Any],
    *,
    prefix: str,
    tag: str,
    name: str = "",
    whose: str = "your",
    errors: tuple[int, ...] = (),
) -> APIRouter:
    """The eight endpoint operations under `prefix`. `holder` is a FastAPI dependency
    answering a `HolderOf` (it may read path parameters); `name` prefixes operation ids;
    `errors` are statuses the holder check adds (a clinic's 403 and 404)."""
    router = APIRouter(prefix=prefix, tags=[tag])
    Held = Annotated[HolderOf, Depends(holder)]  # noqa: N806 - a type, named as one

    @router.post(
        "",
        name=f"{name}create_endpoint",
        status_code=201,
        summary="Register a webhook endpoint",
        description="An `https://` URL on a public host (private, loopback, link-local, "
        "multicast and reserved addresses are refused, 422) and the events it receives. The "
        "answer holds the signing `secret`, shown only here: keep it to verify deliveries. "
        "Send your own UUID `id` so a retry is safe: the same id and body answer the "
        "endpoint already registered (200, with its secret); the same id with another body "
        f"is 409. At most `WEBHOOK_MAX_ENDPOINTS` (10) endpoints per {whose.split()[-1]} "
        "(409 `quota-exceeded`)." + EVENTS_NOTE,
        response_model=EndpointCreated,
        openapi_extra=example_body(examples.endpoint_create),
        responses={
            **answers(examples.endpoint_created, 400, 401, 409, 413, 415, 422, *errors, status=201),
            200: {
                "model": EndpointCreated,
                **example_response(
                    examples.endpoint_created, "Registered already by an earlier identical request"
                ),
            },
        },
    )
    async def create_endpoint(
        data: EndpointCreate, unit: SignedIn, settings: SettingsDep, held: Held
    ) -> Response:
        await _check_url(data.url, settings)
        endpoint, created = await unit.write(
            lambda db, caller: service.create(db, held(db, caller), data=data, settings=settings)
        )
        return respond_created(endpoint, created)

    @router.get(
        "",
        name=f"{name}list_endpoints",
        summary=f"List {whose} webhook endpoints",
        description="Oldest first (`sort=-created_at` for newest). Secrets are never listed.",
        response_model=Page[EndpointPublic],
        responses=answers(examples.endpoint_page, 401, 422, *errors),
    )
    async def list_endpoints(
        unit: SignedIn,
        held: Held,
        sort: SortParam = None,
        limit: Limit = DEFAULT_LIMIT,
        cursor: Cursor = None,
    ) -> Response:
        page = await unit.read(
            lambda db, caller: service.list_for(
                db, held(db, caller), sort=sort, cursor=cursor, limit=limit
            )
        )
        return respond(page)

    @router.get(
        "/{endpoint_id}",
        name=f"{name}get_endpoint",
        summary="Get a webhook endpoint",
        description="Its state (enabled, failures) and an `ETag` for changes. Another "
        "holder's endpoint is 404.",
        response_model=EndpointPublic,
        responses=answers(examples.endpoint, 401, 404, 422, *errors),
    )
    async def get_endpoint(endpoint_id: EndpointID, unit: SignedIn, held: Held) -> Response:
        endpoint = await unit.read(
            lambda db, caller: service.get_one(db, held(db, caller), endpoint_id=endpoint_id)
        )
        return respond(endpoint)

    @router.patch(
        "/{endpoint_id}",
        name=f"{name}update_endpoint",
        summary="Change a webhook endpoint",
        description="JSON merge patch of `url`, `description`, `event_types` and `enabled`. "
        "`enabled: true` re-enables an endpoint Medius disabled after repeated failures (its "
        "failure count starts again), or a clinic's endpoint disabled when its registrant "
        "left (the caller becomes its `created_by`); `enabled: false` stops deliveries, and "
        "events still waiting are given up. Send `If-Match` (412 when stale, 428 when "
        "missing).",
        response_model=EndpointPublic,
        openapi_extra=example_body(examples.endpoint_patch),
        responses=answers(examples.endpoint, *WRITE_ERRORS, *errors),
    )
    async def update_endpoint(
        endpoint_id: EndpointID,
        changes: EndpointUpdate,
        unit: SignedIn,
        settings: SettingsDep,
        held: Held,
        if_match: IfMatch = None,
    ) -> Response:
        await _check_url(changes.url, settings)
        updated = await unit.write(
            lambda db, caller: service.update(
                db, held(db, caller), endpoint_id=endpoint_id, changes=changes, if_match=if_match
            )
        )
        return respond(updated)

    @router.delete(
        "/{endpoint_id}",
        name=f"{name}delete_endpoint",
        status_code=204,
        summary="Delete a webhook endpoint",
        description="Stops every delivery to it and forgets its log. Send `If-Match`.",
        responses=answers(
            None, 401, 404, 412, 422, 428, *errors, status=204, description="Deleted"
        ),
    )
    async def delete_endpoint(
        endpoint_id: EndpointID, unit: SignedIn, held: Held, if_match: IfMatch = None
    ) -> Response:
        await unit.write(
            lambda db, caller: service.delete(
                db, held(db, caller), endpoint_id=endpoint_id, if_match=if_match
            )
        )
        return respond()

    @router.post(
        "/{endpoint_id}/rotate-secret",
        name=f"{name}rotate_secret",
        summary="Rotate the signing secret",
        description="Answers a new secret, shown only here. For `WEBHOOK_SECRET_GRACE_HOURS` "
        "(24) the old secret keeps signing too: each delivery carries two signatures in "
        "`webhook-signature`, the new secret's first (`v1,<new> v1,<old>`), so a receiver may "
        "switch secrets at any moment in between. "
        "Send `If-Match`.",
        response_model=SecretRotated,
        responses=answers(examples.rotated, 401, 404, 412, 422, 428, *errors),
    )
    async def rotate_secret(
        endpoint_id: EndpointID,
        unit: SignedIn,
        settings: SettingsDep,
        held: Held,
        if_match: IfMatch = None,
    ) -> Response:
        grace = timedelta(hours=settings.webhook_secret_grace_hours)
        rotated = await unit.write(
            lambda db, caller: service.rotate_secret(
                db, held(db, caller), endpoint_id=endpoint_id, if_match=if_match, grace=grace
            )
        )
        return respond(rotated)

    @router.get(
        "/{endpoint_id}/deliveries",
        name=f"{name}list_deliveries",
        summary="The endpoint's delivery log",
        description="Each event sent (or being sent) to this endpoint, newest first: its "
        "`webhook_id`, status (`pending`, `delivered`, `failed` once given up), attempts, the "
        "receiver's last status code or error, and when the next attempt is due.",
        response_model=Page[DeliveryPublic],
        responses=answers(examples.delivery_page, 401, 404, 422, *errors),
    )
    async def list_deliveries(
        endpoint_id: EndpointID,
        unit: SignedIn,
        held: Held,
        limit: Limit = DEFAULT_LIMIT,
        cursor: Cursor = None,
    ) -> Response:
        page = await unit.read(
            lambda db, caller: service.deliveries(
                db, held(db, caller), endpoint_id=endpoint_id, cursor=cursor, limit=limit
            )
        )
        return respond(page)

    @router.post(
        "/{endpoint_id}/ping",
        name=f"{name}ping_endpoint",
        status_code=202,
        summary="Send a test event",
        description="Queues a `webhook.ping` event for this endpoint alone; the worker "
        "delivers it like any other (follow it in the delivery log). A disabled endpoint is "
        "409.",
        response_model=PingQueued,
        responses=answers(examples.ping_queued, 401, 404, 409, 422, *errors, status=202),
    )
    async def ping_endpoint(endpoint_id: EndpointID, unit: SignedIn, held: Held) -> Response:
        queued = await unit.write(
            lambda db, caller: service.ping(db, held(db, caller), endpoint_id=endpoint_id)
        )
        return respond(queued, status_code=202)

    return router
