from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.alert_status import AlertStatus
from ...models.page_alert_public import PageAlertPublic
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: AlertStatus | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, AlertStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

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
        "url": "/api/v1/me/alerts",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageAlertPublic | Problem | None:
    if response.status_code == 200:
        response_200 = PageAlertPublic.from_dict(response.json())

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
) -> Response[PageAlertPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: AlertStatus | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[PageAlertPublic | Problem]:
    """Your alerts

     Alerts are raised for the patient, in the same transaction as what caused them: a session with pain
    of 7/10 or more (`pain`), an exercise whose progression advice turned to reduce (`progress-reduce`),
    a self-check whose pain advises seeing a professional (`self-check-pain`), a week of the routine
    with fewer sessions than planned, judged once the week is over in the patient's time zone (`missed-
    week`). Each event raises one alert, however often it is retried. Every clinician the patient
    granted `alerts` sees the same alerts; each clinic acknowledges them for itself with a note, and
    sees only its own acknowledgements (the patient sees all). Newest first; `status` narrows to open or
    acknowledged ones. An acknowledged alert shows when, by whom and with which note.

    Args:
        status (AlertStatus | None | Unset):
        limit (int | Unset): Page size, 1-100 (above is 422). Default: 20.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAlertPublic | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
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
    status: AlertStatus | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> PageAlertPublic | Problem | None:
    """Your alerts

     Alerts are raised for the patient, in the same transaction as what caused them: a session with pain
    of 7/10 or more (`pain`), an exercise whose progression advice turned to reduce (`progress-reduce`),
    a self-check whose pain advises seeing a professional (`self-check-pain`), a week of the routine
    with fewer sessions than planned, judged once the week is over in the patient's time zone (`missed-
    week`). Each event raises one alert, however often it is retried. Every clinician the patient
    granted `alerts` sees the same alerts; each clinic acknowledges them for itself with a note, and
    sees only its own acknowledgements (the patient sees all). Newest first; `status` narrows to open or
    acknowledged ones. An acknowledged alert shows when, by whom and with which note.

    Args:
        status (AlertStatus | None | Unset):
        limit (int | Unset): Page size, 1-100 (above is 422). Default: 20.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAlertPublic | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: AlertStatus | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[PageAlertPublic | Problem]:
    """Your alerts

     Alerts are raised for the patient, in the same transaction as what caused them: a session with pain
    of 7/10 or more (`pain`), an exercise whose progression advice turned to reduce (`progress-reduce`),
    a self-check whose pain advises seeing a professional (`self-check-pain`), a week of the routine
    with fewer sessions than planned, judged once the week is over in the patient's time zone (`missed-
    week`). Each event raises one alert, however often it is retried. Every clinician the patient
    granted `alerts` sees the same alerts; each clinic acknowledges them for itself with a note, and
    sees only its own acknowledgements (the patient sees all). Newest first; `status` narrows to open or
    acknowledged ones. An acknowledged alert shows when, by whom and with which note.

    Args:
        status (AlertStatus | None | Unset):
        limit (int | Unset): Page size, 1-100 (above is 422). Default: 20.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAlertPublic | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: AlertStatus | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> PageAlertPublic | Problem | None:
    """Your alerts

     Alerts are raised for the patient, in the same transaction as what caused them: a session with pain
    of 7/10 or more (`pain`), an exercise whose progression advice turned to reduce (`progress-reduce`),
    a self-check whose pain advises seeing a professional (`self-check-pain`), a week of the routine
    with fewer sessions than planned, judged once the week is over in the patient's time zone (`missed-
    week`). Each event raises one alert, however often it is retried. Every clinician the patient
    granted `alerts` sees the same alerts; each clinic acknowledges them for itself with a note, and
    sees only its own acknowledgements (the patient sees all). Newest first; `status` narrows to open or
    acknowledged ones. An acknowledged alert shows when, by whom and with which note.

    Args:
        status (AlertStatus | None | Unset):
        limit (int | Unset): Page size, 1-100 (above is 422). Default: 20.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAlertPublic | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
