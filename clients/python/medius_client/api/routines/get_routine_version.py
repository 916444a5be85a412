from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.routine_version_public import RoutineVersionPublic
from ...types import Response


def _get_kwargs(
    routine_id: UUID,
    version: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/routines/{routine_id}/versions/{version}".format(
            routine_id=quote(str(routine_id), safe=""),
            version=quote(str(version), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RoutineVersionPublic | None:
    if response.status_code == 200:
        response_200 = RoutineVersionPublic.from_dict(response.json())

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
) -> Response[Problem | RoutineVersionPublic]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    routine_id: UUID,
    version: int,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | RoutineVersionPublic]:
    """One version of a routine

     The routine's program as it was at this version. 404 for a version the routine does not have.

    Args:
        routine_id (UUID): The routine's id (UUID).
        version (int): A version number, 1 to the routine's `version`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RoutineVersionPublic]
    """

    kwargs = _get_kwargs(
        routine_id=routine_id,
        version=version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    routine_id: UUID,
    version: int,
    *,
    client: AuthenticatedClient,
) -> Problem | RoutineVersionPublic | None:
    """One version of a routine

     The routine's program as it was at this version. 404 for a version the routine does not have.

    Args:
        routine_id (UUID): The routine's id (UUID).
        version (int): A version number, 1 to the routine's `version`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RoutineVersionPublic
    """

    return sync_detailed(
        routine_id=routine_id,
        version=version,
        client=client,
    ).parsed


async def asyncio_detailed(
    routine_id: UUID,
    version: int,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | RoutineVersionPublic]:
    """One version of a routine

     The routine's program as it was at this version. 404 for a version the routine does not have.

    Args:
        routine_id (UUID): The routine's id (UUID).
        version (int): A version number, 1 to the routine's `version`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RoutineVersionPublic]
    """

    kwargs = _get_kwargs(
        routine_id=routine_id,
        version=version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    routine_id: UUID,
    version: int,
    *,
    client: AuthenticatedClient,
) -> Problem | RoutineVersionPublic | None:
    """One version of a routine

     The routine's program as it was at this version. 404 for a version the routine does not have.

    Args:
        routine_id (UUID): The routine's id (UUID).
        version (int): A version number, 1 to the routine's `version`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RoutineVersionPublic
    """

    return (
        await asyncio_detailed(
            routine_id=routine_id,
            version=version,
            client=client,
        )
    ).parsed
