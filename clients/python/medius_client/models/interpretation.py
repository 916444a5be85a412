from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.affected_side import AffectedSide
from ..models.emphasis import Emphasis

if TYPE_CHECKING:
    from ..models.finding import Finding


T = TypeVar("T", bound="Interpretation")


@_attrs_define
class Interpretation:
    """
    Attributes:
        advice (list[str]):
        disclaimer (str):
        emphasis (list[Emphasis]):
        findings (list[Finding]):
        likely_weak_side (AffectedSide):
    """

    advice: list[str]
    disclaimer: str
    emphasis: list[Emphasis]
    findings: list[Finding]
    likely_weak_side: AffectedSide
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        advice = self.advice

        disclaimer = self.disclaimer

        emphasis = []
        for emphasis_item_data in self.emphasis:
            emphasis_item = emphasis_item_data.value
            emphasis.append(emphasis_item)

        findings = []
        for findings_item_data in self.findings:
            findings_item = findings_item_data.to_dict()
            findings.append(findings_item)

        likely_weak_side = self.likely_weak_side.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "advice": advice,
                "disclaimer": disclaimer,
                "emphasis": emphasis,
                "findings": findings,
                "likely_weak_side": likely_weak_side,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.finding import Finding  # noqa: PLC0415

        d = dict(src_dict)
        advice = cast(list[str], d.pop("advice"))

        disclaimer = d.pop("disclaimer")

        emphasis = []
        _emphasis = d.pop("emphasis")
        for emphasis_item_data in _emphasis:
            emphasis_item = Emphasis(emphasis_item_data)

            emphasis.append(emphasis_item)

        findings = []
        _findings = d.pop("findings")
        for findings_item_data in _findings:
            findings_item = Finding.from_dict(findings_item_data)

            findings.append(findings_item)

        likely_weak_side = AffectedSide(d.pop("likely_weak_side"))

        interpretation = cls(
            advice=advice,
            disclaimer=disclaimer,
            emphasis=emphasis,
            findings=findings,
            likely_weak_side=likely_weak_side,
        )

        interpretation.additional_properties = d
        return interpretation

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
