"""OpenAPI examples of the catalog, drawn from the seed data so the docs show the real catalog.

Each is a function (see `app.core.examples`): called once, when the document is first built.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache

from app.catalog.exercises.models import (
    CatalogDocument,
    EquipmentPublic,
    ExercisePublic,
    MusclePublic,
)
from app.catalog.exercises.seed import load_seed
from app.core.types import JSONObject, JSONValue

STAMP = datetime(2026, 1, 1, tzinfo=UTC)
# Opaque to clients; the shape of a real token, signed by no real key.
SYNC_TOKEN = "eyJzIjoxLCJpIjpudWxsfQ.Qm9ndXNNYWNGb3JEb2Nz"  # noqa: S105


@cache
def exercise() -> JSONObject:
    seed = load_seed()
    spec = seed.exercises[0].model_copy(update={"source": seed.source})
    public = ExercisePublic(**dict(spec), revision=1, created_at=STAMP, updated_at=STAMP)
    return public.model_dump(mode="json")


@cache
def exercise_spec() -> JSONObject:
    return load_seed().exercises[0].model_dump(mode="json", exclude={"source"})


def exercise_patch() -> JSONObject:
    return {"difficulty": "intermediate"}


def exercise_page() -> JSONObject:
    return {"items": [exercise()], "next_cursor": None, "sync_token": None}


@cache
def muscle() -> JSONObject:
    seed = load_seed()
    spec = seed.muscles[0].model_copy(update={"source": seed.source})
    public = MusclePublic(**dict(spec), exercises=[e.slug for e in seed.exercises])
    return public.model_dump(mode="json")


def muscles() -> list[JSONValue]:
    return [muscle()]


@cache
def equipment() -> JSONObject:
    spec = load_seed().equipment[0]
    return EquipmentPublic(**dict(spec), exercise_count=2).model_dump(mode="json")


def equipment_list() -> list[JSONValue]:
    return [equipment()]


@cache
def catalog_document() -> JSONObject:
    seed = load_seed()
    document = CatalogDocument(
        version=1,
        changed_at=STAMP,
        source=seed.source,
        exercises=[ExercisePublic.model_validate(exercise())],
        muscles=[MusclePublic.model_validate(muscle())],
        equipment=[EquipmentPublic.model_validate(equipment())],
        ladder=seed.ladder,
        sync_token=SYNC_TOKEN,
    )
    return document.model_dump(mode="json")
