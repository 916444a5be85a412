from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_accept import CareAccept
from ...models.problem import Problem
from ...models.relationship_public import RelationshipPublic
from ...types import Response


def _get_kwargs(
    *,
    body: CareAccept,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/me/care-relationships",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RelationshipPublic | None:
    if response.status_code == 200:
        response_200 = RelationshipPublic.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = RelationshipPublic.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[Problem | RelationshipPublic]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CareAccept,
) -> Response[Problem | RelationshipPublic]:
    """Accept a care invitation

     Starts a care relationship with the clinician who issued the code. Grant all the scopes it asks for
    (omit `scopes`) or a subset; more is 422. The code works once: a retry by the same patient (with the
    same scopes) answers the relationship it started (200). An active relationship with the same
    clinician at the same clinic is 409.

    Args:
        body (CareAccept):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RelationshipPublic]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CareAccept,
) -> Problem | RelationshipPublic | None:
    """Accept a care invitation

     Starts a care relationship with the clinician who issued the code. Grant all the scopes it asks for
    (omit `scopes`) or a subset; more is 422. The code works once: a retry by the same patient (with the
    same scopes) answers the relationship it started (200). An active relationship with the same
    clinician at the same clinic is 409.

    Args:
        body (CareAccept):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RelationshipPublic
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CareAccept,
) -> Response[Problem | RelationshipPublic]:
    """Accept a care invitation

     Starts a care relationship with the clinician who issued the code. Grant all the scopes it asks for
    (omit `scopes`) or a subset; more is 422. The code works once: a retry by the same patient (with the
    same scopes) answers the relationship it started (200). An active relationship with the same
    clinician at the same clinic is 409.

    Args:
        body (CareAccept):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RelationshipPublic]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CareAccept,
) -> Problem | RelationshipPublic | None:
    """Accept a care invitation

     Starts a care relationship with the clinician who issued the code. Grant all the scopes it asks for
    (omit `scopes`) or a subset; more is 422. The code works once: a retry by the same patient (with the
    same scopes) answers the relationship it started (200). An active relationship with the same
    clinician at the same clinic is 409.

    Args:
        body (CareAccept):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RelationshipPublic
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
