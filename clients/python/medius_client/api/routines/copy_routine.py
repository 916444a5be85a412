from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.routine_copy import RoutineCopy
from ...models.routine_public import RoutinePublic
from ...types import UNSET, Response, Unset


def _get_kwargs(
    routine_id: UUID,
    *,
    body: None | RoutineCopy | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/routines/{routine_id}/copy".format(
            routine_id=quote(str(routine_id), safe=""),
        ),
    }

    if isinstance(body, RoutineCopy):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RoutinePublic | None:
    if response.status_code == 200:
        response_200 = RoutinePublic.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = RoutinePublic.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
    body: None | RoutineCopy | Unset = UNSET,
) -> Response[Problem | RoutinePublic]:
    """Copy a routine or template into yours

     Makes your own editable copy of a template, of a routine a clinician prescribed you, or of one of
    your routines (its version history starts afresh at 1). Send your own `id` for the copy to make
    retries safe: the same id for the same source answers the copy already made (200), for anything else
    409. Without a body every call makes a new copy. 409 `quota-exceeded` when you already keep 200
    routines.

    Args:
        routine_id (UUID): The routine's id (UUID).
        body (None | RoutineCopy | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RoutinePublic]
    """

    kwargs = _get_kwargs(
        routine_id=routine_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    routine_id: UUID,
    *,
    client: AuthenticatedClient,
    body: None | RoutineCopy | Unset = UNSET,
) -> Problem | RoutinePublic | None:
    """Copy a routine or template into yours

     Makes your own editable copy of a template, of a routine a clinician prescribed you, or of one of
    your routines (its version history starts afresh at 1). Send your own `id` for the copy to make
    retries safe: the same id for the same source answers the copy already made (200), for anything else
    409. Without a body every call makes a new copy. 409 `quota-exceeded` when you already keep 200
    routines.

    Args:
        routine_id (UUID): The routine's id (UUID).
        body (None | RoutineCopy | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RoutinePublic
    """

    return sync_detailed(
        routine_id=routine_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    routine_id: UUID,
    *,
    client: AuthenticatedClient,
    body: None | RoutineCopy | Unset = UNSET,
) -> Response[Problem | RoutinePublic]:
    """Copy a routine or template into yours

     Makes your own editable copy of a template, of a routine a clinician prescribed you, or of one of
    your routines (its version history starts afresh at 1). Send your own `id` for the copy to make
    retries safe: the same id for the same source answers the copy already made (200), for anything else
    409. Without a body every call makes a new copy. 409 `quota-exceeded` when you already keep 200
    routines.

    Args:
        routine_id (UUID): The routine's id (UUID).
        body (None | RoutineCopy | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RoutinePublic]
    """

    kwargs = _get_kwargs(
        routine_id=routine_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    routine_id: UUID,
    *,
    client: AuthenticatedClient,
    body: None | RoutineCopy | Unset = UNSET,
) -> Problem | RoutinePublic | None:
    """Copy a routine or template into yours

     Makes your own editable copy of a template, of a routine a clinician prescribed you, or of one of
    your routines (its version history starts afresh at 1). Send your own `id` for the copy to make
    retries safe: the same id for the same source answers the copy already made (200), for anything else
    409. Without a body every call makes a new copy. 409 `quota-exceeded` when you already keep 200
    routines.

    Args:
        routine_id (UUID): The routine's id (UUID).
        body (None | RoutineCopy | Unset):

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
            body=body,
        )
    ).parsed
