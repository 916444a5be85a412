"""Runs scripts/client-ts.sh (the TypeScript client's pinned Node.js tools) for a test.

The script skips where Node.js 20+ is missing and fails with CI=true
(scripts/node-tools.sh); here its skip becomes a pytest skip that names the reason, so a
run without Node.js says so instead of passing quietly.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "client-ts.sh"
COMMITTED_SCHEMA = ROOT / "clients" / "typescript" / "src" / "schema.ts"
SKIPPED = 77  # the script's exit status for "skipped", as NODE_TOOLS_SKIP_STATUS asks


def run_client_ts(*args: str, timeout: float = 300, **env: str) -> str:
    """The script's output; a pytest skip when it skipped, a failure when it failed."""
    result = subprocess.run(
        [str(SCRIPT), *args],
        cwd=ROOT,
        env={**os.environ, **env, "NODE_TOOLS_SKIP_STATUS": str(SKIPPED)},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    output = result.stdout + result.stderr
    if result.returncode == SKIPPED:
        pytest.skip(output.strip())
    assert result.returncode == 0, f"scripts/client-ts.sh {' '.join(args)} failed:\n{output}"
    return output
