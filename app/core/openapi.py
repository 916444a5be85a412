"""The served OpenAPI tells the truth about errors, whichever route raised them.

Some problems do not come from a route: the request guard answers 413 and 415 for any
body-taking method, the validation handler answers 400 and 422 as problem+json, and any
route can fail with 500. They are declared here once, so every operation (including
routes added later) documents them, and FastAPI's default `application/json` 422 never
contradicts the problem+json body the app really sends.

Operations that need no sign-in say so with `security: []` (FastAPI declares the bearer
scheme on the others), so a generator or a mock server knows they are anonymous; those that
serve both (a template is readable by anyone, a routine only by its owner) say
`[{bearer}, {}]`: a token, or none. Examples are
made by the domains' `examples.py` and filled in once the document is rendered (see
`app.core.examples`).

Each operation's `operationId` is its route function's name (`list_exercises`, not
FastAPI's default `list_exercises_api_v1_exercises_get`): generated clients name their
functions after it, so it is part of the contract and must be unique.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts

from app.core.examples import fill_examples
from app.core.middleware import BODY_METHODS, GUARD_STATUSES, QUERY_GUARD_STATUSES
from app.core.problems import Problem, problem_responses
from app.core.types import OpenAPIObject

# Raised by the validation handler when a JSON body does not parse (400) or fit (422).
BODY_STATUSES = (400, 422)
# Any operation can fail unexpectedly (the client still gets problem+json), and the request
# guard checks every query string, declared parameters or not.
EVERY_OPERATION_STATUSES = (500, *QUERY_GUARD_STATUSES)
_FASTAPI_SCHEMAS = ("HTTPValidationError", "ValidationError")
_REF = "#/components/schemas/"


def operation_id(route: APIRoute) -> str:
    """The `operationId` of a route (FastAPI's `generate_unique_id_function`): its function name."""
    return route.name


def install_openapi(app: FastAPI, optional_auth: Sequence[Callable[..., Any]] = ()) -> None:
    """Wrap `app.openapi`: every problem the app can send, its security and examples filled in.

    `optional_auth` are the dependencies that let a route serve anonymous callers too.
    """
    original = app.openapi

    def openapi() -> OpenAPIObject:
        if app.openapi_schema:
            return app.openapi_schema
        schema: OpenAPIObject = fill_examples(original())
        anonymous_too = _operations_depending_on(app, optional_auth)
        _register_problem_schema(schema)
        for path_item in schema.get("paths", {}).values():
            for method, operation in path_item.items():
                if isinstance(operation, dict) and "responses" in operation:
                    _declare_problems(method.upper(), operation)
                    security = operation.setdefault("security", [])
                    if operation.get("operationId") in anonymous_too and {} not in security:
                        security.append({})
        _drop_unused_fastapi_validation_schemas(schema)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def _operations_depending_on(app: FastAPI, calls: Sequence[Callable[..., Any]]) -> set[str]:
    """The operationIds of the routes that depend on any of `calls`, directly or through
    others."""

    def depends(dependant: Dependant) -> bool:
        return any(
            any(sub.call is call for call in calls) or depends(sub)
            for sub in dependant.dependencies
        )

    if not calls:
        return set()
    routes = (context.original_route for context in iter_route_contexts(app.routes))
    return {
        operation_id(route)
        for route in routes
        if isinstance(route, APIRoute) and depends(route.dependant)
    }


def _register_problem_schema(schema: OpenAPIObject) -> None:
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    problem = Problem.model_json_schema(ref_template=_REF + "{model}")
    for name, sub in problem.pop("$defs", {}).items():
        components.setdefault(name, sub)
    components.setdefault("Problem", problem)


def _declare_problems(method: str, operation: OpenAPIObject) -> None:
    responses: OpenAPIObject = operation["responses"]
    statuses: list[int] = list(EVERY_OPERATION_STATUSES)
    if method in BODY_METHODS:
        statuses += GUARD_STATUSES
    if "requestBody" in operation:
        statuses += BODY_STATUSES
    for status, entry in problem_responses(*statuses, 422).items():
        current = responses.get(str(status))
        if _is_fastapi_validation_error(current) or (current is None and status in statuses):
            responses[str(status)] = entry


def _is_fastapi_validation_error(response: OpenAPIObject | None) -> bool:
    """FastAPI's own 422 entry, added to any operation with parameters or a body."""
    content = (response or {}).get("content", {})
    ref = content.get("application/json", {}).get("schema", {}).get("$ref", "")
    return bool(ref == _REF + "HTTPValidationError")


def _drop_unused_fastapi_validation_schemas(schema: OpenAPIObject) -> None:
    """FastAPI's validation schemas describe a body this app never sends; drop them if orphaned."""
    components = schema.get("components", {}).get("schemas", {})
    others = {name: sub for name, sub in components.items() if name not in _FASTAPI_SCHEMAS}
    text = json.dumps([schema.get("paths", {}), others])
    for name in _FASTAPI_SCHEMAS:
        if f'"{_REF}{name}"' not in text:
            components.pop(name, None)
