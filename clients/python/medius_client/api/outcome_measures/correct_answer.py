from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.answer_public import AnswerPublic
from ...models.answer_update import AnswerUpdate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    answer_id: UUID,
    *,
    body: AnswerUpdate,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["if-match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/me/measures/answers/{answer_id}".format(
            answer_id=quote(str(answer_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
    body: AnswerUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[AnswerPublic | Problem]:
    """Correct an answer

     Replace the answers (scored again) within 24 hours of giving them; later is 409 `edit-window-closed`
    (answer again instead). Send `If-Match` with the ETag you read (412 when stale, 428 when missing). A
    measure your clinician entered is 403.

    Args:
        answer_id (UUID): The answer's id.
        if_match (None | str | Unset): Required: the ETag from your last read. Stale is 412,
            missing is 428.
        body (AnswerUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnswerPublic | Problem]
    """

    kwargs = _get_kwargs(
        answer_id=answer_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    answer_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AnswerUpdate,
    if_match: None | str | Unset = UNSET,
) -> AnswerPublic | Problem | None:
    """Correct an answer

     Replace the answers (scored again) within 24 hours of giving them; later is 409 `edit-window-closed`
    (answer again instead). Send `If-Match` with the ETag you read (412 when stale, 428 when missing). A
    measure your clinician entered is 403.

    Args:
        answer_id (UUID): The answer's id.
        if_match (None | str | Unset): Required: the ETag from your last read. Stale is 412,
            missing is 428.
        body (AnswerUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnswerPublic | Problem
    """

    return sync_detailed(
        answer_id=answer_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    answer_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AnswerUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[AnswerPublic | Problem]:
    """Correct an answer

     Replace the answers (scored again) within 24 hours of giving them; later is 409 `edit-window-closed`
    (answer again instead). Send `If-Match` with the ETag you read (412 when stale, 428 when missing). A
    measure your clinician entered is 403.

    Args:
        answer_id (UUID): The answer's id.
        if_match (None | str | Unset): Required: the ETag from your last read. Stale is 412,
            missing is 428.
        body (AnswerUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnswerPublic | Problem]
    """

    kwargs = _get_kwargs(
        answer_id=answer_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    answer_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AnswerUpdate,
    if_match: None | str | Unset = UNSET,
) -> AnswerPublic | Problem | None:
    """Correct an answer

     Replace the answers (scored again) within 24 hours of giving them; later is 409 `edit-window-closed`
    (answer again instead). Send `If-Match` with the ETag you read (412 when stale, 428 when missing). A
    measure your clinician entered is 403.

    Args:
        answer_id (UUID): The answer's id.
        if_match (None | str | Unset): Required: the ETag from your last read. Stale is 412,
            missing is 428.
        body (AnswerUpdate):

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
            body=body,
            if_match=if_match,
        )
    ).parsed
