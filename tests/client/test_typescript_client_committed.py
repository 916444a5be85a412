"""No hand edits, no stale client: clients/typescript/src/schema.ts is what `make client`
generates from the committed openapi.json; the README shows the example the tests run."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from tests.client.typescript import COMMITTED_SCHEMA, ROOT, run_client_ts

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


def test_the_readme_typescript_example_is_the_one_the_tests_run() -> None:
    """tests/client/test_typescript_client.py type-checks and runs examples/quickstart.ts."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## TypeScript client", 1)[1]
    example = re.search(r"```ts\n(.*?)```", section, re.DOTALL)
    assert example is not None, "README.md: the TypeScript client section needs a ts example"
    assert example.group(1) == EXAMPLE.read_text(encoding="utf-8"), (
        "README.md's TypeScript example differs from clients/typescript/examples/quickstart.ts"
    )
