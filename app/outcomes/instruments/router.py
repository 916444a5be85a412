"""`/instruments`: the outcome instruments, read-only, public and cacheable."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.core.caching import CACHE_NOTE, CONDITIONAL_READ, cacheable_responses, public_json
from app.core.deps import SettingsDep
from app.core.examples import example_response
from app.core.problems import problem_responses
from app.outcomes.instruments import examples, service
from app.outcomes.instruments.models import Instrument
from app.outcomes.instruments.params import InstrumentID
from app.outcomes.instruments.service import InstrumentList

router = APIRouter(prefix="/instruments", tags=["outcome measures"])


@router.get(
    "",
    summary="List the outcome instruments",
    description="Every outcome instrument a clinician can assign: its items with their "
    "answer types and bounds, its scoring rule, its source, licence and the minimal "
    "clinically important difference its source published (`mcid.value` null, with the "
    "reason, where none is published: the figure is never Medius' own). `withheld` names "
    "the core outcome set's instruments Medius does not ship because their text is not free "
    "to redistribute." + CACHE_NOTE,
    dependencies=CONDITIONAL_READ,
    response_model=InstrumentList,
    responses=cacheable_responses(example_response(examples.instrument_list)),
)
def list_instruments(request: Request, settings: SettingsDep) -> Response:
    body, etag = service.encoded_list()
    return public_json(request, body, settings.catalog_max_age, etag=etag)


@router.get(
    "/{instrument_id}",
    summary="One outcome instrument",
    description="The instrument's current version. Answers keep the version they were "
    "given under." + CACHE_NOTE,
    dependencies=CONDITIONAL_READ,
    response_model=Instrument,
    responses={
        **cacheable_responses(example_response(examples.instrument)),
        **problem_responses(404, 422),
    },
)
def get_instrument(
    request: Request, instrument_id: InstrumentID, settings: SettingsDep
) -> Response:
    body, etag = service.encoded(instrument_id)
    return public_json(request, body, settings.catalog_max_age, etag=etag)
