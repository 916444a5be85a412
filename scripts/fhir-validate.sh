#!/usr/bin/env bash
# FHIR R4B validation by the standard's own artefacts (tools/fhir-validate/validate.mjs):
# the official hl7.fhir.r4b.core 4.3.0 package's JSON schema (Ajv) and StructureDefinitions
# (cardinality, required bindings, extension contexts, FHIRPath invariants via fhirpath.js),
# all pinned by tools/fhir-validate/package-lock.json (`npm ci`).
#   scripts/fhir-validate.sh INPUT.json REPORT.json   INPUT's documents checked, REPORT written
#   scripts/fhir-validate.sh --self-test  broken resources must raise every class of error
#                                         (a run over INPUT does this first, and fails
#                                         unless they do)
# tests/exports/fhir/test_fhir_validation.py runs it over every FHIR answer. Without Node.js
# 20+ it says so and skips; with CI=true that is a failure (scripts/node-tools.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS=tools/fhir-validate

source scripts/node-tools.sh
# fhirpath.js's engines field: ">=20.0.0".
node_tools_require fhir-validate "validate the FHIR export" "20"
node_tools_install "$TOOLS"
exec node "$TOOLS/validate.mjs" "$@"
