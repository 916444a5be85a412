from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.answer_public import AnswerPublic
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    answer_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/me/measures/answers/{answer_id}".format(
            answer_id=quote(str(answer_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AnswerPublic | Problem | None:
    if response.status_code == 200:
        response_200 = AnswerPublic.from_dict(response.json())

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
) -> Response[AnswerPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    answer_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[AnswerPublic | Problem]:
    """One of your answers

     With its `ETag`, for a change within the edit window. Another user's is 404.

    Args:
        answer_id (UUID): The answer's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnswerPublic | Problem]
    """

    kwargs = _get_kwargs(
        answer_id=answer_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    answer_id: UUID,
    *,
    client: AuthenticatedClient,
) -> AnswerPublic | Problem | None:
    """One of your answers

     With its `ETag`, for a change within the edit window. Another user's is 404.

    Args:
        answer_id (UUID): The answer's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnswerPublic | Problem
    """

    return sync_detailed(
        answer_id=answer_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    answer_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[AnswerPublic | Problem]:
    """One of your answers

     With its `ETag`, for a change within the edit window. Another user's is 404.

    Args:
        answer_id (UUID): The answer's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnswerPublic | Problem]
    """

    kwargs = _get_kwargs(
        answer_id=answer_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    answer_id: UUID,
    *,
    client: AuthenticatedClient,
) -> AnswerPublic | Problem | None:
    """One of your answers

     With its `ETag`, for a change within the edit window. Another user's is 404.

    Args:
        answer_id (UUID): The answer's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnswerPublic | Problem
    """

    return (
        await asyncio_detailed(
            answer_id=answer_id,
            client=client,
        )
    ).parsed
