"""Reading the FHIR export back, as an integrator would: every resource through its
`fhir.resources` R4B model, then the Medius figures recovered from the parsed models only."""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from typing import Any

from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.careplan import CarePlan
from fhir.resources.R4B.observation import Observation

from app.exports.fhir import codes

FHIR_ID = re.compile(r"[A-Za-z0-9\-\.]{1,64}")


def validated(resource: dict[str, Any]) -> Any:
    """The resource parsed by its R4B model (raises on anything R4B does not allow)."""
    model = get_fhir_model_class(resource["resourceType"])
    parsed = model.model_validate(resource)
    assert FHIR_ID.fullmatch(resource["id"]), resource["id"]
    return parsed


def bundle(body: dict[str, Any], base: str) -> Bundle:
    """A searchset checked whole: the Bundle and each resource by its own model, `total`,
    and each entry's `fullUrl` naming its resource under `base`."""
    parsed = Bundle.model_validate(body)
    assert parsed.type == "searchset"
    entries = parsed.entry or []
    assert parsed.total == len(entries)
    for entry, raw in zip(entries, body.get("entry", []), strict=True):
        validated(raw["resource"])
        resource = raw["resource"]
        assert entry.fullUrl == f"{base}/{resource['resourceType']}/{resource['id']}"
        assert resource["meta"]["lastUpdated"].endswith("Z")
    return parsed


def _code(concept: Any) -> tuple[str, str]:
    first = concept.coding[0]
    return first.system, first.code


def _extension(element: Any, url: str) -> Any:
    return next(e for e in element.extension or [] if e.url == url)


def dosage(element: Any) -> dict[str, Any]:
    """The `exercise-dosage` extension of an element as {name: value}."""
    found = _extension(element, codes.DOSAGE_EXTENSION)
    out: dict[str, Any] = {}
    for part in found.extension:
        if part.valueInteger is not None:
            out[part.url] = part.valueInteger
        elif part.valueDuration is not None:
            assert part.valueDuration.code == "s"
            out[part.url] = int(part.valueDuration.value)
        elif part.valueCodeableConcept is not None:
            system, code = _code(part.valueCodeableConcept)
            assert system == codes.SNOMED
            out[part.url] = codes.SIDE_BY_SNOMED[code]
        else:
            out[part.url] = part.valueString
    return out


def care_plan_items(plan: CarePlan) -> list[dict[str, Any]]:
    """A CarePlan's activities as routine items (`exercise` from the canonical, which pins
    the ActivityDefinition's version: `url|version`)."""
    items = []
    for activity in plan.activity or []:
        detail = activity.detail
        (canonical,) = detail.instantiatesCanonical
        exercise, _, version = canonical.rsplit("/ActivityDefinition/", 1)[1].partition("|")
        assert version.isdigit(), canonical
        items.append({"exercise": exercise, **dosage(detail)})
    return items


SET_FIELDS = {
    codes.REPS: "reps",
    codes.STEPS: "steps",
    codes.HOLD: "hold_seconds",
    codes.EFFORT: "effort",
    codes.LOAD_KG: "load_kg",
    codes.SET_NOTE: "notes",
}


def logged_sets(observations: list[Observation]) -> dict[str, list[dict[str, Any]]]:
    """Per session panel id: every set of its member Observations, as the session log's
    entries (exercise from the value, each figure from its component)."""
    by_id = {o.id: o for o in observations}
    sessions: dict[str, list[dict[str, Any]]] = {}
    for panel in observations:
        if _code(panel.code) != (codes.PA_CODES, "PAPanel"):
            continue
        entries: list[tuple[int, dict[str, Any]]] = []
        for member_ref in panel.hasMember or []:
            member = by_id[member_ref.reference.removeprefix("Observation/")]
            assert _code(member.code) == (codes.LOINC, codes.EXERCISE_ACTIVITY_LOINC)
            system, exercise = _code(member.valueCodeableConcept)
            assert system == codes.EXERCISE_SYSTEM
            sets: dict[int, dict[str, Any]] = defaultdict(dict)
            for component in member.component or []:
                position = _extension(component, codes.SET_ENTRY_EXTENSION).valuePositiveInt
                number = _extension(component, codes.SET_NUMBER_EXTENSION).valuePositiveInt
                figure = sets[position]
                figure.setdefault("exercise", exercise)
                figure.setdefault("set_number", number)
                system, code = _code(component.code)
                if (system, code) == (codes.LOINC, codes.PAIN_LOINC):
                    figure["pain"] = int(component.valueQuantity.value)
                elif code == codes.SIDE:
                    figure["side"] = codes.SIDE_BY_SNOMED[_code(component.valueCodeableConcept)[1]]
                elif code == codes.LOAD_BAND:
                    figure["load_band"] = _code(component.valueCodeableConcept)[1]
                elif code == codes.SET_NOTE:
                    figure["notes"] = component.valueString
                elif code == codes.LOAD_KG:
                    figure["load_kg"] = Decimal(str(component.valueQuantity.value))
                else:
                    figure[SET_FIELDS[code]] = int(component.valueQuantity.value)
            entries += sets.items()
        sessions[panel.id] = [figures for _position, figures in sorted(entries)]
    return sessions
