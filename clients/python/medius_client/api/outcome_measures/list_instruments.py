from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.instrument_list import InstrumentList
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    if_none_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/instruments",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | InstrumentList | Problem | None:
    if response.status_code == 200:
        response_200 = InstrumentList.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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
) -> Response[Any | InstrumentList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    if_none_match: None | str | Unset = UNSET,
) -> Response[Any | InstrumentList | Problem]:
    """List the outcome instruments

     Every outcome instrument a clinician can assign: its items with their answer types and bounds, its
    scoring rule, its source, licence and the minimal clinically important difference its source
    published (`mcid.value` null, with the reason, where none is published: the figure is never Medius'
    own). `withheld` names the core outcome set's instruments Medius does not ship because their text is
    not free to redistribute. Sends `ETag` and `Cache-Control: public`; repeat with `If-None-Match` to
    get 304.

    Args:
        if_none_match (None | str | Unset): An `ETag` from an earlier read (or `*`): 304 with no
            body while current.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InstrumentList | Problem]
    """

    kwargs = _get_kwargs(
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    if_none_match: None | str | Unset = UNSET,
) -> Any | InstrumentList | Problem | None:
    """List the outcome instruments

     Every outcome instrument a clinician can assign: its items with their answer types and bounds, its
    scoring rule, its source, licence and the minimal clinically important difference its source
    published (`mcid.value` null, with the reason, where none is published: the figure is never Medius'
    own). `withheld` names the core outcome set's instruments Medius does not ship because their text is
    not free to redistribute. Sends `ETag` and `Cache-Control: public`; repeat with `If-None-Match` to
    get 304.

    Args:
        if_none_match (None | str | Unset): An `ETag` from an earlier read (or `*`): 304 with no
            body while current.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InstrumentList | Problem
    """

    return sync_detailed(
        client=client,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    if_none_match: None | str | Unset = UNSET,
) -> Response[Any | InstrumentList | Problem]:
    """List the outcome instruments

     Every outcome instrument a clinician can assign: its items with their answer types and bounds, its
    scoring rule, its source, licence and the minimal clinically important difference its source
    published (`mcid.value` null, with the reason, where none is published: the figure is never Medius'
    own). `withheld` names the core outcome set's instruments Medius does not ship because their text is
    not free to redistribute. Sends `ETag` and `Cache-Control: public`; repeat with `If-None-Match` to
    get 304.

    Args:
        if_none_match (None | str | Unset): An `ETag` from an earlier read (or `*`): 304 with no
            body while current.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InstrumentList | Problem]
    """

    kwargs = _get_kwargs(
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    if_none_match: None | str | Unset = UNSET,
) -> Any | InstrumentList | Problem | None:
    """List the outcome instruments

     Every outcome instrument a clinician can assign: its items with their answer types and bounds, its
    scoring rule, its source, licence and the minimal clinically important difference its source
    published (`mcid.value` null, with the reason, where none is published: the figure is never Medius'
    own). `withheld` names the core outcome set's instruments Medius does not ship because their text is
    not free to redistribute. Sends `ETag` and `Cache-Control: public`; repeat with `If-None-Match` to
    get 304.

    Args:
        if_none_match (None | str | Unset): An `ETag` from an earlier read (or `*`): 304 with no
            body while current.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InstrumentList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            if_none_match=if_none_match,
        )
    ).parsed
