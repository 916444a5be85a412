"""Outcome measures in FHIR: each instrument a Questionnaire, each answer a
QuestionnaireResponse (as given) and an Observation of its score (with the baseline, the
change, the source's MCID and the verdict as components, `derivedFrom` the response).

The score's code is LOINC where one exists for the instrument (the 0-10 pain ratings:
72514-3), and always Medius' `outcome-measure` code (the instrument's id), served with the
other Medius code systems at the base. Plain functions, like records.py.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime

from app.core.vocabulary import AnswerType, Reporter
from app.exports.fhir import codes
from app.exports.fhir.definitions import PUBLISHER, computable_name
from app.exports.fhir.records import reference
from app.exports.fhir.resources import (
    CodeableConcept,
    Coding,
    Observation,
    ObservationComponent,
    Quantity,
    Questionnaire,
    QuestionnaireItem,
    QuestionnaireResponse,
    QuestionnaireResponseItem,
    QuestionnaireResponseItemAnswer,
)
from app.outcomes.instruments.definitions import INSTRUMENTS
from app.outcomes.instruments.models import Instrument, Item
from app.outcomes.measures.models import AnswerPublic

FIGURES = {
    "baseline": "Score of the baseline answer",
    "change": "Change from the baseline",
    "mcid": "Minimal clinically important difference (the source's)",
    "verdict": "Change against the MCID",
}
VERDICTS = {
    "better": "Better by at least the MCID",
    "within": "Changed by less than the MCID",
    "worse": "Worse by at least the MCID",
}
_ITEM_TYPES = {
    AnswerType.INTEGER: "integer",
    AnswerType.NUMBER: "decimal",
    AnswerType.BOOLEAN: "boolean",
    AnswerType.CHOICE: "choice",
}


def choices() -> dict[str, str]:
    """Every choice an instrument offers (code: label), for the `measure-choice` system."""
    found: dict[str, str] = {}
    for instrument in INSTRUMENTS.values():
        for item in instrument.items:
            for choice in item.choices:
                found.setdefault(choice.value, choice.label)
    return found


def instruments() -> dict[str, str]:
    """The `outcome-measure` system's codes: each instrument's id and title."""
    return {i.id: i.title for i in INSTRUMENTS.values()}


def canonical(instrument: Instrument) -> str:
    return f"{codes.QUESTIONNAIRE}/{instrument.id}"


def _choice(value: str) -> Coding:
    return codes.coding(codes.MEASURE_CHOICE_SYSTEM, value, choices()[value])


def _bounds(item: Item) -> str:
    if item.minimum is None or item.maximum is None:
        return ""
    unit = f" {item.unit}" if item.unit and not item.unit.startswith("{") else ""
    return f" ({item.minimum:g} to {item.maximum:g}{unit})"


def _item(item: Item) -> QuestionnaireItem:
    if item.answer_type is AnswerType.ACTIVITIES:
        return {
            "linkId": item.id,
            "text": f"{item.text} (at most {item.max_activities})",
            "type": "group",
            "required": item.required,
            "repeats": True,
            "item": [
                {"linkId": "activity", "text": "The activity", "type": "string", "required": True},
                {
                    "linkId": "rating",
                    "text": "How well you do it" + _bounds(item),
                    "type": "integer",
                    "required": False,
                },
            ],
        }
    found: QuestionnaireItem = {
        "linkId": item.id,
        "text": item.text + _bounds(item),
        "type": _ITEM_TYPES[item.answer_type],  # type: ignore[typeddict-item]
        "required": item.required,
    }
    if item.choices:
        found["answerOption"] = [{"valueCoding": _choice(c.value)} for c in item.choices]
    return found


def questionnaire(instrument: Instrument, updated: datetime) -> Questionnaire:
    """The instrument's current version; `updated`: when Medius' definitions last changed."""
    sources = "; ".join(s.citation for s in instrument.sources)
    return {
        "resourceType": "Questionnaire",
        "id": instrument.id,
        "meta": {
            "versionId": str(instrument.version),
            "lastUpdated": codes.instant(updated),
        },
        "url": canonical(instrument),
        "version": str(instrument.version),
        "name": computable_name(instrument.id, "Questionnaire"),
        "title": instrument.title,
        "status": "active",
        "subjectType": ["Patient"],
        "publisher": PUBLISHER,
        "description": f"{instrument.summary} Scoring: {instrument.scoring} Sources: {sources}",
        "copyright": instrument.licence,
        "code": [codes.coding(codes.OUTCOME_MEASURE_SYSTEM, instrument.id, instrument.title)],
        "item": [_item(i) for i in instrument.items],
    }


def _answer(item: Item, value: object) -> QuestionnaireResponseItemAnswer:
    if item.answer_type is AnswerType.BOOLEAN and isinstance(value, bool):
        return {"valueBoolean": value}
    if item.answer_type is AnswerType.CHOICE:
        return {"valueCoding": _choice(str(value))}
    if item.answer_type is AnswerType.INTEGER and isinstance(value, int):
        return {"valueInteger": value}
    assert isinstance(value, int | float)
    return {"valueDecimal": float(value)}


def _activities(value: object) -> list[QuestionnaireResponseItem]:
    found: list[QuestionnaireResponseItem] = []
    for entry in value if isinstance(value, list) else []:
        assert isinstance(entry, Mapping)
        nested: list[QuestionnaireResponseItem] = [
            {"linkId": "activity", "answer": [{"valueString": str(entry["activity"])}]}
        ]
        if isinstance(entry.get("rating"), int):
            nested.append({"linkId": "rating", "answer": [{"valueInteger": entry["rating"]}]})
        found.append({"linkId": "activities", "item": nested})
    return found


def questionnaire_response(
    answer: AnswerPublic, instrument: Instrument, patient_id: uuid.UUID
) -> QuestionnaireResponse:
    items: list[QuestionnaireResponseItem] = []
    for item in instrument.items:
        value = answer.answers.get(item.id)
        if value is None:
            continue
        if item.answer_type is AnswerType.ACTIVITIES:
            items += _activities(value)
        else:
            items.append({"linkId": item.id, "answer": [_answer(item, value)]})
    resource: QuestionnaireResponse = {
        "resourceType": "QuestionnaireResponse",
        "id": str(answer.id),
        "meta": {
            "versionId": str(answer.revision),
            "lastUpdated": codes.instant(answer.updated_at),
        },
        "questionnaire": f"{canonical(instrument)}|{answer.instrument_version}",
        "status": "completed" if answer.revision == 1 else "amended",
        "subject": reference("Patient", patient_id),
        "authored": codes.instant(answer.answered_at),
        "item": items,
    }
    if answer.reporter is Reporter.PATIENT:
        resource["author"] = reference("Patient", patient_id)
    return resource


def _unit(instrument: Instrument, answer: AnswerPublic) -> str:
    entered = answer.answers.get("unit")
    return (
        str(entered)
        if instrument.score_unit == "{as entered}" and entered
        else instrument.score_unit
    )


def _quantity(value: float, unit: str) -> Quantity:
    return codes.quantity(value, unit, unit)


def score_observation(
    answer: AnswerPublic, instrument: Instrument, patient_id: uuid.UUID
) -> Observation:
    unit = _unit(instrument, answer)
    coding = [codes.coding(codes.OUTCOME_MEASURE_SYSTEM, instrument.id, instrument.title)]
    if instrument.loinc == codes.PAIN_LOINC:
        coding.insert(0, codes.coding(codes.LOINC, codes.PAIN_LOINC, codes.PAIN_DISPLAY))
    code: CodeableConcept = {"coding": coding, "text": instrument.title}
    clinical = Reporter.CLINICIAN in instrument.reported_by and len(instrument.reported_by) == 1
    category = ("exam", "Exam") if clinical else ("survey", "Survey")
    figures: list[tuple[str, float | None]] = [
        ("baseline", answer.baseline),
        ("change", answer.change),
        ("mcid", answer.mcid),
    ]
    components: list[ObservationComponent] = [
        {
            "code": codes.concept(codes.MEASURE_FIGURE_SYSTEM, key, FIGURES[key]),
            "valueQuantity": _quantity(value, unit),
        }
        for key, value in figures
        if value is not None
    ]
    if answer.verdict is not None:
        verdict = answer.verdict.value
        components.append(
            {
                "code": codes.concept(codes.MEASURE_FIGURE_SYSTEM, "verdict", FIGURES["verdict"]),
                "valueCodeableConcept": codes.concept(
                    codes.MEASURE_VERDICT_SYSTEM, verdict, VERDICTS[verdict]
                ),
            }
        )
    resource: Observation = {
        "resourceType": "Observation",
        "id": str(answer.id),  # the answer's id, as its QuestionnaireResponse's
        "meta": {
            "versionId": str(answer.revision),
            "lastUpdated": codes.instant(answer.updated_at),
        },
        "status": "final" if answer.revision == 1 else "amended",
        "category": [codes.concept(codes.OBSERVATION_CATEGORY, *category)],
        "code": code,
        "subject": reference("Patient", patient_id),
        "effectiveDateTime": codes.instant(answer.answered_at),
        "issued": codes.instant(answer.created_at),
        "derivedFrom": [reference("QuestionnaireResponse", answer.id)],
    }
    if answer.reporter is Reporter.PATIENT:
        resource["performer"] = [reference("Patient", patient_id)]
    if answer.score is None:
        resource["dataAbsentReason"] = codes.concept(
            codes.DATA_ABSENT_REASON, "not-performed", "Not Performed"
        )
    else:
        resource["valueQuantity"] = _quantity(answer.score, unit)
    if components:
        resource["component"] = components
    return resource
