from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.assessment_create import AssessmentCreate
from ...models.assessment_public import AssessmentPublic
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: AssessmentCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/me/assessments",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AssessmentPublic | Problem | None:
    if response.status_code == 201:
        response_201 = AssessmentPublic.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

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
) -> Response[AssessmentPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: AssessmentCreate,
) -> Response[AssessmentPublic | Problem]:
    """Record a single-leg stance self-check

     Stand on one leg and note what happened. The answer interprets it against the article's signs: the
    opposite hip dropping (Trendelenburg sign), the knee drifting in, the trunk leaning toward the
    stance side. Not a diagnosis.

    Args:
        body (AssessmentCreate): What the user saw while standing on one leg (ideally filmed or in
            a mirror).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssessmentPublic | Problem]
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
    body: AssessmentCreate,
) -> AssessmentPublic | Problem | None:
    """Record a single-leg stance self-check

     Stand on one leg and note what happened. The answer interprets it against the article's signs: the
    opposite hip dropping (Trendelenburg sign), the knee drifting in, the trunk leaning toward the
    stance side. Not a diagnosis.

    Args:
        body (AssessmentCreate): What the user saw while standing on one leg (ideally filmed or in
            a mirror).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssessmentPublic | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: AssessmentCreate,
) -> Response[AssessmentPublic | Problem]:
    """Record a single-leg stance self-check

     Stand on one leg and note what happened. The answer interprets it against the article's signs: the
    opposite hip dropping (Trendelenburg sign), the knee drifting in, the trunk leaning toward the
    stance side. Not a diagnosis.

    Args:
        body (AssessmentCreate): What the user saw while standing on one leg (ideally filmed or in
            a mirror).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssessmentPublic | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: AssessmentCreate,
) -> AssessmentPublic | Problem | None:
    """Record a single-leg stance self-check

     Stand on one leg and note what happened. The answer interprets it against the article's signs: the
    opposite hip dropping (Trendelenburg sign), the knee drifting in, the trunk leaning toward the
    stance side. Not a diagnosis.

    Args:
        body (AssessmentCreate): What the user saw while standing on one leg (ideally filmed or in
            a mirror).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssessmentPublic | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
