"""Runs scripts/interop.sh: third-party readers of what Medius sends (ical.js for the
calendar feeds, the JavaScript standardwebhooks for deliveries), pinned by
tools/interop/package-lock.json, over one batch per call (one Node.js process).

The script skips where Node.js 20+ is missing and fails with CI=true
(scripts/node-tools.sh); here its skip becomes a pytest skip that names the reason, so a
run without Node.js says so instead of passing quietly.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "interop.sh"
SKIPPED = 77  # the script's exit status for "skipped", as NODE_TOOLS_SKIP_STATUS asks


def read_with_node(reader: str, batch: list[dict[str, Any]], timeout: float = 300) -> Any:
    """What the `reader` (`ical` or `webhooks`) made of every document in `batch`."""
    result = subprocess.run(
        [str(SCRIPT), reader],
        cwd=ROOT,
        input=json.dumps(batch),
        env={**os.environ, "NODE_TOOLS_SKIP_STATUS": str(SKIPPED)},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode == SKIPPED:
        pytest.skip(result.stdout.strip())
    assert result.returncode == 0, f"scripts/interop.sh {reader} failed:\n{result.stderr}"
    return json.loads(result.stdout)
