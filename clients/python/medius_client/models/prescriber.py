from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Prescriber")


@_attrs_define
class Prescriber:
    """Who prescribed (or last revised) a prescribed routine, and in which clinic.

    Attributes:
        clinic_id (None | UUID):
        clinic_name (None | str): The clinic's name when they wrote it.
        name (str): The clinician's display name when they wrote it (never their email: 'your clinician' when they had
            none).
        user_id (None | UUID): The clinician; null once their account is gone.
    """

    clinic_id: None | UUID
    clinic_name: None | str
    name: str
    user_id: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        clinic_id: None | str
        if isinstance(self.clinic_id, UUID):
            clinic_id = str(self.clinic_id)
        else:
            clinic_id = self.clinic_id

        clinic_name: None | str
        clinic_name = self.clinic_name

        name = self.name

        user_id: None | str
        if isinstance(self.user_id, UUID):
            user_id = str(self.user_id)
        else:
            user_id = self.user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "clinic_id": clinic_id,
                "clinic_name": clinic_name,
                "name": name,
                "user_id": user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_clinic_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                clinic_id_type_0 = UUID(data)

                return clinic_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        clinic_id = _parse_clinic_id(d.pop("clinic_id"))

        def _parse_clinic_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        clinic_name = _parse_clinic_name(d.pop("clinic_name"))

        name = d.pop("name")

        def _parse_user_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                user_id_type_0 = UUID(data)

                return user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        user_id = _parse_user_id(d.pop("user_id"))

        prescriber = cls(
            clinic_id=clinic_id,
            clinic_name=clinic_name,
            name=name,
            user_id=user_id,
        )

        prescriber.additional_properties = d
        return prescriber

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
