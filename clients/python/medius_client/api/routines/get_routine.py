from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.routine_public import RoutinePublic
from ...types import Response


def _get_kwargs(
    routine_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/routines/{routine_id}".format(
            routine_id=quote(str(routine_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RoutinePublic | None:
    if response.status_code == 200:
        response_200 = RoutinePublic.from_dict(response.json())

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
) -> Response[Problem | RoutinePublic]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    routine_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | RoutinePublic]:
    """Get a routine

     One of your routines, or a template (templates need no sign-in). Another user's routine is 404.
    Sends an `ETag` for conditional updates.

    Args:
        routine_id (UUID): The routine's id (UUID).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RoutinePublic]
    """

    kwargs = _get_kwargs(
        routine_id=routine_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    routine_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | RoutinePublic | None:
    """Get a routine

     One of your routines, or a template (templates need no sign-in). Another user's routine is 404.
    Sends an `ETag` for conditional updates.

    Args:
        routine_id (UUID): The routine's id (UUID).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RoutinePublic
    """

    return sync_detailed(
        routine_id=routine_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    routine_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | RoutinePublic]:
    """Get a routine

     One of your routines, or a template (templates need no sign-in). Another user's routine is 404.
    Sends an `ETag` for conditional updates.

    Args:
        routine_id (UUID): The routine's id (UUID).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RoutinePublic]
    """

    kwargs = _get_kwargs(
        routine_id=routine_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    routine_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | RoutinePublic | None:
    """Get a routine

     One of your routines, or a template (templates need no sign-in). Another user's routine is 404.
    Sends an `ETag` for conditional updates.

    Args:
        routine_id (UUID): The routine's id (UUID).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RoutinePublic
    """

    return (
        await asyncio_detailed(
            routine_id=routine_id,
            client=client,
        )
    ).parsed
