"""Runs the independent FHIR validator (scripts/fhir-validate.sh: the official R4B package's
JSON schema and StructureDefinitions, pinned in tools/fhir-validate) over a batch of
documents, in one Node.js process."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.node_tools import run_script


def run(*args: str, timeout: float = 300) -> str:
    """scripts/fhir-validate.sh's output (stdout, then stderr)."""
    done = run_script("fhir-validate.sh", *args, timeout=timeout)
    return done.stdout + done.stderr


@dataclass
class Report:
    """What the validator found: issues, and errors and warnings counted by class."""

    self_test: str  # the checker's test of itself, run first: every class of error caught
    documents: int
    resources: int
    errors: dict[str, int]
    warnings: dict[str, int]
    issues: list[dict[str, str]]
    bindings_unchecked: list[str] = field(default_factory=list)
    milliseconds: int = 0

    def issues_listed(self, severity: str = "error", limit: int = 40) -> str:
        found = [i for i in self.issues if i["severity"] == severity]
        lines = [f"{i['class']} {i['document']} {i['path']}: {i['message']}" for i in found]
        more = f"\n... {len(lines) - limit} more" if len(lines) > limit else ""
        return "\n".join(lines[:limit]) + more

    def summary(self) -> str:
        return (
            f"{self.documents} documents, {self.resources} resources in {self.milliseconds} ms; "
            f"errors {self.errors or 0}, warnings {self.warnings or 0}"
        )


def validate(
    documents: dict[str, dict[str, Any]], definitions: list[dict[str, Any]], folder: Path
) -> Report:
    """Every document (by name) checked in one validator process, which tests itself first
    (a broken resource per class of error: it fails unless each is caught); `definitions`
    are the server's own StructureDefinitions and CodeSystems, resolved beside the core
    ones."""
    batch = folder / "fhir-documents.json"
    out = folder / "fhir-report.json"
    batch.write_text(
        json.dumps(
            {
                "documents": [{"name": n, "body": body} for n, body in documents.items()],
                "definitions": definitions,
            }
        )
    )
    run(str(batch), str(out))
    found = json.loads(out.read_text())
    return Report(
        self_test=found["selfTest"],
        documents=found["documents"],
        resources=found["resources"],
        errors=found["errors"],
        warnings=found["warnings"],
        issues=found["issues"],
        bindings_unchecked=found["bindingsUnchecked"],
        milliseconds=found["milliseconds"],
    )
