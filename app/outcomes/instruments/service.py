"""Reading the instrument definitions: the one place that says which are served, encoded
once (they are code, so a process serves one version of them)."""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel, Field

from app.core.caching import strong_etag
from app.core.errors import NotFound
from app.core.json import dumps
from app.outcomes.instruments.definitions import INSTRUMENTS, WITHHELD
from app.outcomes.instruments.models import Instrument, WithheldInstrument


class InstrumentList(BaseModel):
    """Every instrument Medius serves (one page: the list is short), and those of the core
    outcome set it does not ship, with why."""

    items: list[Instrument]
    next_cursor: str | None = Field(default=None, description="Always null: one page.")
    withheld: list[WithheldInstrument]


def get(instrument_id: str) -> Instrument:
    found = INSTRUMENTS.get(instrument_id)
    if found is None:
        raise NotFound(f"No instrument {instrument_id!r}; GET /instruments lists them.")
    return found


@cache
def encoded_list() -> tuple[bytes, str]:
    """The list as JSON, and its ETag."""
    body = dumps(
        InstrumentList(items=list(INSTRUMENTS.values()), withheld=list(WITHHELD)).model_dump(
            mode="json"
        )
    )
    return body, strong_etag(body)


@cache
def encoded(instrument_id: str) -> tuple[bytes, str]:
    """One instrument as JSON, and its ETag (which names its version)."""
    instrument = get(instrument_id)
    body = dumps(instrument.model_dump(mode="json"))
    return body, f'"instrument-{instrument.id}-v{instrument.version}-{strong_etag(body)[1:9]}"'
