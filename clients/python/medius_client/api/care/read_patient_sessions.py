import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_session_public import PageSessionPublic
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    clinic_id: UUID,
    patient_id: UUID,
    *,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    elif isinstance(from_, datetime.datetime):
        json_from_ = from_.isoformat()
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.datetime):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

    json_sort: None | str | Unset
    if isinstance(sort, Unset):
        json_sort = UNSET
    else:
        json_sort = sort
    params["sort"] = json_sort

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
        "url": "/api/v1/clinics/{clinic_id}/patients/{patient_id}/sessions".format(
            clinic_id=quote(str(clinic_id), safe=""),
            patient_id=quote(str(patient_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageSessionPublic | Problem | None:
    if response.status_code == 200:
        response_200 = PageSessionPublic.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PageSessionPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    clinic_id: UUID,
    patient_id: UUID,
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[PageSessionPublic | Problem]:
    """A patient's sessions

     The patient's session logs as `GET /sessions` answers them (newest first; `from`/`to` on the start
    time). A session names its routine only when this clinic prescribed it (`routine_id` null
    otherwise). Only for a clinician of the clinic with an active care relationship with the patient
    (404 otherwise, as for an unknown patient; 403 `scope-not-granted` without the scope). Each read is
    recorded in the patient's access log.

    Args:
        clinic_id (UUID): The clinic's id.
        patient_id (UUID): The patient's user id.
        from_ (datetime.datetime | None | Unset): Start time >=
        to (datetime.datetime | None | Unset): Start time <
        sort (None | str | Unset): `field` ascending or `-field` descending.
        limit (int | Unset): Page size, 1-100 (above is 422). Default: 20.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageSessionPublic | Problem]
    """

    kwargs = _get_kwargs(
        clinic_id=clinic_id,
        patient_id=patient_id,
        from_=from_,
        to=to,
        sort=sort,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    clinic_id: UUID,
    patient_id: UUID,
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> PageSessionPublic | Problem | None:
    """A patient's sessions

     The patient's session logs as `GET /sessions` answers them (newest first; `from`/`to` on the start
    time). A session names its routine only when this clinic prescribed it (`routine_id` null
    otherwise). Only for a clinician of the clinic with an active care relationship with the patient
    (404 otherwise, as for an unknown patient; 403 `scope-not-granted` without the scope). Each read is
    recorded in the patient's access log.

    Args:
        clinic_id (UUID): The clinic's id.
        patient_id (UUID): The patient's user id.
        from_ (datetime.datetime | None | Unset): Start time >=
        to (datetime.datetime | None | Unset): Start time <
        sort (None | str | Unset): `field` ascending or `-field` descending.
        limit (int | Unset): Page size, 1-100 (above is 422). Default: 20.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageSessionPublic | Problem
    """

    return sync_detailed(
        clinic_id=clinic_id,
        patient_id=patient_id,
        client=client,
        from_=from_,
        to=to,
        sort=sort,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    clinic_id: UUID,
    patient_id: UUID,
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[PageSessionPublic | Problem]:
    """A patient's sessions

     The patient's session logs as `GET /sessions` answers them (newest first; `from`/`to` on the start
    time). A session names its routine only when this clinic prescribed it (`routine_id` null
    otherwise). Only for a clinician of the clinic with an active care relationship with the patient
    (404 otherwise, as for an unknown patient; 403 `scope-not-granted` without the scope). Each read is
    recorded in the patient's access log.

    Args:
        clinic_id (UUID): The clinic's id.
        patient_id (UUID): The patient's user id.
        from_ (datetime.datetime | None | Unset): Start time >=
        to (datetime.datetime | None | Unset): Start time <
        sort (None | str | Unset): `field` ascending or `-field` descending.
        limit (int | Unset): Page size, 1-100 (above is 422). Default: 20.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageSessionPublic | Problem]
    """

    kwargs = _get_kwargs(
        clinic_id=clinic_id,
        patient_id=patient_id,
        from_=from_,
        to=to,
        sort=sort,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    clinic_id: UUID,
    patient_id: UUID,
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> PageSessionPublic | Problem | None:
    """A patient's sessions

     The patient's session logs as `GET /sessions` answers them (newest first; `from`/`to` on the start
    time). A session names its routine only when this clinic prescribed it (`routine_id` null
    otherwise). Only for a clinician of the clinic with an active care relationship with the patient
    (404 otherwise, as for an unknown patient; 403 `scope-not-granted` without the scope). Each read is
    recorded in the patient's access log.

    Args:
        clinic_id (UUID): The clinic's id.
        patient_id (UUID): The patient's user id.
        from_ (datetime.datetime | None | Unset): Start time >=
        to (datetime.datetime | None | Unset): Start time <
        sort (None | str | Unset): `field` ascending or `-field` descending.
        limit (int | Unset): Page size, 1-100 (above is 422). Default: 20.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageSessionPublic | Problem
    """

    return (
        await asyncio_detailed(
            clinic_id=clinic_id,
            patient_id=patient_id,
            client=client,
            from_=from_,
            to=to,
            sort=sort,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
