"""The served OpenAPI documents every operation fully; docs and probes work offline."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from itertools import permutations
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute
from pydantic import BaseModel
from starlette.routing import compile_path

from app.core.migrations import head_revision
from app.main import create_app
from tests.conftest import test_settings as settings_for
from tests.test_authorization import PUBLIC_OPERATIONS

PROBLEM = "application/problem+json"
PROBLEM_REF = "#/components/schemas/Problem"
# Under the FHIR base every error is a FHIR OperationOutcome instead (app/exports/fhir/outcome.py).
FHIR = "application/fhir+json"
OUTCOME_REF = "#/components/schemas/OperationOutcome"
HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
DOCS_ASSETS = [
    "/docs-assets/swagger-ui-bundle.js",
    "/docs-assets/swagger-ui.css",
    "/docs-assets/redoc.standalone.js",
]

Operation = tuple[str, dict[str, Any]]


class Note(BaseModel):
    text: str


async def served_openapi(client: httpx.AsyncClient) -> dict[str, Any]:
    response = await client.get("/openapi.json")
    assert response.status_code == 200
    spec: dict[str, Any] = response.json()
    return spec


def operations(spec: dict[str, Any]) -> Iterator[Operation]:
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method in HTTP_METHODS:
                yield f"{method.upper()} {path}", operation


def resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    if ref is None:
        return schema
    target: dict[str, Any] = spec
    for part in ref.removeprefix("#/").split("/"):
        target = target[part]
    return resolve(spec, target)


def success_content(operation: dict[str, Any]) -> dict[str, Any] | None:
    """The 2xx body to check: application/json when declared (this is a JSON API); for an
    operation that answers other formats only (the printable HTML/PDF handout), any declared
    2xx media type with an example."""
    declared = [
        (media_type, media)
        for status, response in operation["responses"].items()
        if status.startswith("2")
        for media_type, media in response.get("content", {}).items()
    ]
    json_content = next((m for t, m in declared if t == "application/json"), None)
    if json_content is not None:
        return json_content
    return next((m for _, m in declared if {"example", "examples"} & m.keys()), None)


def error_responses(operation: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {s: r for s, r in operation["responses"].items() if s[0] in "45"}


async def test_the_api_has_operations_to_check(spec_client: httpx.AsyncClient) -> None:
    labels = [label for label, _ in operations(await served_openapi(spec_client))]
    assert "GET /api/v1/exercises" in labels
    assert "GET /healthz" in labels


async def test_every_operation_has_a_summary_description_and_tag(
    spec_client: httpx.AsyncClient,
) -> None:
    offenders = [
        label
        for label, op in operations(await served_openapi(spec_client))
        if not (op.get("summary", "").strip() and op.get("description", "").strip())
        or not op.get("tags")
    ]
    assert offenders == []


async def test_operation_ids_are_unique_function_names(spec_client: httpx.AsyncClient) -> None:
    """Generated clients (`make client`) name their functions after the operationId."""
    ids = [op["operationId"] for _, op in operations(await served_openapi(spec_client))]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    offenders = [i for i in ids if not re.fullmatch(r"[a-z][a-z0-9_]*", i) or "api_v1" in i]
    assert offenders == []
    assert {"list_exercises", "sign_in", "build_routine", "create_session"} <= set(ids)


async def test_every_operation_has_a_success_response_with_a_schema_and_an_example(
    spec_client: httpx.AsyncClient,
) -> None:
    spec = await served_openapi(spec_client)
    offenders = []
    for label, op in operations(spec):
        if set(op["responses"]) & {"204"} and not any(
            s.startswith("2") and s != "204" for s in op["responses"]
        ):
            if op["responses"]["204"].get("content"):
                offenders.append(f"{label}: a 204 must not declare a body")
            continue  # No Content: nothing to describe or exemplify
        content = success_content(op)
        if content is None or "schema" not in content:
            offenders.append(f"{label}: no 2xx application/json (or exemplified) schema")
            continue
        schema = resolve(spec, content["schema"])
        if not ({"example", "examples"} & (content.keys() | schema.keys())):
            offenders.append(f"{label}: no example")
    assert offenders == []


async def test_every_response_body_declares_a_schema(spec_client: httpx.AsyncClient) -> None:
    """Generated clients parse a body only when its schema is declared (e.g. 200 and 201)."""
    offenders = [
        f"{label} {status} {media_type}"
        for label, op in operations(await served_openapi(spec_client))
        for status, response in op["responses"].items()
        for media_type, content in response.get("content", {}).items()
        if "schema" not in content
    ]
    assert offenders == []


async def test_every_operation_declares_its_errors_as_problem_json(
    spec_client: httpx.AsyncClient,
) -> None:
    spec = await served_openapi(spec_client)
    offenders = []
    fhir_operations = 0
    for label, op in operations(spec):
        errors = error_responses(op)
        if not errors:
            offenders.append(f"{label}: declares no error response")
        media, ref = (FHIR, OUTCOME_REF) if "/fhir/" in label else (PROBLEM, PROBLEM_REF)
        fhir_operations += media == FHIR
        # A FHIR error answers in the negotiated type: application/json when preferred.
        types = {FHIR, "application/json"} if media == FHIR else {media}
        for status, response in errors.items():
            content = response.get("content", {})
            if set(content) != types or any(
                content[t].get("schema") != {"$ref": ref} for t in types
            ):
                offenders.append(f"{label} {status}: content is {sorted(content)}")
        if media == FHIR:
            assert {"400", "404", "406", "422", "500"} <= set(errors), label
    assert offenders == []
    assert fhir_operations >= 6


async def test_problem_schema_requires_every_member(spec_client: httpx.AsyncClient) -> None:
    spec = await served_openapi(spec_client)
    problem = spec["components"]["schemas"]["Problem"]
    assert set(problem["required"]) == {"type", "title", "status", "detail", "instance", "errors"}
    assert "HTTPValidationError" not in spec["components"]["schemas"]


async def test_operations_added_later_inherit_the_generic_problem_declarations(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    @app.post("/probe/notes", summary="Probe", description="Probe: a body-taking route.")
    def create_note(note: Note) -> Note:
        return note

    @app.get("/probe/search", summary="Probe", description="Probe: a query parameter.")
    def search(q: str) -> list[str]:
        return [q]

    spec = await served_openapi(client)
    post = spec["paths"]["/probe/notes"]["post"]["responses"]
    get = spec["paths"]["/probe/search"]["get"]["responses"]
    assert {"400", "413", "415", "422", "500"} <= set(post)
    assert {"422", "500"} <= set(get)
    for status, response in [*error_responses({"responses": post}).items(), ("422", get["422"])]:
        assert response["content"][PROBLEM]["schema"] == {"$ref": PROBLEM_REF}
        assert response["content"][PROBLEM]["example"]["status"] == int(status)
    assert "HTTPValidationError" not in spec["components"]["schemas"]


class _AssetLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("src", "href") and value:
                self.urls.append(value)


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
async def test_docs_pages_load_only_assets_the_app_serves(
    spec_client: httpx.AsyncClient, page: str
) -> None:
    response = await spec_client.get(page)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    links = _AssetLinks()
    links.feed(response.text)
    assert links.urls, "the page should load the UI's script"
    assert "http://" not in response.text and "https://" not in response.text
    for url in links.urls:
        assert url.startswith("/") and not url.startswith("//"), url
        asset = await spec_client.get(url)
        assert asset.status_code == 200, url
        assert asset.content, url


@pytest.mark.parametrize("asset", DOCS_ASSETS)
async def test_docs_assets_are_served_by_the_app(
    spec_client: httpx.AsyncClient, asset: str
) -> None:
    response = await spec_client.get(asset)
    assert response.status_code == 200
    assert len(response.content) > 10_000


async def test_the_redoc_bundle_loads_nothing_from_a_cdn(spec_client: httpx.AsyncClient) -> None:
    response = await spec_client.get("/docs-assets/redoc.standalone.js")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert b"cdn.redoc.ly" not in response.content
    again = await spec_client.get(
        "/docs-assets/redoc.standalone.js", headers={"If-None-Match": response.headers["etag"]}
    )
    assert again.status_code == 304


async def test_healthz_answers_ok(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_readyz_is_ready_at_the_latest_migration(client: httpx.AsyncClient) -> None:
    response = await client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "database": "ok", "migration": head_revision()}


async def _readyz_of(database_url: str) -> httpx.Response:
    application = create_app(settings_for(database_url))
    transport = httpx.ASGITransport(app=application)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://medius.test") as c:
            return await c.get("/readyz")
    finally:
        application.state.engine.dispose()


async def test_readyz_is_503_when_the_schema_was_never_migrated(tmp_path: Path) -> None:
    response = await _readyz_of(f"sqlite:///{tmp_path / 'never-migrated.db'}")
    assert response.status_code == 503
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert body["status"] == 503
    assert "migrat" in body["detail"]


async def test_readyz_is_503_when_the_database_is_unreachable(tmp_path: Path) -> None:
    response = await _readyz_of(f"sqlite:///{tmp_path / 'missing-dir' / 'medius.db'}")
    assert response.status_code == 503
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["detail"] == "The database is not reachable."


async def test_security_says_which_operations_anonymous_callers_may_use(
    client: httpx.AsyncClient,
) -> None:
    """A generator or mock server reads `security: []` as "no credentials", and `{}` among
    the requirements as "credentials optional". The anonymous ones are exactly the
    authorization matrix's public operations; the optional ones serve templates to anyone."""
    spec = await served_openapi(client)
    declared = {
        (method.upper(), path): op["security"]
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if method in HTTP_METHODS
    }
    anonymous = {operation for operation, security in declared.items() if security == []}
    assert anonymous == PUBLIC_OPERATIONS
    optional = {operation for operation, security in declared.items() if {} in security}
    assert ("GET", "/api/v1/routines/{routine_id}") in optional
    assert ("POST", "/api/v1/routines") not in optional
    for operation, security in declared.items():
        if operation not in anonymous:
            assert {"OAuth2PasswordBearer": []} in security, operation
    templates = (await client.get("/api/v1/routines", params={"template": "true"})).json()
    assert templates["items"], "the seeded templates are readable without a token"
    template = templates["items"][0]["id"]
    for path in ("/api/v1/routines/{id}", "/api/v1/routines/{id}/timeline"):
        response = await client.get(path.format(id=template))
        assert response.status_code == 200, path
    assert (await client.get("/api/v1/routines")).status_code == 401


LICENSE_FILE = Path(__file__).resolve().parents[1] / "LICENSE"


async def test_servers_and_license_are_declared(client: httpx.AsyncClient) -> None:
    spec = await served_openapi(client)
    assert spec["servers"][0]["url"] == "/"
    assert spec["info"]["license"] == {"name": "MIT", "identifier": "MIT"}
    assert LICENSE_FILE.read_bytes().startswith(b"MIT License")


@pytest.mark.parametrize(("query", "status"), [("x=%FF", 400), ("x=%00", 422)])
async def test_the_query_guard_statuses_declared_on_every_operation_are_real(
    client: httpx.AsyncClient, query: str, status: int
) -> None:
    """/healthz declares no query parameter, yet the guard checks its query string too."""
    spec = await served_openapi(client)
    assert str(status) in spec["paths"]["/healthz"]["get"]["responses"]
    response = await client.get(f"/healthz?{query}")
    assert response.status_code == status
    assert response.headers["content-type"] == PROBLEM


def included_routes(application: FastAPI) -> list[tuple[APIRouter, str, APIRoute]]:
    """Every route of every router the app includes: its router, its full path, the route."""
    return [
        (included.original_router, included.include_context.prefix + route.path, route)
        for included in application.router.routes
        if hasattr(included, "original_router")
        for route in included.original_router.routes
        if isinstance(route, APIRoute)
    ]


def requests_two_routers_would_match(application: FastAPI) -> list[str]:
    """Pairs of operations of two different routers that one request could match: a
    request for the first route's path (its parameters filled in) and method that the
    second route's pattern also matches."""
    routes = included_routes(application)
    return [
        f"{' '.join(sorted(methods))} {path} (also {other_path})"
        for (router, path, route), (other_router, other_path, other) in permutations(routes, 2)
        if router is not other_router
        and (methods := route.methods & other.methods)
        and compile_path(other_path)[0].match(re.sub(r"\{[^}]+\}", "x1", path))
    ]


def test_no_request_can_match_routes_of_two_routers(spec_app: FastAPI) -> None:
    """app/main.py orders the routers by how often they are called, which is only right
    while the order decides what matching costs and never which route answers."""
    assert len({id(router) for router, _, _ in included_routes(spec_app)}) >= 20
    assert requests_two_routers_would_match(spec_app) == []


def test_the_router_overlap_check_finds_a_parameter_that_swallows_a_path() -> None:
    mine, theirs = APIRouter(), APIRouter()
    mine.add_api_route("/things/export", lambda: None, methods=["GET"])
    theirs.add_api_route("/things/{slug}", lambda: None, methods=["GET"])
    theirs.add_api_route("/things/export", lambda: None, methods=["POST"])
    application = FastAPI()
    application.include_router(mine, prefix="/api")
    application.include_router(theirs, prefix="/api")
    assert requests_two_routers_would_match(application) == [
        "GET /api/things/export (also /api/things/{slug})"
    ]
