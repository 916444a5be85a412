from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.progression_kind import ProgressionKind
from ..models.provenance import Provenance
from ..types import UNSET, Unset

T = TypeVar("T", bound="Progression")


@_attrs_define
class Progression:
    """
    Attributes:
        description (str):
        kind (ProgressionKind):
        provenance (Provenance):
        target (None | str | Unset): Next exercise, for next-exercise.
    """

    description: str
    kind: ProgressionKind
    provenance: Provenance
    target: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        kind = self.kind.value

        provenance = self.provenance.value

        target: None | str | Unset
        if isinstance(self.target, Unset):
            target = UNSET
        else:
            target = self.target

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "description": description,
                "kind": kind,
                "provenance": provenance,
            }
        )
        if target is not UNSET:
            field_dict["target"] = target

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("description")

        kind = ProgressionKind(d.pop("kind"))

        provenance = Provenance(d.pop("provenance"))

        def _parse_target(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        target = _parse_target(d.pop("target", UNSET))

        progression = cls(
            description=description,
            kind=kind,
            provenance=provenance,
            target=target,
        )

        return progression
