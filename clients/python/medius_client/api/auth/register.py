from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.user_create import UserCreate
from ...models.user_public import UserPublic
from ...types import Response


def _get_kwargs(
    *,
    body: UserCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/auth/register",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | UserPublic | None:
    if response.status_code == 201:
        response_201 = UserPublic.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | UserPublic]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UserCreate,
) -> Response[Problem | UserPublic]:
    """Create an account

     Register with email and password (10-256 characters, not a common password). Emails are compared
    case-insensitively after Unicode (NFC) and IDNA normalisation; a second account for one email is
    409. Sign-ups are limited per client address (`REGISTER_MAX_PER_ADDRESS` per
    `REGISTER_WINDOW_SECONDS`; 429 with `Retry-After`).

    Args:
        body (UserCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UserPublic]
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
    client: AuthenticatedClient | Client,
    body: UserCreate,
) -> Problem | UserPublic | None:
    """Create an account

     Register with email and password (10-256 characters, not a common password). Emails are compared
    case-insensitively after Unicode (NFC) and IDNA normalisation; a second account for one email is
    409. Sign-ups are limited per client address (`REGISTER_MAX_PER_ADDRESS` per
    `REGISTER_WINDOW_SECONDS`; 429 with `Retry-After`).

    Args:
        body (UserCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UserPublic
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UserCreate,
) -> Response[Problem | UserPublic]:
    """Create an account

     Register with email and password (10-256 characters, not a common password). Emails are compared
    case-insensitively after Unicode (NFC) and IDNA normalisation; a second account for one email is
    409. Sign-ups are limited per client address (`REGISTER_MAX_PER_ADDRESS` per
    `REGISTER_WINDOW_SECONDS`; 429 with `Retry-After`).

    Args:
        body (UserCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UserPublic]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: UserCreate,
) -> Problem | UserPublic | None:
    """Create an account

     Register with email and password (10-256 characters, not a common password). Emails are compared
    case-insensitively after Unicode (NFC) and IDNA normalisation; a second account for one email is
    409. Sign-ups are limited per client address (`REGISTER_MAX_PER_ADDRESS` per
    `REGISTER_WINDOW_SECONDS`; 429 with `Retry-After`).

    Args:
        body (UserCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UserPublic
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
