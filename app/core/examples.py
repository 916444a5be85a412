"""OpenAPI examples: made by each domain's `examples.py`, placed when the document is built.

A route declares the function that makes its example (`example_response(examples.routine)`),
not the value. `app.core.openapi` calls the function when the document is first rendered,
and puts the value in after FastAPI's rendering, for two reasons:

- Examples drawn from real data (the seed catalog, the builder's own answer) cost a seed
  load or a build; made at import, every process start and every test would pay for them.
- FastAPI renders the document with `exclude_none`, which would strip every `null` from an
  example, so a response example could not show a nullable member its schema requires.

Until then a route holds a marker string naming the function; `tests/test_openapi_examples.py`
checks every example of the rendered document against the schema it is published under.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from typing import Any

from app.core.types import JSONValue, OpenAPIObject

# A JSON value, or a document typed by its TypedDict (the FHIR resources: app/exports/fhir).
ExampleFactory = Callable[[], JSONValue | Mapping[str, object]]
JSON = "application/json"
_FACTORIES: dict[str, ExampleFactory] = {}


def lazy_example(factory: ExampleFactory) -> str:
    """A marker for `factory`'s value, replaced by `fill_examples` in the rendered document."""
    marker = f"<example {factory.__module__}.{factory.__qualname__}>"
    _FACTORIES[marker] = factory
    return marker


def example_response(
    factory: ExampleFactory, description: str = "Successful Response"
) -> OpenAPIObject:
    """A `responses=` entry whose JSON body example is `factory()`."""
    return {"description": description, "content": {JSON: {"example": lazy_example(factory)}}}


def retry_response(
    factory: ExampleFactory, what: str, model: type
) -> dict[int | str, OpenAPIObject]:
    """The `responses=` entry of a create made safe to retry by the client's own id: a retry
    answers 200 with what the first request made (`what`), as `model`."""
    return {200: {**example_response(factory, f"A retry: {what}"), "model": model}}


def example_body(factory: ExampleFactory) -> OpenAPIObject:
    """An `openapi_extra=` giving the JSON request body the example `factory()`."""
    return {"requestBody": {"content": {JSON: {"example": lazy_example(factory)}}}}


def fill_examples(node: Any) -> Any:
    """`node` (a rendered OpenAPI document, or part of one) with every marker made its value."""
    if isinstance(node, dict):
        return {key: fill_examples(value) for key, value in node.items()}
    if isinstance(node, list):
        return [fill_examples(value) for value in node]
    if isinstance(node, str) and node in _FACTORIES:
        # A copy: the factories cache their value, and a document is the caller's to change.
        return copy.deepcopy(_FACTORIES[node]())
    return node
