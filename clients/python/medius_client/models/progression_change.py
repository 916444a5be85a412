from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.progression_basis import ProgressionBasis
from ..models.progression_kind import ProgressionKind
from ..models.provenance import Provenance
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProgressionChange")


@_attrs_define
class ProgressionChange:
    """
    Attributes:
        change (str):
        exercise (str): The exercise changed, as named in the week's items.
        kind (ProgressionKind):
        provenance (Provenance):
        basis (None | ProgressionBasis | Unset): Finer than provenance: article-progression (a progression the article
            itself states), article-range (moving within a range it gives) or medius. Null on plans saved before it existed.
    """

    change: str
    exercise: str
    kind: ProgressionKind
    provenance: Provenance
    basis: None | ProgressionBasis | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        change = self.change

        exercise = self.exercise

        kind = self.kind.value

        provenance = self.provenance.value

        basis: None | str | Unset
        if isinstance(self.basis, Unset):
            basis = UNSET
        elif isinstance(self.basis, ProgressionBasis):
            basis = self.basis.value
        else:
            basis = self.basis

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "change": change,
                "exercise": exercise,
                "kind": kind,
                "provenance": provenance,
            }
        )
        if basis is not UNSET:
            field_dict["basis"] = basis

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        change = d.pop("change")

        exercise = d.pop("exercise")

        kind = ProgressionKind(d.pop("kind"))

        provenance = Provenance(d.pop("provenance"))

        def _parse_basis(data: object) -> None | ProgressionBasis | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                basis_type_0 = ProgressionBasis(data)

                return basis_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProgressionBasis | Unset, data)

        basis = _parse_basis(d.pop("basis", UNSET))

        progression_change = cls(
            change=change,
            exercise=exercise,
            kind=kind,
            provenance=provenance,
            basis=basis,
        )

        return progression_change
