from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.units import Units
from ..types import UNSET, Unset

T = TypeVar("T", bound="UserCreate")


@_attrs_define
class UserCreate:
    """
    Attributes:
        email (str):
        password (str): At least 10 characters and not a common password.
        display_name (None | str | Unset):
        time_zone (str | Unset): IANA time zone; calendar-day figures use it. Default: 'UTC'.
        units (Units | Unset):
    """

    email: str
    password: str
    display_name: None | str | Unset = UNSET
    time_zone: str | Unset = "UTC"
    units: Units | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        password = self.password

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        time_zone = self.time_zone

        units: str | Unset = UNSET
        if not isinstance(self.units, Unset):
            units = self.units.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "password": password,
            }
        )
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
        email = d.pop("email")

        password = d.pop("password")

        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))

        time_zone = d.pop("time_zone", UNSET)

        _units = d.pop("units", UNSET)
        units: Units | Unset
        if isinstance(_units, Unset):
            units = UNSET
        else:
            units = Units(_units)

        user_create = cls(
            email=email,
            password=password,
            display_name=display_name,
            time_zone=time_zone,
            units=units,
        )

        return user_create
