"""The ceiling of this stack: a bare Starlette app returning the catalog page's bytes.

`BENCH_BARE_BODY` names a file holding the body the real server sent for
`GET /api/v1/exercises`; this app answers that path with the same bytes and the same
caching headers, with no database, validation or middleware. Served by the same
uvicorn settings as the real server, it shows what the framework and server alone
cost per request, so the real endpoint's throughput can be read as a fraction of it.
"""

from __future__ import annotations

import os
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

BODY = Path(os.environ["BENCH_BARE_BODY"]).read_bytes()
HEADERS = {
    "ETag": os.environ.get("BENCH_BARE_ETAG", '"bare"'),
    "Cache-Control": "public, max-age=300",
    "Vary": "Accept-Encoding",
}


async def catalog_page(_request: Request) -> Response:
    return Response(BODY, media_type="application/json", headers=HEADERS)


async def ready(_request: Request) -> Response:
    return Response(b'{"status":"ok"}', media_type="application/json")


app = Starlette(
    routes=[Route("/api/v1/exercises", catalog_page), Route("/readyz", ready)],
)
