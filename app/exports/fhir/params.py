"""Path and query parameters of the FHIR routes.

Path ids are plain strings: FHIR (and the docs) promise 404 for a malformed id as for an
unknown one, so the id pattern (`FHIR_ID_PATTERN`) is checked by the service, not by the
router's validation (which would answer 422). The query parameters are the search and
result parameters `/metadata` declares; the router declares them so the catalog cache keys
on them and `Prefer: handling=strict` (app/exports/fhir/http.py) refuses every other one.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Header, Path, Query

# The largest page a search answers; a larger `_count` gets pages of this size.
MAX_COUNT = 100
# The largest `_offset` a paging link can carry (beyond every list Medius serves).
MAX_OFFSET = 1_000_000
# Query parameters every FHIR interaction accepts (content negotiation, http.html); the
# routes declare them too (`fhir_request`).
COMMON_PARAMETERS = frozenset({"_format"})


def fhir_request(
    format_: Annotated[
        str | None,
        Query(
            alias="_format",
            pattern=r"^(json|application/(fhir\+)?json)(; ?fhirVersion=4\.3(\.0)?)?$",
            description="The media type to answer with, overriding `Accept` (http.html): "
            "`json` or `application/fhir+json` (answered as application/fhir+json), "
            "`application/json`; `xml` and anything else is 406 (JSON only).",
            examples=["json"],
        ),
    ] = None,
    prefer: Annotated[
        str | None,
        Header(
            alias="Prefer",
            description="`handling=strict`: a query parameter the interaction does not "
            "support is refused (400) instead of ignored (search.html).",
            examples=["handling=strict"],
        ),
    ] = None,
) -> None:
    """Declares `_format` and `Prefer` on every FHIR operation in OpenAPI; the FHIR boundary
    (app/exports/fhir/http.py) reads them before the request reaches a route."""


def _id(description: str, example: str) -> Any:
    return Path(description=description + " Malformed or unknown: 404.", examples=[example])


ActivityDefinitionId = Annotated[
    str, _id("The ActivityDefinition's id: the exercise's slug.", "clamshell")
]

PlanDefinitionId = Annotated[
    str, _id("The PlanDefinition's id: the template's id.", "6f8d3f7c-0e4a-5a3e-9a51-2b1c0c2f0b11")
]

PatientId = Annotated[
    str, _id("The Patient's id: the user's id.", "3fa85f64-5717-4562-b3fc-2c963f66afa6")
]

CarePlanId = Annotated[
    str, _id("The CarePlan's id: the routine's id.", "0b7e7c52-51f4-4f0e-9a3c-6f3c2b1d9e47")
]

ObservationId = Annotated[
    str,
    _id(
        "The Observation's id: a session's or a self-check's id, or (one exercise of a "
        "session) the session's id, a dot and a suffix naming the exercise.",
        "9b2e4c1a-7d3f-4e8a-b5c6-1f2a3b4c5d6e",
    ),
]

StructureDefinitionId = Annotated[
    str, _id("The StructureDefinition's id: the extension's name.", "exercise-dosage")
]

QuestionnaireResponseId = Annotated[
    str,
    _id(
        "The QuestionnaireResponse's id: the outcome measure answer's.",
        "7c2a3d4e-3333-4c2d-9e8f-0a1b2c3d4e5f",
    ),
]

QuestionnaireId = Annotated[str, _id("The Questionnaire's id: the instrument's id.", "psfs")]

CodeSystemId = Annotated[str, _id("The CodeSystem's id: the code system's name.", "set-component")]

Count = Annotated[
    int | None,
    Query(
        alias="_count",
        ge=0,
        description=f"At most this many entries per page (search.html: never more; larger "
        f"than {MAX_COUNT} pages by {MAX_COUNT}); 0 answers the total only. The Bundle's "
        "`next`/`previous` links page on. Without it: every match.",
        examples=[10],
    ),
]

Summary = Annotated[
    str | None,
    Query(
        alias="_summary",
        pattern=r"^(count|true|text|data|false)$",
        description="`count`: the total only, no entries (search.html). `true`, `text` and "
        "`data` answer the resources whole, as `false` does (a server is not obliged to "
        "summarise; nothing is marked SUBSETTED).",
        examples=["count"],
    ),
]

Offset = Annotated[
    int,
    Query(
        alias="_offset",
        ge=0,
        le=MAX_OFFSET,
        description="Where the page starts among the matches (the paging links set it).",
        examples=[0],
    ),
]

Ids = Annotated[
    str | None,
    Query(
        alias="_id",
        max_length=2048,
        description="Only the resources with one of these ids (comma-separated: any of).",
        examples=["clamshell,side-plank"],
    ),
]

CanonicalUrl = Annotated[
    str | None,
    Query(
        alias="url",
        max_length=2048,
        description="Canonical resolution: the resource with this canonical `url` (comma-"
        "separated: any of); `url|version` matches only that version.",
        examples=["https://medius.dev/fhir/ActivityDefinition/clamshell|1"],
    ),
]


# Descriptions the two bases' routes share (app/exports/fhir/router.py, clinic_router.py).
INSTANCE_NOTE = ' The `ETag` is `W/"<meta.versionId>"`.'
CAPABILITY_DESCRIPTION = (
    "The FHIR CapabilityStatement of this base: FHIR 4.3.0 (R4B), JSON, the resources, "
    "interactions and search parameters served and who may read them. FHIR clients read it "
    "first."
)
EVERYTHING_DESCRIPTION = (
    "A `searchset` Bundle of the Patient, their routines as CarePlans, their sessions as "
    "Observations (one Physical Activity panel per session with one member per exercise; "
    "every set's reps/steps/hold, side, load, effort and pain (LOINC 72514-3) as components) "
    "and their self-checks as Observations. `_count` pages it (the Patient first; paging "
    "links in `Bundle.link`)."
)
EVERYTHING_POST = (
    " POST runs the same operation with its parameters in a FHIR `Parameters` body "
    "(operations.html): `_count` (`valueInteger`) is read, any other parameter ignored "
    "(refused, 422, under `Prefer: handling=strict`)."
)
OWN_PATIENT = (
    " Readable by the patient (their own user id); anyone else's id is 404, as an unknown "
    "one. Clinicians read it at their clinic's base, `/api/v1/clinics/{clinic_id}/fhir`."
)
CARE_PLAN_DESCRIPTION = (
    "One of the patient's routines as a CarePlan: one activity per item, in order, each "
    "naming its exercise's ActivityDefinition (`instantiatesCanonical`) with the prescribed "
    "dosage: sets, reps or steps, hold, rest and side in the `exercise-dosage` extension, "
    "sessions per week in `scheduledTiming` (a progression plan's weeks each bounded by "
    "`boundsPeriod`)."
)
PATIENT_DESCRIPTION = "The patient (the user) as a FHIR Patient: the `subject` of every record."
OBSERVATION_DESCRIPTION = (
    "One Observation of the patient's: a session's panel (the session's id), one exercise "
    "of a session (the ids the panel's `hasMember` names), a self-check, or the score of an "
    "outcome measure's answer (the answer's id)."
)
QUESTIONNAIRE_RESPONSE_DESCRIPTION = (
    "One outcome measure answer as given (its score is the Observation of the same id)."
)
