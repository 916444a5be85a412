import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_union_session_public_session_tombstone import PageUnionSessionPublicSessionTombstone
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    routine_id: None | Unset | UUID = UNSET,
    exercise: list[str] | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    sync_token: None | str | Unset = UNSET,
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

    json_routine_id: None | str | Unset
    if isinstance(routine_id, Unset):
        json_routine_id = UNSET
    elif isinstance(routine_id, UUID):
        json_routine_id = str(routine_id)
    else:
        json_routine_id = routine_id
    params["routine_id"] = json_routine_id

    json_exercise: list[str] | Unset = UNSET
    if not isinstance(exercise, Unset):
        json_exercise = exercise

    params["exercise"] = json_exercise

    json_updated_since: None | str | Unset
    if isinstance(updated_since, Unset):
        json_updated_since = UNSET
    elif isinstance(updated_since, datetime.datetime):
        json_updated_since = updated_since.isoformat()
    else:
        json_updated_since = updated_since
    params["updated_since"] = json_updated_since

    json_sync_token: None | str | Unset
    if isinstance(sync_token, Unset):
        json_sync_token = UNSET
    else:
        json_sync_token = sync_token
    params["sync_token"] = json_sync_token

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
        "url": "/api/v1/sessions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageUnionSessionPublicSessionTombstone | Problem | None:
    if response.status_code == 200:
        response_200 = PageUnionSessionPublicSessionTombstone.from_dict(response.json())

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
) -> Response[PageUnionSessionPublicSessionTombstone | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    routine_id: None | Unset | UUID = UNSET,
    exercise: list[str] | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    sync_token: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[PageUnionSessionPublicSessionTombstone | Problem]:
    """List your sessions (or sync changes)

     Newest first by default, filtered by `from`/`to` (start time), `routine_id` and `exercise`
    (repeatable). For offline sync pass `sync_token` (`0` the first time): you get every change after it
    in commit order, deletions as `{id, deleted_at}` tombstones, a `sync_token` to store and send next
    time, and a `next_cursor` to follow while more changes wait. Unlike a time, the token cannot skip a
    change that commits late. `updated_since` (RFC 3339) still works but is deprecated: a session whose
    write commits after a later one can be missed.

    Args:
        from_ (datetime.datetime | None | Unset): Start time >=
        to (datetime.datetime | None | Unset): Start time <
        routine_id (None | Unset | UUID):
        exercise (list[str] | Unset):
        updated_since (datetime.datetime | None | Unset): Deprecated sync by time (every change
            since this RFC 3339 time): may miss a change that commits late; use `sync_token`.
        sync_token (None | str | Unset): Sync: every change after this position, in commit order,
            deletions as tombstones. Send `0` the first time, then the `sync_token` of your last page;
            follow `next_cursor` until it is null.
        sort (None | str | Unset): `field` ascending or `-field` descending.
        limit (int | Unset): Page size, 1-100 (above is 422). Default: 20.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageUnionSessionPublicSessionTombstone | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        routine_id=routine_id,
        exercise=exercise,
        updated_since=updated_since,
        sync_token=sync_token,
        sort=sort,
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
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    routine_id: None | Unset | UUID = UNSET,
    exercise: list[str] | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    sync_token: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> PageUnionSessionPublicSessionTombstone | Problem | None:
    """List your sessions (or sync changes)

     Newest first by default, filtered by `from`/`to` (start time), `routine_id` and `exercise`
    (repeatable). For offline sync pass `sync_token` (`0` the first time): you get every change after it
    in commit order, deletions as `{id, deleted_at}` tombstones, a `sync_token` to store and send next
    time, and a `next_cursor` to follow while more changes wait. Unlike a time, the token cannot skip a
    change that commits late. `updated_since` (RFC 3339) still works but is deprecated: a session whose
    write commits after a later one can be missed.

    Args:
        from_ (datetime.datetime | None | Unset): Start time >=
        to (datetime.datetime | None | Unset): Start time <
        routine_id (None | Unset | UUID):
        exercise (list[str] | Unset):
        updated_since (datetime.datetime | None | Unset): Deprecated sync by time (every change
            since this RFC 3339 time): may miss a change that commits late; use `sync_token`.
        sync_token (None | str | Unset): Sync: every change after this position, in commit order,
            deletions as tombstones. Send `0` the first time, then the `sync_token` of your last page;
            follow `next_cursor` until it is null.
        sort (None | str | Unset): `field` ascending or `-field` descending.
        limit (int | Unset): Page size, 1-100 (above is 422). Default: 20.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageUnionSessionPublicSessionTombstone | Problem
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        routine_id=routine_id,
        exercise=exercise,
        updated_since=updated_since,
        sync_token=sync_token,
        sort=sort,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    routine_id: None | Unset | UUID = UNSET,
    exercise: list[str] | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    sync_token: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[PageUnionSessionPublicSessionTombstone | Problem]:
    """List your sessions (or sync changes)

     Newest first by default, filtered by `from`/`to` (start time), `routine_id` and `exercise`
    (repeatable). For offline sync pass `sync_token` (`0` the first time): you get every change after it
    in commit order, deletions as `{id, deleted_at}` tombstones, a `sync_token` to store and send next
    time, and a `next_cursor` to follow while more changes wait. Unlike a time, the token cannot skip a
    change that commits late. `updated_since` (RFC 3339) still works but is deprecated: a session whose
    write commits after a later one can be missed.

    Args:
        from_ (datetime.datetime | None | Unset): Start time >=
        to (datetime.datetime | None | Unset): Start time <
        routine_id (None | Unset | UUID):
        exercise (list[str] | Unset):
        updated_since (datetime.datetime | None | Unset): Deprecated sync by time (every change
            since this RFC 3339 time): may miss a change that commits late; use `sync_token`.
        sync_token (None | str | Unset): Sync: every change after this position, in commit order,
            deletions as tombstones. Send `0` the first time, then the `sync_token` of your last page;
            follow `next_cursor` until it is null.
        sort (None | str | Unset): `field` ascending or `-field` descending.
        limit (int | Unset): Page size, 1-100 (above is 422). Default: 20.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageUnionSessionPublicSessionTombstone | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        routine_id=routine_id,
        exercise=exercise,
        updated_since=updated_since,
        sync_token=sync_token,
        sort=sort,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    routine_id: None | Unset | UUID = UNSET,
    exercise: list[str] | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    sync_token: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> PageUnionSessionPublicSessionTombstone | Problem | None:
    """List your sessions (or sync changes)

     Newest first by default, filtered by `from`/`to` (start time), `routine_id` and `exercise`
    (repeatable). For offline sync pass `sync_token` (`0` the first time): you get every change after it
    in commit order, deletions as `{id, deleted_at}` tombstones, a `sync_token` to store and send next
    time, and a `next_cursor` to follow while more changes wait. Unlike a time, the token cannot skip a
    change that commits late. `updated_since` (RFC 3339) still works but is deprecated: a session whose
    write commits after a later one can be missed.

    Args:
        from_ (datetime.datetime | None | Unset): Start time >=
        to (datetime.datetime | None | Unset): Start time <
        routine_id (None | Unset | UUID):
        exercise (list[str] | Unset):
        updated_since (datetime.datetime | None | Unset): Deprecated sync by time (every change
            since this RFC 3339 time): may miss a change that commits late; use `sync_token`.
        sync_token (None | str | Unset): Sync: every change after this position, in commit order,
            deletions as tombstones. Send `0` the first time, then the `sync_token` of your last page;
            follow `next_cursor` until it is null.
        sort (None | str | Unset): `field` ascending or `-field` descending.
        limit (int | Unset): Page size, 1-100 (above is 422). Default: 20.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageUnionSessionPublicSessionTombstone | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            routine_id=routine_id,
            exercise=exercise,
            updated_since=updated_since,
            sync_token=sync_token,
            sort=sort,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
