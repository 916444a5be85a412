from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.share_link_create import ShareLinkCreate
from ...models.share_link_created import ShareLinkCreated
from ...types import Response


def _get_kwargs(
    *,
    body: ShareLinkCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/me/share-links",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ShareLinkCreated | None:
    if response.status_code == 200:
        response_200 = ShareLinkCreated.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = ShareLinkCreated.from_dict(response.json())

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
) -> Response[Problem | ShareLinkCreated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ShareLinkCreate,
) -> Response[Problem | ShareLinkCreated]:
    """Share a handout or your progress

     A read-only link for someone without an account to one thing: a routine's printable handout
    (`routine_handout` with `routine_id`: one of yours, a prescription or a template), your progress
    summary (`progress`) or your progress report with charts (`progress_report`: the last 12 weeks,
    every section, as `GET /me/report` shows it to you, opened as HTML or PDF). It stops working after
    `expires_in_days` (default 30, at most 90) or at `expires_at`, or when you revoke it. The `token` is
    shown only in this answer and stored hashed. Send your own `id` to make retries safe (a retry
    answers 200 without the token). Every use is recorded for you. At most 50 active links (1000 in all)
    per account: 409 `quota-exceeded`.

    Args:
        body (ShareLinkCreate): A new link to one thing: a routine's handout (`routine_id`) or
            your progress.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ShareLinkCreated]
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
    body: ShareLinkCreate,
) -> Problem | ShareLinkCreated | None:
    """Share a handout or your progress

     A read-only link for someone without an account to one thing: a routine's printable handout
    (`routine_handout` with `routine_id`: one of yours, a prescription or a template), your progress
    summary (`progress`) or your progress report with charts (`progress_report`: the last 12 weeks,
    every section, as `GET /me/report` shows it to you, opened as HTML or PDF). It stops working after
    `expires_in_days` (default 30, at most 90) or at `expires_at`, or when you revoke it. The `token` is
    shown only in this answer and stored hashed. Send your own `id` to make retries safe (a retry
    answers 200 without the token). Every use is recorded for you. At most 50 active links (1000 in all)
    per account: 409 `quota-exceeded`.

    Args:
        body (ShareLinkCreate): A new link to one thing: a routine's handout (`routine_id`) or
            your progress.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ShareLinkCreated
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ShareLinkCreate,
) -> Response[Problem | ShareLinkCreated]:
    """Share a handout or your progress

     A read-only link for someone without an account to one thing: a routine's printable handout
    (`routine_handout` with `routine_id`: one of yours, a prescription or a template), your progress
    summary (`progress`) or your progress report with charts (`progress_report`: the last 12 weeks,
    every section, as `GET /me/report` shows it to you, opened as HTML or PDF). It stops working after
    `expires_in_days` (default 30, at most 90) or at `expires_at`, or when you revoke it. The `token` is
    shown only in this answer and stored hashed. Send your own `id` to make retries safe (a retry
    answers 200 without the token). Every use is recorded for you. At most 50 active links (1000 in all)
    per account: 409 `quota-exceeded`.

    Args:
        body (ShareLinkCreate): A new link to one thing: a routine's handout (`routine_id`) or
            your progress.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ShareLinkCreated]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ShareLinkCreate,
) -> Problem | ShareLinkCreated | None:
    """Share a handout or your progress

     A read-only link for someone without an account to one thing: a routine's printable handout
    (`routine_handout` with `routine_id`: one of yours, a prescription or a template), your progress
    summary (`progress`) or your progress report with charts (`progress_report`: the last 12 weeks,
    every section, as `GET /me/report` shows it to you, opened as HTML or PDF). It stops working after
    `expires_in_days` (default 30, at most 90) or at `expires_at`, or when you revoke it. The `token` is
    shown only in this answer and stored hashed. Send your own `id` to make retries safe (a retry
    answers 200 without the token). Every use is recorded for you. At most 50 active links (1000 in all)
    per account: 409 `quota-exceeded`.

    Args:
        body (ShareLinkCreate): A new link to one thing: a routine's handout (`routine_id`) or
            your progress.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ShareLinkCreated
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
