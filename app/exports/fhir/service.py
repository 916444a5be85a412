"""The FHIR reads of a patient's data (Patient, `$everything`, CarePlan, Observation,
QuestionnaireResponse): each under the reader's grant (`access`: the patient's own, or a
clinic's under the scopes the patient granted it), logged once, mapped with `records` and
`measures`, narrated. Answers are FHIR JSON (dicts); the router encodes them and sets their
ETags from `meta.versionId`. The public definitions are `definitions_service`'s."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session

from app.catalog.live.snapshot import CatalogSpecs
from app.core.errors import FieldError, Invalid, NotFound, ScopeNotGranted
from app.core.types import utcnow
from app.exports.account import repository as account_repository
from app.exports.fhir import (
    access,
    definitions_service,
    http,
    ids,
    measures,
    narrative,
    records,
    repository,
)
from app.exports.fhir.models import Parameters
from app.exports.fhir.params import MAX_OFFSET
from app.exports.fhir.resources import (
    AnyResource,
    Bundle,
    CarePlan,
    Observation,
    Patient,
    QuestionnaireResponse,
)
from app.exports.fhir.search import Query, searchset
from app.logbook.sessions import service as sessions_service
from app.logbook.sessions.models import WorkoutSession
from app.outcomes.instruments import service as instruments_service
from app.outcomes.instruments.models import Instrument
from app.outcomes.measures import results as measures_service
from app.outcomes.measures.models import AnswerPublic
from app.training.routines.models import Routine
from app.training.self_checks.models import Assessment
from app.training.self_checks.service import as_public as assessment_public
from app.users import repository as users_repository
from app.users import service as users_service
from app.users.models import Caller

SELF_CHECK_VERSION = "1"  # a self-check is never changed once recorded
# What `$everything`'s Parameters body may ask (the GET's query parameters).
OPERATION_PARAMETERS = frozenset({"_count", "_offset"})


def _reader(caller: Caller, clinic_id: uuid.UUID | None, address: str | None) -> access.Reader:
    return access.Reader(caller, clinic_id, address)


def _plan_rows(session: Session, grant: access.Grant) -> Sequence[Routine]:
    """The patient's routines the reader may read as CarePlans (none without the scope)."""
    if not grant.care_plans:
        return []
    if grant.access is None:
        return account_repository.routines_of(session, grant.patient_id)
    return repository.prescriptions_of(session, grant.patient_id, grant.access.clinic_id)


def _patient(session: Session, grant: access.Grant, patient_id: object) -> Patient:
    user = users_repository.get_user(session, grant.patient_id)
    if user is None:
        raise access.patient_not_found(patient_id)
    resource = records.patient(users_service.as_public(user))
    resource["meta"]["versionId"] = str(user.revision)
    return narrative.narrated(resource)


def _session_observations(
    session: Session, grant: access.Grant, rows: Sequence[WorkoutSession], plans: set[uuid.UUID]
) -> tuple[list[Observation], list[datetime]]:
    logged = sessions_service.as_models(sessions_service.as_public(session, rows))
    templates = repository.template_versions(session)
    found: list[Observation] = []
    for one in logged:
        found += records.session_observations(one, grant.patient_id, plans, templates)
    return [narrative.narrated(o) for o in found], [s.updated_at for s in logged]


def _self_check(row: Assessment, patient_id: uuid.UUID) -> Observation:
    resource = records.self_check(assessment_public(row), patient_id)
    resource["meta"]["versionId"] = SELF_CHECK_VERSION
    return narrative.narrated(resource)


def _measures(session: Session, grant: access.Grant) -> tuple[list[AnyResource], list[datetime]]:
    """Each answer's QuestionnaireResponse and score Observation (at a clinic: its own
    assignments only); the Questionnaires they name are served at the patient's base."""
    clinic_id = None if grant.access is None else grant.access.clinic_id
    answers = measures_service.answers_for_export(session, grant.patient_id, clinic_id)
    found: list[AnyResource] = []
    for answer in answers:
        instrument = instruments_service.get(answer.instrument_id)
        found.append(
            narrative.narrated(
                measures.questionnaire_response(answer, instrument, grant.patient_id)
            )
        )
        found.append(
            narrative.narrated(measures.score_observation(answer, instrument, grant.patient_id))
        )
    return found, [a.updated_at for a in answers]


def everything(
    session: Session,
    caller: Caller,
    patient_id: str,
    catalog: CatalogSpecs,
    base: str,
    query: Query,
    clinic_id: uuid.UUID | None = None,
    address: str | None = None,
) -> Bundle:
    """`Patient/{id}/$everything`: the Patient, then the CarePlans, session Observations
    and self-check Observations the reader's grant covers, as one searchset paged by
    `_count`. Read at a clinic's base when `clinic_id` is given (`address` goes to the
    access log)."""
    parsed = ids.record_uuid(patient_id)
    if parsed is None:
        raise access.patient_not_found(patient_id)
    grant = access.grant(session, _reader(caller, clinic_id, address), parsed)
    access.record(session, grant, "fhir:Patient/$everything")
    patient = _patient(session, grant, patient_id)
    found: list[AnyResource] = [patient]
    times = [definitions_service.last_updated(patient)]
    plans = definitions_service.routine_models(session, _plan_rows(session, grant), catalog)
    exercises = repository.exercise_versions(session)
    found += [narrative.narrated(records.care_plan(p, grant.patient_id, exercises)) for p in plans]
    times += [p.updated_at for p in plans]
    if grant.sessions:
        rows = account_repository.sessions_of(session, grant.patient_id)
        # basedOn names only a CarePlan the reader may read
        observations, changed = _session_observations(session, grant, rows, {p.id for p in plans})
        found += observations
        times += changed
    if grant.self_checks:
        checks = account_repository.assessments_of(session, grant.patient_id)
        found += [_self_check(row, grant.patient_id) for row in checks]
        times += [row.created_at for row in checks]
    if grant.measures:
        measured, changed = _measures(session, grant)
        found += measured
        times += changed
    return searchset(
        base,
        f"{base}/Patient/{grant.patient_id}/$everything",
        found,
        query,
        last_updated=definitions_service.latest(times),
        timestamp=utcnow(),
    )


def patient(
    session: Session,
    caller: Caller,
    patient_id: str,
    clinic_id: uuid.UUID | None = None,
    address: str | None = None,
) -> Patient:
    """`Patient/{id}`: under the same grant as `$everything` (any of its scopes)."""
    parsed = ids.record_uuid(patient_id)
    if parsed is None:
        raise access.patient_not_found(patient_id)
    grant = access.grant(session, _reader(caller, clinic_id, address), parsed)
    access.record(session, grant, f"fhir:Patient/{grant.patient_id}")
    return _patient(session, grant, patient_id)


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
    parsed = ids.record_uuid(routine_id)
    row = repository.owned_routine(session, parsed) if parsed is not None else None
    if row is None or row.owner_id is None:
        raise missing
    if clinic_id is not None and not access.prescribed_at(row, clinic_id):
        raise missing  # the patient's own routine or another clinic's: as an unknown id
    try:
        grant = access.grant(session, _reader(caller, clinic_id, address), row.owner_id)
    except NotFound:
        raise missing from None
    if not grant.care_plans:
        raise ScopeNotGranted(
            "The patient has granted you neither prescribe nor sessions: no CarePlans."
        )
    access.record(session, grant, f"fhir:CarePlan/{row.id}")
    (plan,) = definitions_service.routine_models(session, [row], catalog)
    exercises = repository.exercise_versions(session)
    return narrative.narrated(records.care_plan(plan, grant.patient_id, exercises))


def observation(
    session: Session,
    caller: Caller,
    observation_id: str,
    clinic_id: uuid.UUID | None = None,
    address: str | None = None,
) -> Observation:
    """`Observation/{id}`: a session's panel, one of its exercises, or a self-check, under
    the grant `$everything` would show it with (`sessions`, `self_checks`)."""
    missing = NotFound(f"No Observation/{observation_id} you may read.")
    key = ids.observation_key(observation_id)
    if key is None:
        raise missing
    logged = repository.live_session(session, key.record_id)
    check = None
    if logged is None and not key.member:
        check = repository.assessment(session, key.record_id)
    owner = logged.owner_id if logged is not None else check.owner_id if check is not None else None
    if owner is None and not key.member:
        return _score_observation(session, caller, key.record_id, clinic_id, address, missing)
    if owner is None:
        raise missing
    try:
        grant = access.grant(session, _reader(caller, clinic_id, address), owner)
    except NotFound:
        raise missing from None
    if logged is not None and not grant.sessions:
        raise ScopeNotGranted("The patient has not granted you sessions: no session Observations.")
    if check is not None and not grant.self_checks:
        raise ScopeNotGranted(
            "The patient has not granted you self_checks: no self-check Observations."
        )
    if logged is not None:
        plans = {row.id for row in _plan_rows(session, grant)}
        found, _changed = _session_observations(session, grant, [logged], plans)
    elif check is not None:
        found = [_self_check(check, grant.patient_id)]
    wanted = [o for o in found if o["id"] == observation_id]
    if not wanted:
        raise missing
    access.record(session, grant, f"fhir:Observation/{observation_id}")
    return wanted[0]


def _measure_answer(
    session: Session,
    caller: Caller,
    answer_id: uuid.UUID | None,
    clinic_id: uuid.UUID | None,
    address: str | None,
    missing: NotFound,
    resource: str,
) -> tuple[AnswerPublic, Instrument, access.Grant]:
    """An outcome measure answer under `measures` (logged as `resource`); at a clinic's base
    only an answer to that clinic's assignment (another's: as an unknown id)."""
    answer = None if answer_id is None else measures_service.exported_answer(session, answer_id)
    if answer is None or (clinic_id is not None and answer.clinic_id != clinic_id):
        raise missing
    try:
        grant = access.grant(session, _reader(caller, clinic_id, address), answer.patient_id)
    except NotFound:
        raise missing from None
    if not grant.measures:
        raise ScopeNotGranted("The patient has not granted you measures: no outcome measures.")
    access.record(session, grant, resource)
    return answer.public, instruments_service.get(answer.public.instrument_id), grant


def _score_observation(
    session: Session,
    caller: Caller,
    answer_id: uuid.UUID,
    clinic_id: uuid.UUID | None,
    address: str | None,
    missing: NotFound,
) -> Observation:
    """An outcome measure's score Observation (its id: the answer's)."""
    answer, instrument, grant = _measure_answer(
        session, caller, answer_id, clinic_id, address, missing, f"fhir:Observation/{answer_id}"
    )
    return narrative.narrated(measures.score_observation(answer, instrument, grant.patient_id))


def questionnaire_response(
    session: Session,
    caller: Caller,
    response_id: str,
    clinic_id: uuid.UUID | None = None,
    address: str | None = None,
) -> QuestionnaireResponse:
    """`QuestionnaireResponse/{id}`: an outcome measure answer as given, under `measures`."""
    missing = NotFound(f"No QuestionnaireResponse/{response_id} you may read.")
    answer_id = ids.record_uuid(response_id)
    answer, instrument, grant = _measure_answer(
        session,
        caller,
        answer_id,
        clinic_id,
        address,
        missing,
        f"fhir:QuestionnaireResponse/{answer_id}",
    )
    return narrative.narrated(measures.questionnaire_response(answer, instrument, grant.patient_id))


def operation_query(parameters: Parameters | None, prefer: str | None) -> Query:
    """An operation's `Parameters` body as the search it asks for: `_count` and `_offset`
    read; any other parameter ignored, or refused under `Prefer: handling=strict`."""
    values: dict[str, int] = {}
    unknown: list[str] = []
    for parameter in parameters.parameter if parameters is not None else []:
        value = next(
            (
                v
                for v in (
                    parameter.valueInteger,
                    parameter.valueUnsignedInt,
                    parameter.valuePositiveInt,
                )
                if v is not None
            ),
            None,
        )
        if parameter.name in OPERATION_PARAMETERS and value is not None:
            values[parameter.name] = value
        else:
            unknown.append(parameter.name)
    if unknown and http.strict(prefer):
        raise Invalid(
            f"Unsupported parameters under Prefer: handling=strict: {', '.join(unknown)}.",
            errors=[
                FieldError(["body", "parameter", name], "not supported", "unsupported_parameter")
                for name in unknown
            ],
        )
    return Query(count=values.get("_count"), offset=min(values.get("_offset", 0), MAX_OFFSET))
