"""OpenAPI examples of the probes.

Functions (see `app.core.examples`), like every domain's examples.
"""

from __future__ import annotations

from typing import Any


def health() -> dict[str, Any]:
    return {"status": "ok"}


def readiness() -> dict[str, Any]:
    # A fixed revision: the example shows the shape, and must not change with each migration.
    return {"status": "ready", "database": "ok", "migration": "0001"}
