from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_answer_public import PageAnswerPublic
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    assignment_id: None | Unset | UUID = UNSET,
    sort: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_assignment_id: None | str | Unset
    if isinstance(assignment_id, Unset):
        json_assignment_id = UNSET
    elif isinstance(assignment_id, UUID):
        json_assignment_id = str(assignment_id)
    else:
        json_assignment_id = assignment_id
    params["assignment_id"] = json_assignment_id

    json_sort: None | str | Unset
    if isinstance(sort, Unset):
        json_sort = UNSET
    else:
        json_sort = sort
    params["sort"] = json_sort

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/me/measures/answers",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageAnswerPublic | Problem | None:
    if response.status_code == 200:
        response_200 = PageAnswerPublic.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

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
) -> Response[PageAnswerPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    assignment_id: None | Unset | UUID = UNSET,
    sort: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[PageAnswerPublic | Problem]:
    """List your answers

     Newest first by default (`sort=answered_at` for oldest first); `assignment_id` narrows to one
    measure.

    Args:
        assignment_id (None | Unset | UUID): Only the answers to this assigned measure.
        sort (None | str | Unset): `field` ascending or `-field` descending.
        limit (int | Unset): Page size, 1-100 (above is 422). Default: 20.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAnswerPublic | Problem]
    """

    kwargs = _get_kwargs(
        assignment_id=assignment_id,
        sort=sort,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    assignment_id: None | Unset | UUID = UNSET,
    sort: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> PageAnswerPublic | Problem | None:
    """List your answers

     Newest first by default (`sort=answered_at` for oldest first); `assignment_id` narrows to one
    measure.

    Args:
        assignment_id (None | Unset | UUID): Only the answers to this assigned measure.
        sort (None | str | Unset): `field` ascending or `-field` descending.
        limit (int | Unset): Page size, 1-100 (above is 422). Default: 20.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAnswerPublic | Problem
    """

    return sync_detailed(
        client=client,
        assignment_id=assignment_id,
        sort=sort,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    assignment_id: None | Unset | UUID = UNSET,
    sort: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[PageAnswerPublic | Problem]:
    """List your answers

     Newest first by default (`sort=answered_at` for oldest first); `assignment_id` narrows to one
    measure.

    Args:
        assignment_id (None | Unset | UUID): Only the answers to this assigned measure.
        sort (None | str | Unset): `field` ascending or `-field` descending.
        limit (int | Unset): Page size, 1-100 (above is 422). Default: 20.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAnswerPublic | Problem]
    """

    kwargs = _get_kwargs(
        assignment_id=assignment_id,
        sort=sort,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    assignment_id: None | Unset | UUID = UNSET,
    sort: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> PageAnswerPublic | Problem | None:
    """List your answers

     Newest first by default (`sort=answered_at` for oldest first); `assignment_id` narrows to one
    measure.

    Args:
        assignment_id (None | Unset | UUID): Only the answers to this assigned measure.
        sort (None | str | Unset): `field` ascending or `-field` descending.
        limit (int | Unset): Page size, 1-100 (above is 422). Default: 20.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAnswerPublic | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            assignment_id=assignment_id,
            sort=sort,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
