#!/usr/bin/env bash
# The TypeScript client in clients/typescript, its tools pinned by its package-lock.json:
#   scripts/client-ts.sh generate [OUTPUT]  src/schema.ts (or OUTPUT) from openapi.json
#   scripts/client-ts.sh test               tsc --noEmit, then test/ with Node's test runner
#                                           against the server at MEDIUS_BASE_URL
# `make client` runs `generate`; tests/client/test_typescript_client*.py run both.
# Without Node.js 20+ it says so and skips; with CI=true that is a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENT=clients/typescript
BIN="$CLIENT/node_modules/.bin"

source scripts/node-tools.sh

case "${1:-}" in
generate)
    output="$(realpath -m "${2:-$CLIENT/src/schema.ts}")"
    node_tools_require client-ts "generate the TypeScript client" "20"
    node_tools_install "$CLIENT"
    (cd "$CLIENT" && node scripts/generate.mjs ../../openapi.json "$output")
    ;;
test)
    : "${MEDIUS_BASE_URL:?set MEDIUS_BASE_URL to a running server, e.g. http://127.0.0.1:8000}"
    node_tools_require client-ts "check the TypeScript client" "20"
    node_tools_install "$CLIENT"
    "$BIN/tsc" -p "$CLIENT" --noEmit
    # Node 20 runs JavaScript only: emit it without checking again (the line above did).
    build="$CLIENT/build"
    rm -rf "$build"
    "$BIN/tsc" -p "$CLIENT" --noEmit false --noCheck --outDir "$build"
    node --test --test-reporter=spec "$build/test/"
    ;;
*)
    echo "usage: $0 generate [OUTPUT] | test" >&2
    exit 2
    ;;
esac
