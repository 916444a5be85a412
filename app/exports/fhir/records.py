"""A patient's own data in FHIR: Patient, CarePlans (routines), Observations (session
sets and self-checks).

Plain functions from the public models to FHIR R4B JSON (dicts), validated through
`fhir.resources` in the tests. One session becomes a Physical Activity IG panel (the
session: times, notes, the routine it followed) with one member Observation per exercise,
whose components carry every set: one component per figure, each marked with its set
number (docs/guides/integrations/fhir.md has the table).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Literal, NotRequired

from app.exports.fhir import codes, ids
from app.exports.fhir.definitions import (
    DosedItem,
    dosage_text,
    exercise_concept,
    item_dosage,
    pinned,
    weekly,
)
from app.exports.fhir.resources import (
    CarePlan,
    CarePlanActivity,
    CarePlanActivityDetail,
    CodeableConcept,
    Extension,
    Meta,
    Observation,
    ObservationComponent,
    Patient,
    Period,
    Quantity,
    Reference,
)
from app.logbook.sessions.models import EntryPublic, SessionPublic
from app.training.routines.models import RoutinePublic
from app.training.self_checks.models import AssessmentPublic
from app.users.models import UserPublic

WORKFLOW_CANONICAL = "http://hl7.org/fhir/StructureDefinition/workflow-instantiatesCanonical"


if TYPE_CHECKING:
    # Parts a resource is built from with `**`, for mypy only: closed (PEP 728: they hold no
    # other keys), so mypy knows a part brings no element the resource does not expect.
    # typing's TypedDict takes `closed` only from Python 3.15, hence typeshed's
    # typing_extensions, read by mypy alone (nothing here runs).
    from typing_extensions import TypedDict as _ClosedTypedDict

    class _Basis(_ClosedTypedDict, total=False, closed=True):
        """What a session's Observations say they followed: a CarePlan, or a template."""

        basedOn: list[Reference]
        extension: list[Extension]

    class _Effective(_ClosedTypedDict, total=False, closed=True):
        """When a session happened: an instant while it runs, a period once it has ended."""

        effectiveDateTime: str
        effectivePeriod: Period

    class _SessionCommon(_ClosedTypedDict, closed=True):
        """The elements a session's panel and its members share, in their order."""

        meta: Meta
        basedOn: NotRequired[list[Reference]]
        extension: NotRequired[list[Extension]]
        status: Literal["final", "amended"]
        category: list[CodeableConcept]
        subject: Reference
        effectiveDateTime: NotRequired[str]
        effectivePeriod: NotRequired[Period]
        performer: list[Reference]

    class _Figure(_ClosedTypedDict, total=False, closed=True):
        """One figure of a set: the `value[x]` of its component."""

        valueCodeableConcept: CodeableConcept
        valueQuantity: Quantity
        valueString: str


def reference(resource_type: str, resource_id: object) -> Reference:
    return {"reference": f"{resource_type}/{resource_id}"}


def patient(user: UserPublic) -> Patient:
    resource: Patient = {
        "resourceType": "Patient",
        "id": str(user.id),
        "meta": {"lastUpdated": codes.instant(user.updated_at)},
        "extension": [{"url": codes.TIME_ZONE_EXTENSION, "valueCode": user.time_zone}],
        "identifier": [{"system": codes.USER_ID_SYSTEM, "value": str(user.id)}],
        "active": True,
        "telecom": [{"system": "email", "value": user.email}],
    }
    if user.display_name:
        resource["name"] = [{"text": user.display_name}]
    return resource


def care_plan(
    routine: RoutinePublic, patient_id: uuid.UUID, exercises: Mapping[str, int]
) -> CarePlan:
    """A routine as the patient's CarePlan: one activity per item, in order, each naming
    its exercise's ActivityDefinition at its current version (`exercises`: revision by
    slug) and carrying the prescribed dosage; then, when the routine has a progression
    plan, the items of its weeks 2, 3, ... (`not-started`, the dosage extension naming the
    week)."""
    weeks = [week.week for week in routine.progression or []]
    last = max(weeks, default=None)

    def bounds(week: int) -> Period | None:
        return _week_bounds(routine.created_at, week, last) if last is not None else None

    current: list[CarePlanActivity] = [
        {"detail": _activity_detail(i, routine.sessions_per_week, exercises, bounds=bounds(1))}
        for i in routine.items
    ]
    planned: list[CarePlanActivity] = [
        {
            "detail": _activity_detail(
                item, routine.sessions_per_week, exercises, week.week, bounds=bounds(week.week)
            )
        }
        for week in routine.progression or []
        if week.week > 1
        for item in week.items
    ]
    resource: CarePlan = {
        "resourceType": "CarePlan",
        "id": str(routine.id),
        "meta": {
            "versionId": str(routine.revision),
            "lastUpdated": codes.instant(routine.updated_at),
        },
        "status": "active",
        "intent": "plan",
        "category": [codes.concept(codes.PA_CODES, "PhysicalActivity", "Physical Activity")],
        "title": routine.name,
        "subject": reference("Patient", patient_id),
        "period": {"start": codes.instant(routine.created_at)},
        "created": codes.instant(routine.created_at),
        "activity": [*current, *planned],
    }
    if routine.notes:
        resource["description"] = routine.notes
    return resource


def _week_bounds(start: datetime, week: int, last: int) -> Period:
    """When week `week` of a progression plan applies: seven days each from the plan's
    start, the last week open-ended (its dosage carries on), so no two weeks' dosages of
    one exercise overlap for a client reading the timing alone."""
    period: Period = {"start": codes.instant(start + timedelta(weeks=week - 1))}
    if week < last:
        period["end"] = codes.instant(start + timedelta(weeks=week))
    return period


def _activity_detail(
    item: DosedItem,
    sessions_per_week: int,
    exercises: Mapping[str, int],
    week: int | None = None,
    *,
    bounds: Period | None = None,
) -> CarePlanActivityDetail:
    timing = weekly(sessions_per_week)
    if bounds is not None:
        timing["repeat"]["boundsPeriod"] = bounds
    detail: CarePlanActivityDetail = {
        "extension": [item_dosage(item, week)],
        "kind": "ServiceRequest",
        "instantiatesCanonical": [
            pinned("ActivityDefinition", item.exercise, exercises.get(item.exercise))
        ],
        "code": exercise_concept(item.exercise),
        "status": "scheduled" if week is None else "not-started",
        "scheduledTiming": timing,
        "description": dosage_text(item) if week is None else f"Week {week}: {dosage_text(item)}",
    }
    if item.reason:
        detail["reasonCode"] = [{"text": item.reason}]
    return detail


def _effective(session: SessionPublic) -> _Effective:
    if session.ended_at is None:
        return {"effectiveDateTime": codes.instant(session.started_at)}
    return {
        "effectivePeriod": {
            "start": codes.instant(session.started_at),
            "end": codes.instant(session.ended_at),
        }
    }


def _session_common(session: SessionPublic, patient_id: uuid.UUID, plan: _Basis) -> _SessionCommon:
    return {
        "meta": {
            "versionId": str(session.revision),
            "lastUpdated": codes.instant(session.updated_at),
        },
        **plan,
        # A session changed after it was logged is `amended` (the IG's statuses).
        "status": "final" if session.revision == 1 else "amended",
        "category": codes.activity_categories(),
        "subject": reference("Patient", patient_id),
        **_effective(session),
        "performer": [reference("Patient", patient_id)],
    }


def session_observations(
    session: SessionPublic,
    patient_id: uuid.UUID,
    care_plans: set[uuid.UUID],
    templates: Mapping[uuid.UUID, int],
) -> list[Observation]:
    """The session's panel, then one Observation per exercise (in the order first logged).

    `care_plans` are the routines exported as CarePlans (`basedOn`); a session against a
    template names its PlanDefinition, at its version (`templates`: revision by id),
    through the workflow-instantiatesCanonical extension. A session without sets says why
    its panel has no members: `dataAbsentReason` not-performed.
    """
    plan: _Basis = {}
    if session.routine_id in care_plans:
        plan["basedOn"] = [reference("CarePlan", session.routine_id)]
    elif session.routine_id is not None and session.routine_id in templates:
        version = templates[session.routine_id]
        canonical_url = pinned("PlanDefinition", str(session.routine_id), version)
        plan["extension"] = [{"url": WORKFLOW_CANONICAL, "valueCanonical": canonical_url}]
    by_exercise: dict[str, list[tuple[int, EntryPublic]]] = {}
    for position, entry in enumerate(session.entries, start=1):
        by_exercise.setdefault(entry.exercise, []).append((position, entry))
    members: list[Observation] = [
        {
            "resourceType": "Observation",
            "id": ids.member_id(session.id, slug),
            **_session_common(session, patient_id, plan),
            "code": codes.concept(codes.LOINC, codes.EXERCISE_ACTIVITY_LOINC, "Exercise activity"),
            "valueCodeableConcept": exercise_concept(slug),
            "component": [c for n, entry in entries for c in set_components(n, entry)],
        }
        for slug, entries in by_exercise.items()
    ]
    panel: Observation = {
        "resourceType": "Observation",
        "id": str(session.id),
        **_session_common(session, patient_id, plan),
        "code": codes.concept(codes.PA_CODES, "PAPanel", "Physical Activity Panel"),
    }
    if session.notes:
        panel["note"] = [
            {
                "authorReference": reference("Patient", patient_id),
                "time": codes.instant(session.updated_at),
                "text": session.notes,
            }
        ]
    if members:
        panel["hasMember"] = [reference("Observation", m["id"]) for m in members]
    else:
        # A panel with neither members nor a value says nothing; FHIR's way to say that
        # nothing was measured, and why (obs-6 allows it exactly when there is no value).
        panel["dataAbsentReason"] = codes.concept(
            codes.DATA_ABSENT_REASON, "not-performed", "Not Performed"
        )
    return [panel, *members]


def _marks(position: int, entry: EntryPublic) -> list[Extension]:
    return [
        {"url": codes.SET_NUMBER_EXTENSION, "valuePositiveInt": entry.set_number},
        {"url": codes.SET_ENTRY_EXTENSION, "valuePositiveInt": position},
    ]


def _set_code(code: str) -> CodeableConcept:
    return codes.concept(codes.SET_COMPONENT_SYSTEM, code, codes.SET_COMPONENT_DISPLAY[code])


def set_components(position: int, entry: EntryPublic) -> Iterable[ObservationComponent]:
    """One set as components, one per figure, each marked with the set's number and its
    place among the session's sets (`position`)."""
    figures: list[tuple[CodeableConcept, _Figure]] = []
    if entry.side is not None:
        figures.append(
            (_set_code(codes.SIDE), {"valueCodeableConcept": codes.laterality(entry.side)})
        )
    if entry.reps is not None:
        figures.append(
            (_set_code(codes.REPS), {"valueQuantity": codes.count(entry.reps, "repetitions")})
        )
    if entry.steps is not None:
        figures.append(
            (_set_code(codes.STEPS), {"valueQuantity": codes.count(entry.steps, "steps")})
        )
    if entry.hold_seconds is not None:
        figures.append(
            (_set_code(codes.HOLD), {"valueQuantity": codes.seconds(entry.hold_seconds)})
        )
    if entry.load_band is not None:
        band = codes.concept(codes.BAND_SYSTEM, entry.load_band.value)
        figures.append((_set_code(codes.LOAD_BAND), {"valueCodeableConcept": band}))
    if entry.load_kg is not None:
        kilograms = codes.quantity(entry.load_kg, "kg", "kg")
        figures.append((_set_code(codes.LOAD_KG), {"valueQuantity": kilograms}))
    figures.append((codes.pain_concept(), {"valueQuantity": codes.score(entry.pain)}))
    figures.append((_set_code(codes.EFFORT), {"valueQuantity": codes.score(entry.effort)}))
    if entry.notes:
        figures.append((_set_code(codes.SET_NOTE), {"valueString": entry.notes}))
    marks = _marks(position, entry)
    return [{"extension": marks, "code": code, **value} for code, value in figures]


def _check_code(code: str, display: str) -> CodeableConcept:
    return codes.concept(codes.SELF_CHECK_SYSTEM, code, display)


def self_check(check: AssessmentPublic, patient_id: uuid.UUID) -> Observation:
    """A single-leg stance self-check: what was seen as components, then each finding as a
    component of its own: the sign, coded, observed (`valueBoolean` true), with the check's
    own wording as the concept's text.

    Not `Observation.interpretation`: that element grades a result (high, low, abnormal, ...)
    and is bound, extensibly, to HL7's ObservationInterpretation codes, which have none of
    these signs; the findings are what the check observed, as its other components are."""
    weak = check.interpretation.likely_weak_side.value
    weak_side: CodeableConcept = (
        codes.laterality(weak) if weak in codes.LATERALITY else {"text": "none"}
    )
    findings: list[ObservationComponent] = [
        {
            "code": {"coding": [codes.coding(codes.FINDING_SYSTEM, f.code)], "text": f.finding},
            "valueBoolean": True,
        }
        for f in check.interpretation.findings
    ]
    resource: Observation = {
        "resourceType": "Observation",
        "id": str(check.id),
        "meta": {"lastUpdated": codes.instant(check.created_at)},
        "status": "final",
        "category": [codes.concept(codes.OBSERVATION_CATEGORY, "exam", "Exam")],
        "code": _check_code("single-leg-stance", "Single-leg stance self-check"),
        "subject": reference("Patient", patient_id),
        "effectiveDateTime": codes.instant(check.created_at),
        "issued": codes.instant(check.created_at),
        "performer": [reference("Patient", patient_id)],
        "component": [
            {
                "code": _check_code("stance-leg", "Leg stood on"),
                "valueCodeableConcept": codes.laterality(check.stance_leg.value),
            },
            {
                "code": _check_code("pelvis-drop", "Drop of the other side's hip"),
                "valueCodeableConcept": codes.concept(
                    codes.PELVIS_DROP_SYSTEM, check.pelvis_drop.value
                ),
            },
            {
                "code": _check_code("knee-drifts-in", "Stance knee drifts toward the midline"),
                "valueBoolean": check.knee_drifts_in,
            },
            {
                "code": _check_code("trunk-lean", "Trunk leans toward the stance side"),
                "valueBoolean": check.trunk_lean,
            },
            {
                "code": _check_code("hold", "Stance held"),
                "valueQuantity": codes.seconds(check.hold_seconds),
            },
            {"code": codes.pain_concept(), "valueQuantity": codes.score(check.pain)},
            {
                "code": _check_code("likely-weak-side", "Likely weak side"),
                "valueCodeableConcept": weak_side,
            },
            *findings,
        ],
    }
    if check.notes:
        resource["note"] = [{"text": check.notes}]
    return resource
