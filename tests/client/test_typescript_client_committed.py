"""No hand edits, no stale client: clients/typescript/src/schema.ts is what `make client`
generates from the committed openapi.json."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from tests.client.typescript import COMMITTED_SCHEMA, run_client_ts


def test_committed_typescript_client_matches_a_fresh_generation(tmp_path: Path) -> None:
    generated_path = tmp_path / "schema.ts"
    run_client_ts("generate", str(generated_path))

    committed, generated = COMMITTED_SCHEMA.read_text(), generated_path.read_text()
    if committed == generated:
        return
    diff = difflib.unified_diff(
        committed.splitlines(),
        generated.splitlines(),
        "clients/typescript/src/schema.ts",
        "generated",
        lineterm="",
        n=1,
    )
    report = "\n".join(diff)
    pytest.fail(f"clients/typescript is stale or hand-edited; run `make client`:\n{report[:4000]}")
