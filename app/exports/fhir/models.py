"""The FHIR answers as the OpenAPI document describes them.

FHIR R4B defines these resources in full; the schemas here declare the members every
answer of this API carries and allow the rest (`fhir.resources` validates them whole in
the tests), so generated clients can read the envelope and hand a resource on intact.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

FHIR_ID_PATTERN = r"^[A-Za-z0-9\-\.]{1,64}$"


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Meta(_Open):
    versionId: str | None = None  # noqa: N815 (FHIR's member names)
    lastUpdated: str | None = None  # noqa: N815


class FhirResource(_Open):
    """Any FHIR R4B resource: its type, its id and its version's metadata."""

    resourceType: str = Field(examples=["ActivityDefinition"])  # noqa: N815
    id: str = Field(pattern=FHIR_ID_PATTERN)
    meta: Meta | None = None


class ActivityDefinition(FhirResource):
    resourceType: Literal["ActivityDefinition"]  # noqa: N815
    url: str
    status: Literal["active", "retired"]


class PlanDefinition(FhirResource):
    resourceType: Literal["PlanDefinition"]  # noqa: N815
    url: str
    status: Literal["active"]


class CarePlan(FhirResource):
    resourceType: Literal["CarePlan"]  # noqa: N815
    status: str
    intent: Literal["plan"]


class BundleLink(_Open):
    relation: str
    url: str


class BundleSearch(_Open):
    mode: Literal["match", "include", "outcome"]


class BundleEntry(_Open):
    fullUrl: str  # noqa: N815
    resource: FhirResource
    search: BundleSearch


class Bundle(_Open):
    """A `searchset` Bundle: `total` resources, each with its absolute `fullUrl`."""

    resourceType: Literal["Bundle"]  # noqa: N815
    type: Literal["searchset"]
    total: int = Field(ge=0)
    link: list[BundleLink]
    # Absent when the page holds nothing (`_count=0`, `_summary=count`, no match): FHIR JSON
    # never has an empty array.
    entry: list[BundleEntry] = Field(default_factory=list, min_length=1)


class CapabilityStatement(_Open):
    """What a FHIR base serves (`GET [base]/metadata`): its FHIR version, formats and, per
    resource type, the interactions and search parameters (`rest[0].resource`)."""

    resourceType: Literal["CapabilityStatement"]  # noqa: N815
    id: str = Field(pattern=FHIR_ID_PATTERN)
    fhirVersion: str = Field(examples=["4.3.0"])  # noqa: N815
    format: list[str] = Field(examples=[["json"]])


class OperationOutcomeIssue(_Open):
    severity: Literal["fatal", "error", "warning", "information"]
    code: str
    diagnostics: str | None = None


class OperationOutcome(_Open):
    """How every FHIR operation answers an error (instead of problem+json)."""

    resourceType: Literal["OperationOutcome"]  # noqa: N815
    issue: list[OperationOutcomeIssue] = Field(min_length=1)


class ParametersParameter(_Open):
    name: str = Field(max_length=64, examples=["_count"])
    valueInteger: int | None = Field(default=None, ge=0)  # noqa: N815
    valuePositiveInt: int | None = Field(default=None, ge=1)  # noqa: N815
    valueUnsignedInt: int | None = Field(default=None, ge=0)  # noqa: N815


class Parameters(_Open):
    """An operation's input (`POST [base]/Patient/{id}/$everything`): `_count` is read,
    any other parameter ignored (refused under `Prefer: handling=strict`)."""

    resourceType: Literal["Parameters"]  # noqa: N815
    parameter: list[ParametersParameter] = Field(default_factory=list, max_length=32)
