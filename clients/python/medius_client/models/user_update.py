from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.units import Units
from ..types import UNSET, Unset

T = TypeVar("T", bound="UserUpdate")


@_attrs_define
class UserUpdate:
    """JSON merge patch of the profile: only the fields sent change.

    Attributes:
        display_name (None | str | Unset):
        time_zone (None | str | Unset):
        units (None | Units | Unset):
    """

    display_name: None | str | Unset = UNSET
    time_zone: None | str | Unset = UNSET
    units: None | Units | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        time_zone: None | str | Unset
        if isinstance(self.time_zone, Unset):
            time_zone = UNSET
        else:
            time_zone = self.time_zone

        units: None | str | Unset
        if isinstance(self.units, Unset):
            units = UNSET
        elif isinstance(self.units, Units):
            units = self.units.value
        else:
            units = self.units

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone
        if units is not UNSET:
            field_dict["units"] = units

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))

        def _parse_time_zone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        time_zone = _parse_time_zone(d.pop("time_zone", UNSET))

        def _parse_units(data: object) -> None | Units | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                units_type_0 = Units(data)

                return units_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Units | Unset, data)

        units = _parse_units(d.pop("units", UNSET))

        user_update = cls(
            display_name=display_name,
            time_zone=time_zone,
            units=units,
        )

        return user_update
