from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Schedule")


@_attrs_define
class Schedule:
    """When the measure is due: at the start, every N weeks from it, at discharge (any of
    them, at least one).

        Attributes:
            at_start (bool | Unset): Due on `starts_on`. Default: True.
            discharge_on (datetime.date | None | Unset): The planned discharge: due that day, and nothing after.
            every_weeks (int | None | Unset): Due every N weeks after `starts_on` (until discharge).
            starts_on (datetime.date | None | Unset): The first day (default: today in the patient's zone).
    """

    at_start: bool | Unset = True
    discharge_on: datetime.date | None | Unset = UNSET
    every_weeks: int | None | Unset = UNSET
    starts_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        at_start = self.at_start

        discharge_on: None | str | Unset
        if isinstance(self.discharge_on, Unset):
            discharge_on = UNSET
        elif isinstance(self.discharge_on, datetime.date):
            discharge_on = self.discharge_on.isoformat()
        else:
            discharge_on = self.discharge_on

        every_weeks: int | None | Unset
        if isinstance(self.every_weeks, Unset):
            every_weeks = UNSET
        else:
            every_weeks = self.every_weeks

        starts_on: None | str | Unset
        if isinstance(self.starts_on, Unset):
            starts_on = UNSET
        elif isinstance(self.starts_on, datetime.date):
            starts_on = self.starts_on.isoformat()
        else:
            starts_on = self.starts_on

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if at_start is not UNSET:
            field_dict["at_start"] = at_start
        if discharge_on is not UNSET:
            field_dict["discharge_on"] = discharge_on
        if every_weeks is not UNSET:
            field_dict["every_weeks"] = every_weeks
        if starts_on is not UNSET:
            field_dict["starts_on"] = starts_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at_start = d.pop("at_start", UNSET)

        def _parse_discharge_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                discharge_on_type_0 = datetime.date.fromisoformat(data)

                return discharge_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        discharge_on = _parse_discharge_on(d.pop("discharge_on", UNSET))

        def _parse_every_weeks(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        every_weeks = _parse_every_weeks(d.pop("every_weeks", UNSET))

        def _parse_starts_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_on_type_0 = datetime.date.fromisoformat(data)

                return starts_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        starts_on = _parse_starts_on(d.pop("starts_on", UNSET))

        schedule = cls(
            at_start=at_start,
            discharge_on=discharge_on,
            every_weeks=every_weeks,
            starts_on=starts_on,
        )

        return schedule
