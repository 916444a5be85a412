import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    clinic_id: UUID,
    patient_id: UUID,
    *,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    elif isinstance(from_, datetime.date):
        json_from_ = from_.isoformat()
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.date):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/clinics/{clinic_id}/patients/{patient_id}/report".format(
            clinic_id=quote(str(clinic_id), safe=""),
            patient_id=quote(str(patient_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
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

    if response.status_code == 406:
        response_406 = Problem.from_dict(response.json())

        return response_406

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
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
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> Response[Problem | str]:
    """A patient's progress report (HTML or PDF)

     For the calendar days `from`..`to` in the patient's time zone (default the last 12 weeks, at most
    366 days; `from` after `to` or a longer span is 422), one section per part, each a chart (black-and-
    white readable: markers, hatching and line styles, units on the axes, dates in the patient's zone)
    with a plain-words summary under it: pain per session and per week; sessions done per week against
    the sessions the program in force asked for; left and right one-sided work per week (reps x kg);
    each outcome measure's scores with its baseline and MCID band; the alerts with their
    acknowledgements (and a table); the program's versions on the time axis. `Accept: application/pdf`
    for an A4 PDF (its outline has an entry per chart), `text/html` (also `*/*` or none) for a self-
    contained page with inline SVG; anything else is 406. For a clinician of the clinic with an active
    care relationship with the patient and the `progress` scope (404 otherwise, as for an unknown
    patient; 403 `scope-not-granted` without `progress`). Each further part shows only under the scope
    that covers it (each session's pain: `sessions`; alerts, with your clinic's acknowledgements only:
    `alerts`; the outcome measures your clinic assigned: `measures`); the program's versions only when
    your clinic prescribed the program. A part left out is named, with why, under "Left out". Each read
    is recorded in the patient's access log.

    Args:
        clinic_id (UUID): The clinic's id.
        patient_id (UUID): The patient's user id.
        from_ (datetime.date | None | Unset): First day (YYYY-MM-DD).
        to (datetime.date | None | Unset): Last day (YYYY-MM-DD).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        clinic_id=clinic_id,
        patient_id=patient_id,
        from_=from_,
        to=to,
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
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> Problem | str | None:
    """A patient's progress report (HTML or PDF)

     For the calendar days `from`..`to` in the patient's time zone (default the last 12 weeks, at most
    366 days; `from` after `to` or a longer span is 422), one section per part, each a chart (black-and-
    white readable: markers, hatching and line styles, units on the axes, dates in the patient's zone)
    with a plain-words summary under it: pain per session and per week; sessions done per week against
    the sessions the program in force asked for; left and right one-sided work per week (reps x kg);
    each outcome measure's scores with its baseline and MCID band; the alerts with their
    acknowledgements (and a table); the program's versions on the time axis. `Accept: application/pdf`
    for an A4 PDF (its outline has an entry per chart), `text/html` (also `*/*` or none) for a self-
    contained page with inline SVG; anything else is 406. For a clinician of the clinic with an active
    care relationship with the patient and the `progress` scope (404 otherwise, as for an unknown
    patient; 403 `scope-not-granted` without `progress`). Each further part shows only under the scope
    that covers it (each session's pain: `sessions`; alerts, with your clinic's acknowledgements only:
    `alerts`; the outcome measures your clinic assigned: `measures`); the program's versions only when
    your clinic prescribed the program. A part left out is named, with why, under "Left out". Each read
    is recorded in the patient's access log.

    Args:
        clinic_id (UUID): The clinic's id.
        patient_id (UUID): The patient's user id.
        from_ (datetime.date | None | Unset): First day (YYYY-MM-DD).
        to (datetime.date | None | Unset): Last day (YYYY-MM-DD).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        clinic_id=clinic_id,
        patient_id=patient_id,
        client=client,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    clinic_id: UUID,
    patient_id: UUID,
    *,
    client: AuthenticatedClient,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> Response[Problem | str]:
    """A patient's progress report (HTML or PDF)

     For the calendar days `from`..`to` in the patient's time zone (default the last 12 weeks, at most
    366 days; `from` after `to` or a longer span is 422), one section per part, each a chart (black-and-
    white readable: markers, hatching and line styles, units on the axes, dates in the patient's zone)
    with a plain-words summary under it: pain per session and per week; sessions done per week against
    the sessions the program in force asked for; left and right one-sided work per week (reps x kg);
    each outcome measure's scores with its baseline and MCID band; the alerts with their
    acknowledgements (and a table); the program's versions on the time axis. `Accept: application/pdf`
    for an A4 PDF (its outline has an entry per chart), `text/html` (also `*/*` or none) for a self-
    contained page with inline SVG; anything else is 406. For a clinician of the clinic with an active
    care relationship with the patient and the `progress` scope (404 otherwise, as for an unknown
    patient; 403 `scope-not-granted` without `progress`). Each further part shows only under the scope
    that covers it (each session's pain: `sessions`; alerts, with your clinic's acknowledgements only:
    `alerts`; the outcome measures your clinic assigned: `measures`); the program's versions only when
    your clinic prescribed the program. A part left out is named, with why, under "Left out". Each read
    is recorded in the patient's access log.

    Args:
        clinic_id (UUID): The clinic's id.
        patient_id (UUID): The patient's user id.
        from_ (datetime.date | None | Unset): First day (YYYY-MM-DD).
        to (datetime.date | None | Unset): Last day (YYYY-MM-DD).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        clinic_id=clinic_id,
        patient_id=patient_id,
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    clinic_id: UUID,
    patient_id: UUID,
    *,
    client: AuthenticatedClient,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> Problem | str | None:
    """A patient's progress report (HTML or PDF)

     For the calendar days `from`..`to` in the patient's time zone (default the last 12 weeks, at most
    366 days; `from` after `to` or a longer span is 422), one section per part, each a chart (black-and-
    white readable: markers, hatching and line styles, units on the axes, dates in the patient's zone)
    with a plain-words summary under it: pain per session and per week; sessions done per week against
    the sessions the program in force asked for; left and right one-sided work per week (reps x kg);
    each outcome measure's scores with its baseline and MCID band; the alerts with their
    acknowledgements (and a table); the program's versions on the time axis. `Accept: application/pdf`
    for an A4 PDF (its outline has an entry per chart), `text/html` (also `*/*` or none) for a self-
    contained page with inline SVG; anything else is 406. For a clinician of the clinic with an active
    care relationship with the patient and the `progress` scope (404 otherwise, as for an unknown
    patient; 403 `scope-not-granted` without `progress`). Each further part shows only under the scope
    that covers it (each session's pain: `sessions`; alerts, with your clinic's acknowledgements only:
    `alerts`; the outcome measures your clinic assigned: `measures`); the program's versions only when
    your clinic prescribed the program. A part left out is named, with why, under "Left out". Each read
    is recorded in the patient's access log.

    Args:
        clinic_id (UUID): The clinic's id.
        patient_id (UUID): The patient's user id.
        from_ (datetime.date | None | Unset): First day (YYYY-MM-DD).
        to (datetime.date | None | Unset): Last day (YYYY-MM-DD).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            clinic_id=clinic_id,
            patient_id=patient_id,
            client=client,
            from_=from_,
            to=to,
        )
    ).parsed
