"""The human-readable `text` of every resource the FHIR bases serve (status `generated`).

FHIR asks each DomainResource for a narrative a person can read when their system shows
nothing else (dom-6): an XHTML `div` holding only basic formatting (txt-1) and some text
(txt-2). It is generated from the resource's own elements, never from anything else, so it
says nothing the structured data does not; every value is escaped (a display name or a
note is the user's text and may hold `<`, `&` or quotes).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape
from typing import Any, TypeVar, cast

from app.exports.fhir.resources import Narrative

XHTML = "http://www.w3.org/1999/xhtml"
R = TypeVar("R", bound=Mapping[str, Any])


def _div(title: str, lines: Iterable[str] = ()) -> Narrative:
    items = "".join(f"<li>{escape(line)}</li>" for line in lines if line)
    body = f"<p><b>{escape(title)}</b></p>" + (f"<ul>{items}</ul>" if items else "")
    return {"status": "generated", "div": f'<div xmlns="{XHTML}">{body}</div>'}


def _display(concept: Mapping[str, Any] | None) -> str:
    if not concept:
        return ""
    for coding in concept.get("coding", []):
        if coding.get("display"):
            return str(coding["display"])
    if concept.get("text"):
        return str(concept["text"])
    codings = concept.get("coding", [])
    return str(codings[0]["code"]) if codings else ""


def _value(element: Mapping[str, Any]) -> str:
    if "valueQuantity" in element:
        quantity = element["valueQuantity"]
        return f"{quantity['value']:g} {quantity['unit']}"
    if "valueCodeableConcept" in element:
        return _display(element["valueCodeableConcept"])
    if "valueBoolean" in element:
        return "yes" if element["valueBoolean"] else "no"
    return str(element.get("valueString", ""))


def _when(resource: Mapping[str, Any]) -> str:
    if "effectivePeriod" in resource:
        period = resource["effectivePeriod"]
        return f"{period['start']} to {period.get('end', '')}".strip()
    return str(resource.get("effectiveDateTime", ""))


def _patient(resource: Mapping[str, Any]) -> Narrative:
    names = [n["text"] for n in resource.get("name", [])]
    emails = [t["value"] for t in resource.get("telecom", [])]
    zones = [e["valueCode"] for e in resource.get("extension", []) if "valueCode" in e]
    lines = [f"Email: {e}" for e in emails] + [f"Time zone: {z}" for z in zones]
    return _div(names[0] if names else "Patient", lines)


def _care_plan(resource: Mapping[str, Any]) -> Narrative:
    lines = [f"Since {resource['period']['start']}"]
    lines += [
        f"{_display(a['detail']['code'])}: {a['detail']['description']}"
        for a in resource.get("activity", [])
    ]
    return _div(f"Care plan: {resource['title']}", lines)


def _observation(resource: Mapping[str, Any]) -> Narrative:
    title = _display(resource.get("code"))
    if "valueCodeableConcept" in resource:
        title += f": {_value(resource)}"
    lines = [_when(resource)]
    lines += [f"{_display(c['code'])}: {_value(c)}" for c in resource.get("component", [])]
    if "dataAbsentReason" in resource:
        lines.append(f"Nothing recorded: {_display(resource['dataAbsentReason'])}")
    lines += [f"Note: {n['text']}" for n in resource.get("note", [])]
    return _div(title or "Observation", lines)


def _questionnaire(resource: Mapping[str, Any]) -> Narrative:
    lines = [str(resource["description"])]
    lines += [f"{i['linkId']}: {i['text']}" for i in resource["item"]]
    lines.append(f"Canonical: {resource['url']}|{resource['version']}")
    return _div(f"Questionnaire: {resource['title']}", lines)


def _answered(item: Mapping[str, Any]) -> str:
    values = []
    for answer in item.get("answer", []):
        if "valueCoding" in answer:
            values.append(str(answer["valueCoding"].get("display", answer["valueCoding"]["code"])))
        else:
            values += [str(v).lower() if isinstance(v, bool) else str(v) for v in answer.values()]
    nested = "; ".join(_answered(i) for i in item.get("item", []))
    return f"{item['linkId']}: " + (", ".join(values) if values else nested)


def _questionnaire_response(resource: Mapping[str, Any]) -> Narrative:
    lines = [f"Answered {resource['authored']}"]
    lines += [_answered(i) for i in resource["item"]]
    return _div(f"Answers to {resource['questionnaire']}", lines)


def _definition(resource: Mapping[str, Any]) -> Narrative:
    lines = [str(resource.get("description", ""))]
    lines += [f"{a['title']}: {a['description']}" for a in resource.get("action", [])]
    lines += [str(resource.get("usage", ""))]
    lines += [f"{c['code']}: {c['display']}" for c in resource.get("concept", [])]
    lines += [f"Used on: {c['expression']}" for c in resource.get("context", [])]
    lines.append(f"Canonical: {resource['url']}|{resource['version']}")
    return _div(str(resource["title"]), lines)


def _capabilities(resource: Mapping[str, Any]) -> Narrative:
    lines = []
    for rest in resource["rest"]:
        for served in rest["resource"]:
            done = [i["code"] for i in served.get("interaction", [])]
            done += [f"${o['name']}" for o in served.get("operation", [])]
            params = [p["name"] for p in served.get("searchParam", [])]
            searched = f" (search: {', '.join(params)})" if params else ""
            lines.append(f"{served['type']}: {', '.join(done)}{searched}")
    return _div(f"Medius FHIR {resource['fhirVersion']} server", lines)


def _outcome(resource: Mapping[str, Any]) -> Narrative:
    return _div("Outcome", [str(i.get("diagnostics", i["code"])) for i in resource["issue"]])


_BY_TYPE = {
    "OperationOutcome": _outcome,
    "Patient": _patient,
    "CarePlan": _care_plan,
    "Observation": _observation,
    "Questionnaire": _questionnaire,
    "QuestionnaireResponse": _questionnaire_response,
    "ActivityDefinition": _definition,
    "PlanDefinition": _definition,
    "StructureDefinition": _definition,
    "CodeSystem": _definition,
    "CapabilityStatement": _capabilities,
}


def narrated(resource: R) -> R:
    """The resource with its generated `text` (in place: resources are built per answer)."""
    cast(dict[str, Any], resource)["text"] = _BY_TYPE[resource["resourceType"]](resource)
    return resource
