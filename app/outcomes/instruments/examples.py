"""OpenAPI examples of the instrument routes (called when the document is first built)."""

from __future__ import annotations

from app.core.types import JSONObject
from app.outcomes.instruments.definitions import INSTRUMENTS, WITHHELD


def instrument() -> JSONObject:
    return INSTRUMENTS["psfs"].model_dump(mode="json")


def instrument_list() -> JSONObject:
    return {
        "items": [INSTRUMENTS["night-pain"].model_dump(mode="json")],
        "next_cursor": None,
        "withheld": [w.model_dump(mode="json") for w in WITHHELD],
    }
