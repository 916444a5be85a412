"""RFC 9457 problem details: the one place where errors become HTTP responses."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from http import HTTPStatus
from typing import Any, TypedDict

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.routing import Match

from app.core import errors
from app.core.caching import STALE_WRITE
from app.core.examples import ExampleFactory, example_response
from app.core.json import dumps
from app.core.shapes import mirror
from app.core.types import OpenAPIObject

PROBLEM_MEDIA_TYPE = "application/problem+json"
# The scope key app.core.middleware.HeadAsGet sets on a HEAD it passes on as a GET.
HEAD_REQUEST = "medius.head"
# A problem document is bounded whatever the request: a 1 MiB body of nested lists once
# made a 135 MB answer. Past MAX_ERRORS entries one last entry says how many were left
# out; echoed text (a location's key, a message, the detail) is cut to these lengths.
MAX_ERRORS = 20
MAX_LOC_TEXT = 64
MAX_MSG = 300
MAX_DETAIL = 1000
PROBLEM_TYPE_BASE = "https://medius.dev/problems/"

logger = logging.getLogger("medius")

_STATUS_BY_ERROR: dict[type[errors.DomainError], int] = {
    errors.NotFound: 404,
    errors.Conflict: 409,
    errors.PreconditionFailed: 412,
    errors.PreconditionRequired: 428,
    errors.Invalid: 422,
    errors.Infeasible: 422,
    errors.Unauthorized: 401,
    errors.Forbidden: 403,
    errors.NotAcceptable: 406,
    errors.RateLimited: 429,
}

# Kinds of problem a client may want to tell apart from others of the same status.
_SLUG_BY_ERROR: dict[type[errors.DomainError], str] = {
    errors.QuotaExceeded: "quota-exceeded",
    errors.IdTaken: "id-taken",
    errors.PrescribedReadOnly: "prescribed-routine-read-only",
    errors.ScopeNotGranted: "scope-not-granted",
    errors.DisplayNameRequired: "display-name-required",
    errors.EditWindowClosed: "edit-window-closed",
}

_SLUG_BY_STATUS = {
    400: "malformed-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    409: "conflict",
    412: "precondition-failed",
    413: "payload-too-large",
    415: "unsupported-media-type",
    422: "validation-error",
    428: "precondition-required",
    429: "rate-limited",
    500: "internal-error",
}


class ProblemFieldError(BaseModel):
    loc: list[str | int] = Field(description="Path to the offending value.")
    msg: str
    type: str


class Problem(BaseModel):
    """RFC 9457 problem details, as every error of this API is shaped."""

    type: str = Field(
        description="URI naming the kind of problem.", examples=[PROBLEM_TYPE_BASE + "not-found"]
    )
    title: str = Field(description="The HTTP status phrase.", examples=["Not Found"])
    status: int = Field(ge=400, le=599, description="The HTTP status code.", examples=[404])
    detail: str = Field(
        description="What went wrong, for a person.", examples=["No exercise with slug 'plank'."]
    )
    instance: str = Field(
        description="The request path that failed.", examples=["/api/v1/exercises/plank"]
    )
    errors: list[ProblemFieldError] = Field(
        description="One entry per offending value; empty when no single value is to blame.",
        examples=[[]],
    )


class ProblemFieldErrorBody(TypedDict):
    loc: list[str | int]
    msg: str
    type: str


class ProblemBody(TypedDict):
    type: str
    title: str
    status: int
    detail: str
    instance: str
    errors: list[ProblemFieldErrorBody]


mirror(ProblemFieldErrorBody, ProblemFieldError)
mirror(ProblemBody, Problem)


def problem_response(
    request: Request | None,
    status: int,
    detail: str,
    *,
    field_errors: Sequence[ProblemFieldErrorBody] | None = None,
    headers: dict[str, str] | None = None,
    path: str | None = None,
    type_slug: str | None = None,
) -> Response:
    instance = path if path is not None else (request.url.path if request is not None else "")
    body: ProblemBody = {
        "type": PROBLEM_TYPE_BASE + (type_slug or _SLUG_BY_STATUS.get(status, "error")),
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": _cut(detail, MAX_DETAIL),
        "instance": _cut(instance, MAX_DETAIL),
        "errors": _bounded(field_errors or []),
    }
    return Response(
        content=dumps(body), status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers
    )


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _bounded(field_errors: Sequence[ProblemFieldErrorBody]) -> list[ProblemFieldErrorBody]:
    """At most MAX_ERRORS entries (the last one counting the rest), each of bounded size."""
    kept: list[ProblemFieldErrorBody] = [
        {
            "loc": [p if isinstance(p, int) else _cut(str(p), MAX_LOC_TEXT) for p in e["loc"]][
                :MAX_ERRORS
            ],
            "msg": _cut(e["msg"], MAX_MSG),
            "type": _cut(e["type"], MAX_LOC_TEXT),
        }
        for e in field_errors[:MAX_ERRORS]
    ]
    omitted = len(field_errors) - len(kept)
    if omitted > 0:
        kept[-1] = {
            "loc": [],
            "msg": f"{omitted + 1} more errors omitted; fix these and send again",
            "type": "errors_omitted",
        }
    return kept


def _jsonable_loc(loc: Any) -> list[str | int]:
    return [p if isinstance(p, int) else str(p) for p in loc]


def _validation_errors(exc: RequestValidationError) -> list[ProblemFieldErrorBody]:
    out: list[ProblemFieldErrorBody] = []
    for err in exc.errors():
        msg = str(err.get("msg", "invalid value"))
        out.append(
            {
                "loc": _jsonable_loc(err.get("loc", ())),
                "msg": msg,
                "type": str(err.get("type", "")),
            }
        )
    return out


async def _on_domain_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, errors.DomainError)
    status = next(
        (code for cls, code in _STATUS_BY_ERROR.items() if type(exc) is cls),
        next((code for cls, code in _STATUS_BY_ERROR.items() if isinstance(exc, cls)), 400),
    )
    headers = dict(exc.headers)
    if status == 401:
        headers.setdefault("WWW-Authenticate", "Bearer")
    return problem_response(
        request,
        status,
        exc.detail,
        field_errors=[{"loc": e.loc, "msg": e.msg, "type": e.type} for e in exc.errors],
        headers=headers,
        type_slug=_SLUG_BY_ERROR.get(type(exc)),
    )


async def _on_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    field_errors = _validation_errors(exc)
    if any(e["type"] == "json_invalid" for e in field_errors):
        return problem_response(
            request, 400, "The request body is not valid JSON.", field_errors=field_errors
        )
    return problem_response(
        request, 422, "The request has invalid values; see `errors`.", field_errors=field_errors
    )


async def _on_http_exception(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"No resource at {request.url.path}."
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        method = "HEAD" if request.scope.get(HEAD_REQUEST) else request.method
        detail = f"{method} is not allowed on {request.url.path}."
        headers["Allow"] = ", ".join(_allowed_methods(request))
    return problem_response(request, exc.status_code, detail, headers=headers)


def _allowed_methods(request: Request) -> list[str]:
    """Every method some route serves at this path (Starlette names only the first route's);
    HEAD wherever GET is (app.core.middleware.HeadAsGet answers it)."""
    allowed = []
    for method in ("DELETE", "GET", "PATCH", "POST", "PUT"):
        scope = {**request.scope, "method": method}
        if any(route.matches(scope)[0] == Match.FULL for route in request.app.routes):
            allowed.append(method)
            if method == "GET":
                allowed.append("HEAD")
    return allowed


async def _on_unexpected(request: Request, exc: Exception) -> Response:
    logger.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem_response(request, 500, "An unexpected error occurred; it has been logged.")


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(errors.DomainError, _on_domain_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_exception)
    app.add_exception_handler(Exception, _on_unexpected)


def problem_responses(*statuses: int) -> dict[int | str, OpenAPIObject]:
    """OpenAPI `responses=` entries declaring problem+json bodies for the given statuses.

    No `model=`: FastAPI would then also advertise the body as `application/json`, which
    this API never sends for an error. `app.core.openapi` registers the Problem schema.
    """
    return {
        status: {
            "description": HTTPStatus(status).phrase,
            "content": {
                PROBLEM_MEDIA_TYPE: {
                    "schema": {"$ref": "#/components/schemas/Problem"},
                    "example": _example(status),
                }
            },
        }
        for status in statuses
    }


def answers(
    example: ExampleFactory | None,
    *problems: int,
    status: int = 200,
    description: str = "Successful Response",
) -> dict[int | str, OpenAPIObject]:
    """A route's whole `responses=`: its success (with `example` as the body, or none for
    a 204) and the problem+json statuses it can answer with."""
    success = example_response(example, description) if example else {"description": description}
    return {status: success, **problem_responses(*problems)}


def _example(status: int) -> ProblemBody:
    """A realistic problem document for the status, for the docs."""
    errors: list[ProblemFieldErrorBody] = (
        [
            {
                "loc": ["query", "limit"],
                "msg": "Input should be less than or equal to 100",
                "type": "less_than_equal",
            }
        ]
        if status == 422
        else []
    )
    return {
        "type": PROBLEM_TYPE_BASE + _SLUG_BY_STATUS.get(status, "error"),
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": _EXAMPLE_DETAIL.get(status, HTTPStatus(status).description),
        "instance": "/api/v1/...",
        "errors": errors,
    }


_EXAMPLE_DETAIL = {
    400: "The request body is not valid JSON.",
    401: "Sign in first: send `Authorization: Bearer <access token>`.",
    403: "Only catalog administrators may do this.",
    404: "No exercise with slug 'plank'.",
    409: "An account with this email already exists.",
    412: STALE_WRITE,
    413: "The request body is larger than 1048576 bytes.",
    415: "Send the body as application/json.",
    422: "The request has invalid values; see `errors`.",
    428: "Send If-Match with the ETag you last read, so a concurrent change is never lost.",
    429: "Too many failed sign-ins; try again in 42 seconds.",
    500: "An unexpected error occurred; it has been logged.",
}
