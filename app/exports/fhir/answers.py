"""How the FHIR routes answer: their OpenAPI `responses=` (every error an
OperationOutcome) and the three ways a FHIR read responds (a public search, a public
instance with its versioned ETag, a patient's instance with its versioned ETag), each
answering `If-None-Match` with 304."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from app.core.caching import PRIVATE, PUBLIC_CACHE_HEADERS, etag_matches, public_json
from app.core.config import Settings
from app.core.examples import ExampleFactory, lazy_example
from app.core.responses import API_PREFIX, Resource, respond, to_bytes
from app.core.types import OpenAPIObject
from app.exports.fhir import examples, resources
from app.exports.fhir.codes import FHIR_MEDIA_TYPE
from app.exports.fhir.http import JSON
from app.exports.fhir.models import OperationOutcome


class FhirResponse(JSONResponse):
    """Declares the routes' media type (and, being JSON, their models' schemas) in OpenAPI;
    the routes answer through `respond` and `public_json` with the same type."""

    media_type = FHIR_MEDIA_TYPE


ERROR_DETAIL = {
    400: "Unsupported parameters under Prefer: handling=strict: _sort.",
    401: "Sign in first: send `Authorization: Bearer <access token>`.",
    403: "The patient has granted you none of the scopes the FHIR export reads.",
    404: "No such resource, or not one you may read.",
    406: "This server serves FHIR as JSON only: send _format=json.",
    413: "The request body is larger than 1048576 bytes.",
    415: "Send the body as application/json.",
    422: "query._count: Input should be greater than or equal to 0",
    500: "An unexpected error occurred; it has been logged.",
}
PUBLIC_ERRORS = (400, 404, 406, 422, 500)
PATIENT_ERRORS = (400, 401, 404, 406, 422, 500)
CLINIC_ERRORS = (*PATIENT_ERRORS, 403)
# What the request guard answers a body-taking method (app/core/middleware.py).
BODY_ERRORS = (413, 415)

VERSIONED_ETAG: OpenAPIObject = {
    "description": 'The version read: `W/"<meta.versionId>"`; send it back in `If-None-Match`.',
    "required": True,
    "schema": {"type": "string", "pattern": r'^W/"[0-9]+"$'},
}
PUBLIC_INSTANCE_HEADERS: OpenAPIObject = {**PUBLIC_CACHE_HEADERS, "ETag": VERSIONED_ETAG}
PRIVATE_INSTANCE_HEADERS: OpenAPIObject = {
    "ETag": VERSIONED_ETAG,
    "Cache-Control": {
        "description": "`private, no-store`: a patient's data.",
        "required": True,
        "schema": {"type": "string", "const": PRIVATE},
    },
}


def _outcome_example(status: int) -> ExampleFactory:
    def example() -> resources.OperationOutcome:
        body = examples.outcome()
        body["issue"][0]["diagnostics"] = ERROR_DETAIL[status]
        return body

    example.__qualname__ = f"outcome_{status}"
    return example


def _schema(model: type[BaseModel]) -> OpenAPIObject:
    return {"$ref": f"#/components/schemas/{model.__name__}"}


def fhir_answers(
    model: type[BaseModel],
    example: ExampleFactory,
    errors: tuple[int, ...],
    *,
    headers: OpenAPIObject | None = None,
) -> dict[int | str, dict[str, Any]]:
    """`responses=` of a FHIR operation: its 200 (`model`, with `headers` and then a 304)
    and its errors, every one an OperationOutcome; each as `application/fhir+json`, or as
    `application/json` when the client prefers that (app/exports/fhir/http.py)."""
    ok: dict[str, Any] = {
        "description": "The resource, as application/fhir+json (or application/json when "
        "that is what the client asked for)",
        "content": {
            FHIR_MEDIA_TYPE: {"example": lazy_example(example)},
            JSON: {"schema": _schema(model), "example": lazy_example(example)},
        },
    }
    answers: dict[int | str, dict[str, Any]] = {200: ok}
    if headers is not None:
        ok["headers"] = headers
        answers[304] = {
            "description": "Not Modified: the `If-None-Match` ETag is current; no body.",
            "headers": headers,
        }
    for status in errors:
        answers[status] = {
            "model": OperationOutcome,
            "description": f"OperationOutcome ({status})",
            "content": {
                FHIR_MEDIA_TYPE: {"example": lazy_example(_outcome_example(status))},
                JSON: {
                    "schema": _schema(OperationOutcome),
                    "example": lazy_example(_outcome_example(status)),
                },
            },
        }
    return answers


def fhir_base(settings: Settings) -> str:
    """The FHIR base every `fullUrl` is built on (PUBLIC_BASE_URL, not the Host header)."""
    return f"{settings.public_url}{API_PREFIX}/fhir"


def clinic_base(settings: Settings, clinic_id: object) -> str:
    return f"{settings.public_url}{API_PREFIX}/clinics/{clinic_id}/fhir"


def version_etag(resource: resources.AnyResource) -> str:
    """A resource's ETag: its `meta.versionId` as a weak tag (http.html#versioning)."""
    return f'W/"{resource["meta"].get("versionId", "1")}"'


def public_search(request: Request, body: resources.Answer, settings: Settings) -> Response:
    return public_json(
        request, to_bytes(body), settings.catalog_max_age, media_type=FHIR_MEDIA_TYPE
    )


def public_instance(
    request: Request, resource: resources.AnyResource, settings: Settings
) -> Response:
    return public_json(
        request,
        to_bytes(resource),
        settings.catalog_max_age,
        etag=version_etag(resource),
        media_type=FHIR_MEDIA_TYPE,
    )


def private_instance(request: Request, resource: resources.AnyResource) -> Response:
    """A patient's resource with its version's ETag; 304 while `If-None-Match` names it."""
    etag = version_etag(resource)
    if etag_matches(request.headers.get("if-none-match"), etag):
        return Response(status_code=304, headers={"ETag": etag, "Cache-Control": PRIVATE})
    return respond(Resource(resource, etag=etag), media_type=FHIR_MEDIA_TYPE)


def private_bundle(bundle: resources.Bundle) -> Response:
    return respond(bundle, media_type=FHIR_MEDIA_TYPE)
