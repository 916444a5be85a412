from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.fhir_resource import FhirResource
from ...models.operation_outcome import OperationOutcome
from ...types import UNSET, Response, Unset


def _get_kwargs(
    questionnaire_id: str,
    *,
    field_format_: None | str | Unset = UNSET,
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

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/fhir/Questionnaire/{questionnaire_id}".format(
            questionnaire_id=quote(str(questionnaire_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | FhirResource | OperationOutcome | None:
    if response.status_code == 200:
        response_200 = FhirResource.from_dict(response.json())

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
) -> Response[Any | FhirResource | OperationOutcome]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    questionnaire_id: str,
    *,
    client: AuthenticatedClient | Client,
    field_format_: None | str | Unset = UNSET,
    prefer: None | str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> Response[Any | FhirResource | OperationOutcome]:
    """One outcome instrument (Questionnaire)

     One instrument's current version. The `ETag` is `W/"<meta.versionId>"`. Public like the catalog: no
    sign-in, answered from memory until the catalog changes. Sends `ETag` and `Cache-Control: public`;
    repeat with `If-None-Match` to get 304.

    Args:
        questionnaire_id (str): The Questionnaire's id: the instrument's id. Malformed or unknown:
            404.
        field_format_ (None | str | Unset): The media type to answer with, overriding `Accept`
            (http.html): `json` or `application/fhir+json` (answered as application/fhir+json),
            `application/json`; `xml` and anything else is 406 (JSON only).
        prefer (None | str | Unset): `handling=strict`: a query parameter the interaction does not
            support is refused (400) instead of ignored (search.html).
        if_none_match (None | str | Unset): An `ETag` from an earlier read (or `*`): 304 with no
            body while current.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | FhirResource | OperationOutcome]
    """

    kwargs = _get_kwargs(
        questionnaire_id=questionnaire_id,
        field_format_=field_format_,
        prefer=prefer,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    questionnaire_id: str,
    *,
    client: AuthenticatedClient | Client,
    field_format_: None | str | Unset = UNSET,
    prefer: None | str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> Any | FhirResource | OperationOutcome | None:
    """One outcome instrument (Questionnaire)

     One instrument's current version. The `ETag` is `W/"<meta.versionId>"`. Public like the catalog: no
    sign-in, answered from memory until the catalog changes. Sends `ETag` and `Cache-Control: public`;
    repeat with `If-None-Match` to get 304.

    Args:
        questionnaire_id (str): The Questionnaire's id: the instrument's id. Malformed or unknown:
            404.
        field_format_ (None | str | Unset): The media type to answer with, overriding `Accept`
            (http.html): `json` or `application/fhir+json` (answered as application/fhir+json),
            `application/json`; `xml` and anything else is 406 (JSON only).
        prefer (None | str | Unset): `handling=strict`: a query parameter the interaction does not
            support is refused (400) instead of ignored (search.html).
        if_none_match (None | str | Unset): An `ETag` from an earlier read (or `*`): 304 with no
            body while current.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | FhirResource | OperationOutcome
    """

    return sync_detailed(
        questionnaire_id=questionnaire_id,
        client=client,
        field_format_=field_format_,
        prefer=prefer,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    questionnaire_id: str,
    *,
    client: AuthenticatedClient | Client,
    field_format_: None | str | Unset = UNSET,
    prefer: None | str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> Response[Any | FhirResource | OperationOutcome]:
    """One outcome instrument (Questionnaire)

     One instrument's current version. The `ETag` is `W/"<meta.versionId>"`. Public like the catalog: no
    sign-in, answered from memory until the catalog changes. Sends `ETag` and `Cache-Control: public`;
    repeat with `If-None-Match` to get 304.

    Args:
        questionnaire_id (str): The Questionnaire's id: the instrument's id. Malformed or unknown:
            404.
        field_format_ (None | str | Unset): The media type to answer with, overriding `Accept`
            (http.html): `json` or `application/fhir+json` (answered as application/fhir+json),
            `application/json`; `xml` and anything else is 406 (JSON only).
        prefer (None | str | Unset): `handling=strict`: a query parameter the interaction does not
            support is refused (400) instead of ignored (search.html).
        if_none_match (None | str | Unset): An `ETag` from an earlier read (or `*`): 304 with no
            body while current.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | FhirResource | OperationOutcome]
    """

    kwargs = _get_kwargs(
        questionnaire_id=questionnaire_id,
        field_format_=field_format_,
        prefer=prefer,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    questionnaire_id: str,
    *,
    client: AuthenticatedClient | Client,
    field_format_: None | str | Unset = UNSET,
    prefer: None | str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> Any | FhirResource | OperationOutcome | None:
    """One outcome instrument (Questionnaire)

     One instrument's current version. The `ETag` is `W/"<meta.versionId>"`. Public like the catalog: no
    sign-in, answered from memory until the catalog changes. Sends `ETag` and `Cache-Control: public`;
    repeat with `If-None-Match` to get 304.

    Args:
        questionnaire_id (str): The Questionnaire's id: the instrument's id. Malformed or unknown:
            404.
        field_format_ (None | str | Unset): The media type to answer with, overriding `Accept`
            (http.html): `json` or `application/fhir+json` (answered as application/fhir+json),
            `application/json`; `xml` and anything else is 406 (JSON only).
        prefer (None | str | Unset): `handling=strict`: a query parameter the interaction does not
            support is refused (400) instead of ignored (search.html).
        if_none_match (None | str | Unset): An `ETag` from an earlier read (or `*`): 304 with no
            body while current.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | FhirResource | OperationOutcome
    """

    return (
        await asyncio_detailed(
            questionnaire_id=questionnaire_id,
            client=client,
            field_format_=field_format_,
            prefer=prefer,
            if_none_match=if_none_match,
        )
    ).parsed
