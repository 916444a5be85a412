from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.secret_rotated import SecretRotated
from ...types import UNSET, Response, Unset


def _get_kwargs(
    endpoint_id: UUID,
    *,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["if-match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/me/webhooks/{endpoint_id}/rotate-secret".format(
            endpoint_id=quote(str(endpoint_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SecretRotated | None:
    if response.status_code == 200:
        response_200 = SecretRotated.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | SecretRotated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,
) -> Response[Problem | SecretRotated]:
    """Rotate the signing secret

     Answers a new secret, shown only here. For `WEBHOOK_SECRET_GRACE_HOURS` (24) the old secret keeps
    signing too: each delivery carries two signatures in `webhook-signature`, the new secret's first
    (`v1,<new> v1,<old>`), so a receiver may switch secrets at any moment in between. Send `If-Match`.

    Args:
        endpoint_id (UUID): The webhook endpoint's id (UUID).
        if_match (None | str | Unset): Required: the ETag from your last read. Stale is 412,
            missing is 428.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SecretRotated]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,
) -> Problem | SecretRotated | None:
    """Rotate the signing secret

     Answers a new secret, shown only here. For `WEBHOOK_SECRET_GRACE_HOURS` (24) the old secret keeps
    signing too: each delivery carries two signatures in `webhook-signature`, the new secret's first
    (`v1,<new> v1,<old>`), so a receiver may switch secrets at any moment in between. Send `If-Match`.

    Args:
        endpoint_id (UUID): The webhook endpoint's id (UUID).
        if_match (None | str | Unset): Required: the ETag from your last read. Stale is 412,
            missing is 428.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SecretRotated
    """

    return sync_detailed(
        endpoint_id=endpoint_id,
        client=client,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,
) -> Response[Problem | SecretRotated]:
    """Rotate the signing secret

     Answers a new secret, shown only here. For `WEBHOOK_SECRET_GRACE_HOURS` (24) the old secret keeps
    signing too: each delivery carries two signatures in `webhook-signature`, the new secret's first
    (`v1,<new> v1,<old>`), so a receiver may switch secrets at any moment in between. Send `If-Match`.

    Args:
        endpoint_id (UUID): The webhook endpoint's id (UUID).
        if_match (None | str | Unset): Required: the ETag from your last read. Stale is 412,
            missing is 428.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SecretRotated]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,
) -> Problem | SecretRotated | None:
    """Rotate the signing secret

     Answers a new secret, shown only here. For `WEBHOOK_SECRET_GRACE_HOURS` (24) the old secret keeps
    signing too: each delivery carries two signatures in `webhook-signature`, the new secret's first
    (`v1,<new> v1,<old>`), so a receiver may switch secrets at any moment in between. Send `If-Match`.

    Args:
        endpoint_id (UUID): The webhook endpoint's id (UUID).
        if_match (None | str | Unset): Required: the ETag from your last read. Stale is 412,
            missing is 428.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SecretRotated
    """

    return (
        await asyncio_detailed(
            endpoint_id=endpoint_id,
            client=client,
            if_match=if_match,
        )
    ).parsed
