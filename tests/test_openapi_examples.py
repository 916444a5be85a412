"""Every example in the OpenAPI document validates against the schema it is published under.

Integrators' tools (code generators, mock servers, contract testers, Swagger UI) read the
examples as the document states them. So the check is a JSON Schema validator (2020-12, the
dialect of OpenAPI 3.1) over the document itself, `$ref`s resolved within it, and not the
pydantic models: their validation mode fills in defaults that the published response schemas
(serialization mode) require, which is how incomplete examples used to pass.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts
from jsonschema import Draft202012Validator
from pydantic import TypeAdapter
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from app.core.config import Settings
from app.main import create_app

ROOT = Path(__file__).resolve().parents[1]
DOCUMENT_URI = "urn:medius:openapi"
HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
# Keywords whose value is one subschema, a map of subschemas, or a list of subschemas.
ONE_SCHEMA = (
    "items",
    "additionalProperties",
    "unevaluatedProperties",
    "unevaluatedItems",
    "not",
    "contains",
    "propertyNames",
    "if",
    "then",
    "else",
)
SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "dependentSchemas")
SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")

# One example value to check: where it sits, where its schema sits (JSON pointers).
Example = tuple[str, str, Any]


def _pointer(*parts: str) -> str:
    return "".join("/" + part.replace("~", "~0").replace("/", "~1") for part in parts)


def _deref(document: dict[str, Any], node: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """An OpenAPI object that may be a `$ref` (to components): the target and its pointer."""
    ref = node.get("$ref")
    if not isinstance(ref, str) or not ref.startswith("#/"):
        return node, None
    target: Any = document
    for part in ref[2:].split("/"):
        target = target[part.replace("~1", "/").replace("~0", "~")]
    return target, ref[1:]


def _schema_examples(schema: Any, at: str) -> Iterator[Example]:
    """JSON Schema `examples` (and OpenAPI's `example`) anywhere inside a schema."""
    if not isinstance(schema, dict):
        return
    for value in schema.get("examples", []) if isinstance(schema.get("examples"), list) else []:
        yield at + "/examples", at, value
    if "example" in schema:
        yield at + "/example", at, schema["example"]
    for key in ONE_SCHEMA:
        yield from _schema_examples(schema.get(key), at + _pointer(key))
    for key in SCHEMA_MAPS:
        for name, sub in (schema.get(key) or {}).items():
            yield from _schema_examples(sub, at + _pointer(key, name))
    for key in SCHEMA_LISTS:
        for index, sub in enumerate(schema.get(key) or []):
            yield from _schema_examples(sub, at + _pointer(key, str(index)))


def _holder_examples(
    document: dict[str, Any], holder: dict[str, Any], at: str
) -> Iterator[Example]:
    """A media type, parameter or header object: `example`, `examples` and its schema's own."""
    holder, moved = _deref(document, holder)
    at = moved or at
    if "schema" in holder:
        schema_at = at + "/schema"
        if "example" in holder:
            yield at + "/example", schema_at, holder["example"]
        for name, example in (holder.get("examples") or {}).items():
            example, example_at = _deref(document, example)
            if "value" in example:
                yield (
                    (example_at or at + _pointer("examples", name)) + "/value",
                    schema_at,
                    (example["value"]),
                )
        yield from _schema_examples(holder["schema"], schema_at)
    for media_type, media in (holder.get("content") or {}).items():
        yield from _holder_examples(document, media, at + _pointer("content", media_type))
    for name, header in (holder.get("headers") or {}).items():
        yield from _holder_examples(document, header, at + _pointer("headers", name))


def document_examples(document: dict[str, Any]) -> Iterator[Example]:
    """Every example of every parameter, request body, response and schema of the document."""
    for path, item in document.get("paths", {}).items():
        item_at = _pointer("paths", path)
        for index, parameter in enumerate(item.get("parameters", [])):
            parameter_at = item_at + _pointer("parameters", str(index))
            yield from _holder_examples(document, parameter, parameter_at)
        for method, operation in item.items():
            if method not in HTTP_METHODS:
                continue
            at = item_at + _pointer(method)
            for index, parameter in enumerate(operation.get("parameters", [])):
                parameter_at = at + _pointer("parameters", str(index))
                yield from _holder_examples(document, parameter, parameter_at)
            if "requestBody" in operation:
                yield from _holder_examples(document, operation["requestBody"], at + "/requestBody")
            for status, response in operation.get("responses", {}).items():
                yield from _holder_examples(document, response, at + _pointer("responses", status))
    for name, schema in document.get("components", {}).get("schemas", {}).items():
        yield from _schema_examples(schema, _pointer("components", "schemas", name))


def example_problems(document: dict[str, Any]) -> list[str]:
    """What is wrong with the document's examples, one line per error; empty when all conform."""
    resource = Resource.from_contents(document, default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource(DOCUMENT_URI, resource)
    problems = []
    for at, schema_at, value in document_examples(document):
        validator = Draft202012Validator(
            {"$ref": DOCUMENT_URI + "#" + quote(schema_at, safe="/~")},
            registry=registry,
            format_checker=Draft202012Validator.FORMAT_CHECKER,
        )
        for error in validator.iter_errors(value):
            problems.append(f"{at} {error.json_path}: {error.message[:200]}")
    return problems


@pytest.fixture(scope="module")
def application() -> Iterator[FastAPI]:
    app = create_app(Settings(database_url="sqlite://"))
    yield app
    app.state.engine.dispose()


@pytest.fixture(scope="module")
def served(application: FastAPI) -> dict[str, Any]:
    return application.openapi()


def test_every_example_validates_against_the_schema_it_is_published_under(
    served: dict[str, Any],
) -> None:
    assert example_problems(served) == []


def test_each_response_example_is_what_its_public_model_serializes(
    application: FastAPI, served: dict[str, Any]
) -> None:
    """Read through the route's response model and written back, an example is unchanged:
    it holds every member, in the form the app sends (UTC `Z` times, aliases, nulls)."""
    by_id = {
        operation["operationId"]: operation
        for item in served["paths"].values()
        for method, operation in item.items()
        if method in HTTP_METHODS
    }
    checked, offenders = 0, []
    for context in iter_route_contexts(application.routes):
        route = context.original_route
        if not isinstance(route, APIRoute) or route.response_model is None:
            continue
        adapter: TypeAdapter[Any] = TypeAdapter(route.response_model)
        for status, response in by_id[route.name]["responses"].items():
            media = response.get("content", {}).get("application/json", {})
            if not status.startswith("2") or "example" not in media:
                continue
            example = media["example"]
            again = adapter.dump_python(
                adapter.validate_python(example), mode="json", by_alias=True
            )
            checked += 1
            if again != example:
                offenders.append(f"{route.name} {status}")
    assert offenders == []
    assert checked >= 25


def test_the_walk_reaches_every_operations_examples(served: dict[str, Any]) -> None:
    """The check above cannot pass by finding nothing: each operation has examples walked."""
    walked = {at.split("/")[2] + "/" + at.split("/")[3] for at, _, _ in document_examples(served)}
    operations = {
        _pointer(path, method)[1:]
        for path, item in served["paths"].items()
        for method in item
        if method in HTTP_METHODS
    }
    assert operations - walked == set()
    kinds = {at.rsplit("/", 2)[-2] for at, _, _ in document_examples(served)}
    assert {"application~1json", "application~1problem+json"} <= kinds


def test_the_check_catches_what_the_models_forgave() -> None:
    """The issue's cases: a page without `next_cursor` (a default in validation mode but
    required in the published schema), and a list entry that fits neither branch of a union."""
    document = {
        "openapi": "3.1.0",
        "paths": {
            "/things": {
                "get": {
                    "responses": {
                        "200": {
                            "description": "A page",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Page"},
                                    "example": {"items": [{"id": 1, "extra": True}]},
                                }
                            },
                        }
                    }
                }
            }
        },
        "components": {
            "schemas": {
                "Page": {
                    "type": "object",
                    "properties": {
                        "items": {
                            "type": "array",
                            "items": {
                                "anyOf": [
                                    {"$ref": "#/components/schemas/Thing"},
                                    {"$ref": "#/components/schemas/Tombstone"},
                                ]
                            },
                        },
                        "next_cursor": {"anyOf": [{"type": "string"}, {"type": "null"}]},
                    },
                    "required": ["items", "next_cursor"],
                },
                "Thing": {
                    "type": "object",
                    "properties": {"id": {"type": "integer"}, "name": {"type": "string"}},
                    "required": ["id", "name"],
                },
                "Tombstone": {
                    "type": "object",
                    "properties": {"id": {"type": "integer"}},
                    "required": ["id"],
                    "additionalProperties": False,
                },
            }
        },
    }
    problems = example_problems(document)
    assert any("'next_cursor' is a required property" in p for p in problems), problems
    assert any("$.items[0]" in p for p in problems), problems


def test_the_committed_document_has_no_invalid_example() -> None:
    """What integrators download (openapi.json in the repository) is checked as it is."""
    committed = json.loads((ROOT / "openapi.json").read_text(encoding="utf-8"))
    assert example_problems(committed) == []


def test_importing_the_app_computes_no_example() -> None:
    """Examples drawn from the seed and the builder are computed when the document is first
    built, not when a router is imported (every start, every test process)."""
    # create_app reads the seed's ladder for the planner index (start-up work, once), so
    # the seed loader is checked right after the imports, the examples after create_app.
    probe = (
        "import app.main\n"
        "from app.core.config import Settings\n"
        "from app.training.routines import examples\n"
        "from app.catalog.exercises.seed import load_seed\n"
        "print(load_seed.cache_info().currsize)\n"
        "application = app.main.create_app(Settings(database_url='sqlite://'))\n"
        "print(examples.builder_answer.cache_info().currsize)\n"
        "application.openapi()\n"
        "print(examples.builder_answer.cache_info().currsize)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["0", "0", "1"], result.stderr
