from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.export_format import ExportFormat
from ...models.export_sessions_response_200 import ExportSessionsResponse200
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    format_: ExportFormat | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/sessions/export",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ExportSessionsResponse200 | Problem | None:
    if response.status_code == 200:
        response_200 = ExportSessionsResponse200.from_dict(response.json())

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
) -> Response[ExportSessionsResponse200 | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    format_: ExportFormat | Unset = UNSET,
) -> Response[ExportSessionsResponse200 | Problem]:
    """Export your log

     One row per entry (and one, with empty entry columns, per session without entries), for sharing with
    a physiotherapist: CSV (header: session_id, started_at, ended_at, routine_id, exercise, set_number,
    side, reps, steps, hold_seconds, load_band, load_kg, pain, effort, notes, session_notes) or JSON
    (`{columns, rows}`). `notes` is the set's note, `session_notes` the session's. CSV fields are all
    quoted, and a text cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`
    so no spreadsheet runs it as a formula (OWASP). Streamed as it is read.

    Args:
        format_ (ExportFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExportSessionsResponse200 | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    format_: ExportFormat | Unset = UNSET,
) -> ExportSessionsResponse200 | Problem | None:
    """Export your log

     One row per entry (and one, with empty entry columns, per session without entries), for sharing with
    a physiotherapist: CSV (header: session_id, started_at, ended_at, routine_id, exercise, set_number,
    side, reps, steps, hold_seconds, load_band, load_kg, pain, effort, notes, session_notes) or JSON
    (`{columns, rows}`). `notes` is the set's note, `session_notes` the session's. CSV fields are all
    quoted, and a text cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`
    so no spreadsheet runs it as a formula (OWASP). Streamed as it is read.

    Args:
        format_ (ExportFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExportSessionsResponse200 | Problem
    """

    return sync_detailed(
        client=client,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    format_: ExportFormat | Unset = UNSET,
) -> Response[ExportSessionsResponse200 | Problem]:
    """Export your log

     One row per entry (and one, with empty entry columns, per session without entries), for sharing with
    a physiotherapist: CSV (header: session_id, started_at, ended_at, routine_id, exercise, set_number,
    side, reps, steps, hold_seconds, load_band, load_kg, pain, effort, notes, session_notes) or JSON
    (`{columns, rows}`). `notes` is the set's note, `session_notes` the session's. CSV fields are all
    quoted, and a text cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`
    so no spreadsheet runs it as a formula (OWASP). Streamed as it is read.

    Args:
        format_ (ExportFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExportSessionsResponse200 | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    format_: ExportFormat | Unset = UNSET,
) -> ExportSessionsResponse200 | Problem | None:
    """Export your log

     One row per entry (and one, with empty entry columns, per session without entries), for sharing with
    a physiotherapist: CSV (header: session_id, started_at, ended_at, routine_id, exercise, set_number,
    side, reps, steps, hold_seconds, load_band, load_kg, pain, effort, notes, session_notes) or JSON
    (`{columns, rows}`). `notes` is the set's note, `session_notes` the session's. CSV fields are all
    quoted, and a text cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`
    so no spreadsheet runs it as a formula (OWASP). Streamed as it is read.

    Args:
        format_ (ExportFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExportSessionsResponse200 | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            format_=format_,
        )
    ).parsed
