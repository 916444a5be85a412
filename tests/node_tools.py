"""Runs one of the scripts that drive the pinned Node.js tools (scripts/node-tools.sh:
interop readers, the TypeScript client's generator and compiler, the FHIR validator).

Each script skips where Node.js 20+ is missing and fails with CI=true; here its skip
becomes a pytest skip that names the reason, so a run without Node.js says so instead of
passing quietly, and its failure a test failure with its output.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SKIPPED = 77  # the scripts' exit status for "skipped", as NODE_TOOLS_SKIP_STATUS asks


def run_script(
    script: str, *args: str, stdin: str | None = None, timeout: float = 300, **env: str
) -> subprocess.CompletedProcess[str]:
    """`scripts/<script> args...` from the repository's root; a pytest skip when it
    skipped, a failure naming it when it failed; else what it printed."""
    result = subprocess.run(
        [str(ROOT / "scripts" / script), *args],
        cwd=ROOT,
        input=stdin,
        env={**os.environ, **env, "NODE_TOOLS_SKIP_STATUS": str(SKIPPED)},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode == SKIPPED:
        pytest.skip((result.stdout + result.stderr).strip())
    assert result.returncode == 0, (
        f"scripts/{script} {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    )
    return result
