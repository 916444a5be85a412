"""One JSON encoder for the whole service (orjson: fast, UTC `Z` timestamps)."""

from __future__ import annotations

from typing import Any

import orjson
from pydantic import BaseModel


def _default(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    raise TypeError(f"cannot serialise {type(value).__name__}")


def dumps(value: Any) -> bytes:
    return orjson.dumps(value, default=_default, option=orjson.OPT_UTC_Z | orjson.OPT_NAIVE_UTC)
