from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.exercise_public import ExercisePublic
from ...models.exercise_update import ExerciseUpdate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    slug: str,
    *,
    body: ExerciseUpdate,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["if-match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/exercises/{slug}".format(
            slug=quote(str(slug), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ExercisePublic | Problem | None:
    if response.status_code == 200:
        response_200 = ExercisePublic.from_dict(response.json())

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
) -> Response[ExercisePublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: ExerciseUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[ExercisePublic | Problem]:
    """Change an exercise (admin)

     JSON merge patch: the fields sent replace the stored ones and the result is validated whole. Send
    `If-Match` with the exercise's ETag (412 when stale).

    Args:
        slug (str): Exercise slug.
        if_match (None | str | Unset): Required: the ETag from your last read. Stale is 412,
            missing is 428.
        body (ExerciseUpdate): JSON merge patch of an exercise: fields sent replace the stored
            ones; slug is fixed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExercisePublic | Problem]
    """

    kwargs = _get_kwargs(
        slug=slug,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: ExerciseUpdate,
    if_match: None | str | Unset = UNSET,
) -> ExercisePublic | Problem | None:
    """Change an exercise (admin)

     JSON merge patch: the fields sent replace the stored ones and the result is validated whole. Send
    `If-Match` with the exercise's ETag (412 when stale).

    Args:
        slug (str): Exercise slug.
        if_match (None | str | Unset): Required: the ETag from your last read. Stale is 412,
            missing is 428.
        body (ExerciseUpdate): JSON merge patch of an exercise: fields sent replace the stored
            ones; slug is fixed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExercisePublic | Problem
    """

    return sync_detailed(
        slug=slug,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: ExerciseUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[ExercisePublic | Problem]:
    """Change an exercise (admin)

     JSON merge patch: the fields sent replace the stored ones and the result is validated whole. Send
    `If-Match` with the exercise's ETag (412 when stale).

    Args:
        slug (str): Exercise slug.
        if_match (None | str | Unset): Required: the ETag from your last read. Stale is 412,
            missing is 428.
        body (ExerciseUpdate): JSON merge patch of an exercise: fields sent replace the stored
            ones; slug is fixed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExercisePublic | Problem]
    """

    kwargs = _get_kwargs(
        slug=slug,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: ExerciseUpdate,
    if_match: None | str | Unset = UNSET,
) -> ExercisePublic | Problem | None:
    """Change an exercise (admin)

     JSON merge patch: the fields sent replace the stored ones and the result is validated whole. Send
    `If-Match` with the exercise's ETag (412 when stale).

    Args:
        slug (str): Exercise slug.
        if_match (None | str | Unset): Required: the ETag from your last read. Stale is 412,
            missing is 428.
        body (ExerciseUpdate): JSON merge patch of an exercise: fields sent replace the stored
            ones; slug is fixed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExercisePublic | Problem
    """

    return (
        await asyncio_detailed(
            slug=slug,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
