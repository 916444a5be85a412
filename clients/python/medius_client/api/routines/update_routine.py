from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.routine_public import RoutinePublic
from ...models.routine_update import RoutineUpdate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    routine_id: UUID,
    *,
    body: RoutineUpdate,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["if-match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/routines/{routine_id}".format(
            routine_id=quote(str(routine_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
    body: RoutineUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[Problem | RoutinePublic]:
    """Change a routine

     JSON merge patch; `items`, when sent, replaces the whole list, is validated like a new routine (at
    most 120 minutes per session) and drops the `progression`, which was planned for the old items. Send
    `If-Match` (412 when stale, 428 when missing). Templates are read-only (403); so is a routine a
    clinician prescribed you (403 `prescribed-routine-read-only`: copy it to change it). Every edit is a
    new `version`.

    Args:
        routine_id (UUID): The routine's id (UUID).
        if_match (None | str | Unset): Required: the ETag from your last read. Stale is 412,
            missing is 428.
        body (RoutineUpdate): JSON merge patch; `items`, when sent, replaces the whole list.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RoutinePublic]
    """

    kwargs = _get_kwargs(
        routine_id=routine_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    routine_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RoutineUpdate,
    if_match: None | str | Unset = UNSET,
) -> Problem | RoutinePublic | None:
    """Change a routine

     JSON merge patch; `items`, when sent, replaces the whole list, is validated like a new routine (at
    most 120 minutes per session) and drops the `progression`, which was planned for the old items. Send
    `If-Match` (412 when stale, 428 when missing). Templates are read-only (403); so is a routine a
    clinician prescribed you (403 `prescribed-routine-read-only`: copy it to change it). Every edit is a
    new `version`.

    Args:
        routine_id (UUID): The routine's id (UUID).
        if_match (None | str | Unset): Required: the ETag from your last read. Stale is 412,
            missing is 428.
        body (RoutineUpdate): JSON merge patch; `items`, when sent, replaces the whole list.

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
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    routine_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RoutineUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[Problem | RoutinePublic]:
    """Change a routine

     JSON merge patch; `items`, when sent, replaces the whole list, is validated like a new routine (at
    most 120 minutes per session) and drops the `progression`, which was planned for the old items. Send
    `If-Match` (412 when stale, 428 when missing). Templates are read-only (403); so is a routine a
    clinician prescribed you (403 `prescribed-routine-read-only`: copy it to change it). Every edit is a
    new `version`.

    Args:
        routine_id (UUID): The routine's id (UUID).
        if_match (None | str | Unset): Required: the ETag from your last read. Stale is 412,
            missing is 428.
        body (RoutineUpdate): JSON merge patch; `items`, when sent, replaces the whole list.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RoutinePublic]
    """

    kwargs = _get_kwargs(
        routine_id=routine_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    routine_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RoutineUpdate,
    if_match: None | str | Unset = UNSET,
) -> Problem | RoutinePublic | None:
    """Change a routine

     JSON merge patch; `items`, when sent, replaces the whole list, is validated like a new routine (at
    most 120 minutes per session) and drops the `progression`, which was planned for the old items. Send
    `If-Match` (412 when stale, 428 when missing). Templates are read-only (403); so is a routine a
    clinician prescribed you (403 `prescribed-routine-read-only`: copy it to change it). Every edit is a
    new `version`.

    Args:
        routine_id (UUID): The routine's id (UUID).
        if_match (None | str | Unset): Required: the ETag from your last read. Stale is 412,
            missing is 428.
        body (RoutineUpdate): JSON merge patch; `items`, when sent, replaces the whole list.

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
            if_match=if_match,
        )
    ).parsed
