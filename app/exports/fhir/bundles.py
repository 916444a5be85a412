"""FHIR Bundles: a searchset of resources, each with its absolute `fullUrl`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from app.exports.fhir import codes


def full_url(base: str, resource: dict[str, Any]) -> str:
    return f"{base}/{resource['resourceType']}/{resource['id']}"


def searchset(
    base: str,
    self_url: str,
    resources: Sequence[dict[str, Any]],
    *,
    last_updated: datetime | None,
    timestamp: datetime | None = None,
) -> dict[str, Any]:
    """A `searchset` Bundle of `resources`, all matches. `last_updated` is the latest change
    among them (for a public list, not the clock: its bytes and ETag follow the data)."""
    bundle: dict[str, Any] = {"resourceType": "Bundle"}
    if last_updated is not None:
        bundle["meta"] = {"lastUpdated": codes.instant(last_updated)}
    bundle["type"] = "searchset"
    if timestamp is not None:
        bundle["timestamp"] = codes.instant(timestamp)
    bundle["total"] = len(resources)
    bundle["link"] = [{"relation": "self", "url": self_url}]
    bundle["entry"] = [
        {"fullUrl": full_url(base, r), "resource": r, "search": {"mode": "match"}}
        for r in resources
    ]
    return bundle


def operation_outcome(
    severity: str, code: str, diagnostics: str, *, expression: Sequence[str] = ()
) -> dict[str, Any]:
    issue: dict[str, Any] = {"severity": severity, "code": code, "diagnostics": diagnostics}
    if expression:
        issue["expression"] = list(expression)
    return {"resourceType": "OperationOutcome", "issue": [issue]}
