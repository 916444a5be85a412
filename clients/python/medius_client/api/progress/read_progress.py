import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.progress import Progress
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    routine_id: None | Unset | UUID = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    elif isinstance(from_, datetime.date):
        json_from_ = from_.isoformat()
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.date):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

    json_routine_id: None | str | Unset
    if isinstance(routine_id, Unset):
        json_routine_id = UNSET
    elif isinstance(routine_id, UUID):
        json_routine_id = str(routine_id)
    else:
        json_routine_id = routine_id
    params["routine_id"] = json_routine_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/me/progress",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Progress | None:
    if response.status_code == 200:
        response_200 = Progress.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Progress]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    routine_id: None | Unset | UUID = UNSET,
) -> Response[Problem | Progress]:
    """Your progress

     For the calendar days `from`..`to` (your time zone; default the last 12 weeks, at most 366 days):
    sessions per ISO week against your routine's sessions_per_week (the routine named by `routine_id`,
    else your most recently changed one), current and best streaks of weeks that met it, per exercise
    totals, best set, weekly pain/effort trends and left/right asymmetry, sessions with pain of 7/10 or
    more under `alerts`, and progression advice per exercise of the routine.

    Args:
        from_ (datetime.date | None | Unset): First day (YYYY-MM-DD).
        to (datetime.date | None | Unset): Last day (YYYY-MM-DD).
        routine_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Progress]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        routine_id=routine_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    routine_id: None | Unset | UUID = UNSET,
) -> Problem | Progress | None:
    """Your progress

     For the calendar days `from`..`to` (your time zone; default the last 12 weeks, at most 366 days):
    sessions per ISO week against your routine's sessions_per_week (the routine named by `routine_id`,
    else your most recently changed one), current and best streaks of weeks that met it, per exercise
    totals, best set, weekly pain/effort trends and left/right asymmetry, sessions with pain of 7/10 or
    more under `alerts`, and progression advice per exercise of the routine.

    Args:
        from_ (datetime.date | None | Unset): First day (YYYY-MM-DD).
        to (datetime.date | None | Unset): Last day (YYYY-MM-DD).
        routine_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Progress
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        routine_id=routine_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    routine_id: None | Unset | UUID = UNSET,
) -> Response[Problem | Progress]:
    """Your progress

     For the calendar days `from`..`to` (your time zone; default the last 12 weeks, at most 366 days):
    sessions per ISO week against your routine's sessions_per_week (the routine named by `routine_id`,
    else your most recently changed one), current and best streaks of weeks that met it, per exercise
    totals, best set, weekly pain/effort trends and left/right asymmetry, sessions with pain of 7/10 or
    more under `alerts`, and progression advice per exercise of the routine.

    Args:
        from_ (datetime.date | None | Unset): First day (YYYY-MM-DD).
        to (datetime.date | None | Unset): Last day (YYYY-MM-DD).
        routine_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Progress]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        routine_id=routine_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    routine_id: None | Unset | UUID = UNSET,
) -> Problem | Progress | None:
    """Your progress

     For the calendar days `from`..`to` (your time zone; default the last 12 weeks, at most 366 days):
    sessions per ISO week against your routine's sessions_per_week (the routine named by `routine_id`,
    else your most recently changed one), current and best streaks of weeks that met it, per exercise
    totals, best set, weekly pain/effort trends and left/right asymmetry, sessions with pain of 7/10 or
    more under `alerts`, and progression advice per exercise of the routine.

    Args:
        from_ (datetime.date | None | Unset): First day (YYYY-MM-DD).
        to (datetime.date | None | Unset): Last day (YYYY-MM-DD).
        routine_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Progress
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            routine_id=routine_id,
        )
    ).parsed
