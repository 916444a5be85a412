from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.endpoint_create import EndpointCreate
from ...models.endpoint_created import EndpointCreated
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: EndpointCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/me/webhooks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EndpointCreated | Problem | None:
    if response.status_code == 200:
        response_200 = EndpointCreated.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = EndpointCreated.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EndpointCreated | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: EndpointCreate,
) -> Response[EndpointCreated | Problem]:
    """Register a webhook endpoint

     An `https://` URL on a public host (private, loopback, link-local, multicast and reserved addresses
    are refused, 422) and the events it receives. The answer holds the signing `secret`, shown only
    here: keep it to verify deliveries. Send your own UUID `id` so a retry is safe: the same id and body
    answer the endpoint already registered (200, with its secret); the same id with another body is 409.
    At most `WEBHOOK_MAX_ENDPOINTS` (10) endpoints per your (409 `quota-exceeded`). Events are POSTed by
    a separate worker process, never during your request, signed per the Standard Webhooks specification
    (`webhook-id`, `webhook-timestamp`, `webhook-signature`); the events and their bodies are in
    docs/guides/integrations/webhooks.md.

    Args:
        body (EndpointCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndpointCreated | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: EndpointCreate,
) -> EndpointCreated | Problem | None:
    """Register a webhook endpoint

     An `https://` URL on a public host (private, loopback, link-local, multicast and reserved addresses
    are refused, 422) and the events it receives. The answer holds the signing `secret`, shown only
    here: keep it to verify deliveries. Send your own UUID `id` so a retry is safe: the same id and body
    answer the endpoint already registered (200, with its secret); the same id with another body is 409.
    At most `WEBHOOK_MAX_ENDPOINTS` (10) endpoints per your (409 `quota-exceeded`). Events are POSTed by
    a separate worker process, never during your request, signed per the Standard Webhooks specification
    (`webhook-id`, `webhook-timestamp`, `webhook-signature`); the events and their bodies are in
    docs/guides/integrations/webhooks.md.

    Args:
        body (EndpointCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndpointCreated | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: EndpointCreate,
) -> Response[EndpointCreated | Problem]:
    """Register a webhook endpoint

     An `https://` URL on a public host (private, loopback, link-local, multicast and reserved addresses
    are refused, 422) and the events it receives. The answer holds the signing `secret`, shown only
    here: keep it to verify deliveries. Send your own UUID `id` so a retry is safe: the same id and body
    answer the endpoint already registered (200, with its secret); the same id with another body is 409.
    At most `WEBHOOK_MAX_ENDPOINTS` (10) endpoints per your (409 `quota-exceeded`). Events are POSTed by
    a separate worker process, never during your request, signed per the Standard Webhooks specification
    (`webhook-id`, `webhook-timestamp`, `webhook-signature`); the events and their bodies are in
    docs/guides/integrations/webhooks.md.

    Args:
        body (EndpointCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndpointCreated | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: EndpointCreate,
) -> EndpointCreated | Problem | None:
    """Register a webhook endpoint

     An `https://` URL on a public host (private, loopback, link-local, multicast and reserved addresses
    are refused, 422) and the events it receives. The answer holds the signing `secret`, shown only
    here: keep it to verify deliveries. Send your own UUID `id` so a retry is safe: the same id and body
    answer the endpoint already registered (200, with its secret); the same id with another body is 409.
    At most `WEBHOOK_MAX_ENDPOINTS` (10) endpoints per your (409 `quota-exceeded`). Events are POSTed by
    a separate worker process, never during your request, signed per the Standard Webhooks specification
    (`webhook-id`, `webhook-timestamp`, `webhook-signature`); the events and their bodies are in
    docs/guides/integrations/webhooks.md.

    Args:
        body (EndpointCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndpointCreated | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
