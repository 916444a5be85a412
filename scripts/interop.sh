#!/usr/bin/env bash
# Third-party readers of what Medius sends, pinned by tools/interop/package-lock.json:
#   scripts/interop.sh ical      a JSON batch of calendar feeds on stdin, parsed by ical.js
#   scripts/interop.sh webhooks  a JSON batch of captured deliveries on stdin, verified by
#                                the JavaScript standardwebhooks
# One Node.js process per batch; the tests (tests/interop.py) send a database leg's whole
# batch at once. Without Node.js 20+ it says so and skips; with CI=true that is a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS=tools/interop

source scripts/node-tools.sh

case "${1:-}" in
ical) script=ical-check.mjs ;;
webhooks) script=verify-webhooks.mjs ;;
*)
    echo "usage: $0 ical | webhooks  (a JSON batch on stdin)" >&2
    exit 2
    ;;
esac
node_tools_require interop "check feeds and deliveries with third-party readers" "20"
node_tools_install "$TOOLS"
exec node "$TOOLS/$script"
