from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.progress import Progress
from ...types import Response


def _get_kwargs(
    token: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/shared/{token}".format(
            token=quote(str(token), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Progress | None:
    if response.status_code == 200:
        response_200 = Progress.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 406:
        response_406 = Problem.from_dict(response.json())

        return response_406

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Progress]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    token: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | Progress]:
    """Open a share link (no sign-in)

     What a live link shares: a routine's handout, by `Accept` as `GET /routines/{id}/handout`
    (`text/html`, also `*/*` or none; `application/pdf`), without the owner's pain warnings; a progress
    summary as JSON (the last 12 weeks, shaped as `GET /me/progress`); or the owner's progress report
    (the last 12 weeks, as `GET /me/report`, HTML or PDF by `Accept`). An unknown, expired or revoked
    link is the same 404. `Cache-Control: no-store`, `Referrer-Policy: no-referrer`. Each use is
    recorded for the link's owner.

    Args:
        token (str): The link's secret token.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Progress]
    """

    kwargs = _get_kwargs(
        token=token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    token: str,
    *,
    client: AuthenticatedClient | Client,
) -> Problem | Progress | None:
    """Open a share link (no sign-in)

     What a live link shares: a routine's handout, by `Accept` as `GET /routines/{id}/handout`
    (`text/html`, also `*/*` or none; `application/pdf`), without the owner's pain warnings; a progress
    summary as JSON (the last 12 weeks, shaped as `GET /me/progress`); or the owner's progress report
    (the last 12 weeks, as `GET /me/report`, HTML or PDF by `Accept`). An unknown, expired or revoked
    link is the same 404. `Cache-Control: no-store`, `Referrer-Policy: no-referrer`. Each use is
    recorded for the link's owner.

    Args:
        token (str): The link's secret token.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Progress
    """

    return sync_detailed(
        token=token,
        client=client,
    ).parsed


async def asyncio_detailed(
    token: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | Progress]:
    """Open a share link (no sign-in)

     What a live link shares: a routine's handout, by `Accept` as `GET /routines/{id}/handout`
    (`text/html`, also `*/*` or none; `application/pdf`), without the owner's pain warnings; a progress
    summary as JSON (the last 12 weeks, shaped as `GET /me/progress`); or the owner's progress report
    (the last 12 weeks, as `GET /me/report`, HTML or PDF by `Accept`). An unknown, expired or revoked
    link is the same 404. `Cache-Control: no-store`, `Referrer-Policy: no-referrer`. Each use is
    recorded for the link's owner.

    Args:
        token (str): The link's secret token.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Progress]
    """

    kwargs = _get_kwargs(
        token=token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    token: str,
    *,
    client: AuthenticatedClient | Client,
) -> Problem | Progress | None:
    """Open a share link (no sign-in)

     What a live link shares: a routine's handout, by `Accept` as `GET /routines/{id}/handout`
    (`text/html`, also `*/*` or none; `application/pdf`), without the owner's pain warnings; a progress
    summary as JSON (the last 12 weeks, shaped as `GET /me/progress`); or the owner's progress report
    (the last 12 weeks, as `GET /me/report`, HTML or PDF by `Accept`). An unknown, expired or revoked
    link is the same 404. `Cache-Control: no-store`, `Referrer-Policy: no-referrer`. Each use is
    recorded for the link's owner.

    Args:
        token (str): The link's secret token.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Progress
    """

    return (
        await asyncio_detailed(
            token=token,
            client=client,
        )
    ).parsed
