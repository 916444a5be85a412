from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.routine_create import RoutineCreate
from ...models.routine_public import RoutinePublic
from ...types import Response


def _get_kwargs(
    *,
    body: RoutineCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/routines",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RoutinePublic | None:
    if response.status_code == 201:
        response_201 = RoutinePublic.from_dict(response.json())

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
) -> Response[Problem | RoutinePublic]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: RoutineCreate,
) -> Response[Problem | RoutinePublic]:
    """Create a routine

     Items are checked against their exercise: `reps`, `steps` or `hold_seconds` as its dosage unit says,
    `side` only for unilateral exercises, bounded sets/reps/holds/rest. At most 120 minutes per session.
    A routine-builder answer can be posted as it is: its `progression` is checked week by week like the
    items (week 1 is the items). One account keeps at most 200 routines (409 `quota-exceeded`). Nothing
    is stored on error.

    Args:
        body (RoutineCreate): A new routine. A routine-builder answer can be posted as it is (add
            a name).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RoutinePublic]
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
    body: RoutineCreate,
) -> Problem | RoutinePublic | None:
    """Create a routine

     Items are checked against their exercise: `reps`, `steps` or `hold_seconds` as its dosage unit says,
    `side` only for unilateral exercises, bounded sets/reps/holds/rest. At most 120 minutes per session.
    A routine-builder answer can be posted as it is: its `progression` is checked week by week like the
    items (week 1 is the items). One account keeps at most 200 routines (409 `quota-exceeded`). Nothing
    is stored on error.

    Args:
        body (RoutineCreate): A new routine. A routine-builder answer can be posted as it is (add
            a name).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RoutinePublic
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: RoutineCreate,
) -> Response[Problem | RoutinePublic]:
    """Create a routine

     Items are checked against their exercise: `reps`, `steps` or `hold_seconds` as its dosage unit says,
    `side` only for unilateral exercises, bounded sets/reps/holds/rest. At most 120 minutes per session.
    A routine-builder answer can be posted as it is: its `progression` is checked week by week like the
    items (week 1 is the items). One account keeps at most 200 routines (409 `quota-exceeded`). Nothing
    is stored on error.

    Args:
        body (RoutineCreate): A new routine. A routine-builder answer can be posted as it is (add
            a name).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RoutinePublic]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: RoutineCreate,
) -> Problem | RoutinePublic | None:
    """Create a routine

     Items are checked against their exercise: `reps`, `steps` or `hold_seconds` as its dosage unit says,
    `side` only for unilateral exercises, bounded sets/reps/holds/rest. At most 120 minutes per session.
    A routine-builder answer can be posted as it is: its `progression` is checked week by week like the
    items (week 1 is the items). One account keeps at most 200 routines (409 `quota-exceeded`). Nothing
    is stored on error.

    Args:
        body (RoutineCreate): A new routine. A routine-builder answer can be posted as it is (add
            a name).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RoutinePublic
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
