from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CareWeekAsymmetry")


@_attrs_define
class CareWeekAsymmetry:
    """
    Attributes:
        asymmetry (float | None): (left - right) / the larger side, over the reps and steps of every one-sided set that
            week, from -1 to 1; 0 is balanced; null without sided sets.
        starts_on (datetime.date):
    """

    asymmetry: float | None
    starts_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        asymmetry: float | None
        asymmetry = self.asymmetry

        starts_on = self.starts_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "asymmetry": asymmetry,
                "starts_on": starts_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_asymmetry(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        asymmetry = _parse_asymmetry(d.pop("asymmetry"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        care_week_asymmetry = cls(
            asymmetry=asymmetry,
            starts_on=starts_on,
        )

        care_week_asymmetry.additional_properties = d
        return care_week_asymmetry

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
