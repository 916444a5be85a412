from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.decision import Decision
from ..models.progression_basis import ProgressionBasis
from ..models.provenance import Provenance

if TYPE_CHECKING:
    from ..models.prescribed_dosage import PrescribedDosage


T = TypeVar("T", bound="Advice")


@_attrs_define
class Advice:
    """
    Attributes:
        basis (None | ProgressionBasis): Finer than `provenance`: `article-range` (within the article's figures),
            `article-progression` (a progression the article itself states) or `medius`.
        change (None | str):
        current (PrescribedDosage): A routine item's prescription: what advice compares against and proposes next.
        decision (Decision):
        exercise (str):
        next_ (PrescribedDosage): A routine item's prescription: what advice compares against and proposes next.
        provenance (None | Provenance): Whose the proposed change is: `article` when it moves within a range the article
            gives, `medius` for Medius' own rules (every reduction, and any step past the article's range); null when
            nothing changes.
        reason (str):
        see_a_professional (bool):
    """

    basis: None | ProgressionBasis
    change: None | str
    current: PrescribedDosage
    decision: Decision
    exercise: str
    next_: PrescribedDosage
    provenance: None | Provenance
    reason: str
    see_a_professional: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        basis: None | str
        if isinstance(self.basis, ProgressionBasis):
            basis = self.basis.value
        else:
            basis = self.basis

        change: None | str
        change = self.change

        current = self.current.to_dict()

        decision = self.decision.value

        exercise = self.exercise

        next_ = self.next_.to_dict()

        provenance: None | str
        if isinstance(self.provenance, Provenance):
            provenance = self.provenance.value
        else:
            provenance = self.provenance

        reason = self.reason

        see_a_professional = self.see_a_professional

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "basis": basis,
                "change": change,
                "current": current,
                "decision": decision,
                "exercise": exercise,
                "next": next_,
                "provenance": provenance,
                "reason": reason,
                "see_a_professional": see_a_professional,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.prescribed_dosage import PrescribedDosage  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_basis(data: object) -> None | ProgressionBasis:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                basis_type_0 = ProgressionBasis(data)

                return basis_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProgressionBasis, data)

        basis = _parse_basis(d.pop("basis"))

        def _parse_change(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        change = _parse_change(d.pop("change"))

        current = PrescribedDosage.from_dict(d.pop("current"))

        decision = Decision(d.pop("decision"))

        exercise = d.pop("exercise")

        next_ = PrescribedDosage.from_dict(d.pop("next"))

        def _parse_provenance(data: object) -> None | Provenance:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                provenance_type_0 = Provenance(data)

                return provenance_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Provenance, data)

        provenance = _parse_provenance(d.pop("provenance"))

        reason = d.pop("reason")

        see_a_professional = d.pop("see_a_professional")

        advice = cls(
            basis=basis,
            change=change,
            current=current,
            decision=decision,
            exercise=exercise,
            next_=next_,
            provenance=provenance,
            reason=reason,
            see_a_professional=see_a_professional,
        )

        advice.additional_properties = d
        return advice

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
