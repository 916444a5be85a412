"""Medius' own FHIR definitions, published at the base so a validator can resolve them:
each extension as a StructureDefinition, each code system as a CodeSystem with every code.

The extensions and code systems are the ones app/exports/fhir/codes.py names. The fixed
ones are versioned by DEFINITIONS_VERSION (raise it when one changes); the exercise and
equipment code systems follow the catalog and carry its revision as their version.
tests/exports/fhir/test_fhir_navigation.py checks that every Medius extension and code
the export writes is defined here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from app.core.vocabulary import BandLevel, PelvisDrop
from app.exports.fhir import codes, measures, narrative
from app.exports.fhir.definitions import PUBLISHER, computable_name
from app.exports.fhir.resources import (
    CodeSystem,
    CodeSystemConcept,
    ElementDefinition,
    StructureDefinition,
    StructureDefinitionContext,
)

DEFINITIONS_VERSION = "1"
DEFINITIONS_DATE = datetime(2026, 12, 7, tzinfo=UTC)
EXTENSION_BASE = "http://hl7.org/fhir/StructureDefinition/Extension"

# --- extensions ----------------------------------------------------------------------------

DOSAGE_PARTS: tuple[tuple[str, str, str], ...] = (
    (codes.DOSE_WEEK, "integer", "The progression plan's week (2, 3, ...); absent: week 1"),
    (codes.DOSE_ORDER, "integer", "The item's place in the routine"),
    (codes.DOSE_SETS, "integer", "Sets"),
    (codes.DOSE_REPS, "integer", "Repetitions per set"),
    (codes.DOSE_STEPS, "integer", "Steps per set"),
    (codes.DOSE_HOLD, "Duration", "Hold per repetition"),
    (codes.DOSE_REST, "Duration", "Rest between sets"),
    (codes.DOSE_SIDE, "CodeableConcept", "Which leg (SNOMED CT laterality)"),
    (codes.DOSE_NOTE, "string", "A note on the dosage"),
)


def _element(path: str, **rest: object) -> ElementDefinition:
    element: ElementDefinition = {"id": path, "path": path.split(":")[0]}
    element.update(rest)  # type: ignore[typeddict-item]
    return element


def _simple(url: str, value_type: str) -> list[ElementDefinition]:
    return [
        _element("Extension.extension", max="0"),
        _element("Extension.url", fixedUri=url),
        _element("Extension.value[x]", min=1, type=[{"code": value_type}]),
    ]


def _complex(parts: Iterable[tuple[str, str, str]]) -> list[ElementDefinition]:
    elements = [
        _element(
            "Extension.extension",
            slicing={"discriminator": [{"type": "value", "path": "url"}], "rules": "open"},
        )
    ]
    for name, value_type, short in parts:
        slice_path = f"Extension.extension:{name}"
        elements += [
            {
                "id": slice_path,
                "path": "Extension.extension",
                "sliceName": name,
                "short": short,
                "min": 0,
                "max": "1",
            },
            {"id": f"{slice_path}.extension", "path": "Extension.extension.extension", "max": "0"},
            {"id": f"{slice_path}.url", "path": "Extension.extension.url", "fixedUri": name},
            {
                "id": f"{slice_path}.value[x]",
                "path": "Extension.extension.value[x]",
                "min": 1,
                "type": [{"code": value_type}],
            },
        ]
    elements += [
        _element("Extension.url", fixedUri=codes.DOSAGE_EXTENSION),
        _element("Extension.value[x]", max="0"),
    ]
    return elements


def _extension(
    url: str, title: str, description: str, contexts: Sequence[str], body: list[ElementDefinition]
) -> StructureDefinition:
    key = url.rsplit("/", 1)[1]
    context: list[StructureDefinitionContext] = [
        {"type": "element", "expression": c} for c in contexts
    ]
    root = _element("Extension", short=title, definition=description, max="1")
    return {
        "resourceType": "StructureDefinition",
        "id": key,
        "meta": {"versionId": DEFINITIONS_VERSION, "lastUpdated": codes.instant(DEFINITIONS_DATE)},
        "url": url,
        "version": DEFINITIONS_VERSION,
        "name": computable_name(key, "Extension"),
        "title": title,
        "status": "active",
        "date": codes.instant(DEFINITIONS_DATE),
        "publisher": PUBLISHER,
        "description": description,
        "fhirVersion": codes.FHIR_VERSION,
        "kind": "complex-type",
        "abstract": False,
        "context": context,
        "type": "Extension",
        "baseDefinition": EXTENSION_BASE,
        "derivation": "constraint",
        "differential": {"element": [root, *body]},
    }


def structure_definitions() -> list[StructureDefinition]:
    """Every Medius extension, in id order."""
    made = [
        _extension(
            codes.DOSAGE_EXTENSION,
            "Exercise dosage",
            "A prescribed or default dosage of an exercise: sets, repetitions or steps, "
            "hold, rest, side, order and note, and the progression plan's week.",
            ["ActivityDefinition", "PlanDefinition.action", "CarePlan.activity.detail"],
            _complex(DOSAGE_PARTS),
        ),
        _extension(
            codes.SET_ENTRY_EXTENSION,
            "Set entry",
            "The set's place among all the session's logged sets (1-based): the components "
            "of one logged set share it.",
            ["Observation.component"],
            _simple(codes.SET_ENTRY_EXTENSION, "positiveInt"),
        ),
        _extension(
            codes.SET_NUMBER_EXTENSION,
            "Set number",
            "The number of the set (per exercise and side) a component belongs to.",
            ["Observation.component"],
            _simple(codes.SET_NUMBER_EXTENSION, "positiveInt"),
        ),
        _extension(
            codes.TIME_ZONE_EXTENSION,
            "Time zone",
            "The patient's IANA time zone (such as Europe/Berlin): the one their calendar "
            "and plan weeks follow.",
            ["Patient"],
            _simple(codes.TIME_ZONE_EXTENSION, "code"),
        ),
    ]
    return [narrative.narrated(d) for d in sorted(made, key=lambda d: d["id"])]


# --- code systems --------------------------------------------------------------------------

SELF_CHECK_CODES = {
    "single-leg-stance": "Single-leg stance self-check",
    "stance-leg": "Leg stood on",
    "pelvis-drop": "Drop of the other side's hip",
    "knee-drifts-in": "Stance knee drifts toward the midline",
    "trunk-lean": "Trunk leans toward the stance side",
    "hold": "Stance held",
    "likely-weak-side": "Likely weak side",
}
FINDING_CODES = {
    "trendelenburg-sign": "The other side's hip drops in single-leg stance",
    "hip-adduction-internal-rotation": "The stance knee drifts in",
    "trunk-lean-toward-weak-side": "The trunk leans toward the stance side",
    "short-hold": "The stance was held briefly",
}


def _code_system(
    system: str,
    title: str,
    description: str,
    concepts: Iterable[tuple[str, str]],
    *,
    version: str = DEFINITIONS_VERSION,
    updated: datetime = DEFINITIONS_DATE,
) -> CodeSystem:
    key = system.rsplit("/", 1)[1]
    concept: list[CodeSystemConcept] = [{"code": c, "display": d} for c, d in concepts]
    return {
        "resourceType": "CodeSystem",
        "id": key,
        "meta": {"versionId": version, "lastUpdated": codes.instant(updated)},
        "url": system,
        "version": version,
        "name": computable_name(key, "CodeSystem"),
        "title": title,
        "status": "active",
        "date": codes.instant(updated),
        "publisher": PUBLISHER,
        "description": description,
        "caseSensitive": True,
        "content": "complete",
        "count": len(concept),
        "concept": concept,
    }


def code_systems(
    exercises: Sequence[tuple[str, str]],
    equipment: Sequence[tuple[str, str]],
    catalog_version: str,
    catalog_updated: datetime,
) -> list[CodeSystem]:
    """Every Medius code system, in id order; `exercises` and `equipment` are the catalog's
    (slug, name) pairs, removed exercises included (a CarePlan may still name one)."""
    made = [
        _code_system(
            codes.EXERCISE_SYSTEM,
            "Medius exercises",
            "Every exercise of the Medius catalog, by slug.",
            exercises,
            version=catalog_version,
            updated=catalog_updated,
        ),
        _code_system(
            codes.EQUIPMENT_SYSTEM,
            "Medius equipment",
            "The equipment Medius' exercises use, by slug.",
            equipment,
            version=catalog_version,
            updated=catalog_updated,
        ),
        _code_system(
            codes.SET_COMPONENT_SYSTEM,
            "Figures of a logged set",
            "What one component of a session's exercise Observation records of one set.",
            codes.SET_COMPONENT_DISPLAY.items(),
        ),
        _code_system(
            codes.BAND_SYSTEM,
            "Resistance band levels",
            "The resistance band a set used.",
            [(b.value, b.value.replace("-", " ").capitalize()) for b in BandLevel],
        ),
        _code_system(
            codes.SELF_CHECK_SYSTEM,
            "Single-leg stance self-check",
            "The self-check and what it records.",
            SELF_CHECK_CODES.items(),
        ),
        _code_system(
            codes.PELVIS_DROP_SYSTEM,
            "Pelvis drop",
            "How far the other side's hip dropped in single-leg stance.",
            [(p.value, p.value.capitalize()) for p in PelvisDrop],
        ),
        _code_system(
            codes.OUTCOME_MEASURE_SYSTEM,
            "Outcome measures",
            "The outcome instruments Medius serves (GET /instruments), by id: the code of each "
            "Questionnaire and of its score's Observation.",
            measures.instruments().items(),
        ),
        _code_system(
            codes.MEASURE_FIGURE_SYSTEM,
            "Figures of a scored outcome measure",
            "What one component of an outcome measure's score Observation records.",
            measures.FIGURES.items(),
        ),
        _code_system(
            codes.MEASURE_VERDICT_SYSTEM,
            "Change against the MCID",
            "Where a change from baseline stands against the minimal clinically important "
            "difference the instrument's source published (direction-aware).",
            measures.VERDICTS.items(),
        ),
        _code_system(
            codes.MEASURE_CHOICE_SYSTEM,
            "Outcome measure answer choices",
            "The choices an outcome instrument's items offer (sides, units, pelvis drop).",
            measures.choices().items(),
        ),
        _code_system(
            codes.FINDING_SYSTEM,
            "Self-check findings",
            "The signs a self-check's interpretation names.",
            FINDING_CODES.items(),
        ),
    ]
    return [narrative.narrated(c) for c in sorted(made, key=lambda c: c["id"])]
