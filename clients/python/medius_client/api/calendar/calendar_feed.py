from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    token: str,
    if_none_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["if-none-match"] = if_none_match

    params: dict[str, Any] = {}

    params["token"] = token

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/me/calendar.ics",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    token: str,
    if_none_match: None | str | Unset = UNSET,
) -> Response[Any | Problem | str]:
    """Your planned sessions as an iCalendar feed

     RFC 5545, for any calendar app (no sign-in: the `token` is the key). The planned sessions of your
    routine (the most recently changed one, as /me/progress follows): `sessions_per_week` days spread
    over each ISO week (1: Mon; 2: Mon, Thu; 3: Mon, Wed, Fri; 4: Mon, Tue, Thu, Fri; 5: Mon-Fri; 6:
    Mon-Sat; 7: daily) at the token's time of day in your time zone (a VTIMEZONE is included; on a day a
    clock change skips or repeats that time, in UTC at the instant RFC 5545 3.3.5 means), from the day
    the routine was created, 4 weeks back to 26 weeks ahead. Each event lists the exercises with the
    dosage of that week of the routine's plan (week 1 the routine itself, starting on its first planned
    session; after the plan's last week its dosage stays), carries a display reminder 30 minutes before,
    and keeps its UID across fetches (routine and day); its SEQUENCE goes up and LAST-MODIFIED/DTSTAMP
    move only when that event changes (a routine edit that changes it, a new time zone or time of day).
    Without a routine the calendar holds your time zone's VTIMEZONE alone. Sends a strong `ETag`; `If-
    None-Match` gets 304. An unknown or revoked token is 404.

    Args:
        token (str): The feed token from `POST /me/calendar-token`.
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | str]
    """

    kwargs = _get_kwargs(
        token=token,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    token: str,
    if_none_match: None | str | Unset = UNSET,
) -> Any | Problem | str | None:
    """Your planned sessions as an iCalendar feed

     RFC 5545, for any calendar app (no sign-in: the `token` is the key). The planned sessions of your
    routine (the most recently changed one, as /me/progress follows): `sessions_per_week` days spread
    over each ISO week (1: Mon; 2: Mon, Thu; 3: Mon, Wed, Fri; 4: Mon, Tue, Thu, Fri; 5: Mon-Fri; 6:
    Mon-Sat; 7: daily) at the token's time of day in your time zone (a VTIMEZONE is included; on a day a
    clock change skips or repeats that time, in UTC at the instant RFC 5545 3.3.5 means), from the day
    the routine was created, 4 weeks back to 26 weeks ahead. Each event lists the exercises with the
    dosage of that week of the routine's plan (week 1 the routine itself, starting on its first planned
    session; after the plan's last week its dosage stays), carries a display reminder 30 minutes before,
    and keeps its UID across fetches (routine and day); its SEQUENCE goes up and LAST-MODIFIED/DTSTAMP
    move only when that event changes (a routine edit that changes it, a new time zone or time of day).
    Without a routine the calendar holds your time zone's VTIMEZONE alone. Sends a strong `ETag`; `If-
    None-Match` gets 304. An unknown or revoked token is 404.

    Args:
        token (str): The feed token from `POST /me/calendar-token`.
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | str
    """

    return sync_detailed(
        client=client,
        token=token,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    token: str,
    if_none_match: None | str | Unset = UNSET,
) -> Response[Any | Problem | str]:
    """Your planned sessions as an iCalendar feed

     RFC 5545, for any calendar app (no sign-in: the `token` is the key). The planned sessions of your
    routine (the most recently changed one, as /me/progress follows): `sessions_per_week` days spread
    over each ISO week (1: Mon; 2: Mon, Thu; 3: Mon, Wed, Fri; 4: Mon, Tue, Thu, Fri; 5: Mon-Fri; 6:
    Mon-Sat; 7: daily) at the token's time of day in your time zone (a VTIMEZONE is included; on a day a
    clock change skips or repeats that time, in UTC at the instant RFC 5545 3.3.5 means), from the day
    the routine was created, 4 weeks back to 26 weeks ahead. Each event lists the exercises with the
    dosage of that week of the routine's plan (week 1 the routine itself, starting on its first planned
    session; after the plan's last week its dosage stays), carries a display reminder 30 minutes before,
    and keeps its UID across fetches (routine and day); its SEQUENCE goes up and LAST-MODIFIED/DTSTAMP
    move only when that event changes (a routine edit that changes it, a new time zone or time of day).
    Without a routine the calendar holds your time zone's VTIMEZONE alone. Sends a strong `ETag`; `If-
    None-Match` gets 304. An unknown or revoked token is 404.

    Args:
        token (str): The feed token from `POST /me/calendar-token`.
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | str]
    """

    kwargs = _get_kwargs(
        token=token,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    token: str,
    if_none_match: None | str | Unset = UNSET,
) -> Any | Problem | str | None:
    """Your planned sessions as an iCalendar feed

     RFC 5545, for any calendar app (no sign-in: the `token` is the key). The planned sessions of your
    routine (the most recently changed one, as /me/progress follows): `sessions_per_week` days spread
    over each ISO week (1: Mon; 2: Mon, Thu; 3: Mon, Wed, Fri; 4: Mon, Tue, Thu, Fri; 5: Mon-Fri; 6:
    Mon-Sat; 7: daily) at the token's time of day in your time zone (a VTIMEZONE is included; on a day a
    clock change skips or repeats that time, in UTC at the instant RFC 5545 3.3.5 means), from the day
    the routine was created, 4 weeks back to 26 weeks ahead. Each event lists the exercises with the
    dosage of that week of the routine's plan (week 1 the routine itself, starting on its first planned
    session; after the plan's last week its dosage stays), carries a display reminder 30 minutes before,
    and keeps its UID across fetches (routine and day); its SEQUENCE goes up and LAST-MODIFIED/DTSTAMP
    move only when that event changes (a routine edit that changes it, a new time zone or time of day).
    Without a routine the calendar holds your time zone's VTIMEZONE alone. Sends a strong `ETag`; `If-
    None-Match` gets 304. An unknown or revoked token is 404.

    Args:
        token (str): The feed token from `POST /me/calendar-token`.
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            token=token,
            if_none_match=if_none_match,
        )
    ).parsed
