"""The one way a route answers with user data: JSON encoded once, `private, no-store`.

Services return public models (or JSON-ready dicts of a public model's shape on the
measured hot paths); a record that has a version or an address comes back as a
`Resource` carrying its ETag and Location. `respond` turns either into the response,
so the headers the contract asks for are set in one place and a route cannot forget
them. The catalog's public, cacheable reads are the one other path
(`app.core.caching.public_json`).

Encoding goes through `app.core.json.dumps` (orjson), not through `response_model`
validation: the models are already validated when the service builds them, and the
second pass would cost more than the encoding itself on the signed-in hot paths.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from starlette.responses import Response

from app.core.caching import PRIVATE
from app.core.json import dumps

API_PREFIX = "/api/v1"

T = TypeVar("T")
# A service's answer: a model, or a list or a dict of a model's shape (a TypedDict, so
# `Mapping[str, object]`: a TypedDict is no `dict[str, Any]` to mypy).
Body = BaseModel | Sequence[object] | Mapping[str, object]


@dataclass(frozen=True, slots=True)
class Resource(Generic[T]):
    """A record as a service answers it: its public body, its version and its address."""

    body: T
    etag: str | None = None
    location: str | None = None  # path below API_PREFIX, e.g. "/routines/<id>"


def to_bytes(payload: Body) -> bytes:
    if isinstance(payload, BaseModel):
        return dumps(payload.model_dump(mode="json"))
    return dumps(payload)


def respond_encoded(content: bytes, media_type: str = "application/json") -> Response:
    """`respond` for a body already encoded (an answer kept from an earlier request)."""
    return Response(content=content, media_type=media_type, headers={"Cache-Control": PRIVATE})


def respond_created(payload: Resource[Any] | Body, created: bool) -> Response:
    """`respond` for a create safe to retry by the client's own id: 201 when this request
    made it, 200 when an earlier one with the same id did."""
    return respond(payload, status_code=201 if created else 200)


def respond(
    payload: Resource[Any] | Body | None = None,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
    media_type: str = "application/json",
) -> Response:
    """The response for a service's answer: JSON (or 204 for None), never cached by
    shared caches, with the resource's `ETag` and `Location` when it has them."""
    merged = {"Cache-Control": PRIVATE}
    body: Body | None
    if isinstance(payload, Resource):
        body = payload.body
        if payload.etag is not None:
            merged["ETag"] = payload.etag
        if payload.location is not None:
            merged["Location"] = API_PREFIX + payload.location
    else:
        body = payload
    if headers:
        merged.update(headers)
    if body is None:
        return Response(status_code=204 if status_code == 200 else status_code, headers=merged)
    return Response(
        content=to_bytes(body),
        status_code=status_code,
        media_type=media_type,
        headers=merged,
    )
