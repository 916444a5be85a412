from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CareWeekAdherence")


@_attrs_define
class CareWeekAdherence:
    """
    Attributes:
        ratio (float | None): sessions / sessions_per_week (may pass 1); null without a routine.
        sessions (int): Sessions logged that week (the current one so far).
        starts_on (datetime.date): The week's Monday, in the patient's time zone.
    """

    ratio: float | None
    sessions: int
    starts_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ratio: float | None
        ratio = self.ratio

        sessions = self.sessions

        starts_on = self.starts_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ratio": ratio,
                "sessions": sessions,
                "starts_on": starts_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_ratio(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        ratio = _parse_ratio(d.pop("ratio"))

        sessions = d.pop("sessions")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        care_week_adherence = cls(
            ratio=ratio,
            sessions=sessions,
            starts_on=starts_on,
        )

        care_week_adherence.additional_properties = d
        return care_week_adherence

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
