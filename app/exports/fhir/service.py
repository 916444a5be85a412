"""The FHIR reads: load through the domains' repositories, map with `definitions` and
`records`, wrap in Bundles. Answers are FHIR JSON (dicts); the router encodes them."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session

from app.catalog.exercises import repository as catalog_repository
from app.catalog.exercises.service import as_public as exercise_public
from app.catalog.live.snapshot import CatalogSpecs
from app.core.errors import NotFound, ScopeNotGranted
from app.core.types import utcnow
from app.exports.account import repository as account_repository
from app.exports.fhir import access, bundles, definitions, records, repository
from app.exports.fhir.resources import (
    ActivityDefinition,
    AnyResource,
    Bundle,
    CarePlan,
    PlanDefinition,
)
from app.logbook.sessions import service as sessions_service
from app.training.routines import service as routines_service
from app.training.routines.models import Routine, RoutinePublic
from app.training.self_checks.service import as_public as assessment_public
from app.users import repository as users_repository
from app.users import service as users_service
from app.users.models import Caller


def _uuid(value: str, resource_type: str) -> uuid.UUID:
    """A FHIR id naming a Medius record: a UUID, else no such resource (404, not 422)."""
    try:
        return uuid.UUID(value)
    except ValueError:
        raise NotFound(f"No {resource_type}/{value}.") from None


def _latest(times: Sequence[datetime]) -> datetime | None:
    return max(times, default=None)


# --- the catalog: public, cached per catalog revision -------------------------------------


def activity_definitions(session: Session, base: str) -> Bundle:
    exercises = [exercise_public(row) for row in catalog_repository.all_exercises(session)]
    return bundles.searchset(
        base,
        f"{base}/ActivityDefinition",
        [definitions.activity_definition(e) for e in exercises],
        last_updated=_latest([e.updated_at for e in exercises]),
    )


def activity_definition(session: Session, slug: str) -> ActivityDefinition:
    """A removed exercise still answers, `retired`: CarePlans and sessions may name it."""
    row = repository.exercise_any(session, slug)
    if row is None:
        raise NotFound(f"No ActivityDefinition/{slug}.")
    return definitions.activity_definition(exercise_public(row), retired=row.deleted_at is not None)


def _routines(
    session: Session, rows: Sequence[Routine], catalog: CatalogSpecs
) -> list[RoutinePublic]:
    return routines_service.as_models(routines_service.as_public(session, rows, catalog))


def plan_definitions(session: Session, catalog: CatalogSpecs, base: str) -> Bundle:
    templates = _routines(session, repository.templates(session), catalog)
    exercises = repository.exercise_versions(session)
    return bundles.searchset(
        base,
        f"{base}/PlanDefinition",
        [definitions.plan_definition(t, exercises) for t in templates],
        last_updated=_latest([t.updated_at for t in templates]),
    )


def plan_definition(session: Session, catalog: CatalogSpecs, template_id: str) -> PlanDefinition:
    row = repository.template(session, _uuid(template_id, "PlanDefinition"))
    if row is None:
        raise NotFound(f"No PlanDefinition/{template_id}.")
    (template,) = _routines(session, [row], catalog)
    return definitions.plan_definition(template, repository.exercise_versions(session))


# --- a patient's data: private, read under a grant ------------------------------------------


def everything(
    session: Session,
    caller: Caller,
    patient_id: str,
    catalog: CatalogSpecs,
    base: str,
    clinic_id: uuid.UUID | None = None,
    address: str | None = None,
) -> Bundle:
    """`Patient/{id}/$everything`: the Patient, then the CarePlans, session Observations
    and self-check Observations the reader's grant covers, as one searchset. Read at a
    clinic's base when `clinic_id` is given (`address` goes to the access log)."""
    try:
        parsed = uuid.UUID(patient_id)
    except ValueError:
        raise access.patient_not_found(patient_id) from None
    grant = access.grant(session, access.Reader(caller, clinic_id, address), parsed)
    access.record(session, grant, "fhir:Patient/$everything")
    user = users_repository.get_user(session, grant.patient_id)
    if user is None:
        raise access.patient_not_found(patient_id)
    profile = users_service.as_public(user)
    resources: list[AnyResource] = [records.patient(profile)]
    times = [profile.updated_at]
    plans: list[RoutinePublic] = []
    if grant.care_plans:
        rows = (
            account_repository.routines_of(session, grant.patient_id)
            if grant.access is None
            else repository.prescriptions_of(session, grant.patient_id, grant.access.clinic_id)
        )
        plans = _routines(session, rows, catalog)
        exercises = repository.exercise_versions(session)
        resources += [records.care_plan(p, grant.patient_id, exercises) for p in plans]
        times += [p.updated_at for p in plans]
    if grant.sessions:
        logged = sessions_service.as_models(
            sessions_service.as_public(
                session, account_repository.sessions_of(session, grant.patient_id)
            )
        )
        own = {p.id for p in plans}  # basedOn names only a CarePlan the reader may read
        templates = repository.template_versions(session)
        for one in logged:
            resources += records.session_observations(one, grant.patient_id, own, templates)
        times += [s.updated_at for s in logged]
    if grant.self_checks:
        checks = [
            assessment_public(row)
            for row in account_repository.assessments_of(session, grant.patient_id)
        ]
        resources += [records.self_check(c, grant.patient_id) for c in checks]
        times += [c.created_at for c in checks]
    return bundles.searchset(
        base,
        f"{base}/Patient/{grant.patient_id}/$everything",
        resources,
        last_updated=_latest(times),
        timestamp=utcnow(),
    )


def care_plan(
    session: Session,
    caller: Caller,
    routine_id: str,
    catalog: CatalogSpecs,
    clinic_id: uuid.UUID | None = None,
    address: str | None = None,
) -> CarePlan:
    """`CarePlan/{id}`: a routine, if its owner is a patient the reader may read the care
    plans of (another's is 404, as an unknown one)."""
    missing = NotFound(f"No CarePlan/{routine_id} you may read.")
    row = repository.owned_routine(session, _uuid(routine_id, "CarePlan"))
    if row is None or row.owner_id is None:
        raise missing
    if clinic_id is not None and not access.prescribed_at(row, clinic_id):
        raise missing  # the patient's own routine or another clinic's: as an unknown id
    try:
        grant = access.grant(session, access.Reader(caller, clinic_id, address), row.owner_id)
    except NotFound:
        raise missing from None
    if not grant.care_plans:
        raise ScopeNotGranted(
            "The patient has granted you neither prescribe nor sessions: no CarePlans."
        )
    access.record(session, grant, f"fhir:CarePlan/{row.id}")
    (plan,) = _routines(session, [row], catalog)
    return records.care_plan(plan, grant.patient_id, repository.exercise_versions(session))
