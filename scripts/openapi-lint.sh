#!/usr/bin/env bash
# `make openapi-lint`: the committed openapi.json through Redocly CLI's recommended ruleset
# (redocly.yaml), with the CLI version pinned by tools/redocly/package-lock.json (`npm ci`).
# Any error or warning fails. Without a suitable Node.js it says so and skips; with CI=true
# that is a failure, so CI never passes without linting.
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS=tools/redocly

source scripts/node-tools.sh
# The engines field of @redocly/cli: ">=22.12.0 || >=20.19.0 <21.0.0".
node_tools_require openapi-lint "lint openapi.json" "20.19 22.12"
node_tools_install "$TOOLS"

report="$(mktemp)"
trap 'rm -f "$report"' EXIT
# No telemetry, no update check: the run talks to nothing (the config says so too).
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
"$TOOLS/node_modules/.bin/redocly" lint openapi.json --config redocly.yaml --lint-config error \
    --format json --max-problems 10000 >"$report" 2>/dev/null || true
# Warnings fail too (the CLI's exit code counts errors only); an unreadable report fails.
node -e '
const report = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
for (const p of report.problems) {
  const where = (p.location[0] || {}).pointer || "";
  console.log(`${p.severity} ${p.ruleId} ${where}: ${p.message}`);
}
const { errors, warnings } = report.totals;
console.log(`openapi-lint: ${errors} errors, ${warnings} warnings (Redocly CLI, redocly.yaml)`);
process.exit(errors + warnings === 0 ? 0 : 1);
' "$report"
