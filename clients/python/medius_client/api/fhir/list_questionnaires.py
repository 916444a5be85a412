from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bundle import Bundle
from ...models.operation_outcome import OperationOutcome
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    field_format_: None | str | Unset = UNSET,
    field_id: None | str | Unset = UNSET,
    url_query: None | str | Unset = UNSET,
    field_count: int | None | Unset = UNSET,
    field_summary: None | str | Unset = UNSET,
    field_offset: int | Unset = 0,
    prefer: None | str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(prefer, Unset):
        headers["Prefer"] = prefer

    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_field_format_: None | str | Unset
    if isinstance(field_format_, Unset):
        json_field_format_ = UNSET
    else:
        json_field_format_ = field_format_
    params["_format"] = json_field_format_

    json_field_id: None | str | Unset
    if isinstance(field_id, Unset):
        json_field_id = UNSET
    else:
        json_field_id = field_id
    params["_id"] = json_field_id

    json_url_query: None | str | Unset
    if isinstance(url_query, Unset):
        json_url_query = UNSET
    else:
        json_url_query = url_query
    params["url"] = json_url_query

    json_field_count: int | None | Unset
    if isinstance(field_count, Unset):
        json_field_count = UNSET
    else:
        json_field_count = field_count
    params["_count"] = json_field_count

    json_field_summary: None | str | Unset
    if isinstance(field_summary, Unset):
        json_field_summary = UNSET
    else:
        json_field_summary = field_summary
    params["_summary"] = json_field_summary

    params["_offset"] = field_offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/fhir/Questionnaire",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Bundle | OperationOutcome | None:
    if response.status_code == 200:
        response_200 = Bundle.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = OperationOutcome.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = OperationOutcome.from_dict(response.json())

        return response_404

    if response.status_code == 406:
        response_406 = OperationOutcome.from_dict(response.json())

        return response_406

    if response.status_code == 422:
        response_422 = OperationOutcome.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = OperationOutcome.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Bundle | OperationOutcome]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    field_format_: None | str | Unset = UNSET,
    field_id: None | str | Unset = UNSET,
    url_query: None | str | Unset = UNSET,
    field_count: int | None | Unset = UNSET,
    field_summary: None | str | Unset = UNSET,
    field_offset: int | Unset = 0,
    prefer: None | str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> Response[Any | Bundle | OperationOutcome]:
    """Search the outcome instruments (Questionnaires)

     Every outcome instrument (`GET /instruments`) as a Questionnaire: its items, the scoring and sources
    in `description`, the licence in `copyright`. An answer's QuestionnaireResponse names it by
    canonical url and version. Search parameters (as `/metadata` declares them): `_id`, `url`
    (canonical, `url|version`), `_count` (paging links in `Bundle.link`), `_summary=count` (the total
    only); others are ignored, or refused (400) under `Prefer: handling=strict`. Public like the
    catalog: no sign-in, answered from memory until the catalog changes. Sends `ETag` and `Cache-
    Control: public`; repeat with `If-None-Match` to get 304.

    Args:
        field_format_ (None | str | Unset): The media type to answer with, overriding `Accept`
            (http.html): `json` or `application/fhir+json` (answered as application/fhir+json),
            `application/json`; `xml` and anything else is 406 (JSON only).
        field_id (None | str | Unset): Only the resources with one of these ids (comma-separated:
            any of).
        url_query (None | str | Unset): Canonical resolution: the resource with this canonical
            `url` (comma-separated: any of); `url|version` matches only that version.
        field_count (int | None | Unset): At most this many entries per page (search.html: never
            more; larger than 100 pages by 100); 0 answers the total only. The Bundle's
            `next`/`previous` links page on. Without it: every match.
        field_summary (None | str | Unset): `count`: the total only, no entries (search.html).
            `true`, `text` and `data` answer the resources whole, as `false` does (a server is not
            obliged to summarise; nothing is marked SUBSETTED).
        field_offset (int | Unset): Where the page starts among the matches (the paging links set
            it). Default: 0.
        prefer (None | str | Unset): `handling=strict`: a query parameter the interaction does not
            support is refused (400) instead of ignored (search.html).
        if_none_match (None | str | Unset): An `ETag` from an earlier read (or `*`): 304 with no
            body while current.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Bundle | OperationOutcome]
    """

    kwargs = _get_kwargs(
        field_format_=field_format_,
        field_id=field_id,
        url_query=url_query,
        field_count=field_count,
        field_summary=field_summary,
        field_offset=field_offset,
        prefer=prefer,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    field_format_: None | str | Unset = UNSET,
    field_id: None | str | Unset = UNSET,
    url_query: None | str | Unset = UNSET,
    field_count: int | None | Unset = UNSET,
    field_summary: None | str | Unset = UNSET,
    field_offset: int | Unset = 0,
    prefer: None | str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> Any | Bundle | OperationOutcome | None:
    """Search the outcome instruments (Questionnaires)

     Every outcome instrument (`GET /instruments`) as a Questionnaire: its items, the scoring and sources
    in `description`, the licence in `copyright`. An answer's QuestionnaireResponse names it by
    canonical url and version. Search parameters (as `/metadata` declares them): `_id`, `url`
    (canonical, `url|version`), `_count` (paging links in `Bundle.link`), `_summary=count` (the total
    only); others are ignored, or refused (400) under `Prefer: handling=strict`. Public like the
    catalog: no sign-in, answered from memory until the catalog changes. Sends `ETag` and `Cache-
    Control: public`; repeat with `If-None-Match` to get 304.

    Args:
        field_format_ (None | str | Unset): The media type to answer with, overriding `Accept`
            (http.html): `json` or `application/fhir+json` (answered as application/fhir+json),
            `application/json`; `xml` and anything else is 406 (JSON only).
        field_id (None | str | Unset): Only the resources with one of these ids (comma-separated:
            any of).
        url_query (None | str | Unset): Canonical resolution: the resource with this canonical
            `url` (comma-separated: any of); `url|version` matches only that version.
        field_count (int | None | Unset): At most this many entries per page (search.html: never
            more; larger than 100 pages by 100); 0 answers the total only. The Bundle's
            `next`/`previous` links page on. Without it: every match.
        field_summary (None | str | Unset): `count`: the total only, no entries (search.html).
            `true`, `text` and `data` answer the resources whole, as `false` does (a server is not
            obliged to summarise; nothing is marked SUBSETTED).
        field_offset (int | Unset): Where the page starts among the matches (the paging links set
            it). Default: 0.
        prefer (None | str | Unset): `handling=strict`: a query parameter the interaction does not
            support is refused (400) instead of ignored (search.html).
        if_none_match (None | str | Unset): An `ETag` from an earlier read (or `*`): 304 with no
            body while current.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Bundle | OperationOutcome
    """

    return sync_detailed(
        client=client,
        field_format_=field_format_,
        field_id=field_id,
        url_query=url_query,
        field_count=field_count,
        field_summary=field_summary,
        field_offset=field_offset,
        prefer=prefer,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    field_format_: None | str | Unset = UNSET,
    field_id: None | str | Unset = UNSET,
    url_query: None | str | Unset = UNSET,
    field_count: int | None | Unset = UNSET,
    field_summary: None | str | Unset = UNSET,
    field_offset: int | Unset = 0,
    prefer: None | str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> Response[Any | Bundle | OperationOutcome]:
    """Search the outcome instruments (Questionnaires)

     Every outcome instrument (`GET /instruments`) as a Questionnaire: its items, the scoring and sources
    in `description`, the licence in `copyright`. An answer's QuestionnaireResponse names it by
    canonical url and version. Search parameters (as `/metadata` declares them): `_id`, `url`
    (canonical, `url|version`), `_count` (paging links in `Bundle.link`), `_summary=count` (the total
    only); others are ignored, or refused (400) under `Prefer: handling=strict`. Public like the
    catalog: no sign-in, answered from memory until the catalog changes. Sends `ETag` and `Cache-
    Control: public`; repeat with `If-None-Match` to get 304.

    Args:
        field_format_ (None | str | Unset): The media type to answer with, overriding `Accept`
            (http.html): `json` or `application/fhir+json` (answered as application/fhir+json),
            `application/json`; `xml` and anything else is 406 (JSON only).
        field_id (None | str | Unset): Only the resources with one of these ids (comma-separated:
            any of).
        url_query (None | str | Unset): Canonical resolution: the resource with this canonical
            `url` (comma-separated: any of); `url|version` matches only that version.
        field_count (int | None | Unset): At most this many entries per page (search.html: never
            more; larger than 100 pages by 100); 0 answers the total only. The Bundle's
            `next`/`previous` links page on. Without it: every match.
        field_summary (None | str | Unset): `count`: the total only, no entries (search.html).
            `true`, `text` and `data` answer the resources whole, as `false` does (a server is not
            obliged to summarise; nothing is marked SUBSETTED).
        field_offset (int | Unset): Where the page starts among the matches (the paging links set
            it). Default: 0.
        prefer (None | str | Unset): `handling=strict`: a query parameter the interaction does not
            support is refused (400) instead of ignored (search.html).
        if_none_match (None | str | Unset): An `ETag` from an earlier read (or `*`): 304 with no
            body while current.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Bundle | OperationOutcome]
    """

    kwargs = _get_kwargs(
        field_format_=field_format_,
        field_id=field_id,
        url_query=url_query,
        field_count=field_count,
        field_summary=field_summary,
        field_offset=field_offset,
        prefer=prefer,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    field_format_: None | str | Unset = UNSET,
    field_id: None | str | Unset = UNSET,
    url_query: None | str | Unset = UNSET,
    field_count: int | None | Unset = UNSET,
    field_summary: None | str | Unset = UNSET,
    field_offset: int | Unset = 0,
    prefer: None | str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> Any | Bundle | OperationOutcome | None:
    """Search the outcome instruments (Questionnaires)

     Every outcome instrument (`GET /instruments`) as a Questionnaire: its items, the scoring and sources
    in `description`, the licence in `copyright`. An answer's QuestionnaireResponse names it by
    canonical url and version. Search parameters (as `/metadata` declares them): `_id`, `url`
    (canonical, `url|version`), `_count` (paging links in `Bundle.link`), `_summary=count` (the total
    only); others are ignored, or refused (400) under `Prefer: handling=strict`. Public like the
    catalog: no sign-in, answered from memory until the catalog changes. Sends `ETag` and `Cache-
    Control: public`; repeat with `If-None-Match` to get 304.

    Args:
        field_format_ (None | str | Unset): The media type to answer with, overriding `Accept`
            (http.html): `json` or `application/fhir+json` (answered as application/fhir+json),
            `application/json`; `xml` and anything else is 406 (JSON only).
        field_id (None | str | Unset): Only the resources with one of these ids (comma-separated:
            any of).
        url_query (None | str | Unset): Canonical resolution: the resource with this canonical
            `url` (comma-separated: any of); `url|version` matches only that version.
        field_count (int | None | Unset): At most this many entries per page (search.html: never
            more; larger than 100 pages by 100); 0 answers the total only. The Bundle's
            `next`/`previous` links page on. Without it: every match.
        field_summary (None | str | Unset): `count`: the total only, no entries (search.html).
            `true`, `text` and `data` answer the resources whole, as `false` does (a server is not
            obliged to summarise; nothing is marked SUBSETTED).
        field_offset (int | Unset): Where the page starts among the matches (the paging links set
            it). Default: 0.
        prefer (None | str | Unset): `handling=strict`: a query parameter the interaction does not
            support is refused (400) instead of ignored (search.html).
        if_none_match (None | str | Unset): An `ETag` from an earlier read (or `*`): 304 with no
            body while current.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Bundle | OperationOutcome
    """

    return (
        await asyncio_detailed(
            client=client,
            field_format_=field_format_,
            field_id=field_id,
            url_query=url_query,
            field_count=field_count,
            field_summary=field_summary,
            field_offset=field_offset,
            prefer=prefer,
            if_none_match=if_none_match,
        )
    ).parsed
