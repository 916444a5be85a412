"""`/api/v1/fhir`: the catalog as ActivityDefinitions and PlanDefinitions (public, cached
per catalog revision like every catalog read) and a patient's own data ($everything,
CarePlan), all as `application/fhir+json`; errors as OperationOutcomes
(app/exports/fhir/outcome.py)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from starlette.responses import JSONResponse, Response

from app.care.team.access import ClinicID
from app.catalog.live.deps import CatalogDep
from app.core.caching import CACHE_NOTE, CONDITIONAL_READ, PUBLIC_CACHE_HEADERS, public_json
from app.core.config import Settings
from app.core.deps import SessionDep, SettingsDep, client_address
from app.core.examples import ExampleFactory, lazy_example
from app.core.responses import API_PREFIX, respond, to_bytes
from app.exports.fhir import definitions, examples, resources, service
from app.exports.fhir.codes import FHIR_MEDIA_TYPE
from app.exports.fhir.models import (
    FHIR_ID_PATTERN,
    ActivityDefinition,
    Bundle,
    CarePlan,
    FhirResource,
    OperationOutcome,
    PlanDefinition,
)
from app.users.auth import SignedIn

router = APIRouter(prefix="/fhir", tags=["fhir"])


class FhirResponse(JSONResponse):
    """Declares the routes' media type (and, being JSON, their models' schemas) in OpenAPI;
    the routes answer through `respond` and `public_json` with the same type."""

    media_type = FHIR_MEDIA_TYPE


def _id(description: str, example: str) -> Any:
    return Path(
        min_length=1,
        max_length=64,
        pattern=FHIR_ID_PATTERN,
        description=description,
        examples=[example],
    )


ActivityDefinitionId = Annotated[
    str, _id("The ActivityDefinition's id: the exercise's slug.", "clamshell")
]
PlanDefinitionId = Annotated[
    str, _id("The PlanDefinition's id: the template's id.", "6f8d3f7c-0e4a-5a3e-9a51-2b1c0c2f0b11")
]
PatientId = Annotated[
    str, _id("The Patient's id: the user's id.", "3fa85f64-5717-4562-b3fc-2c963f66afa6")
]
CarePlanId = Annotated[
    str, _id("The CarePlan's id: the routine's id.", "0b7e7c52-51f4-4f0e-9a3c-6f3c2b1d9e47")
]

ERROR_DETAIL = {
    400: "The query string is not valid UTF-8.",
    401: "Sign in first: send `Authorization: Bearer <access token>`.",
    403: "The patient has granted you none of the scopes the FHIR export reads.",
    404: "No such resource, or not one you may read.",
    406: "Send Accept: application/fhir+json (or application/json).",
    422: "query.limit: Input should be less than or equal to 100",
    500: "An unexpected error occurred; it has been logged.",
}
PUBLIC_ERRORS = (400, 404, 406, 422, 500)
PATIENT_ERRORS = (400, 401, 404, 406, 422, 500)


def _outcome_example(status: int) -> ExampleFactory:
    def example() -> resources.OperationOutcome:
        body = examples.outcome()
        body["issue"][0]["diagnostics"] = ERROR_DETAIL[status]
        return body

    example.__qualname__ = f"outcome_{status}"
    return example


def fhir_answers(
    example: ExampleFactory, errors: tuple[int, ...], *, public: bool = False
) -> dict[int | str, dict[str, Any]]:
    """`responses=` of a FHIR operation: its 200 (and 304 when cached publicly) and its
    errors, every one an OperationOutcome as `application/fhir+json`."""
    ok: dict[str, Any] = {
        "description": "The resource, as application/fhir+json",
        "content": {FHIR_MEDIA_TYPE: {"example": lazy_example(example)}},
    }
    answers: dict[int | str, dict[str, Any]] = {200: ok}
    if public:
        ok["headers"] = PUBLIC_CACHE_HEADERS
        answers[304] = {
            "description": "Not Modified: the `If-None-Match` ETag is current; no body.",
            "headers": PUBLIC_CACHE_HEADERS,
        }
    for status in errors:
        answers[status] = {
            "model": OperationOutcome,
            "description": f"OperationOutcome ({status})",
            "content": {FHIR_MEDIA_TYPE: {"example": lazy_example(_outcome_example(status))}},
        }
    return answers


def fhir_base(settings: Settings) -> str:
    """The FHIR base every `fullUrl` is built on (PUBLIC_BASE_URL, not the Host header)."""
    return f"{settings.public_url}{API_PREFIX}/fhir"


def _public(request: Request, body: resources.Answer, settings: Settings) -> Response:
    return public_json(
        request, to_bytes(body), settings.catalog_max_age, media_type=FHIR_MEDIA_TYPE
    )


PUBLIC_NOTE = (
    " Public like the catalog: no sign-in, answered from memory until the catalog "
    "changes." + CACHE_NOTE
)


CAPABILITY_DESCRIPTION = (
    "The FHIR CapabilityStatement of this base: FHIR 4.3.0 (R4B), JSON, the resources and "
    "interactions served and who may read them. FHIR clients read it first."
)


@router.get(
    "/metadata",
    summary="What the FHIR base serves (CapabilityStatement)",
    description=CAPABILITY_DESCRIPTION + CACHE_NOTE,
    dependencies=CONDITIONAL_READ,
    response_model=FhirResource,
    response_class=FhirResponse,
    responses=fhir_answers(examples.capability_statement, PUBLIC_ERRORS, public=True),
)
def fhir_metadata(request: Request, settings: SettingsDep) -> Response:
    body = definitions.capability_statement(fhir_base(settings), clinic=False)
    return _public(request, body, settings)


@router.get(
    "/ActivityDefinition",
    summary="Every exercise as a FHIR ActivityDefinition",
    description="The catalog's exercises as a FHIR R4B `searchset` Bundle of "
    "ActivityDefinitions: id = the exercise's slug, canonical `url` "
    "`https://medius.dev/fhir/ActivityDefinition/<slug>`, the steps and cues in `usage`, "
    'Medius\' default dosage in the `exercise-dosage` extension (README "FHIR").' + PUBLIC_NOTE,
    dependencies=CONDITIONAL_READ,
    response_model=Bundle,
    response_class=FhirResponse,
    responses=fhir_answers(examples.activity_definitions, PUBLIC_ERRORS, public=True),
)
def list_activity_definitions(
    request: Request, session: SessionDep, settings: SettingsDep
) -> Response:
    return _public(request, service.activity_definitions(session, fhir_base(settings)), settings)


@router.get(
    "/ActivityDefinition/{slug}",
    summary="One exercise as a FHIR ActivityDefinition",
    description="One exercise as an ActivityDefinition. A removed exercise still answers, "
    "with `status: retired`, so the CarePlans and sessions that name it resolve." + PUBLIC_NOTE,
    dependencies=CONDITIONAL_READ,
    response_model=ActivityDefinition,
    response_class=FhirResponse,
    responses=fhir_answers(examples.activity_definition, PUBLIC_ERRORS, public=True),
)
def get_activity_definition(
    request: Request, slug: ActivityDefinitionId, session: SessionDep, settings: SettingsDep
) -> Response:
    return _public(request, service.activity_definition(session, slug), settings)


@router.get(
    "/PlanDefinition",
    summary="Every public template as a FHIR PlanDefinition",
    description="The public routine templates as a `searchset` Bundle of PlanDefinitions: one "
    "action per item, in order, each naming its exercise's ActivityDefinition "
    "(`definitionCanonical`) with the item's dosage (`exercise-dosage` extension) and the "
    "template's sessions per week (`timingTiming`)." + PUBLIC_NOTE,
    dependencies=CONDITIONAL_READ,
    response_model=Bundle,
    response_class=FhirResponse,
    responses=fhir_answers(examples.plan_definitions, PUBLIC_ERRORS, public=True),
)
def list_plan_definitions(
    request: Request, session: SessionDep, settings: SettingsDep, catalog: CatalogDep
) -> Response:
    body = service.plan_definitions(session, catalog, fhir_base(settings))
    return _public(request, body, settings)


@router.get(
    "/PlanDefinition/{template_id}",
    summary="One public template as a FHIR PlanDefinition",
    description="One template (its id as in `GET /routines?template=true`) as a "
    "PlanDefinition." + PUBLIC_NOTE,
    dependencies=CONDITIONAL_READ,
    response_model=PlanDefinition,
    response_class=FhirResponse,
    responses=fhir_answers(examples.plan_definition, PUBLIC_ERRORS, public=True),
)
def get_plan_definition(
    request: Request,
    template_id: PlanDefinitionId,
    session: SessionDep,
    settings: SettingsDep,
    catalog: CatalogDep,
) -> Response:
    return _public(request, service.plan_definition(session, catalog, template_id), settings)


EVERYTHING_DESCRIPTION = (
    "A `searchset` Bundle of the Patient, their routines as CarePlans, their sessions as "
    "Observations (one Physical Activity panel per session with one member per exercise; "
    "every set's reps/steps/hold, side, load, effort and pain (LOINC 72514-3) as components) "
    "and their self-checks as Observations."
)
CARE_PLAN_DESCRIPTION = (
    "One of the patient's routines as a CarePlan: one activity per item, in order, each "
    "naming its exercise's ActivityDefinition (`instantiatesCanonical`) with the prescribed "
    "dosage: sets, reps or steps, hold, rest and side in the `exercise-dosage` extension, "
    "sessions per week in `scheduledTiming`."
)
CLINIC_NOTE = (
    " This is the clinic's FHIR base: readable by a clinician of the clinic whose active care "
    "relationship covers the patient, within the scopes the patient granted (CarePlans: "
    "`prescribe` or `sessions`; session Observations: `sessions`; self-checks: "
    "`self_checks`); each read is written to the patient's access log. No such relationship "
    "is 404, as an unknown patient; one granting none of those scopes is 403."
)


@router.get(
    "/Patient/{patient_id}/$everything",
    summary="Everything about you, as a FHIR Bundle",
    description=EVERYTHING_DESCRIPTION + " Readable by the patient (their own user id); anyone "
    "else's id is 404, as an unknown one. Clinicians read it at their clinic's base, "
    "`/api/v1/clinics/{clinic_id}/fhir`.",
    response_model=Bundle,
    response_class=FhirResponse,
    responses=fhir_answers(examples.everything, PATIENT_ERRORS),
)
async def patient_everything(
    patient_id: PatientId, unit: SignedIn, catalog: CatalogDep, settings: SettingsDep
) -> Response:
    body = await unit.run(service.everything, patient_id, catalog, fhir_base(settings))
    return respond(body, media_type=FHIR_MEDIA_TYPE)


@router.get(
    "/CarePlan/{care_plan_id}",
    summary="One of your routines as a FHIR CarePlan",
    description=CARE_PLAN_DESCRIPTION + " Readable by the patient; another's routine is 404.",
    response_model=CarePlan,
    response_class=FhirResponse,
    responses=fhir_answers(examples.care_plan, PATIENT_ERRORS),
)
async def get_care_plan(care_plan_id: CarePlanId, unit: SignedIn, catalog: CatalogDep) -> Response:
    body = await unit.run(service.care_plan, care_plan_id, catalog)
    return respond(body, media_type=FHIR_MEDIA_TYPE)


# The same reads at a clinic's FHIR base, for its clinicians (README "FHIR").
clinic_router = APIRouter(prefix="/clinics/{clinic_id}/fhir", tags=["fhir"])
CLINIC_ERRORS = (*PATIENT_ERRORS, 403)


def clinic_base(settings: Settings, clinic_id: uuid.UUID) -> str:
    return f"{settings.public_url}{API_PREFIX}/clinics/{clinic_id}/fhir"


@clinic_router.get(
    "/metadata",
    summary="What a clinic's FHIR base serves (CapabilityStatement)",
    description=CAPABILITY_DESCRIPTION + " Public: it says nothing of the clinic." + CACHE_NOTE,
    dependencies=CONDITIONAL_READ,
    response_model=FhirResource,
    response_class=FhirResponse,
    responses=fhir_answers(examples.capability_statement, PUBLIC_ERRORS, public=True),
)
def clinic_fhir_metadata(clinic_id: ClinicID, request: Request, settings: SettingsDep) -> Response:
    body = definitions.capability_statement(clinic_base(settings, clinic_id), clinic=True)
    return _public(request, body, settings)


@clinic_router.get(
    "/Patient/{patient_id}/$everything",
    summary="Everything about a patient in your care, as a FHIR Bundle",
    description=EVERYTHING_DESCRIPTION + CLINIC_NOTE,
    response_model=Bundle,
    response_class=FhirResponse,
    responses=fhir_answers(examples.everything, CLINIC_ERRORS),
)
async def clinic_patient_everything(
    clinic_id: ClinicID,
    patient_id: PatientId,
    request: Request,
    unit: SignedIn,
    catalog: CatalogDep,
    settings: SettingsDep,
) -> Response:
    body = await unit.run(
        service.everything,
        patient_id,
        catalog,
        clinic_base(settings, clinic_id),
        clinic_id,
        client_address(request),
    )
    return respond(body, media_type=FHIR_MEDIA_TYPE)


@clinic_router.get(
    "/CarePlan/{care_plan_id}",
    summary="A routine of a patient in your care, as a FHIR CarePlan",
    description=CARE_PLAN_DESCRIPTION + CLINIC_NOTE,
    response_model=CarePlan,
    response_class=FhirResponse,
    responses=fhir_answers(examples.care_plan, CLINIC_ERRORS),
)
async def clinic_get_care_plan(
    clinic_id: ClinicID,
    care_plan_id: CarePlanId,
    request: Request,
    unit: SignedIn,
    catalog: CatalogDep,
) -> Response:
    body = await unit.run(
        service.care_plan, care_plan_id, catalog, clinic_id, client_address(request)
    )
    return respond(body, media_type=FHIR_MEDIA_TYPE)
