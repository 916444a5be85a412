"""OpenAPI examples of the probes.

Functions (see `app.core.examples`), like every domain's examples.
"""

from __future__ import annotations

from app.core.types import JSONObject


def health() -> JSONObject:
    return {"status": "ok"}


def readiness() -> JSONObject:
    # A fixed revision: the example shows the shape, and must not change with each migration.
    return {"status": "ready", "database": "ok", "migration": "0001"}
