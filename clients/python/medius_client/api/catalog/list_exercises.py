import datetime
from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.difficulty import Difficulty
from ...models.laterality import Laterality
from ...models.page_union_exercise_public_exercise_tombstone import PageUnionExercisePublicExerciseTombstone
from ...models.position import Position
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    position: list[Position] | Unset = UNSET,
    equipment: list[str] | Unset = UNSET,
    laterality: list[Laterality] | Unset = UNSET,
    difficulty: list[Difficulty] | Unset = UNSET,
    muscle: list[str] | Unset = UNSET,
    q: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    sync_token: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_position: list[str] | Unset = UNSET
    if not isinstance(position, Unset):
        json_position = []
        for position_item_data in position:
            position_item = position_item_data.value
            json_position.append(position_item)

    params["position"] = json_position

    json_equipment: list[str] | Unset = UNSET
    if not isinstance(equipment, Unset):
        json_equipment = equipment

    params["equipment"] = json_equipment

    json_laterality: list[str] | Unset = UNSET
    if not isinstance(laterality, Unset):
        json_laterality = []
        for laterality_item_data in laterality:
            laterality_item = laterality_item_data.value
            json_laterality.append(laterality_item)

    params["laterality"] = json_laterality

    json_difficulty: list[str] | Unset = UNSET
    if not isinstance(difficulty, Unset):
        json_difficulty = []
        for difficulty_item_data in difficulty:
            difficulty_item = difficulty_item_data.value
            json_difficulty.append(difficulty_item)

    params["difficulty"] = json_difficulty

    json_muscle: list[str] | Unset = UNSET
    if not isinstance(muscle, Unset):
        json_muscle = muscle

    params["muscle"] = json_muscle

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

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
        "url": "/api/v1/exercises",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | PageUnionExercisePublicExerciseTombstone | Problem | None:
    if response.status_code == 200:
        response_200 = PageUnionExercisePublicExerciseTombstone.from_dict(response.json())

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
) -> Response[Any | PageUnionExercisePublicExerciseTombstone | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    position: list[Position] | Unset = UNSET,
    equipment: list[str] | Unset = UNSET,
    laterality: list[Laterality] | Unset = UNSET,
    difficulty: list[Difficulty] | Unset = UNSET,
    muscle: list[str] | Unset = UNSET,
    q: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    sync_token: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> Response[Any | PageUnionExercisePublicExerciseTombstone | Problem]:
    """List exercises

     Browse the catalog with filters (repeat a filter for any-of), free-text `q` over name, summary and
    steps, `sort` (`name`, `slug`, `difficulty`, `created_at`, `updated_at`, `catalog_order`; prefix `-`
    to reverse) and cursor paging. To keep a copy in sync pass `sync_token` (`0` the first time): every
    change after it in commit order, removed exercises as `{slug, deleted_at}` tombstones, and a
    `sync_token` to send next time; follow `next_cursor` while more changes wait. `updated_since` still
    works but is deprecated: a change that commits late can be missed. Sends `ETag` and `Cache-Control:
    public`; repeat with `If-None-Match` to get 304.

    Args:
        position (list[Position] | Unset):
        equipment (list[str] | Unset):
        laterality (list[Laterality] | Unset):
        difficulty (list[Difficulty] | Unset):
        muscle (list[str] | Unset):
        q (None | str | Unset): Free-text search.
        updated_since (datetime.datetime | None | Unset): Deprecated sync by time (every change
            since this RFC 3339 time): may miss a change that commits late; use `sync_token`.
        sync_token (None | str | Unset): Sync: every change after this position, in commit order,
            deletions as tombstones. Send `0` the first time, then the `sync_token` of your last page;
            follow `next_cursor` until it is null.
        sort (None | str | Unset): `field` ascending or `-field` descending.
        limit (int | Unset): Page size, 1-100 (above is 422). Default: 20.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page.
        if_none_match (None | str | Unset): An `ETag` from an earlier read (or `*`): 304 with no
            body while current.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PageUnionExercisePublicExerciseTombstone | Problem]
    """

    kwargs = _get_kwargs(
        position=position,
        equipment=equipment,
        laterality=laterality,
        difficulty=difficulty,
        muscle=muscle,
        q=q,
        updated_since=updated_since,
        sync_token=sync_token,
        sort=sort,
        limit=limit,
        cursor=cursor,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    position: list[Position] | Unset = UNSET,
    equipment: list[str] | Unset = UNSET,
    laterality: list[Laterality] | Unset = UNSET,
    difficulty: list[Difficulty] | Unset = UNSET,
    muscle: list[str] | Unset = UNSET,
    q: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    sync_token: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> Any | PageUnionExercisePublicExerciseTombstone | Problem | None:
    """List exercises

     Browse the catalog with filters (repeat a filter for any-of), free-text `q` over name, summary and
    steps, `sort` (`name`, `slug`, `difficulty`, `created_at`, `updated_at`, `catalog_order`; prefix `-`
    to reverse) and cursor paging. To keep a copy in sync pass `sync_token` (`0` the first time): every
    change after it in commit order, removed exercises as `{slug, deleted_at}` tombstones, and a
    `sync_token` to send next time; follow `next_cursor` while more changes wait. `updated_since` still
    works but is deprecated: a change that commits late can be missed. Sends `ETag` and `Cache-Control:
    public`; repeat with `If-None-Match` to get 304.

    Args:
        position (list[Position] | Unset):
        equipment (list[str] | Unset):
        laterality (list[Laterality] | Unset):
        difficulty (list[Difficulty] | Unset):
        muscle (list[str] | Unset):
        q (None | str | Unset): Free-text search.
        updated_since (datetime.datetime | None | Unset): Deprecated sync by time (every change
            since this RFC 3339 time): may miss a change that commits late; use `sync_token`.
        sync_token (None | str | Unset): Sync: every change after this position, in commit order,
            deletions as tombstones. Send `0` the first time, then the `sync_token` of your last page;
            follow `next_cursor` until it is null.
        sort (None | str | Unset): `field` ascending or `-field` descending.
        limit (int | Unset): Page size, 1-100 (above is 422). Default: 20.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page.
        if_none_match (None | str | Unset): An `ETag` from an earlier read (or `*`): 304 with no
            body while current.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PageUnionExercisePublicExerciseTombstone | Problem
    """

    return sync_detailed(
        client=client,
        position=position,
        equipment=equipment,
        laterality=laterality,
        difficulty=difficulty,
        muscle=muscle,
        q=q,
        updated_since=updated_since,
        sync_token=sync_token,
        sort=sort,
        limit=limit,
        cursor=cursor,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    position: list[Position] | Unset = UNSET,
    equipment: list[str] | Unset = UNSET,
    laterality: list[Laterality] | Unset = UNSET,
    difficulty: list[Difficulty] | Unset = UNSET,
    muscle: list[str] | Unset = UNSET,
    q: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    sync_token: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> Response[Any | PageUnionExercisePublicExerciseTombstone | Problem]:
    """List exercises

     Browse the catalog with filters (repeat a filter for any-of), free-text `q` over name, summary and
    steps, `sort` (`name`, `slug`, `difficulty`, `created_at`, `updated_at`, `catalog_order`; prefix `-`
    to reverse) and cursor paging. To keep a copy in sync pass `sync_token` (`0` the first time): every
    change after it in commit order, removed exercises as `{slug, deleted_at}` tombstones, and a
    `sync_token` to send next time; follow `next_cursor` while more changes wait. `updated_since` still
    works but is deprecated: a change that commits late can be missed. Sends `ETag` and `Cache-Control:
    public`; repeat with `If-None-Match` to get 304.

    Args:
        position (list[Position] | Unset):
        equipment (list[str] | Unset):
        laterality (list[Laterality] | Unset):
        difficulty (list[Difficulty] | Unset):
        muscle (list[str] | Unset):
        q (None | str | Unset): Free-text search.
        updated_since (datetime.datetime | None | Unset): Deprecated sync by time (every change
            since this RFC 3339 time): may miss a change that commits late; use `sync_token`.
        sync_token (None | str | Unset): Sync: every change after this position, in commit order,
            deletions as tombstones. Send `0` the first time, then the `sync_token` of your last page;
            follow `next_cursor` until it is null.
        sort (None | str | Unset): `field` ascending or `-field` descending.
        limit (int | Unset): Page size, 1-100 (above is 422). Default: 20.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page.
        if_none_match (None | str | Unset): An `ETag` from an earlier read (or `*`): 304 with no
            body while current.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PageUnionExercisePublicExerciseTombstone | Problem]
    """

    kwargs = _get_kwargs(
        position=position,
        equipment=equipment,
        laterality=laterality,
        difficulty=difficulty,
        muscle=muscle,
        q=q,
        updated_since=updated_since,
        sync_token=sync_token,
        sort=sort,
        limit=limit,
        cursor=cursor,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    position: list[Position] | Unset = UNSET,
    equipment: list[str] | Unset = UNSET,
    laterality: list[Laterality] | Unset = UNSET,
    difficulty: list[Difficulty] | Unset = UNSET,
    muscle: list[str] | Unset = UNSET,
    q: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    sync_token: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> Any | PageUnionExercisePublicExerciseTombstone | Problem | None:
    """List exercises

     Browse the catalog with filters (repeat a filter for any-of), free-text `q` over name, summary and
    steps, `sort` (`name`, `slug`, `difficulty`, `created_at`, `updated_at`, `catalog_order`; prefix `-`
    to reverse) and cursor paging. To keep a copy in sync pass `sync_token` (`0` the first time): every
    change after it in commit order, removed exercises as `{slug, deleted_at}` tombstones, and a
    `sync_token` to send next time; follow `next_cursor` while more changes wait. `updated_since` still
    works but is deprecated: a change that commits late can be missed. Sends `ETag` and `Cache-Control:
    public`; repeat with `If-None-Match` to get 304.

    Args:
        position (list[Position] | Unset):
        equipment (list[str] | Unset):
        laterality (list[Laterality] | Unset):
        difficulty (list[Difficulty] | Unset):
        muscle (list[str] | Unset):
        q (None | str | Unset): Free-text search.
        updated_since (datetime.datetime | None | Unset): Deprecated sync by time (every change
            since this RFC 3339 time): may miss a change that commits late; use `sync_token`.
        sync_token (None | str | Unset): Sync: every change after this position, in commit order,
            deletions as tombstones. Send `0` the first time, then the `sync_token` of your last page;
            follow `next_cursor` until it is null.
        sort (None | str | Unset): `field` ascending or `-field` descending.
        limit (int | Unset): Page size, 1-100 (above is 422). Default: 20.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page.
        if_none_match (None | str | Unset): An `ETag` from an earlier read (or `*`): 304 with no
            body while current.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PageUnionExercisePublicExerciseTombstone | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            position=position,
            equipment=equipment,
            laterality=laterality,
            difficulty=difficulty,
            muscle=muscle,
            q=q,
            updated_since=updated_since,
            sync_token=sync_token,
            sort=sort,
            limit=limit,
            cursor=cursor,
            if_none_match=if_none_match,
        )
    ).parsed
