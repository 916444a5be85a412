"""JSON responses encoded once, with the headers the contract asks for."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from starlette.responses import Response

from app.core.caching import PRIVATE
from app.core.json import dumps


def to_bytes(payload: BaseModel | list[Any] | dict[str, Any]) -> bytes:
    if isinstance(payload, BaseModel):
        return dumps(payload.model_dump(mode="json"))
    return dumps(payload)


def private_json(
    payload: BaseModel | list[Any] | dict[str, Any],
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> Response:
    """User data: never cached by shared caches."""
    return Response(
        content=to_bytes(payload),
        status_code=status_code,
        media_type="application/json",
        headers={"Cache-Control": PRIVATE, **(headers or {})},
    )
