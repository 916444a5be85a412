"""The FHIR R4B resources and datatypes Medius writes, as the dicts it builds them.

Only the elements Medius writes, named as FHIR names them (camelCase) and each class named
as `fhir.resources` names the type (`CarePlanActivityDetail` is `CarePlan.activity.detail`),
so mypy checks every element a mapping writes and tests/exports/fhir/test_fhir_resources.py
checks every one is an element of its R4B type. `NotRequired` marks an element written only
sometimes. The answers' OpenAPI schemas are app/exports/fhir/models.py (open envelopes: the
clients hand the resources on whole); these types are plain dicts, no validation at runtime.
"""

from __future__ import annotations

from typing import Literal, NotRequired, TypedDict

# --- datatypes -----------------------------------------------------------------------------


class Coding(TypedDict):
    system: str
    code: str
    display: NotRequired[str]


class CodeableConcept(TypedDict):
    coding: NotRequired[list[Coding]]
    text: NotRequired[str]


class Quantity(TypedDict):
    """Also a Duration (a Quantity in seconds): the elements are the same."""

    value: float
    unit: str
    system: str
    code: str


class Reference(TypedDict):
    reference: str


class Narrative(TypedDict):
    status: Literal["generated"]
    div: str


class Meta(TypedDict):
    versionId: NotRequired[str]
    lastUpdated: str


class Extension(TypedDict):
    """A simple extension (`url` and one `value[x]`) or a complex one (`extension`)."""

    url: str
    extension: NotRequired[list[Extension]]
    valueCode: NotRequired[str]
    valueCanonical: NotRequired[str]
    valueInteger: NotRequired[int]
    valuePositiveInt: NotRequired[int]
    valueString: NotRequired[str]
    valueDuration: NotRequired[Quantity]
    valueCodeableConcept: NotRequired[CodeableConcept]


class Identifier(TypedDict):
    system: str
    value: str


class ContactPoint(TypedDict):
    system: Literal["email"]
    value: str


class HumanName(TypedDict):
    text: str


class Period(TypedDict):
    start: str
    end: NotRequired[str]


class TimingRepeat(TypedDict):
    boundsPeriod: NotRequired[Period]
    frequency: int
    period: int
    periodUnit: Literal["wk"]


class Timing(TypedDict):
    repeat: TimingRepeat


class Annotation(TypedDict):
    authorReference: NotRequired[Reference]
    time: NotRequired[str]
    text: str


class RelatedArtifact(TypedDict):
    type: Literal["citation"]
    display: str
    citation: str


# --- the patient's record ------------------------------------------------------------------


class Patient(TypedDict):
    resourceType: Literal["Patient"]
    id: str
    meta: Meta
    text: NotRequired[Narrative]
    extension: list[Extension]
    identifier: list[Identifier]
    active: bool
    telecom: list[ContactPoint]
    name: NotRequired[list[HumanName]]


class CarePlanActivityDetail(TypedDict):
    extension: list[Extension]
    kind: Literal["ServiceRequest"]
    instantiatesCanonical: list[str]
    code: CodeableConcept
    status: Literal["scheduled", "not-started"]
    scheduledTiming: Timing
    description: str
    reasonCode: NotRequired[list[CodeableConcept]]


class CarePlanActivity(TypedDict):
    detail: CarePlanActivityDetail


class CarePlan(TypedDict):
    resourceType: Literal["CarePlan"]
    id: str
    meta: Meta
    text: NotRequired[Narrative]
    status: Literal["active"]
    intent: Literal["plan"]
    category: list[CodeableConcept]
    title: str
    subject: Reference
    period: Period
    created: str
    activity: list[CarePlanActivity]
    description: NotRequired[str]


class ObservationComponent(TypedDict):
    extension: NotRequired[list[Extension]]
    code: CodeableConcept
    valueCodeableConcept: NotRequired[CodeableConcept]
    valueQuantity: NotRequired[Quantity]
    valueString: NotRequired[str]
    valueBoolean: NotRequired[bool]


class Observation(TypedDict):
    """A session's panel, one exercise of a session, or a self-check."""

    resourceType: Literal["Observation"]
    id: str
    meta: Meta
    text: NotRequired[Narrative]
    basedOn: NotRequired[list[Reference]]
    extension: NotRequired[list[Extension]]
    status: Literal["final", "amended"]
    category: list[CodeableConcept]
    code: NotRequired[CodeableConcept]
    subject: Reference
    effectiveDateTime: NotRequired[str]
    effectivePeriod: NotRequired[Period]
    issued: NotRequired[str]
    performer: NotRequired[list[Reference]]
    valueCodeableConcept: NotRequired[CodeableConcept]
    valueQuantity: NotRequired[Quantity]
    dataAbsentReason: NotRequired[CodeableConcept]
    derivedFrom: NotRequired[list[Reference]]
    note: NotRequired[list[Annotation]]
    hasMember: NotRequired[list[Reference]]
    component: NotRequired[list[ObservationComponent]]


# --- outcome measures ----------------------------------------------------------------------


class QuestionnaireItemAnswerOption(TypedDict):
    valueCoding: Coding


class QuestionnaireItem(TypedDict):
    linkId: str
    text: str
    type: Literal["group", "integer", "decimal", "boolean", "choice", "string"]
    required: bool
    repeats: NotRequired[bool]
    answerOption: NotRequired[list[QuestionnaireItemAnswerOption]]
    item: NotRequired[list[QuestionnaireItem]]


class Questionnaire(TypedDict):
    """An outcome instrument (its current version)."""

    resourceType: Literal["Questionnaire"]
    id: str
    meta: Meta
    text: NotRequired[Narrative]
    url: str
    version: str
    name: str
    title: str
    status: Literal["active"]
    subjectType: list[str]
    publisher: str
    description: str
    copyright: str
    code: list[Coding]
    item: list[QuestionnaireItem]


class QuestionnaireResponseItemAnswer(TypedDict, total=False):
    valueInteger: int
    valueDecimal: float
    valueBoolean: bool
    valueCoding: Coding
    valueString: str


class QuestionnaireResponseItem(TypedDict):
    linkId: str
    answer: NotRequired[list[QuestionnaireResponseItemAnswer]]
    item: NotRequired[list[QuestionnaireResponseItem]]


class QuestionnaireResponse(TypedDict):
    """One completed outcome measure, as given."""

    resourceType: Literal["QuestionnaireResponse"]
    id: str
    meta: Meta
    text: NotRequired[Narrative]
    questionnaire: str
    status: Literal["completed", "amended"]
    subject: Reference
    authored: str
    author: NotRequired[Reference]
    item: list[QuestionnaireResponseItem]


# --- the catalog ---------------------------------------------------------------------------


class ActivityDefinitionParticipant(TypedDict):
    type: Literal["patient", "device"]
    role: NotRequired[CodeableConcept]


class ActivityDefinition(TypedDict):
    resourceType: Literal["ActivityDefinition"]
    id: str
    meta: Meta
    text: NotRequired[Narrative]
    extension: list[Extension]
    url: str
    identifier: list[Identifier]
    version: str
    name: str
    title: str
    status: Literal["active", "retired"]
    date: str
    publisher: str
    description: str
    usage: str
    topic: list[CodeableConcept]
    kind: Literal["ServiceRequest"]
    code: CodeableConcept
    participant: list[ActivityDefinitionParticipant]
    relatedArtifact: NotRequired[list[RelatedArtifact]]


class PlanDefinitionAction(TypedDict):
    extension: list[Extension]
    title: str
    description: str
    code: list[CodeableConcept]
    timingTiming: Timing
    definitionCanonical: str


class PlanDefinition(TypedDict):
    resourceType: Literal["PlanDefinition"]
    id: str
    meta: Meta
    text: NotRequired[Narrative]
    url: str
    version: str
    name: str
    title: str
    type: CodeableConcept
    status: Literal["active"]
    date: str
    publisher: str
    description: str
    action: list[PlanDefinitionAction]


# --- the server ----------------------------------------------------------------------------


class CapabilityStatementSoftware(TypedDict):
    name: str


class CapabilityStatementImplementation(TypedDict):
    description: str
    url: str


class CapabilityStatementRestSecurity(TypedDict):
    description: str


class CapabilityStatementRestResourceInteraction(TypedDict):
    code: Literal["read", "search-type"]


class CapabilityStatementRestResourceOperation(TypedDict):
    name: str
    definition: str


class CapabilityStatementRestResourceSearchParam(TypedDict):
    name: str
    definition: NotRequired[str]
    type: Literal["number", "token", "uri", "date", "string", "reference"]
    documentation: str


class CapabilityStatementRestResource(TypedDict):
    type: str
    documentation: NotRequired[str]
    interaction: NotRequired[list[CapabilityStatementRestResourceInteraction]]
    versioning: NotRequired[Literal["versioned"]]
    conditionalRead: NotRequired[Literal["not-match"]]
    searchParam: NotRequired[list[CapabilityStatementRestResourceSearchParam]]
    operation: NotRequired[list[CapabilityStatementRestResourceOperation]]


class CapabilityStatementRest(TypedDict):
    mode: Literal["server"]
    security: CapabilityStatementRestSecurity
    resource: list[CapabilityStatementRestResource]


class CapabilityStatement(TypedDict):
    resourceType: Literal["CapabilityStatement"]
    id: str
    text: NotRequired[Narrative]
    url: str
    status: Literal["active"]
    date: str
    publisher: str
    kind: Literal["instance"]
    software: CapabilityStatementSoftware
    implementation: CapabilityStatementImplementation
    fhirVersion: str
    format: list[str]
    rest: list[CapabilityStatementRest]


class ElementDefinitionSlicingDiscriminator(TypedDict):
    type: Literal["value"]
    path: str


class ElementDefinitionSlicing(TypedDict):
    discriminator: list[ElementDefinitionSlicingDiscriminator]
    rules: Literal["open", "closed"]


class ElementDefinitionType(TypedDict):
    code: str


class ElementDefinition(TypedDict):
    id: str
    path: str
    sliceName: NotRequired[str]
    short: NotRequired[str]
    definition: NotRequired[str]
    slicing: NotRequired[ElementDefinitionSlicing]
    min: NotRequired[int]
    max: NotRequired[str]
    type: NotRequired[list[ElementDefinitionType]]
    fixedUri: NotRequired[str]


class StructureDefinitionContext(TypedDict):
    type: Literal["element"]
    expression: str


class StructureDefinitionDifferential(TypedDict):
    element: list[ElementDefinition]


class StructureDefinition(TypedDict):
    """One of Medius' extensions, defined for validators (app/exports/fhir/conformance.py)."""

    resourceType: Literal["StructureDefinition"]
    id: str
    meta: Meta
    text: NotRequired[Narrative]
    url: str
    version: str
    name: str
    title: str
    status: Literal["active"]
    date: str
    publisher: str
    description: str
    fhirVersion: str
    kind: Literal["complex-type"]
    abstract: bool
    context: list[StructureDefinitionContext]
    type: Literal["Extension"]
    baseDefinition: str
    derivation: Literal["constraint"]
    differential: StructureDefinitionDifferential


class CodeSystemConcept(TypedDict):
    code: str
    display: str
    definition: NotRequired[str]


class CodeSystem(TypedDict):
    """One of Medius' code systems, with every code (app/exports/fhir/conformance.py)."""

    resourceType: Literal["CodeSystem"]
    id: str
    meta: Meta
    text: NotRequired[Narrative]
    url: str
    version: str
    name: str
    title: str
    status: Literal["active"]
    date: str
    publisher: str
    description: str
    caseSensitive: bool
    content: Literal["complete"]
    count: int
    concept: list[CodeSystemConcept]


class OperationOutcomeIssue(TypedDict):
    severity: Literal["fatal", "error", "warning", "information"]
    code: str
    details: NotRequired[CodeableConcept]
    diagnostics: str
    expression: NotRequired[list[str]]


class OperationOutcome(TypedDict):
    resourceType: Literal["OperationOutcome"]
    text: NotRequired[Narrative]
    issue: list[OperationOutcomeIssue]


# --- Bundles -------------------------------------------------------------------------------

# A resource a Bundle carries.
AnyResource = (
    Patient
    | CarePlan
    | Observation
    | Questionnaire
    | QuestionnaireResponse
    | ActivityDefinition
    | PlanDefinition
    | StructureDefinition
    | CodeSystem
)


class BundleLink(TypedDict):
    relation: Literal["self", "first", "previous", "next", "last"]
    url: str


class BundleEntrySearch(TypedDict):
    mode: Literal["match", "include", "outcome"]


class BundleEntry(TypedDict):
    fullUrl: str
    resource: AnyResource
    search: BundleEntrySearch


class Bundle(TypedDict):
    resourceType: Literal["Bundle"]
    meta: NotRequired[Meta]
    type: Literal["searchset"]
    timestamp: NotRequired[str]
    total: int
    link: list[BundleLink]
    entry: NotRequired[list[BundleEntry]]  # never empty in FHIR JSON: absent for no match


# What a FHIR route answers.
Answer = AnyResource | Bundle | CapabilityStatement | OperationOutcome
