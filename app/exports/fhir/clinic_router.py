"""`/api/v1/clinics/{clinic_id}/fhir`: a clinic's FHIR base, the patient reads of
`/api/v1/fhir` for the clinic's clinicians (docs/guides/integrations/fhir.md). Each read
is decided by the one grant (app/exports/fhir/access.py) and written to the patient's
access log (`unit.read_logged`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Depends, Request
from starlette.responses import Response

from app.care.team.params import ClinicID
from app.catalog.live.deps import CatalogDep
from app.core.caching import CACHE_NOTE, CONDITIONAL_READ, PUBLIC_CACHE_HEADERS
from app.core.deps import SettingsDep, client_address
from app.exports.fhir import capability, examples, service
from app.exports.fhir.answers import (
    BODY_ERRORS,
    CLINIC_ERRORS,
    PRIVATE_INSTANCE_HEADERS,
    PUBLIC_ERRORS,
    FhirResponse,
    clinic_base,
    fhir_answers,
    private_bundle,
    private_instance,
    public_search,
)
from app.exports.fhir.models import (
    Bundle,
    CapabilityStatement,
    CarePlan,
    FhirResource,
    Parameters,
)
from app.exports.fhir.params import (
    CAPABILITY_DESCRIPTION,
    CARE_PLAN_DESCRIPTION,
    EVERYTHING_DESCRIPTION,
    EVERYTHING_POST,
    INSTANCE_NOTE,
    OBSERVATION_DESCRIPTION,
    PATIENT_DESCRIPTION,
    QUESTIONNAIRE_RESPONSE_DESCRIPTION,
    CarePlanId,
    Count,
    ObservationId,
    Offset,
    PatientId,
    QuestionnaireResponseId,
    fhir_request,
)
from app.exports.fhir.search import Query
from app.users.auth import SignedIn

clinic_router = APIRouter(
    prefix="/clinics/{clinic_id}/fhir", tags=["fhir"], dependencies=[Depends(fhir_request)]
)

CLINIC_NOTE = (
    " This is the clinic's FHIR base: readable by a clinician of the clinic whose active care "
    "relationship covers the patient, within the scopes the patient granted (the Patient: "
    "any of those below; CarePlans: `prescribe` or `sessions`; session Observations: "
    "`sessions`; self-checks: `self_checks`; outcome measures this clinic assigned: "
    "`measures`); each read is written to the patient's access "
    "log. No such relationship is 404, as an unknown patient; one granting none of those "
    "scopes is 403."
)


@clinic_router.get(
    "/metadata",
    summary="What a clinic's FHIR base serves (CapabilityStatement)",
    description=CAPABILITY_DESCRIPTION + " Public: it says nothing of the clinic." + CACHE_NOTE,
    dependencies=CONDITIONAL_READ,
    response_model=CapabilityStatement,
    response_class=FhirResponse,
    responses=fhir_answers(
        CapabilityStatement,
        examples.capability_statement,
        PUBLIC_ERRORS,
        headers=PUBLIC_CACHE_HEADERS,
    ),
)
def clinic_fhir_metadata(clinic_id: ClinicID, request: Request, settings: SettingsDep) -> Response:
    body = capability.capability_statement(clinic_base(settings, clinic_id), clinic=True)
    return public_search(request, body, settings)


@clinic_router.get(
    "/Patient/{patient_id}/$everything",
    summary="Everything about a patient in your care, as a FHIR Bundle",
    description=EVERYTHING_DESCRIPTION + CLINIC_NOTE,
    response_model=Bundle,
    response_class=FhirResponse,
    responses=fhir_answers(Bundle, examples.everything, CLINIC_ERRORS),
)
async def clinic_patient_everything(
    clinic_id: ClinicID,
    patient_id: PatientId,
    request: Request,
    unit: SignedIn,
    catalog: CatalogDep,
    settings: SettingsDep,
    count: Count = None,
    offset: Offset = 0,
) -> Response:
    base = clinic_base(settings, clinic_id)
    address = client_address(request)
    query = Query(count=count, offset=offset)
    # A clinician's read writes its line in the patient's access log.
    body = await unit.read_logged(
        lambda db, caller: service.everything(
            db,
            caller,
            patient_id=patient_id,
            catalog=catalog,
            base=base,
            query=query,
            clinic_id=clinic_id,
            address=address,
        )
    )
    return private_bundle(body)


@clinic_router.post(
    "/Patient/{patient_id}/$everything",
    summary="Everything about a patient in your care, as a FHIR Bundle (POST)",
    description=EVERYTHING_DESCRIPTION + EVERYTHING_POST + CLINIC_NOTE,
    response_model=Bundle,
    response_class=FhirResponse,
    responses=fhir_answers(Bundle, examples.everything, (*CLINIC_ERRORS, *BODY_ERRORS)),
)
async def clinic_patient_everything_by_post(
    clinic_id: ClinicID,
    patient_id: PatientId,
    request: Request,
    unit: SignedIn,
    catalog: CatalogDep,
    settings: SettingsDep,
    parameters: Annotated[Parameters | None, Body()] = None,
) -> Response:
    base = clinic_base(settings, clinic_id)
    address = client_address(request)
    query = service.operation_query(parameters, request.headers.get("prefer"))
    body = await unit.read_logged(
        lambda db, caller: service.everything(
            db,
            caller,
            patient_id=patient_id,
            catalog=catalog,
            base=base,
            query=query,
            clinic_id=clinic_id,
            address=address,
        )
    )
    return private_bundle(body)


@clinic_router.get(
    "/Patient/{patient_id}",
    summary="A patient in your care, as a FHIR Patient",
    description=PATIENT_DESCRIPTION + INSTANCE_NOTE + CLINIC_NOTE,
    dependencies=CONDITIONAL_READ,
    response_model=FhirResource,
    response_class=FhirResponse,
    responses=fhir_answers(
        FhirResource, examples.patient, CLINIC_ERRORS, headers=PRIVATE_INSTANCE_HEADERS
    ),
)
async def clinic_get_patient(
    clinic_id: ClinicID, patient_id: PatientId, request: Request, unit: SignedIn
) -> Response:
    address = client_address(request)
    body = await unit.read_logged(
        lambda db, caller: service.patient(
            db, caller, patient_id=patient_id, clinic_id=clinic_id, address=address
        )
    )
    return private_instance(request, body)


@clinic_router.get(
    "/CarePlan/{care_plan_id}",
    summary="A routine of a patient in your care, as a FHIR CarePlan",
    description=CARE_PLAN_DESCRIPTION + INSTANCE_NOTE + CLINIC_NOTE,
    dependencies=CONDITIONAL_READ,
    response_model=CarePlan,
    response_class=FhirResponse,
    responses=fhir_answers(
        CarePlan, examples.care_plan, CLINIC_ERRORS, headers=PRIVATE_INSTANCE_HEADERS
    ),
)
async def clinic_get_care_plan(
    clinic_id: ClinicID,
    care_plan_id: CarePlanId,
    request: Request,
    unit: SignedIn,
    catalog: CatalogDep,
) -> Response:
    address = client_address(request)
    body = await unit.read_logged(
        lambda db, caller: service.care_plan(
            db,
            caller,
            routine_id=care_plan_id,
            catalog=catalog,
            clinic_id=clinic_id,
            address=address,
        )
    )
    return private_instance(request, body)


@clinic_router.get(
    "/Observation/{observation_id}",
    summary="A session, exercise or self-check of a patient in your care (Observation)",
    description=OBSERVATION_DESCRIPTION + INSTANCE_NOTE + CLINIC_NOTE,
    dependencies=CONDITIONAL_READ,
    response_model=FhirResource,
    response_class=FhirResponse,
    responses=fhir_answers(
        FhirResource, examples.observation, CLINIC_ERRORS, headers=PRIVATE_INSTANCE_HEADERS
    ),
)
async def clinic_get_observation(
    clinic_id: ClinicID, observation_id: ObservationId, request: Request, unit: SignedIn
) -> Response:
    address = client_address(request)
    body = await unit.read_logged(
        lambda db, caller: service.observation(
            db, caller, observation_id=observation_id, clinic_id=clinic_id, address=address
        )
    )
    return private_instance(request, body)


@clinic_router.get(
    "/QuestionnaireResponse/{questionnaire_response_id}",
    summary="An outcome measure answer of a patient in your care (QuestionnaireResponse)",
    description=QUESTIONNAIRE_RESPONSE_DESCRIPTION + INSTANCE_NOTE + CLINIC_NOTE,
    dependencies=CONDITIONAL_READ,
    response_model=FhirResource,
    response_class=FhirResponse,
    responses=fhir_answers(
        FhirResource,
        examples.questionnaire_response,
        CLINIC_ERRORS,
        headers=PRIVATE_INSTANCE_HEADERS,
    ),
)
async def clinic_get_questionnaire_response(
    clinic_id: ClinicID,
    questionnaire_response_id: QuestionnaireResponseId,
    request: Request,
    unit: SignedIn,
) -> Response:
    address = client_address(request)
    body = await unit.read_logged(
        lambda db, caller: service.questionnaire_response(
            db, caller, questionnaire_response_id, clinic_id=clinic_id, address=address
        )
    )
    return private_instance(request, body)
