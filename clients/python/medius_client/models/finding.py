from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.emphasis import Emphasis
from ..models.provenance import Provenance

T = TypeVar("T", bound="Finding")


@_attrs_define
class Finding:
    """
    Attributes:
        code (str):
        emphasis (Emphasis | None): What the routine builder favours for it.
        explanation (str):
        finding (str):
        provenance (Provenance):
    """

    code: str
    emphasis: Emphasis | None
    explanation: str
    finding: str
    provenance: Provenance
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        emphasis: None | str
        if isinstance(self.emphasis, Emphasis):
            emphasis = self.emphasis.value
        else:
            emphasis = self.emphasis

        explanation = self.explanation

        finding = self.finding

        provenance = self.provenance.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "emphasis": emphasis,
                "explanation": explanation,
                "finding": finding,
                "provenance": provenance,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        def _parse_emphasis(data: object) -> Emphasis | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                emphasis_type_0 = Emphasis(data)

                return emphasis_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Emphasis | None, data)

        emphasis = _parse_emphasis(d.pop("emphasis"))

        explanation = d.pop("explanation")

        finding = d.pop("finding")

        provenance = Provenance(d.pop("provenance"))

        finding = cls(
            code=code,
            emphasis=emphasis,
            explanation=explanation,
            finding=finding,
            provenance=provenance,
        )

        finding.additional_properties = d
        return finding

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
