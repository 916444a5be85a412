"""What a FHIR base serves, as its CapabilityStatement (`GET [base]/metadata`).

The one declaration of the interactions and search parameters: the routes serve what it
lists, the docs' table (docs/guides/integrations/fhir.md) is checked against it by
tests/exports/fhir/test_fhir_navigation.py, and a FHIR client reads it first.
"""

from __future__ import annotations

from app.exports.fhir import codes, narrative
from app.exports.fhir.definitions import PUBLISHER, canonical
from app.exports.fhir.resources import (
    CapabilityStatement,
    CapabilityStatementRestResource,
    CapabilityStatementRestResourceSearchParam,
)

EVERYTHING = "http://hl7.org/fhir/OperationDefinition/Patient-everything"
# The resource types of Medius' published definitions, searchable by id and canonical url.
DEFINITION_TYPES = (
    "ActivityDefinition",
    "PlanDefinition",
    "StructureDefinition",
    "CodeSystem",
    "Questionnaire",
)

DEFINITION_SEARCH: list[CapabilityStatementRestResourceSearchParam] = [
    {"name": "_id", "type": "token", "documentation": "Any of these ids (comma-separated)."},
    {
        "name": "url",
        "type": "uri",
        "documentation": "Canonical resolution: the definition with this canonical url "
        "(comma-separated: any of); `url|version` matches only that version.",
    },
    {
        "name": "_count",
        "type": "number",
        "documentation": "At most this many entries per page (at most 100); paging links "
        "in Bundle.link.",
    },
    {
        "name": "_summary",
        "type": "token",
        "documentation": "`count`: the total only. `true`, `text`, `data`: the resources "
        "whole, as `false` (not summarised).",
    },
]


def _definition(type_: str) -> CapabilityStatementRestResource:
    return {
        "type": type_,
        "interaction": [{"code": "read"}, {"code": "search-type"}],
        "versioning": "versioned",
        "conditionalRead": "not-match",
        "searchParam": DEFINITION_SEARCH,
    }


def _patient_data(type_: str, documentation: str) -> CapabilityStatementRestResource:
    return {
        "type": type_,
        "documentation": documentation,
        "interaction": [{"code": "read"}],
        "versioning": "versioned",
        "conditionalRead": "not-match",
    }


def capability_statement(base: str, *, clinic: bool) -> CapabilityStatement:
    """What this FHIR base serves (`GET [base]/metadata`, which FHIR clients read first)."""
    patient = _patient_data(
        "Patient",
        "$everything by GET or POST (a Parameters body); its `_count` pages the Bundle.",
    )
    patient["operation"] = [{"name": "everything", "definition": EVERYTHING}]
    resources = [
        patient,
        _patient_data("CarePlan", "A routine of the patient."),
        _patient_data(
            "Observation",
            "A session, one exercise of a session, a self-check, or an outcome measure's score.",
        ),
        _patient_data("QuestionnaireResponse", "An outcome measure answer, as given."),
    ]
    if not clinic:
        resources = [*(_definition(t) for t in DEFINITION_TYPES), *resources]
    who = (
        "a clinician whose active care relationship in this clinic covers the patient, "
        "within the scopes granted"
        if clinic
        else "the patient themselves (definitions: anyone)"
    )
    statement: CapabilityStatement = {
        "resourceType": "CapabilityStatement",
        "id": "medius-clinic" if clinic else "medius",
        "url": canonical("CapabilityStatement", "medius-clinic" if clinic else "medius"),
        "status": "active",
        "date": "2026-12-07",
        "publisher": PUBLISHER,
        "kind": "instance",
        "software": {"name": "Medius"},
        "implementation": {"description": "Medius FHIR R4B export", "url": base},
        "fhirVersion": codes.FHIR_VERSION,
        "format": ["json"],
        "rest": [
            {
                "mode": "server",
                "security": {
                    "description": "OAuth2 password flow bearer tokens (POST /api/v1/auth/token); "
                    f"patient data is readable by {who}."
                },
                "resource": resources,
            }
        ],
    }
    return narrative.narrated(statement)
