"""The catalog in FHIR: each exercise an ActivityDefinition, each template a PlanDefinition.

Plain functions from the public models to FHIR R4B JSON (dicts): built for every read of
a revision once (the live catalog keeps the answers), validated through `fhir.resources`
in the tests. Medius' per-item dosage rides on the DOSAGE_EXTENSION wherever FHIR has no
element for sets and repetitions (docs/guides/integrations/fhir.md).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from app.catalog.exercises.models import ExercisePublic, Source
from app.catalog.planner.models import PlanItem
from app.core.vocabulary import DosageUnit
from app.exports.fhir import codes
from app.exports.fhir.resources import (
    ActivityDefinition,
    ActivityDefinitionParticipant,
    CodeableConcept,
    Extension,
    PlanDefinition,
    PlanDefinitionAction,
    RelatedArtifact,
    Timing,
)
from app.training.routines.models import RoutineItemPublic, RoutinePublic

# A routine's item, or an item of one week of its progression plan: the same dosage.
DosedItem = RoutineItemPublic | PlanItem

PUBLISHER = "Medius"


def canonical(resource_type: str, key: str) -> str:
    """A definition's canonical URL (its `url`), naming it whatever its version."""
    return f"{codes.MEDIUS_FHIR}/{resource_type}/{key}"


def pinned(resource_type: str, key: str, version: int | None) -> str:
    """A reference to a definition as `url|version`: a CarePlan or a plan's action means
    what the definition said at that version (FHIR canonical references, references.html).
    The version is the definition's `version` as served: its revision. Unknown (None):
    the canonical alone."""
    url = canonical(resource_type, key)
    return url if version is None else f"{url}|{version}"


def computable_name(text: str, fallback: str) -> str:
    """`side-lying-hip-abduction` -> `SideLyingHipAbduction`: FHIR's `name` is ASCII letters
    and digits starting with a capital letter (`fallback` leads when the text does not)."""
    name = "".join(part.capitalize() for part in re.split(r"[^A-Za-z0-9]+", text) if part)
    name = name.encode("ascii", "ignore").decode()
    return name if name[:1].isalpha() else fallback + name


def exercise_concept(slug: str, name: str | None = None) -> CodeableConcept:
    return codes.concept(codes.EXERCISE_SYSTEM, slug, name)


def dosage_extension(
    *,
    sets: int | None,
    reps: int | None = None,
    steps: int | None = None,
    hold_seconds: int | None = None,
    rest_seconds: int | None = None,
    side: str | None = None,
    order: int | None = None,
    note: str | None = None,
    week: int | None = None,
) -> Extension:
    """One dosage as the Medius `exercise-dosage` complex extension (absent figures left out)."""
    parts: list[Extension] = []

    def integer(url: str, value: int | None) -> None:
        if value is not None:
            parts.append({"url": url, "valueInteger": value})

    integer(codes.DOSE_WEEK, week)
    integer(codes.DOSE_ORDER, order)
    integer(codes.DOSE_SETS, sets)
    integer(codes.DOSE_REPS, reps)
    integer(codes.DOSE_STEPS, steps)
    if hold_seconds is not None:
        parts.append({"url": codes.DOSE_HOLD, "valueDuration": codes.seconds(hold_seconds)})
    if rest_seconds is not None:
        parts.append({"url": codes.DOSE_REST, "valueDuration": codes.seconds(rest_seconds)})
    if side is not None:
        parts.append({"url": codes.DOSE_SIDE, "valueCodeableConcept": codes.laterality(side)})
    if note:
        parts.append({"url": codes.DOSE_NOTE, "valueString": note})
    return {"url": codes.DOSAGE_EXTENSION, "extension": parts}


def dosage_text(item: DosedItem) -> str:
    """The prescribed dosage in words, e.g. `2 sets x 10 reps, 3 s hold, left leg, 30 s rest`."""
    words = [f"{item.sets} sets"]
    if item.reps is not None:
        words[0] += f" x {item.reps} reps"
    if item.steps is not None:
        words[0] += f" x {item.steps} steps"
    if item.hold_seconds is not None:
        words.append(f"{item.hold_seconds} s hold")
    if item.side is not None:
        words.append("each leg" if item.side == "both" else f"{item.side} leg")
    words.append(f"{item.rest_seconds} s rest")
    return ", ".join(words)


def item_dosage(item: DosedItem, week: int | None = None) -> Extension:
    return dosage_extension(
        week=week,
        order=item.order,
        sets=item.sets,
        reps=item.reps,
        steps=item.steps,
        hold_seconds=item.hold_seconds,
        rest_seconds=item.rest_seconds,
        side=item.side.value if item.side is not None else None,
        note=item.notes or None,
    )


def _citation(source: Source) -> RelatedArtifact:
    return {
        "type": "citation",
        "display": f"{source.author}, {source.title}",
        "citation": f"{source.author}. {source.title}.",
    }


def activity_definition(exercise: ExercisePublic, *, retired: bool = False) -> ActivityDefinition:
    """An exercise as an ActivityDefinition: what it is, how it is done, its default dose."""
    default = exercise.default_dosage
    counted = exercise.dosage.unit
    usage = [f"{n}. {step.text}" for n, step in enumerate(exercise.steps, start=1)]
    usage += [f"Cue: {cue.text}" for cue in exercise.cues]
    participants: list[ActivityDefinitionParticipant] = [{"type": "patient"}]
    participants += [
        {"type": "device", "role": codes.concept(codes.EQUIPMENT_SYSTEM, slug)}
        for slug in exercise.equipment
    ]
    resource: ActivityDefinition = {
        "resourceType": "ActivityDefinition",
        "id": exercise.slug,
        "meta": {
            "versionId": str(exercise.revision),
            "lastUpdated": codes.instant(exercise.updated_at),
        },
        "extension": [
            dosage_extension(
                sets=default.sets,
                reps=default.count if counted == DosageUnit.REPS else None,
                steps=default.count if counted == DosageUnit.STEPS else None,
                hold_seconds=default.hold_seconds,
                rest_seconds=default.rest_seconds,
                note=default.note,
            )
        ],
        "url": canonical("ActivityDefinition", exercise.slug),
        "identifier": [{"system": codes.EXERCISE_SYSTEM, "value": exercise.slug}],
        "version": str(exercise.revision),
        "name": computable_name(exercise.slug, "Exercise"),
        "title": exercise.name,
        "status": "retired" if retired else "active",
        "date": codes.instant(exercise.updated_at),
        "publisher": PUBLISHER,
        "description": exercise.summary,
        "usage": "\n".join(usage),
        "topic": [codes.concept(codes.SNOMED, "229065009", "Exercise therapy")],
        "kind": "ServiceRequest",
        "code": exercise_concept(exercise.slug, exercise.name),
        "participant": participants,
    }
    if exercise.source is not None:
        resource["relatedArtifact"] = [_citation(exercise.source)]
    return resource


def plan_definition(template: RoutinePublic, exercises: Mapping[str, int]) -> PlanDefinition:
    """A public template as a PlanDefinition: one action per item, in order, each naming
    its ActivityDefinition at its current version (`exercises`: revision by slug) and
    carrying the item's dosage."""
    return {
        "resourceType": "PlanDefinition",
        "id": str(template.id),
        "meta": {
            "versionId": str(template.revision),
            "lastUpdated": codes.instant(template.updated_at),
        },
        "url": canonical("PlanDefinition", str(template.id)),
        "version": str(template.revision),
        "name": computable_name(template.name, "Template"),
        "title": template.name,
        "type": codes.concept(
            "http://terminology.hl7.org/CodeSystem/plan-definition-type",
            "clinical-protocol",
            "Clinical Protocol",
        ),
        "status": "active",
        "date": codes.instant(template.updated_at),
        "publisher": PUBLISHER,
        "description": template.notes or template.name,
        "action": [
            plan_action(item, template.sessions_per_week, exercises.get(item.exercise))
            for item in template.items
        ],
    }


def weekly(sessions_per_week: int) -> Timing:
    return {"repeat": {"frequency": sessions_per_week, "period": 1, "periodUnit": "wk"}}


def plan_action(
    item: RoutineItemPublic, sessions_per_week: int, version: int | None
) -> PlanDefinitionAction:
    return {
        "extension": [item_dosage(item)],
        "title": item.exercise,
        "description": dosage_text(item),
        "code": [exercise_concept(item.exercise)],
        "timingTiming": weekly(sessions_per_week),
        "definitionCanonical": pinned("ActivityDefinition", item.exercise, version),
    }
