from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="WeekAdherence")


@_attrs_define
class WeekAdherence:
    """
    Attributes:
        met (bool | None):
        sessions (int):
        starts_on (datetime.date):
        target (int | None): The routine's sessions_per_week, if you have one.
        week (str): ISO week in your time zone.
    """

    met: bool | None
    sessions: int
    starts_on: datetime.date
    target: int | None
    week: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        met: bool | None
        met = self.met

        sessions = self.sessions

        starts_on = self.starts_on.isoformat()

        target: int | None
        target = self.target

        week = self.week

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "met": met,
                "sessions": sessions,
                "starts_on": starts_on,
                "target": target,
                "week": week,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_met(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        met = _parse_met(d.pop("met"))

        sessions = d.pop("sessions")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        def _parse_target(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        target = _parse_target(d.pop("target"))

        week = d.pop("week")

        week_adherence = cls(
            met=met,
            sessions=sessions,
            starts_on=starts_on,
            target=target,
            week=week,
        )

        week_adherence.additional_properties = d
        return week_adherence

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
