from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CalendarTokenCreate")


@_attrs_define
class CalendarTokenCreate:
    """
    Attributes:
        time_of_day (str | Unset): When the planned sessions start, local time (HH:MM, 24-hour). Default: '18:00'.
    """

    time_of_day: str | Unset = "18:00"

    def to_dict(self) -> dict[str, Any]:
        time_of_day = self.time_of_day

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if time_of_day is not UNSET:
            field_dict["time_of_day"] = time_of_day

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        time_of_day = d.pop("time_of_day", UNSET)

        calendar_token_create = cls(
            time_of_day=time_of_day,
        )

        return calendar_token_create
