from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.alert_acknowledge import AlertAcknowledge
from ...models.alert_public import AlertPublic
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    clinic_id: UUID,
    patient_id: UUID,
    alert_id: UUID,
    *,
    body: AlertAcknowledge,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/clinics/{clinic_id}/patients/{patient_id}/alerts/{alert_id}/acknowledge".format(
            clinic_id=quote(str(clinic_id), safe=""),
            patient_id=quote(str(patient_id), safe=""),
            alert_id=quote(str(alert_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AlertPublic | Problem | None:
    if response.status_code == 200:
        response_200 = AlertPublic.from_dict(response.json())

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
) -> Response[AlertPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    clinic_id: UUID,
    patient_id: UUID,
    alert_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AlertAcknowledge,
) -> Response[AlertPublic | Problem]:
    """Acknowledge a patient's alert

     Marks the alert acknowledged by your clinic with a short note the patient sees (1-500 characters,
    one line). Each clinic acknowledges for itself: another clinic's acknowledgement neither closes the
    alert for yours nor shows to it. Your clinic's first acknowledge wins: repeating it with the same
    note answers the same (a safe retry); any other acknowledge by your clinic is 409. Only for a
    clinician of the clinic with an active care relationship with the patient (404 otherwise, as for an
    unknown patient; 403 `scope-not-granted` without the scope `alerts`). Recorded in the patient's
    access log.

    Args:
        clinic_id (UUID): The clinic's id.
        patient_id (UUID): The patient's user id.
        alert_id (UUID): The alert's id.
        body (AlertAcknowledge):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AlertPublic | Problem]
    """

    kwargs = _get_kwargs(
        clinic_id=clinic_id,
        patient_id=patient_id,
        alert_id=alert_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    clinic_id: UUID,
    patient_id: UUID,
    alert_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AlertAcknowledge,
) -> AlertPublic | Problem | None:
    """Acknowledge a patient's alert

     Marks the alert acknowledged by your clinic with a short note the patient sees (1-500 characters,
    one line). Each clinic acknowledges for itself: another clinic's acknowledgement neither closes the
    alert for yours nor shows to it. Your clinic's first acknowledge wins: repeating it with the same
    note answers the same (a safe retry); any other acknowledge by your clinic is 409. Only for a
    clinician of the clinic with an active care relationship with the patient (404 otherwise, as for an
    unknown patient; 403 `scope-not-granted` without the scope `alerts`). Recorded in the patient's
    access log.

    Args:
        clinic_id (UUID): The clinic's id.
        patient_id (UUID): The patient's user id.
        alert_id (UUID): The alert's id.
        body (AlertAcknowledge):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AlertPublic | Problem
    """

    return sync_detailed(
        clinic_id=clinic_id,
        patient_id=patient_id,
        alert_id=alert_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    clinic_id: UUID,
    patient_id: UUID,
    alert_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AlertAcknowledge,
) -> Response[AlertPublic | Problem]:
    """Acknowledge a patient's alert

     Marks the alert acknowledged by your clinic with a short note the patient sees (1-500 characters,
    one line). Each clinic acknowledges for itself: another clinic's acknowledgement neither closes the
    alert for yours nor shows to it. Your clinic's first acknowledge wins: repeating it with the same
    note answers the same (a safe retry); any other acknowledge by your clinic is 409. Only for a
    clinician of the clinic with an active care relationship with the patient (404 otherwise, as for an
    unknown patient; 403 `scope-not-granted` without the scope `alerts`). Recorded in the patient's
    access log.

    Args:
        clinic_id (UUID): The clinic's id.
        patient_id (UUID): The patient's user id.
        alert_id (UUID): The alert's id.
        body (AlertAcknowledge):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AlertPublic | Problem]
    """

    kwargs = _get_kwargs(
        clinic_id=clinic_id,
        patient_id=patient_id,
        alert_id=alert_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    clinic_id: UUID,
    patient_id: UUID,
    alert_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AlertAcknowledge,
) -> AlertPublic | Problem | None:
    """Acknowledge a patient's alert

     Marks the alert acknowledged by your clinic with a short note the patient sees (1-500 characters,
    one line). Each clinic acknowledges for itself: another clinic's acknowledgement neither closes the
    alert for yours nor shows to it. Your clinic's first acknowledge wins: repeating it with the same
    note answers the same (a safe retry); any other acknowledge by your clinic is 409. Only for a
    clinician of the clinic with an active care relationship with the patient (404 otherwise, as for an
    unknown patient; 403 `scope-not-granted` without the scope `alerts`). Recorded in the patient's
    access log.

    Args:
        clinic_id (UUID): The clinic's id.
        patient_id (UUID): The patient's user id.
        alert_id (UUID): The alert's id.
        body (AlertAcknowledge):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AlertPublic | Problem
    """

    return (
        await asyncio_detailed(
            clinic_id=clinic_id,
            patient_id=patient_id,
            alert_id=alert_id,
            client=client,
            body=body,
        )
    ).parsed
