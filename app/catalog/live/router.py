"""GET /catalog: the whole live catalog in one document, built once per revision."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.catalog.exercises import examples, service
from app.catalog.exercises.models import CatalogDocument
from app.catalog.live.deps import live_catalog
from app.core.caching import CACHE_NOTE, CONDITIONAL_READ, cacheable_responses, public_json
from app.core.changes import sync_key
from app.core.deps import SessionDep, SettingsDep
from app.core.examples import example_response
from app.core.negotiation import accepts_gzip

router = APIRouter(tags=["catalog"])


@router.get(
    "/catalog",
    summary="The whole catalog in one response",
    description="Every exercise, muscle profile and piece of equipment, and the exercise "
    "ladder, with the catalog `version`. Built once per version and served from memory; "
    "gzip-compressed when you send `Accept-Encoding: gzip`. Keep the `ETag` and send it as "
    "`If-None-Match` to get 304 until the catalog changes; then send its `sync_token` to "
    "`GET /exercises?sync_token=` "
    "for incremental sync." + CACHE_NOTE,
    dependencies=CONDITIONAL_READ,
    response_model=CatalogDocument,
    responses=cacheable_responses(example_response(examples.catalog_document)),
)
def get_catalog(request: Request, session: SessionDep, settings: SettingsDep) -> Response:
    live = live_catalog(request)
    document = live.document(
        lambda: service.catalog_document(session, list(live.ladder), sync_key(settings.signing_key))
    )
    if accepts_gzip(request.headers.get("accept-encoding")):
        return public_json(
            request,
            document.packed,
            settings.catalog_max_age,
            etag=f'"catalog-{document.version}-gzip"',
            content_encoding="gzip",
        )
    return public_json(
        request, document.plain, settings.catalog_max_age, etag=f'"catalog-{document.version}"'
    )
