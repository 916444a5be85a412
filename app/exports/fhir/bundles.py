"""FHIR Bundles: a searchset of resources, each with its absolute `fullUrl`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Literal, TypedDict

from app.exports.fhir import codes
from app.exports.fhir.resources import (
    AnyResource,
    Bundle,
    Meta,
    OperationOutcome,
    OperationOutcomeIssue,
)


class _Updated(TypedDict, total=False):
    meta: Meta


class _Stamped(TypedDict, total=False):
    timestamp: str


def full_url(base: str, resource: AnyResource) -> str:
    return f"{base}/{resource['resourceType']}/{resource['id']}"


def searchset(
    base: str,
    self_url: str,
    resources: Sequence[AnyResource],
    *,
    last_updated: datetime | None,
    timestamp: datetime | None = None,
) -> Bundle:
    """A `searchset` Bundle of `resources`, all matches. `last_updated` is the latest change
    among them (for a public list, not the clock: its bytes and ETag follow the data)."""
    updated: _Updated = {}
    if last_updated is not None:
        updated["meta"] = {"lastUpdated": codes.instant(last_updated)}
    stamped: _Stamped = {}
    if timestamp is not None:
        stamped["timestamp"] = codes.instant(timestamp)
    return {
        "resourceType": "Bundle",
        **updated,
        "type": "searchset",
        **stamped,
        "total": len(resources),
        "link": [{"relation": "self", "url": self_url}],
        "entry": [
            {"fullUrl": full_url(base, r), "resource": r, "search": {"mode": "match"}}
            for r in resources
        ],
    }


def operation_outcome(
    severity: Literal["fatal", "error", "warning", "information"],
    code: str,
    diagnostics: str,
    *,
    expression: Sequence[str] = (),
) -> OperationOutcome:
    issue: OperationOutcomeIssue = {"severity": severity, "code": code, "diagnostics": diagnostics}
    if expression:
        issue["expression"] = list(expression)
    return {"resourceType": "OperationOutcome", "issue": [issue]}
