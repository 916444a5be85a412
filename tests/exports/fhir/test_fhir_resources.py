"""Every element app/exports/fhir/resources.py lets a mapping write is an element of its
R4B type, as `fhir.resources` defines it (no database: the types alone)."""

from __future__ import annotations

import typing
from typing import Literal, NotRequired, TypedDict, get_args, get_type_hints

import pytest
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.resource import Resource

from app.exports.fhir import resources

SHAPES = sorted(
    (
        value
        for value in vars(resources).values()
        if typing.is_typeddict(value) and value.__module__ == resources.__name__
    ),
    key=lambda shape: shape.__name__,
)


def _elements(type_name: str) -> set[str]:
    """The JSON names of the R4B type's elements (`resourceType` for a resource)."""
    model = get_fhir_model_class(type_name)
    names = {
        field.alias or name
        for name, field in model.model_fields.items()
        if name != "fhir_comments" and not (field.alias or name).startswith("_")
    }
    if issubclass(model, Resource):
        names.add("resourceType")
    return names


def unknown_elements(shape: type) -> set[str]:
    return set(get_type_hints(shape)) - _elements(shape.__name__)


def test_the_module_declares_the_types_the_export_writes() -> None:
    names = {shape.__name__ for shape in SHAPES}
    assert {"Patient", "CarePlan", "Observation", "Bundle", "OperationOutcome"} <= names
    assert len(SHAPES) >= 30


@pytest.mark.parametrize("shape", SHAPES, ids=lambda shape: shape.__name__)
def test_every_element_written_is_an_element_of_its_r4b_type(shape: type) -> None:
    assert not unknown_elements(shape), f"{shape.__name__}: not R4B {unknown_elements(shape)}"


@pytest.mark.parametrize(
    "shape",
    [s for s in SHAPES if "resourceType" in get_type_hints(s)],
    ids=lambda shape: shape.__name__,
)
def test_a_resource_names_its_own_type(shape: type) -> None:
    assert get_args(get_type_hints(shape)["resourceType"]) == (shape.__name__,)


def test_a_misspelt_element_is_named() -> None:
    class Coding(TypedDict):
        system: str
        kode: str
        display: NotRequired[str]

    class Patient(TypedDict):
        resourceType: Literal["Patient"]
        birthdate: str  # R4B: birthDate

    assert unknown_elements(Coding) == {"kode"}
    assert unknown_elements(Patient) == {"birthdate"}
