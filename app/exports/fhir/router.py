"""`/api/v1/fhir`: the catalog as ActivityDefinitions and PlanDefinitions and Medius' own
StructureDefinitions and CodeSystems (public, cached per catalog revision like every
catalog read), and a patient's own data (Patient, CarePlan, Observation, $everything), all
as `application/fhir+json`; errors as OperationOutcomes (app/exports/fhir/outcome.py). What
it serves is declared once, in its CapabilityStatement (app/exports/fhir/capability.py)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Depends, Request
from starlette.responses import Response

from app.catalog.live.deps import CatalogDep
from app.core.caching import CACHE_NOTE, CONDITIONAL_READ, PUBLIC_CACHE_HEADERS
from app.core.deps import SessionDep, SettingsDep
from app.exports.fhir import capability, definitions_service, examples, service
from app.exports.fhir.answers import (
    BODY_ERRORS,
    PATIENT_ERRORS,
    PRIVATE_INSTANCE_HEADERS,
    PUBLIC_ERRORS,
    PUBLIC_INSTANCE_HEADERS,
    FhirResponse,
    fhir_answers,
    fhir_base,
    private_bundle,
    private_instance,
    public_instance,
    public_search,
)
from app.exports.fhir.models import (
    ActivityDefinition,
    Bundle,
    CapabilityStatement,
    CarePlan,
    FhirResource,
    Parameters,
    PlanDefinition,
)
from app.exports.fhir.params import (
    CAPABILITY_DESCRIPTION,
    CARE_PLAN_DESCRIPTION,
    EVERYTHING_DESCRIPTION,
    EVERYTHING_POST,
    INSTANCE_NOTE,
    OBSERVATION_DESCRIPTION,
    OWN_PATIENT,
    PATIENT_DESCRIPTION,
    QUESTIONNAIRE_RESPONSE_DESCRIPTION,
    ActivityDefinitionId,
    CanonicalUrl,
    CarePlanId,
    CodeSystemId,
    Count,
    Ids,
    ObservationId,
    Offset,
    PatientId,
    PlanDefinitionId,
    QuestionnaireId,
    QuestionnaireResponseId,
    StructureDefinitionId,
    Summary,
    fhir_request,
)
from app.exports.fhir.search import Query
from app.users.auth import SignedIn

router = APIRouter(prefix="/fhir", tags=["fhir"], dependencies=[Depends(fhir_request)])

PUBLIC_NOTE = (
    " Public like the catalog: no sign-in, answered from memory until the catalog "
    "changes." + CACHE_NOTE
)
SEARCH_NOTE = (
    " Search parameters (as `/metadata` declares them): `_id`, `url` (canonical, "
    "`url|version`), `_count` (paging links in `Bundle.link`), `_summary=count` (the total "
    "only); others are ignored, or "
    "refused (400) under `Prefer: handling=strict`."
)


def _search_query(
    ids: Ids = None,
    url: CanonicalUrl = None,
    count: Count = None,
    summary: Summary = None,
    offset: Offset = 0,
) -> Query:
    """The search and result parameters `/metadata` declares, read once for every search."""
    return Query(ids=ids, url=url, count=count, offset=offset, summary=summary)


SearchQuery = Annotated[Query, Depends(_search_query)]


@router.get(
    "/metadata",
    summary="What the FHIR base serves (CapabilityStatement)",
    description=CAPABILITY_DESCRIPTION + CACHE_NOTE,
    response_model=CapabilityStatement,
    responses=fhir_answers(
        CapabilityStatement,
        examples.capability_statement,
        PUBLIC_ERRORS,
        headers=PUBLIC_CACHE_HEADERS,
    ),
    dependencies=CONDITIONAL_READ,
    response_class=FhirResponse,
)
def fhir_metadata(request: Request, settings: SettingsDep) -> Response:
    body = capability.capability_statement(fhir_base(settings), clinic=False)
    return public_search(request, body, settings)


@router.get(
    "/ActivityDefinition",
    summary="Search the exercises as FHIR ActivityDefinitions",
    description="The catalog's exercises as a FHIR R4B `searchset` Bundle of "
    "ActivityDefinitions: id = the exercise's slug, canonical `url` "
    "`https://medius.dev/fhir/ActivityDefinition/<slug>`, the steps and cues in `usage`, "
    "Medius' default dosage in the `exercise-dosage` extension (docs: guides/integrations/fhir.md)."
    + SEARCH_NOTE
    + PUBLIC_NOTE,
    response_model=Bundle,
    responses=fhir_answers(
        Bundle, examples.activity_definitions, PUBLIC_ERRORS, headers=PUBLIC_CACHE_HEADERS
    ),
    dependencies=CONDITIONAL_READ,
    response_class=FhirResponse,
)
def list_activity_definitions(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    query: SearchQuery,
) -> Response:
    return public_search(
        request,
        definitions_service.activity_definitions(session, fhir_base(settings), query),
        settings,
    )


@router.get(
    "/ActivityDefinition/{slug}",
    summary="One exercise as a FHIR ActivityDefinition",
    description="One exercise as an ActivityDefinition. A removed exercise still answers, "
    "with `status: retired`, so the CarePlans and sessions that name it resolve."
    + INSTANCE_NOTE
    + PUBLIC_NOTE,
    response_model=ActivityDefinition,
    responses=fhir_answers(
        ActivityDefinition,
        examples.activity_definition,
        PUBLIC_ERRORS,
        headers=PUBLIC_INSTANCE_HEADERS,
    ),
    dependencies=CONDITIONAL_READ,
    response_class=FhirResponse,
)
def get_activity_definition(
    request: Request, slug: ActivityDefinitionId, session: SessionDep, settings: SettingsDep
) -> Response:
    return public_instance(
        request, definitions_service.activity_definition(session, slug), settings
    )


@router.get(
    "/PlanDefinition",
    summary="Search the public templates as FHIR PlanDefinitions",
    description="The public routine templates as a `searchset` Bundle of PlanDefinitions: one "
    "action per item, in order, each naming its exercise's ActivityDefinition "
    "(`definitionCanonical`) with the item's dosage (`exercise-dosage` extension) and the "
    "template's sessions per week (`timingTiming`)." + SEARCH_NOTE + PUBLIC_NOTE,
    response_model=Bundle,
    responses=fhir_answers(
        Bundle, examples.plan_definitions, PUBLIC_ERRORS, headers=PUBLIC_CACHE_HEADERS
    ),
    dependencies=CONDITIONAL_READ,
    response_class=FhirResponse,
)
def list_plan_definitions(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    catalog: CatalogDep,
    query: SearchQuery,
) -> Response:
    body = definitions_service.plan_definitions(session, catalog, fhir_base(settings), query)
    return public_search(request, body, settings)


@router.get(
    "/PlanDefinition/{template_id}",
    summary="One public template as a FHIR PlanDefinition",
    description="One template (its id as in `GET /routines?template=true`) as a "
    "PlanDefinition." + INSTANCE_NOTE + PUBLIC_NOTE,
    response_model=PlanDefinition,
    responses=fhir_answers(
        PlanDefinition, examples.plan_definition, PUBLIC_ERRORS, headers=PUBLIC_INSTANCE_HEADERS
    ),
    dependencies=CONDITIONAL_READ,
    response_class=FhirResponse,
)
def get_plan_definition(
    request: Request,
    template_id: PlanDefinitionId,
    session: SessionDep,
    settings: SettingsDep,
    catalog: CatalogDep,
) -> Response:
    return public_instance(
        request, definitions_service.plan_definition(session, catalog, template_id), settings
    )


@router.get(
    "/StructureDefinition",
    summary="Search Medius' FHIR extensions (StructureDefinitions)",
    description="Every extension the export writes (`exercise-dosage`, `set-number`, "
    "`set-entry`, `time-zone`) as a StructureDefinition, so a validator can resolve them by "
    "canonical url." + SEARCH_NOTE + PUBLIC_NOTE,
    response_model=Bundle,
    responses=fhir_answers(
        Bundle, examples.structure_definitions, PUBLIC_ERRORS, headers=PUBLIC_CACHE_HEADERS
    ),
    dependencies=CONDITIONAL_READ,
    response_class=FhirResponse,
)
def list_structure_definitions(
    request: Request,
    settings: SettingsDep,
    query: SearchQuery,
) -> Response:
    return public_search(
        request, definitions_service.structure_definitions(fhir_base(settings), query), settings
    )


@router.get(
    "/StructureDefinition/{definition_id}",
    summary="One of Medius' FHIR extensions (StructureDefinition)",
    description="One extension's StructureDefinition." + INSTANCE_NOTE + PUBLIC_NOTE,
    response_model=FhirResource,
    responses=fhir_answers(
        FhirResource, examples.structure_definition, PUBLIC_ERRORS, headers=PUBLIC_INSTANCE_HEADERS
    ),
    dependencies=CONDITIONAL_READ,
    response_class=FhirResponse,
)
def get_structure_definition(
    request: Request, definition_id: StructureDefinitionId, settings: SettingsDep
) -> Response:
    return public_instance(
        request, definitions_service.structure_definition(definition_id), settings
    )


@router.get(
    "/Questionnaire",
    summary="Search the outcome instruments (Questionnaires)",
    description="Every outcome instrument (`GET /instruments`) as a Questionnaire: its items, "
    "the scoring and sources in `description`, the licence in `copyright`. An answer's "
    "QuestionnaireResponse names it by canonical url and version." + SEARCH_NOTE + PUBLIC_NOTE,
    response_model=Bundle,
    responses=fhir_answers(
        Bundle, examples.questionnaires, PUBLIC_ERRORS, headers=PUBLIC_CACHE_HEADERS
    ),
    dependencies=CONDITIONAL_READ,
    response_class=FhirResponse,
)
def list_questionnaires(request: Request, settings: SettingsDep, query: SearchQuery) -> Response:
    return public_search(
        request, definitions_service.questionnaires(fhir_base(settings), query), settings
    )


@router.get(
    "/Questionnaire/{questionnaire_id}",
    summary="One outcome instrument (Questionnaire)",
    description="One instrument's current version." + INSTANCE_NOTE + PUBLIC_NOTE,
    response_model=FhirResource,
    responses=fhir_answers(
        FhirResource, examples.questionnaire, PUBLIC_ERRORS, headers=PUBLIC_INSTANCE_HEADERS
    ),
    dependencies=CONDITIONAL_READ,
    response_class=FhirResponse,
)
def get_questionnaire(
    request: Request, questionnaire_id: QuestionnaireId, settings: SettingsDep
) -> Response:
    return public_instance(request, definitions_service.questionnaire(questionnaire_id), settings)


@router.get(
    "/CodeSystem",
    summary="Search Medius' FHIR code systems (CodeSystems)",
    description="Every Medius code system the export uses (exercises, equipment, set "
    "components, band levels, the self-check, pelvis drop, findings) with every code; the "
    "exercise and equipment systems follow the catalog (their version is its revision)."
    + SEARCH_NOTE
    + PUBLIC_NOTE,
    response_model=Bundle,
    responses=fhir_answers(
        Bundle, examples.code_systems, PUBLIC_ERRORS, headers=PUBLIC_CACHE_HEADERS
    ),
    dependencies=CONDITIONAL_READ,
    response_class=FhirResponse,
)
def list_code_systems(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    query: SearchQuery,
) -> Response:
    return public_search(
        request, definitions_service.code_systems(session, fhir_base(settings), query), settings
    )


@router.get(
    "/CodeSystem/{system_id}",
    summary="One of Medius' FHIR code systems (CodeSystem)",
    description="One code system with every code." + INSTANCE_NOTE + PUBLIC_NOTE,
    response_model=FhirResource,
    responses=fhir_answers(
        FhirResource, examples.code_system, PUBLIC_ERRORS, headers=PUBLIC_INSTANCE_HEADERS
    ),
    dependencies=CONDITIONAL_READ,
    response_class=FhirResponse,
)
def get_code_system(
    request: Request, system_id: CodeSystemId, session: SessionDep, settings: SettingsDep
) -> Response:
    return public_instance(request, definitions_service.code_system(session, system_id), settings)


@router.get(
    "/Patient/{patient_id}/$everything",
    summary="Everything about you, as a FHIR Bundle",
    description=EVERYTHING_DESCRIPTION + OWN_PATIENT,
    response_model=Bundle,
    response_class=FhirResponse,
    responses=fhir_answers(Bundle, examples.everything, PATIENT_ERRORS),
)
async def patient_everything(
    patient_id: PatientId,
    unit: SignedIn,
    catalog: CatalogDep,
    settings: SettingsDep,
    count: Count = None,
    offset: Offset = 0,
) -> Response:
    base = fhir_base(settings)
    query = Query(count=count, offset=offset)
    body = await unit.read(
        lambda db, caller: service.everything(
            db, caller, patient_id=patient_id, catalog=catalog, base=base, query=query
        )
    )
    return private_bundle(body)


@router.post(
    "/Patient/{patient_id}/$everything",
    summary="Everything about you, as a FHIR Bundle (POST)",
    description=EVERYTHING_DESCRIPTION + EVERYTHING_POST + OWN_PATIENT,
    response_model=Bundle,
    response_class=FhirResponse,
    responses=fhir_answers(Bundle, examples.everything, (*PATIENT_ERRORS, *BODY_ERRORS)),
)
async def patient_everything_by_post(
    patient_id: PatientId,
    request: Request,
    unit: SignedIn,
    catalog: CatalogDep,
    settings: SettingsDep,
    parameters: Annotated[Parameters | None, Body()] = None,
) -> Response:
    base = fhir_base(settings)
    query = service.operation_query(parameters, request.headers.get("prefer"))
    body = await unit.read(
        lambda db, caller: service.everything(
            db, caller, patient_id=patient_id, catalog=catalog, base=base, query=query
        )
    )
    return private_bundle(body)


@router.get(
    "/Patient/{patient_id}",
    summary="You, as a FHIR Patient",
    description=PATIENT_DESCRIPTION + INSTANCE_NOTE + OWN_PATIENT,
    dependencies=CONDITIONAL_READ,
    response_model=FhirResource,
    response_class=FhirResponse,
    responses=fhir_answers(
        FhirResource, examples.patient, PATIENT_ERRORS, headers=PRIVATE_INSTANCE_HEADERS
    ),
)
async def get_patient(patient_id: PatientId, request: Request, unit: SignedIn) -> Response:
    body = await unit.read(lambda db, caller: service.patient(db, caller, patient_id=patient_id))
    return private_instance(request, body)


@router.get(
    "/CarePlan/{care_plan_id}",
    summary="One of your routines as a FHIR CarePlan",
    description=CARE_PLAN_DESCRIPTION + INSTANCE_NOTE + " Readable by the patient; another's "
    "routine is 404.",
    dependencies=CONDITIONAL_READ,
    response_model=CarePlan,
    response_class=FhirResponse,
    responses=fhir_answers(
        CarePlan, examples.care_plan, PATIENT_ERRORS, headers=PRIVATE_INSTANCE_HEADERS
    ),
)
async def get_care_plan(
    care_plan_id: CarePlanId, request: Request, unit: SignedIn, catalog: CatalogDep
) -> Response:
    body = await unit.read(
        lambda db, caller: service.care_plan(db, caller, routine_id=care_plan_id, catalog=catalog)
    )
    return private_instance(request, body)


@router.get(
    "/Observation/{observation_id}",
    summary="One of your sessions, exercises or self-checks, as a FHIR Observation",
    description=OBSERVATION_DESCRIPTION + INSTANCE_NOTE + " Readable by the patient; "
    "another's is 404.",
    dependencies=CONDITIONAL_READ,
    response_model=FhirResource,
    response_class=FhirResponse,
    responses=fhir_answers(
        FhirResource, examples.observation, PATIENT_ERRORS, headers=PRIVATE_INSTANCE_HEADERS
    ),
)
async def get_observation(
    observation_id: ObservationId, request: Request, unit: SignedIn
) -> Response:
    body = await unit.read(
        lambda db, caller: service.observation(db, caller, observation_id=observation_id)
    )
    return private_instance(request, body)


@router.get(
    "/QuestionnaireResponse/{questionnaire_response_id}",
    summary="One of your outcome measure answers, as a FHIR QuestionnaireResponse",
    description=QUESTIONNAIRE_RESPONSE_DESCRIPTION + INSTANCE_NOTE + " Readable by the "
    "patient; another's is 404.",
    dependencies=CONDITIONAL_READ,
    response_model=FhirResource,
    response_class=FhirResponse,
    responses=fhir_answers(
        FhirResource,
        examples.questionnaire_response,
        PATIENT_ERRORS,
        headers=PRIVATE_INSTANCE_HEADERS,
    ),
)
async def get_questionnaire_response(
    questionnaire_response_id: QuestionnaireResponseId, request: Request, unit: SignedIn
) -> Response:
    body = await unit.read(
        lambda db, caller: service.questionnaire_response(db, caller, questionnaire_response_id)
    )
    return private_instance(request, body)
