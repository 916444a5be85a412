"""The FHIR reads of what is public: the catalog's exercises (ActivityDefinition), the
routine templates (PlanDefinition), Medius' profiles (StructureDefinition), the outcome
instruments (Questionnaire) and the code systems. Nothing here reads a patient's data:
these answers are the same for every caller and cached per catalog revision."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import TypeVar

from sqlmodel import Session

from app.catalog.exercises import repository as catalog_repository
from app.catalog.exercises.service import as_public as exercise_public
from app.catalog.live.snapshot import CatalogSpecs
from app.core.errors import NotFound
from app.exports.fhir import conformance, definitions, ids, measures, narrative, repository
from app.exports.fhir.resources import (
    ActivityDefinition,
    AnyResource,
    Bundle,
    CodeSystem,
    PlanDefinition,
    Questionnaire,
    StructureDefinition,
)
from app.exports.fhir.search import Query, searchset
from app.outcomes.instruments import service as instruments_service
from app.outcomes.instruments.definitions import INSTRUMENTS
from app.training.routines import service as routines_service
from app.training.routines.models import Routine, RoutinePublic

R = TypeVar("R", StructureDefinition, CodeSystem)


def _record_id(value: str, resource_type: str) -> uuid.UUID:
    """A FHIR id naming a Medius record: a UUID, else no such resource (404, not 422)."""
    parsed = ids.record_uuid(value)
    if parsed is None:
        raise NotFound(f"No {resource_type}/{value}.")
    return parsed


def latest(times: Sequence[datetime]) -> datetime | None:
    return max(times, default=None)


def last_updated(resource: AnyResource) -> datetime:
    """When a built resource last changed (its `meta.lastUpdated`)."""
    return datetime.fromisoformat(resource["meta"]["lastUpdated"])


def routine_models(
    session: Session, rows: Sequence[Routine], catalog: CatalogSpecs
) -> list[RoutinePublic]:
    return routines_service.as_models(routines_service.as_public(session, rows, catalog))


def _one(found: Sequence[R], resource_type: str, key: str) -> R:
    if not found:
        raise NotFound(f"No {resource_type}/{key}.")
    return found[0]


def _activity_definitions(session: Session) -> list[ActivityDefinition]:
    exercises = [exercise_public(row) for row in catalog_repository.all_exercises(session)]
    return [narrative.narrated(definitions.activity_definition(e)) for e in exercises]


def activity_definitions(session: Session, base: str, query: Query) -> Bundle:
    found = _activity_definitions(session)
    updated = latest([last_updated(d) for d in found])
    return searchset(base, f"{base}/ActivityDefinition", found, query, last_updated=updated)


def activity_definition(session: Session, slug: str) -> ActivityDefinition:
    """A removed exercise still answers, `retired`: CarePlans and sessions may name it."""
    row = repository.exercise_any(session, slug) if ids.is_fhir_id(slug) else None
    if row is None:
        raise NotFound(f"No ActivityDefinition/{slug}.")
    resource = definitions.activity_definition(
        exercise_public(row), retired=row.deleted_at is not None
    )
    return narrative.narrated(resource)


def plan_definitions(session: Session, catalog: CatalogSpecs, base: str, query: Query) -> Bundle:
    templates = routine_models(session, repository.templates(session), catalog)
    exercises = repository.exercise_versions(session)
    found = [narrative.narrated(definitions.plan_definition(t, exercises)) for t in templates]
    updated = latest([t.updated_at for t in templates])
    return searchset(base, f"{base}/PlanDefinition", found, query, last_updated=updated)


def plan_definition(session: Session, catalog: CatalogSpecs, template_id: str) -> PlanDefinition:
    row = repository.template(session, _record_id(template_id, "PlanDefinition"))
    if row is None:
        raise NotFound(f"No PlanDefinition/{template_id}.")
    (template,) = routine_models(session, [row], catalog)
    exercises = repository.exercise_versions(session)
    return narrative.narrated(definitions.plan_definition(template, exercises))


def structure_definitions(base: str, query: Query) -> Bundle:
    found = conformance.structure_definitions()
    return searchset(
        base,
        f"{base}/StructureDefinition",
        found,
        query,
        last_updated=conformance.DEFINITIONS_DATE,
    )


def structure_definition(definition_id: str) -> StructureDefinition:
    found = [d for d in conformance.structure_definitions() if d["id"] == definition_id]
    return _one(found, "StructureDefinition", definition_id)


def _questionnaire(instrument_id: str) -> Questionnaire:
    instrument = instruments_service.get(instrument_id)
    return narrative.narrated(measures.questionnaire(instrument, conformance.DEFINITIONS_DATE))


def questionnaires(base: str, query: Query) -> Bundle:
    """Every outcome instrument as a Questionnaire (definitions: public, like the catalog's)."""
    found = [_questionnaire(i) for i in sorted(INSTRUMENTS)]
    return searchset(
        base, f"{base}/Questionnaire", found, query, last_updated=conformance.DEFINITIONS_DATE
    )


def questionnaire(instrument_id: str) -> Questionnaire:
    if instrument_id not in INSTRUMENTS:
        raise NotFound(f"No Questionnaire/{instrument_id}.")
    return _questionnaire(instrument_id)


def _code_systems(session: Session) -> list[CodeSystem]:
    revision = catalog_repository.catalog_revision(session)
    return conformance.code_systems(
        repository.exercise_names(session),
        repository.equipment_names(session),
        catalog_version=str(revision.number),
        catalog_updated=max(revision.changed_at, conformance.DEFINITIONS_DATE),
    )


def code_systems(session: Session, base: str, query: Query) -> Bundle:
    found = _code_systems(session)
    updated = latest([last_updated(c) for c in found])
    return searchset(base, f"{base}/CodeSystem", found, query, last_updated=updated)


def code_system(session: Session, system_id: str) -> CodeSystem:
    found = [c for c in _code_systems(session) if c["id"] == system_id]
    return _one(found, "CodeSystem", system_id)
