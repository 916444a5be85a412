from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bundle import Bundle
from ...models.operation_outcome import OperationOutcome
from ...models.parameters import Parameters
from ...types import UNSET, Response, Unset


def _get_kwargs(
    clinic_id: UUID,
    patient_id: str,
    *,
    body: None | Parameters | Unset = UNSET,
    field_format_: None | str | Unset = UNSET,
    prefer: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(prefer, Unset):
        headers["Prefer"] = prefer

    params: dict[str, Any] = {}

    json_field_format_: None | str | Unset
    if isinstance(field_format_, Unset):
        json_field_format_ = UNSET
    else:
        json_field_format_ = field_format_
    params["_format"] = json_field_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/clinics/{clinic_id}/fhir/Patient/{patient_id}/$everything".format(
            clinic_id=quote(str(clinic_id), safe=""),
            patient_id=quote(str(patient_id), safe=""),
        ),
        "params": params,
    }

    if isinstance(body, Parameters):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Bundle | OperationOutcome | None:
    if response.status_code == 200:
        response_200 = Bundle.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = OperationOutcome.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = OperationOutcome.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = OperationOutcome.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = OperationOutcome.from_dict(response.json())

        return response_404

    if response.status_code == 406:
        response_406 = OperationOutcome.from_dict(response.json())

        return response_406

    if response.status_code == 413:
        response_413 = OperationOutcome.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = OperationOutcome.from_dict(response.json())

        return response_415

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
) -> Response[Bundle | OperationOutcome]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    clinic_id: UUID,
    patient_id: str,
    *,
    client: AuthenticatedClient,
    body: None | Parameters | Unset = UNSET,
    field_format_: None | str | Unset = UNSET,
    prefer: None | str | Unset = UNSET,
) -> Response[Bundle | OperationOutcome]:
    """Everything about a patient in your care, as a FHIR Bundle (POST)

     A `searchset` Bundle of the Patient, their routines as CarePlans, their sessions as Observations
    (one Physical Activity panel per session with one member per exercise; every set's reps/steps/hold,
    side, load, effort and pain (LOINC 72514-3) as components) and their self-checks as Observations.
    `_count` pages it (the Patient first; paging links in `Bundle.link`). POST runs the same operation
    with its parameters in a FHIR `Parameters` body (operations.html): `_count` (`valueInteger`) is
    read, any other parameter ignored (refused, 422, under `Prefer: handling=strict`). This is the
    clinic's FHIR base: readable by a clinician of the clinic whose active care relationship covers the
    patient, within the scopes the patient granted (the Patient: any of those below; CarePlans:
    `prescribe` or `sessions`; session Observations: `sessions`; self-checks: `self_checks`; outcome
    measures this clinic assigned: `measures`); each read is written to the patient's access log. No
    such relationship is 404, as an unknown patient; one granting none of those scopes is 403.

    Args:
        clinic_id (UUID): The clinic's id.
        patient_id (str): The Patient's id: the user's id. Malformed or unknown: 404.
        field_format_ (None | str | Unset): The media type to answer with, overriding `Accept`
            (http.html): `json` or `application/fhir+json` (answered as application/fhir+json),
            `application/json`; `xml` and anything else is 406 (JSON only).
        prefer (None | str | Unset): `handling=strict`: a query parameter the interaction does not
            support is refused (400) instead of ignored (search.html).
        body (None | Parameters | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Bundle | OperationOutcome]
    """

    kwargs = _get_kwargs(
        clinic_id=clinic_id,
        patient_id=patient_id,
        body=body,
        field_format_=field_format_,
        prefer=prefer,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    clinic_id: UUID,
    patient_id: str,
    *,
    client: AuthenticatedClient,
    body: None | Parameters | Unset = UNSET,
    field_format_: None | str | Unset = UNSET,
    prefer: None | str | Unset = UNSET,
) -> Bundle | OperationOutcome | None:
    """Everything about a patient in your care, as a FHIR Bundle (POST)

     A `searchset` Bundle of the Patient, their routines as CarePlans, their sessions as Observations
    (one Physical Activity panel per session with one member per exercise; every set's reps/steps/hold,
    side, load, effort and pain (LOINC 72514-3) as components) and their self-checks as Observations.
    `_count` pages it (the Patient first; paging links in `Bundle.link`). POST runs the same operation
    with its parameters in a FHIR `Parameters` body (operations.html): `_count` (`valueInteger`) is
    read, any other parameter ignored (refused, 422, under `Prefer: handling=strict`). This is the
    clinic's FHIR base: readable by a clinician of the clinic whose active care relationship covers the
    patient, within the scopes the patient granted (the Patient: any of those below; CarePlans:
    `prescribe` or `sessions`; session Observations: `sessions`; self-checks: `self_checks`; outcome
    measures this clinic assigned: `measures`); each read is written to the patient's access log. No
    such relationship is 404, as an unknown patient; one granting none of those scopes is 403.

    Args:
        clinic_id (UUID): The clinic's id.
        patient_id (str): The Patient's id: the user's id. Malformed or unknown: 404.
        field_format_ (None | str | Unset): The media type to answer with, overriding `Accept`
            (http.html): `json` or `application/fhir+json` (answered as application/fhir+json),
            `application/json`; `xml` and anything else is 406 (JSON only).
        prefer (None | str | Unset): `handling=strict`: a query parameter the interaction does not
            support is refused (400) instead of ignored (search.html).
        body (None | Parameters | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Bundle | OperationOutcome
    """

    return sync_detailed(
        clinic_id=clinic_id,
        patient_id=patient_id,
        client=client,
        body=body,
        field_format_=field_format_,
        prefer=prefer,
    ).parsed


async def asyncio_detailed(
    clinic_id: UUID,
    patient_id: str,
    *,
    client: AuthenticatedClient,
    body: None | Parameters | Unset = UNSET,
    field_format_: None | str | Unset = UNSET,
    prefer: None | str | Unset = UNSET,
) -> Response[Bundle | OperationOutcome]:
    """Everything about a patient in your care, as a FHIR Bundle (POST)

     A `searchset` Bundle of the Patient, their routines as CarePlans, their sessions as Observations
    (one Physical Activity panel per session with one member per exercise; every set's reps/steps/hold,
    side, load, effort and pain (LOINC 72514-3) as components) and their self-checks as Observations.
    `_count` pages it (the Patient first; paging links in `Bundle.link`). POST runs the same operation
    with its parameters in a FHIR `Parameters` body (operations.html): `_count` (`valueInteger`) is
    read, any other parameter ignored (refused, 422, under `Prefer: handling=strict`). This is the
    clinic's FHIR base: readable by a clinician of the clinic whose active care relationship covers the
    patient, within the scopes the patient granted (the Patient: any of those below; CarePlans:
    `prescribe` or `sessions`; session Observations: `sessions`; self-checks: `self_checks`; outcome
    measures this clinic assigned: `measures`); each read is written to the patient's access log. No
    such relationship is 404, as an unknown patient; one granting none of those scopes is 403.

    Args:
        clinic_id (UUID): The clinic's id.
        patient_id (str): The Patient's id: the user's id. Malformed or unknown: 404.
        field_format_ (None | str | Unset): The media type to answer with, overriding `Accept`
            (http.html): `json` or `application/fhir+json` (answered as application/fhir+json),
            `application/json`; `xml` and anything else is 406 (JSON only).
        prefer (None | str | Unset): `handling=strict`: a query parameter the interaction does not
            support is refused (400) instead of ignored (search.html).
        body (None | Parameters | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Bundle | OperationOutcome]
    """

    kwargs = _get_kwargs(
        clinic_id=clinic_id,
        patient_id=patient_id,
        body=body,
        field_format_=field_format_,
        prefer=prefer,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    clinic_id: UUID,
    patient_id: str,
    *,
    client: AuthenticatedClient,
    body: None | Parameters | Unset = UNSET,
    field_format_: None | str | Unset = UNSET,
    prefer: None | str | Unset = UNSET,
) -> Bundle | OperationOutcome | None:
    """Everything about a patient in your care, as a FHIR Bundle (POST)

     A `searchset` Bundle of the Patient, their routines as CarePlans, their sessions as Observations
    (one Physical Activity panel per session with one member per exercise; every set's reps/steps/hold,
    side, load, effort and pain (LOINC 72514-3) as components) and their self-checks as Observations.
    `_count` pages it (the Patient first; paging links in `Bundle.link`). POST runs the same operation
    with its parameters in a FHIR `Parameters` body (operations.html): `_count` (`valueInteger`) is
    read, any other parameter ignored (refused, 422, under `Prefer: handling=strict`). This is the
    clinic's FHIR base: readable by a clinician of the clinic whose active care relationship covers the
    patient, within the scopes the patient granted (the Patient: any of those below; CarePlans:
    `prescribe` or `sessions`; session Observations: `sessions`; self-checks: `self_checks`; outcome
    measures this clinic assigned: `measures`); each read is written to the patient's access log. No
    such relationship is 404, as an unknown patient; one granting none of those scopes is 403.

    Args:
        clinic_id (UUID): The clinic's id.
        patient_id (str): The Patient's id: the user's id. Malformed or unknown: 404.
        field_format_ (None | str | Unset): The media type to answer with, overriding `Accept`
            (http.html): `json` or `application/fhir+json` (answered as application/fhir+json),
            `application/json`; `xml` and anything else is 406 (JSON only).
        prefer (None | str | Unset): `handling=strict`: a query parameter the interaction does not
            support is refused (400) instead of ignored (search.html).
        body (None | Parameters | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Bundle | OperationOutcome
    """

    return (
        await asyncio_detailed(
            clinic_id=clinic_id,
            patient_id=patient_id,
            client=client,
            body=body,
            field_format_=field_format_,
            prefer=prefer,
        )
    ).parsed
