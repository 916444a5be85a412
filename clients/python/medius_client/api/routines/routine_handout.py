from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    routine_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/routines/{routine_id}/handout".format(
            routine_id=quote(str(routine_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    routine_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | str]:
    """Printable program (HTML or PDF)

     The routine as a program to print or hand to a patient: its name and notes; for each exercise in
    order its steps, form cues and dosage in plain words (sets x reps/steps/hold, side, rest); the week-
    by-week plan when the routine has one (each change marked (article) or (Medius)); a grid to tick
    sessions (rows: the plan's weeks, else 4; columns: `sessions_per_week`); a disclaimer and the source
    article's credit. Choose the format with `Accept`: `application/pdf` for an A4 PDF, `text/html`
    (also `*/*` or no `Accept`) for a self-contained page; anything else is 406. Readable like the
    routine: your own, or a template (no sign-in needed).

    Args:
        routine_id (UUID): The routine's id (UUID).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        routine_id=routine_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    routine_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | str | None:
    """Printable program (HTML or PDF)

     The routine as a program to print or hand to a patient: its name and notes; for each exercise in
    order its steps, form cues and dosage in plain words (sets x reps/steps/hold, side, rest); the week-
    by-week plan when the routine has one (each change marked (article) or (Medius)); a grid to tick
    sessions (rows: the plan's weeks, else 4; columns: `sessions_per_week`); a disclaimer and the source
    article's credit. Choose the format with `Accept`: `application/pdf` for an A4 PDF, `text/html`
    (also `*/*` or no `Accept`) for a self-contained page; anything else is 406. Readable like the
    routine: your own, or a template (no sign-in needed).

    Args:
        routine_id (UUID): The routine's id (UUID).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        routine_id=routine_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    routine_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | str]:
    """Printable program (HTML or PDF)

     The routine as a program to print or hand to a patient: its name and notes; for each exercise in
    order its steps, form cues and dosage in plain words (sets x reps/steps/hold, side, rest); the week-
    by-week plan when the routine has one (each change marked (article) or (Medius)); a grid to tick
    sessions (rows: the plan's weeks, else 4; columns: `sessions_per_week`); a disclaimer and the source
    article's credit. Choose the format with `Accept`: `application/pdf` for an A4 PDF, `text/html`
    (also `*/*` or no `Accept`) for a self-contained page; anything else is 406. Readable like the
    routine: your own, or a template (no sign-in needed).

    Args:
        routine_id (UUID): The routine's id (UUID).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        routine_id=routine_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    routine_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | str | None:
    """Printable program (HTML or PDF)

     The routine as a program to print or hand to a patient: its name and notes; for each exercise in
    order its steps, form cues and dosage in plain words (sets x reps/steps/hold, side, rest); the week-
    by-week plan when the routine has one (each change marked (article) or (Medius)); a grid to tick
    sessions (rows: the plan's weeks, else 4; columns: `sessions_per_week`); a disclaimer and the source
    article's credit. Choose the format with `Accept`: `application/pdf` for an A4 PDF, `text/html`
    (also `*/*` or no `Accept`) for a self-contained page; anything else is 406. Readable like the
    routine: your own, or a template (no sign-in needed).

    Args:
        routine_id (UUID): The routine's id (UUID).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            routine_id=routine_id,
            client=client,
        )
    ).parsed
