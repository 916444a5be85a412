from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.session_create import SessionCreate
from ...models.session_public import SessionPublic
from ...types import Response


def _get_kwargs(
    *,
    body: SessionCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/sessions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SessionPublic | None:
    if response.status_code == 200:
        response_200 = SessionPublic.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = SessionPublic.from_dict(response.json())

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
) -> Response[Problem | SessionPublic]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: SessionCreate,
) -> Response[Problem | SessionPublic]:
    """Log a session

     Send your own UUID `id` so a retry is safe: the first request stores the session (201); the same id
    with the same body returns the stored session (200), even when retries arrive at once; the same id
    with a different body is 409. Entries are checked against their exercise (reps, steps or
    hold_seconds by its unit; side for unilateral exercises). A session is stored whole or not at all
    (at most 500 entries). An account logs at most `MAX_SESSIONS_PER_DAY` (200) sessions per calendar
    day of `started_at` in its time zone: past that, 409 `quota-exceeded`.

    Args:
        body (SessionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SessionPublic]
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
    body: SessionCreate,
) -> Problem | SessionPublic | None:
    """Log a session

     Send your own UUID `id` so a retry is safe: the first request stores the session (201); the same id
    with the same body returns the stored session (200), even when retries arrive at once; the same id
    with a different body is 409. Entries are checked against their exercise (reps, steps or
    hold_seconds by its unit; side for unilateral exercises). A session is stored whole or not at all
    (at most 500 entries). An account logs at most `MAX_SESSIONS_PER_DAY` (200) sessions per calendar
    day of `started_at` in its time zone: past that, 409 `quota-exceeded`.

    Args:
        body (SessionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SessionPublic
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: SessionCreate,
) -> Response[Problem | SessionPublic]:
    """Log a session

     Send your own UUID `id` so a retry is safe: the first request stores the session (201); the same id
    with the same body returns the stored session (200), even when retries arrive at once; the same id
    with a different body is 409. Entries are checked against their exercise (reps, steps or
    hold_seconds by its unit; side for unilateral exercises). A session is stored whole or not at all
    (at most 500 entries). An account logs at most `MAX_SESSIONS_PER_DAY` (200) sessions per calendar
    day of `started_at` in its time zone: past that, 409 `quota-exceeded`.

    Args:
        body (SessionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SessionPublic]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: SessionCreate,
) -> Problem | SessionPublic | None:
    """Log a session

     Send your own UUID `id` so a retry is safe: the first request stores the session (201); the same id
    with the same body returns the stored session (200), even when retries arrive at once; the same id
    with a different body is 409. Entries are checked against their exercise (reps, steps or
    hold_seconds by its unit; side for unilateral exercises). A session is stored whole or not at all
    (at most 500 entries). An account logs at most `MAX_SESSIONS_PER_DAY` (200) sessions per calendar
    day of `started_at` in its time zone: past that, 409 `quota-exceeded`.

    Args:
        body (SessionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SessionPublic
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
