"""No hand edits, no stale client: clients/typescript/src/schema.ts is what `make client`
generates from the committed openapi.json; the docs show the example the tests run."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from tests.client.typescript import COMMITTED_SCHEMA, run_client_ts
from tests.node_tools import ROOT

EXAMPLE = ROOT / "clients" / "typescript" / "examples" / "quickstart.ts"


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


DOCS_PAGE = "docs/guides/integrations/typescript-client.md"


def test_the_docs_typescript_example_is_the_one_the_tests_run() -> None:
    """tests/client/test_typescript_client.py type-checks and runs examples/quickstart.ts."""
    page = (ROOT / DOCS_PAGE).read_text(encoding="utf-8")
    example = re.search(r"```ts\n(.*?)```", page, re.DOTALL)
    assert example is not None, f"{DOCS_PAGE} needs a ts example"
    assert example.group(1) == EXAMPLE.read_text(encoding="utf-8"), (
        f"{DOCS_PAGE}'s example differs from clients/typescript/examples/quickstart.ts"
    )
