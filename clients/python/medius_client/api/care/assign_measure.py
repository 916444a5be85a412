from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.assignment_create import AssignmentCreate
from ...models.assignment_public import AssignmentPublic
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    clinic_id: UUID,
    patient_id: UUID,
    *,
    body: AssignmentCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/clinics/{clinic_id}/patients/{patient_id}/measures".format(
            clinic_id=quote(str(clinic_id), safe=""),
            patient_id=quote(str(patient_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AssignmentPublic | Problem | None:
    if response.status_code == 200:
        response_200 = AssignmentPublic.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = AssignmentPublic.from_dict(response.json())

        return response_201

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
) -> Response[AssignmentPublic | Problem]:
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
    body: AssignmentCreate,
) -> Response[AssignmentPublic | Problem]:
    """Assign an outcome measure

     Ask the patient to answer an instrument (`GET /instruments`) on a schedule: at the start
    (`starts_on`, default today in the patient's zone), every `every_weeks` weeks, and at discharge
    (`discharge_on`). The patient sees it in `GET /me/measures/due` and their calendar feed. Send your
    own `id` to make retries safe. Only for a clinician of the clinic in an active care relationship
    with the patient that grants `measures` (404 otherwise, as for an unknown patient; 403 `scope-not-
    granted` without the scope). Every call is recorded in the patient's access log.

    Args:
        clinic_id (UUID): The clinic's id.
        patient_id (UUID): The patient's user id.
        body (AssignmentCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssignmentPublic | Problem]
    """

    kwargs = _get_kwargs(
        clinic_id=clinic_id,
        patient_id=patient_id,
        body=body,
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
    body: AssignmentCreate,
) -> AssignmentPublic | Problem | None:
    """Assign an outcome measure

     Ask the patient to answer an instrument (`GET /instruments`) on a schedule: at the start
    (`starts_on`, default today in the patient's zone), every `every_weeks` weeks, and at discharge
    (`discharge_on`). The patient sees it in `GET /me/measures/due` and their calendar feed. Send your
    own `id` to make retries safe. Only for a clinician of the clinic in an active care relationship
    with the patient that grants `measures` (404 otherwise, as for an unknown patient; 403 `scope-not-
    granted` without the scope). Every call is recorded in the patient's access log.

    Args:
        clinic_id (UUID): The clinic's id.
        patient_id (UUID): The patient's user id.
        body (AssignmentCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssignmentPublic | Problem
    """

    return sync_detailed(
        clinic_id=clinic_id,
        patient_id=patient_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    clinic_id: UUID,
    patient_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AssignmentCreate,
) -> Response[AssignmentPublic | Problem]:
    """Assign an outcome measure

     Ask the patient to answer an instrument (`GET /instruments`) on a schedule: at the start
    (`starts_on`, default today in the patient's zone), every `every_weeks` weeks, and at discharge
    (`discharge_on`). The patient sees it in `GET /me/measures/due` and their calendar feed. Send your
    own `id` to make retries safe. Only for a clinician of the clinic in an active care relationship
    with the patient that grants `measures` (404 otherwise, as for an unknown patient; 403 `scope-not-
    granted` without the scope). Every call is recorded in the patient's access log.

    Args:
        clinic_id (UUID): The clinic's id.
        patient_id (UUID): The patient's user id.
        body (AssignmentCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssignmentPublic | Problem]
    """

    kwargs = _get_kwargs(
        clinic_id=clinic_id,
        patient_id=patient_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    clinic_id: UUID,
    patient_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AssignmentCreate,
) -> AssignmentPublic | Problem | None:
    """Assign an outcome measure

     Ask the patient to answer an instrument (`GET /instruments`) on a schedule: at the start
    (`starts_on`, default today in the patient's zone), every `every_weeks` weeks, and at discharge
    (`discharge_on`). The patient sees it in `GET /me/measures/due` and their calendar feed. Send your
    own `id` to make retries safe. Only for a clinician of the clinic in an active care relationship
    with the patient that grants `measures` (404 otherwise, as for an unknown patient; 403 `scope-not-
    granted` without the scope). Every call is recorded in the patient's access log.

    Args:
        clinic_id (UUID): The clinic's id.
        patient_id (UUID): The patient's user id.
        body (AssignmentCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssignmentPublic | Problem
    """

    return (
        await asyncio_detailed(
            clinic_id=clinic_id,
            patient_id=patient_id,
            client=client,
            body=body,
        )
    ).parsed
