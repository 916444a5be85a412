from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.progression_kind import ProgressionKind
from ..models.provenance import Provenance

T = TypeVar("T", bound="ProgressionChange")


@_attrs_define
class ProgressionChange:
    """
    Attributes:
        change (str):
        exercise (str): The exercise changed, as named in the week's items.
        kind (ProgressionKind):
        provenance (Provenance):
    """

    change: str
    exercise: str
    kind: ProgressionKind
    provenance: Provenance

    def to_dict(self) -> dict[str, Any]:
        change = self.change

        exercise = self.exercise

        kind = self.kind.value

        provenance = self.provenance.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "change": change,
                "exercise": exercise,
                "kind": kind,
                "provenance": provenance,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        change = d.pop("change")

        exercise = d.pop("exercise")

        kind = ProgressionKind(d.pop("kind"))

        provenance = Provenance(d.pop("provenance"))

        progression_change = cls(
            change=change,
            exercise=exercise,
            kind=kind,
            provenance=provenance,
        )

        return progression_change
