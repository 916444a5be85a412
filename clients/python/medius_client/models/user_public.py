from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role import Role
from ..models.units import Units

T = TypeVar("T", bound="UserPublic")


@_attrs_define
class UserPublic:
    """
    Attributes:
        created_at (datetime.datetime):
        display_name (None | str):
        email (str):
        id (UUID):
        role (Role):
        time_zone (str):
        units (Units):
        updated_at (datetime.datetime):
    """

    created_at: datetime.datetime
    display_name: None | str
    email: str
    id: UUID
    role: Role
    time_zone: str
    units: Units
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        display_name: None | str
        display_name = self.display_name

        email = self.email

        id = str(self.id)

        role = self.role.value

        time_zone = self.time_zone

        units = self.units.value

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "display_name": display_name,
                "email": email,
                "id": id,
                "role": role,
                "time_zone": time_zone,
                "units": units,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_display_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        display_name = _parse_display_name(d.pop("display_name"))

        email = d.pop("email")

        id = UUID(d.pop("id"))

        role = Role(d.pop("role"))

        time_zone = d.pop("time_zone")

        units = Units(d.pop("units"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        user_public = cls(
            created_at=created_at,
            display_name=display_name,
            email=email,
            id=id,
            role=role,
            time_zone=time_zone,
            units=units,
            updated_at=updated_at,
        )

        user_public.additional_properties = d
        return user_public

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
