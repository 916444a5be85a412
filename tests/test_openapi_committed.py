"""No silent breaking changes: the served OpenAPI must equal the committed openapi.json."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import httpx

COMMITTED = Path(__file__).resolve().parents[1] / "openapi.json"


async def test_served_openapi_matches_the_committed_document(
    spec_client: httpx.AsyncClient,
) -> None:
    served = json.dumps((await spec_client.get("/openapi.json")).json(), indent=2, sort_keys=True)
    committed = json.dumps(json.loads(COMMITTED.read_text()), indent=2, sort_keys=True)
    diff = "\n".join(
        difflib.unified_diff(
            committed.splitlines(), served.splitlines(), "openapi.json", "served", lineterm="", n=2
        )
    )
    assert served == committed, f"the API changed; review it and run `make openapi`:\n{diff[:4000]}"
