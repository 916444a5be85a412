from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    routine_id: UUID,
    *,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["if-match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/v1/routines/{routine_id}".format(
            routine_id=quote(str(routine_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
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
    if_match: None | str | Unset = UNSET,
) -> Response[Any | Problem]:
    """Delete a routine

     Send `If-Match` with the routine's ETag. Templates are read-only (403). A routine a clinician
    prescribed you may be deleted too, at any time, consent or not (you cannot change it, but you decide
    what you keep); the clinic keeps its record of having prescribed it. Sessions logged against the
    routine keep their data, unlinked.

    Args:
        routine_id (UUID): The routine's id (UUID).
        if_match (None | str | Unset): Required: the ETag from your last read. Stale is 412,
            missing is 428.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        routine_id=routine_id,
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
    if_match: None | str | Unset = UNSET,
) -> Any | Problem | None:
    """Delete a routine

     Send `If-Match` with the routine's ETag. Templates are read-only (403). A routine a clinician
    prescribed you may be deleted too, at any time, consent or not (you cannot change it, but you decide
    what you keep); the clinic keeps its record of having prescribed it. Sessions logged against the
    routine keep their data, unlinked.

    Args:
        routine_id (UUID): The routine's id (UUID).
        if_match (None | str | Unset): Required: the ETag from your last read. Stale is 412,
            missing is 428.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        routine_id=routine_id,
        client=client,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    routine_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,
) -> Response[Any | Problem]:
    """Delete a routine

     Send `If-Match` with the routine's ETag. Templates are read-only (403). A routine a clinician
    prescribed you may be deleted too, at any time, consent or not (you cannot change it, but you decide
    what you keep); the clinic keeps its record of having prescribed it. Sessions logged against the
    routine keep their data, unlinked.

    Args:
        routine_id (UUID): The routine's id (UUID).
        if_match (None | str | Unset): Required: the ETag from your last read. Stale is 412,
            missing is 428.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        routine_id=routine_id,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    routine_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,
) -> Any | Problem | None:
    """Delete a routine

     Send `If-Match` with the routine's ETag. Templates are read-only (403). A routine a clinician
    prescribed you may be deleted too, at any time, consent or not (you cannot change it, but you decide
    what you keep); the clinic keeps its record of having prescribed it. Sessions logged against the
    routine keep their data, unlinked.

    Args:
        routine_id (UUID): The routine's id (UUID).
        if_match (None | str | Unset): Required: the ETag from your last read. Stale is 412,
            missing is 428.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            routine_id=routine_id,
            client=client,
            if_match=if_match,
        )
    ).parsed
