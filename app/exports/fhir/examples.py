"""OpenAPI examples of the FHIR export, made by the real mappings from the seed catalog
and the other domains' examples."""

from __future__ import annotations

import uuid
from functools import cache
from typing import TypeVar

from app.catalog.exercises import examples as catalog_examples
from app.catalog.exercises.models import ExercisePublic
from app.exports.fhir import (
    bundles,
    capability,
    conformance,
    definitions,
    measures,
    narrative,
    records,
)
from app.exports.fhir.resources import (
    ActivityDefinition,
    AnyResource,
    Bundle,
    CapabilityStatement,
    CarePlan,
    CodeSystem,
    Observation,
    OperationOutcome,
    Patient,
    PlanDefinition,
    Questionnaire,
    QuestionnaireResponse,
    StructureDefinition,
)
from app.logbook.sessions import examples as session_examples
from app.logbook.sessions.models import SessionPublic
from app.outcomes.instruments.definitions import INSTRUMENTS
from app.outcomes.measures import examples as measure_examples
from app.outcomes.measures.models import AnswerPublic
from app.training.routines import examples as routine_examples
from app.training.routines.models import RoutinePublic
from app.training.self_checks import examples as assessment_examples
from app.training.self_checks.models import AssessmentPublic
from app.users import examples as user_examples
from app.users.models import UserPublic

R = TypeVar("R", Patient, Observation)

BASE = "https://api.example.org/api/v1/fhir"


@cache
def activity_definition() -> ActivityDefinition:
    exercise = ExercisePublic.model_validate(catalog_examples.exercise())
    return narrative.narrated(definitions.activity_definition(exercise))


def activity_definitions() -> Bundle:
    exercise = ExercisePublic.model_validate(catalog_examples.exercise())
    return bundles.searchset(
        BASE,
        f"{BASE}/ActivityDefinition",
        [activity_definition()],
        last_updated=exercise.updated_at,
    )


def _first_versions(routine: RoutinePublic) -> dict[str, int]:
    """The exercises a routine names, each at the catalog's first revision."""
    return {item.exercise: 1 for item in routine.items}


@cache
def plan_definition() -> PlanDefinition:
    template = routine_examples.routine_view().model_copy(update={"is_template": True})
    return narrative.narrated(definitions.plan_definition(template, _first_versions(template)))


def plan_definitions() -> Bundle:
    template = routine_examples.routine_view()
    return bundles.searchset(
        BASE, f"{BASE}/PlanDefinition", [plan_definition()], last_updated=template.updated_at
    )


def _patient() -> UserPublic:
    return UserPublic.model_validate(user_examples.user())


def _first_version(resource: R) -> R:
    """A record read back at its first revision, as the service versions a Patient and a
    self-check (their public models carry no revision)."""
    resource["meta"]["versionId"] = "1"
    return resource


def care_plan() -> CarePlan:
    routine = routine_examples.routine_view()
    return narrative.narrated(records.care_plan(routine, _patient().id, _first_versions(routine)))


def everything() -> Bundle:
    user = _patient()
    routine = routine_examples.routine_view()
    logged = SessionPublic.model_validate(session_examples.session())
    check = AssessmentPublic.model_validate(assessment_examples.assessment())
    resources: list[AnyResource] = [
        _first_version(records.patient(user)),
        records.care_plan(routine, user.id, _first_versions(routine)),
        *records.session_observations(logged, user.id, {routine.id}, {}),
        _first_version(records.self_check(check, user.id)),
    ]
    return bundles.searchset(
        BASE,
        f"{BASE}/Patient/{user.id}/$everything",
        [narrative.narrated(r) for r in resources],
        last_updated=max(user.updated_at, logged.updated_at),
        timestamp=logged.updated_at,
    )


def capability_statement() -> CapabilityStatement:
    return capability.capability_statement(BASE, clinic=False)


def outcome() -> OperationOutcome:
    return {
        "resourceType": "OperationOutcome",
        "issue": [
            {
                "severity": "error",
                "code": "not-found",
                "details": {
                    "coding": [{"system": "https://medius.dev/problems", "code": "not-found"}],
                    "text": "Not Found",
                },
                "diagnostics": f"No Patient/{uuid.UUID(int=7)} you may read.",
            }
        ],
    }


def patient() -> Patient:
    return narrative.narrated(_first_version(records.patient(_patient())))


def observation() -> Observation:
    logged = SessionPublic.model_validate(session_examples.session())
    routine = routine_examples.routine_view()
    panel = records.session_observations(logged, _patient().id, {routine.id}, {})[0]
    return narrative.narrated(panel)


def structure_definition() -> StructureDefinition:
    return conformance.structure_definitions()[0]


def structure_definitions() -> Bundle:
    found = conformance.structure_definitions()
    return bundles.searchset(
        BASE, f"{BASE}/StructureDefinition", found, last_updated=conformance.DEFINITIONS_DATE
    )


def questionnaire() -> Questionnaire:
    return narrative.narrated(
        measures.questionnaire(INSTRUMENTS["psfs"], conformance.DEFINITIONS_DATE)
    )


def questionnaire_response() -> QuestionnaireResponse:
    answer = AnswerPublic.model_validate(measure_examples.answer())
    return narrative.narrated(
        measures.questionnaire_response(answer, INSTRUMENTS["psfs"], _patient().id)
    )


def questionnaires() -> Bundle:
    found = [
        narrative.narrated(
            measures.questionnaire(INSTRUMENTS["night-pain"], conformance.DEFINITIONS_DATE)
        )
    ]
    return bundles.searchset(
        BASE, f"{BASE}/Questionnaire", found, last_updated=conformance.DEFINITIONS_DATE
    )


def _code_systems() -> list[CodeSystem]:
    exercise = ExercisePublic.model_validate(catalog_examples.exercise())
    return conformance.code_systems(
        [(exercise.slug, exercise.name)],
        [("band", "Resistance band")],
        catalog_version="1",
        catalog_updated=exercise.updated_at,
    )


def code_system() -> CodeSystem:
    return next(c for c in _code_systems() if c["id"] == "set-component")


def code_systems() -> Bundle:
    found = _code_systems()
    return bundles.searchset(
        BASE, f"{BASE}/CodeSystem", found, last_updated=conformance.DEFINITIONS_DATE
    )
