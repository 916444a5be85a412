"""Every code system, extension and fixed code the FHIR export uses, in one place.

Standard terminologies where one fits (LOINC for pain, SNOMED CT for laterality, UCUM
for units, the HL7 Physical Activity IG's categories); Medius' own code systems and
extensions under MEDIUS_FHIR where none does (per-set detail, dosage, the self-check).
docs/guides/integrations/fhir.md documents each.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from app.exports.fhir.resources import CodeableConcept, Coding, Quantity

FHIR_VERSION = "4.3.0"
FHIR_MEDIA_TYPE = "application/fhir+json"
# Canonical URLs name a definition wherever it is served (like HL7's own canonicals,
# they need not resolve); the resources' `fullUrl`s use the server's own base instead.
MEDIUS_FHIR = "https://medius.dev/fhir"
CODE_SYSTEM = f"{MEDIUS_FHIR}/CodeSystem"
EXTENSION = f"{MEDIUS_FHIR}/StructureDefinition"

EXERCISE_SYSTEM = f"{CODE_SYSTEM}/exercise"
EQUIPMENT_SYSTEM = f"{CODE_SYSTEM}/equipment"
SET_COMPONENT_SYSTEM = f"{CODE_SYSTEM}/set-component"
BAND_SYSTEM = f"{CODE_SYSTEM}/band-level"
SELF_CHECK_SYSTEM = f"{CODE_SYSTEM}/self-check"
PELVIS_DROP_SYSTEM = f"{CODE_SYSTEM}/pelvis-drop"
FINDING_SYSTEM = f"{CODE_SYSTEM}/self-check-finding"
OUTCOME_MEASURE_SYSTEM = f"{CODE_SYSTEM}/outcome-measure"
MEASURE_FIGURE_SYSTEM = f"{CODE_SYSTEM}/measure-figure"
MEASURE_VERDICT_SYSTEM = f"{CODE_SYSTEM}/measure-verdict"
MEASURE_CHOICE_SYSTEM = f"{CODE_SYSTEM}/measure-choice"
QUESTIONNAIRE = f"{MEDIUS_FHIR}/Questionnaire"
USER_ID_SYSTEM = f"{MEDIUS_FHIR}/sid/user-id"

SET_NUMBER_EXTENSION = f"{EXTENSION}/set-number"
# The set's place among all the session's sets (1-based): one logged set's components share
# it, so two sets with one number (set 1 on the left, set 1 on the right) stay apart.
SET_ENTRY_EXTENSION = f"{EXTENSION}/set-entry"
DOSAGE_EXTENSION = f"{EXTENSION}/exercise-dosage"
# The patient's IANA time zone (what their calendar and week boundaries follow). Medius' own:
# the core `tz-code` may only be used on a date, dateTime or instant, and R4B has no
# extension for a person's time zone.
TIME_ZONE_EXTENSION = f"{EXTENSION}/time-zone"

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
DATA_ABSENT_REASON = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
PA_CODES = "http://hl7.org/fhir/us/physical-activity/CodeSystem/pa-temporary-codes"

PAIN_LOINC = "72514-3"
PAIN_DISPLAY = "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
EXERCISE_ACTIVITY_LOINC = "73985-4"

# SNOMED CT laterality qualifiers: which leg a set or an item works.
LATERALITY = {
    "left": ("7771000", "Left"),
    "right": ("24028007", "Right"),
    "both": ("51440002", "Right and left"),
}
SIDE_BY_SNOMED = {code: side for side, (code, _display) in LATERALITY.items()}

# Per-set components of a session Observation (code system SET_COMPONENT_SYSTEM; pain is
# LOINC). Each names one figure of one set; the component's SET_NUMBER_EXTENSION and
# SET_ENTRY_EXTENSION say which set.
REPS, STEPS, HOLD, SIDE, LOAD_BAND, LOAD_KG, EFFORT, SET_NOTE = (
    "reps",
    "steps",
    "hold",
    "side",
    "load-band",
    "load-kg",
    "effort",
    "note",
)
SET_COMPONENT_DISPLAY = {
    REPS: "Repetitions in the set",
    STEPS: "Steps in the set",
    HOLD: "Hold per repetition",
    SIDE: "Working leg",
    LOAD_BAND: "Resistance band used",
    LOAD_KG: "Added load",
    EFFORT: "Perceived effort (0-10)",
    SET_NOTE: "Note on the set",
}

# Sub-extensions of DOSAGE_EXTENSION (a prescribed or default dosage).
DOSE_SETS, DOSE_REPS, DOSE_STEPS, DOSE_HOLD, DOSE_REST, DOSE_SIDE, DOSE_ORDER, DOSE_NOTE = (
    "sets",
    "reps",
    "steps",
    "hold-seconds",
    "rest-seconds",
    "side",
    "order",
    "note",
)
# On a CarePlan activity of a routine's progression plan: the plan's week (2, 3, ...).
# Absent: the routine's current prescription (its items, which are week 1).
DOSE_WEEK = "week"

_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, MEDIUS_FHIR)


def derived_id(*parts: object) -> str:
    """A stable FHIR id (a UUID: 36 characters of `[A-Za-z0-9-]`) for a resource Medius
    keeps no row of, e.g. one exercise of one session."""
    return str(uuid.uuid5(_NAMESPACE, "/".join(str(p) for p in parts)))


def coding(system: str, code: str, display: str | None = None) -> Coding:
    out: Coding = {"system": system, "code": code}
    if display:
        out["display"] = display
    return out


def concept(system: str, code: str, display: str | None = None) -> CodeableConcept:
    return {"coding": [coding(system, code, display)]}


def laterality(side: str) -> CodeableConcept:
    code, display = LATERALITY[side]
    return {"coding": [coding(SNOMED, code, display)], "text": side}


def quantity(value: float | int, unit: str, code: str) -> Quantity:
    return {"value": value, "unit": unit, "system": UCUM, "code": code}


def count(value: int, what: str) -> Quantity:
    """A count as UCUM's annotated unity, e.g. `{repetitions}`."""
    return quantity(value, what, "{" + what + "}")


def seconds(value: int) -> Quantity:
    return quantity(value, "s", "s")


def score(value: int) -> Quantity:
    return quantity(value, "{score}", "{score}")


def pain_concept() -> CodeableConcept:
    return concept(LOINC, PAIN_LOINC, PAIN_DISPLAY)


def activity_categories() -> list[CodeableConcept]:
    """The Physical Activity IG's two Observation categories."""
    return [
        concept(OBSERVATION_CATEGORY, "activity", "Activity"),
        concept(PA_CODES, "PhysicalActivity", "Physical Activity"),
    ]


def instant(value: datetime) -> str:
    """A FHIR instant/dateTime in UTC with `Z` (times are stored timezone-aware UTC)."""
    return value.isoformat().replace("+00:00", "Z")
