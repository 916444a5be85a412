"""Application factory: routers, middleware, problem handlers and offline docs."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from functools import cache
from pathlib import Path
from typing import Any

import fastapi_offline
from anyio import to_thread
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import (
    get_redoc_html,
    get_swagger_ui_html,
    get_swagger_ui_oauth2_redirect_html,
)
from fastapi.routing import iter_route_contexts
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from app.care.followup.router import router as care_followup_router
from app.care.measures.router import router as care_measures_router
from app.care.prescriptions.router import router as prescriptions_router
from app.care.team.invitations_router import router as care_invitations_router
from app.care.team.router import router as care_router
from app.care.webhooks.router import router as clinic_webhooks_router
from app.catalog.exercises.router import router as catalog_router
from app.catalog.live.asgi import CatalogReadCache
from app.catalog.live.live import LiveCatalog
from app.catalog.live.router import router as live_catalog_router
from app.core.caching import strong_etag
from app.core.config import Settings, get_settings
from app.core.db import build_engine
from app.core.middleware import HeadAsGet, RequestGuard, SecurityHeaders
from app.core.openapi import install_openapi, operation_id
from app.core.problems import install_problem_handlers
from app.core.responses import API_PREFIX
from app.core.security import configure_password_hashing
from app.exports.account.router import router as account_router
from app.exports.calendar.router import router as calendar_feed_router
from app.exports.fhir.clinic_router import clinic_router as fhir_clinic_router
from app.exports.fhir.outcome import FhirBoundary
from app.exports.fhir.router import router as fhir_router
from app.exports.handout.router import router as handout_router
from app.exports.report.router import router as report_router
from app.exports.sharing.router import router as sharing_router
from app.health.router import router as health_router
from app.logbook.alerts.router import router as alerts_router
from app.logbook.comments.router import router as session_comments_router
from app.logbook.progress.router import router as progress_router
from app.logbook.sessions.router import router as sessions_router
from app.outcomes.instruments.router import router as instruments_router
from app.outcomes.measures.router import router as measures_router
from app.reactions import install_domain_handlers
from app.training.routines.builder_service import ladder as builder_ladder
from app.training.routines.router import router as routines_router
from app.training.self_checks.router import router as assessments_router
from app.users.auth import optional_user, visitor
from app.users.router import auth_router, me_router
from app.webhooks.router import router as webhooks_router

FORM_PATHS = frozenset({f"{API_PREFIX}/auth/token"})
# Public reads whose answers depend only on the catalog revision (templates included).
CATALOG_PATHS = tuple(
    f"{API_PREFIX}/{p}"
    for p in (
        "exercises",
        "equipment",
        "muscles",
        "catalog",
        "fhir/ActivityDefinition",
        "fhir/PlanDefinition",
        "fhir/StructureDefinition",
        "fhir/CodeSystem",
        "fhir/Questionnaire",
    )
)
DOCS_ASSETS = Path(fastapi_offline.__file__).parent / "static"
REDOC_BUNDLE = "redoc.standalone.js"
DOCS_FAVICON = "/docs-assets/favicon.png"
# ReDoc's side menu shows Redocly's logo from a CDN. An empty src fails without a request,
# and the logo's own onError hides it: what a reader offline sees, with nothing sent out.
REDOC_CDN_LOGO = b'"https://cdn.redoc.ly/redoc/logo-mini.svg"'

DESCRIPTION = """
Medius is an open API for gluteus medius training: an exercise catalog drawn from a
physiotherapist's article, routines and a routine builder, and session logs.

Errors are RFC 9457 `application/problem+json`. Lists use `limit` and an opaque
`cursor`. Catalog reads are public and cacheable (`ETag`, `If-None-Match`).
Every GET also answers HEAD (RFC 9110): the same status and headers, no body.
"""


def create_app(settings: Settings | None = None, *, engine: Engine | None = None) -> FastAPI:
    """The app the settings describe, on `engine` when given (its owner disposes of it; it
    must be the engine `build_engine(settings)` would make) or on one of its own."""
    settings = settings or get_settings()
    owns_engine = engine is None
    engine = engine or build_engine(settings)
    install_domain_handlers()
    configure_password_hashing(
        settings.argon2_time_cost,
        settings.argon2_memory_kib,
        settings.hashing_threads,
        settings.password_hash_max_waiting,
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Request work runs on anyio's default thread pool (40 threads unless told): that
        # many threads on a few cores fight for the GIL and for the pool's connections,
        # and a request's latency grows with every one running beside it. As many threads
        # as connections; the rest of the requests wait their turn on the event loop.
        to_thread.current_default_thread_limiter().total_tokens = settings.worker_threads
        # Built here, before the server accepts a connection, not by a worker's first
        # requests (they queued behind it: bench/results/profile-notes.md "Step 4"): each
        # included router's routes, which FastAPI resolves on first match, and the live
        # catalog's specs and planner index.
        for _route in iter_route_contexts(_app.routes):
            pass
        await to_thread.run_sync(live_catalog.warm)
        yield
        if owns_engine:
            engine.dispose()

    app = FastAPI(
        title="Medius API",
        version="1.0.0",
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        generate_unique_id_function=operation_id,
        # Relative: "Try it out" and generated clients call whatever host served the document.
        servers=[{"url": "/", "description": "The host that serves this document"}],
        license_info={"name": "MIT", "identifier": "MIT"},
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.live_catalog = live_catalog = LiveCatalog.for_engine(
        engine,
        ttl=settings.catalog_version_ttl,
        max_bytes=settings.catalog_cache_max_bytes,
        ladder=builder_ladder(),
    )

    install_problem_handlers(app)
    # A request is matched against the routers in this order, each route's pattern in turn
    # (~10 us for every router passed over), so the most frequent requests come first: the
    # probes, a patient's app (logging sessions, reading them, its account and routines),
    # the clinician's view; exports and FHIR last. No two routers can match one request
    # (tests/test_openapi.py), so the order changes what a request costs, never where it goes.
    app.include_router(health_router)
    for router in (
        sessions_router,
        care_router,
        me_router,
        routines_router,
        progress_router,
        auth_router,
        catalog_router,
        live_catalog_router,
        assessments_router,
        instruments_router,
        measures_router,
        alerts_router,
        session_comments_router,
        calendar_feed_router,
        prescriptions_router,
        care_followup_router,
        care_measures_router,
        care_invitations_router,
        clinic_webhooks_router,
        webhooks_router,
        account_router,
        handout_router,
        report_router,
        sharing_router,
        fhir_router,
        fhir_clinic_router,
    ):
        app.include_router(router, prefix=API_PREFIX)
    _install_docs(app)
    install_openapi(app, optional_auth=(optional_user, visitor))

    app.add_middleware(
        RequestGuard,
        max_body_bytes=settings.max_body_bytes,
        form_paths=FORM_PATHS,
        body_timeout=settings.body_timeout_seconds,
    )
    app.add_middleware(
        CatalogReadCache, live=live_catalog, routes=app.routes, prefixes=CATALOG_PATHS
    )
    # Outside the catalog cache and the guard: their answers under /fhir are FHIR too.
    app.add_middleware(FhirBoundary, routes=app.routes)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "If-Match", "If-None-Match", "Prefer"],
            expose_headers=["ETag", "Location", "Retry-After"],
        )
    # Outside everything that reads the method: a HEAD is the GET of the same URL throughout.
    app.add_middleware(HeadAsGet)
    app.add_middleware(SecurityHeaders)  # last added runs first: every answer gets them
    return app


def _install_docs(app: FastAPI) -> None:
    """Swagger UI and ReDoc from assets shipped in a PyPI package: no CDN, works offline."""

    @app.get(f"/docs-assets/{REDOC_BUNDLE}", include_in_schema=False)
    def redoc_bundle(request: Request) -> Response:
        body, etag = _offline_redoc_bundle()
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers={"ETag": etag})
        return Response(body, media_type="text/javascript; charset=utf-8", headers={"ETag": etag})

    # After the route above, which serves the one bundle this mount would serve unchanged.
    app.mount("/docs-assets", StaticFiles(directory=DOCS_ASSETS), name="docs-assets")
    oauth_redirect = "/docs/oauth2-redirect"

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return _docs_page(
            get_swagger_ui_html,
            "Swagger UI",
            oauth2_redirect_url=oauth_redirect,
            swagger_js_url="/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/docs-assets/swagger-ui.css",
            swagger_favicon_url=DOCS_FAVICON,
        )

    @app.get(oauth_redirect, include_in_schema=False)
    def swagger_redirect() -> HTMLResponse:
        return _with_csp(get_swagger_ui_oauth2_redirect_html())

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return _docs_page(
            get_redoc_html,
            "ReDoc",
            redoc_js_url=f"/docs-assets/{REDOC_BUNDLE}",
            redoc_favicon_url=DOCS_FAVICON,
            with_google_fonts=False,
        )


def _docs_page(render: Callable[..., HTMLResponse], title: str, **assets: Any) -> HTMLResponse:
    """One docs UI's page over this app's OpenAPI document, with its own CSP."""
    return _with_csp(render(openapi_url="/openapi.json", title=f"Medius API - {title}", **assets))


_INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.DOTALL)


def docs_csp(html: bytes) -> str:
    """A CSP for a docs page: its own assets only, and exactly its own inline scripts.

    Swagger UI starts from an inline script, allowed by its hash rather than by
    'unsafe-inline'; both UIs style elements inline and ReDoc runs its search in a
    blob: worker. Nothing may load from another origin, and no page may frame it.
    """
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(body).digest()).decode() + "'"
        for body in _INLINE_SCRIPT.findall(html)
    )
    return (
        f"default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'"
    ).replace("  ", " ")


def _with_csp(page: HTMLResponse) -> HTMLResponse:
    page.headers["Content-Security-Policy"] = docs_csp(bytes(page.body))
    return page


@cache
def _offline_redoc_bundle() -> tuple[bytes, str]:
    """ReDoc's bundle with its one CDN load (the Redocly logo) removed, and its ETag."""
    body = (DOCS_ASSETS / REDOC_BUNDLE).read_bytes().replace(REDOC_CDN_LOGO, b'""')
    return body, strong_etag(body)
