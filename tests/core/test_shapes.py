"""Every typed answer shape names exactly the keys of the model the OpenAPI document publishes."""

from __future__ import annotations

import importlib
import pkgutil
from typing import NotRequired, TypedDict, get_type_hints

from pydantic import BaseModel

import app
from app.core.shapes import MIRRORS, mirror


def _import_everything() -> None:
    for module in pkgutil.walk_packages(app.__path__, "app."):
        if not module.name.endswith("__main__"):  # that one runs the CLI
            importlib.import_module(module.name)


def _json_keys(model: type[BaseModel]) -> set[str]:
    return {
        field.serialization_alias or field.alias or name
        for name, field in model.model_fields.items()
    }


def _shape_keys(shape: type) -> set[str]:
    return set(get_type_hints(shape, include_extras=True))


def drift(shape: type, model: type[BaseModel]) -> str | None:
    built, published = _shape_keys(shape), _json_keys(model)
    if built == published:
        return None
    return (
        f"{shape.__module__}.{shape.__qualname__} vs {model.__module__}.{model.__qualname__}: "
        f"only built {sorted(built - published)}, only published {sorted(published - built)}"
    )


def test_every_shape_names_the_keys_its_model_publishes() -> None:
    _import_everything()
    drifted = [d for shape, model in MIRRORS if (d := drift(shape, model))]
    assert not drifted, "\n".join(drifted)


def test_a_shape_that_drifts_from_its_model_is_named() -> None:
    class Published(BaseModel):
        id: str
        kind: str

    class Built(TypedDict):
        id: str
        extra: NotRequired[int]

    mirror(Built, Published)
    try:
        message = drift(Built, Published)
        assert message is not None
        assert "only built ['extra']" in message and "only published ['kind']" in message
    finally:
        MIRRORS.remove((Built, Published))


def test_mirror_records_a_pair_once() -> None:
    class Model(BaseModel):
        a: int

    class Shape(TypedDict):
        a: int

    mirror(Shape, Model)
    mirror(Shape, Model)
    try:
        assert MIRRORS.count((Shape, Model)) == 1
    finally:
        MIRRORS.remove((Shape, Model))
