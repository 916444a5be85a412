"""Runs scripts/interop.sh: third-party readers of what Medius sends (ical.js for the
calendar feeds, the JavaScript standardwebhooks for deliveries), pinned by
tools/interop/package-lock.json, over one batch per call (one Node.js process)."""

from __future__ import annotations

import json
from typing import Any

from tests.node_tools import run_script


def read_with_node(reader: str, batch: list[dict[str, Any]], timeout: float = 300) -> Any:
    """What the `reader` (`ical` or `webhooks`) made of every document in `batch`."""
    done = run_script("interop.sh", reader, stdin=json.dumps(batch), timeout=timeout)
    return json.loads(done.stdout)
