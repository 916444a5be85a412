from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ParametersParameter")


@_attrs_define
class ParametersParameter:
    """
    Attributes:
        name (str):
        value_integer (int | None | Unset):
        value_positive_int (int | None | Unset):
        value_unsigned_int (int | None | Unset):
    """

    name: str
    value_integer: int | None | Unset = UNSET
    value_positive_int: int | None | Unset = UNSET
    value_unsigned_int: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        value_integer: int | None | Unset
        if isinstance(self.value_integer, Unset):
            value_integer = UNSET
        else:
            value_integer = self.value_integer

        value_positive_int: int | None | Unset
        if isinstance(self.value_positive_int, Unset):
            value_positive_int = UNSET
        else:
            value_positive_int = self.value_positive_int

        value_unsigned_int: int | None | Unset
        if isinstance(self.value_unsigned_int, Unset):
            value_unsigned_int = UNSET
        else:
            value_unsigned_int = self.value_unsigned_int

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if value_integer is not UNSET:
            field_dict["valueInteger"] = value_integer
        if value_positive_int is not UNSET:
            field_dict["valuePositiveInt"] = value_positive_int
        if value_unsigned_int is not UNSET:
            field_dict["valueUnsignedInt"] = value_unsigned_int

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_value_integer(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        value_integer = _parse_value_integer(d.pop("valueInteger", UNSET))

        def _parse_value_positive_int(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        value_positive_int = _parse_value_positive_int(d.pop("valuePositiveInt", UNSET))

        def _parse_value_unsigned_int(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        value_unsigned_int = _parse_value_unsigned_int(d.pop("valueUnsignedInt", UNSET))

        parameters_parameter = cls(
            name=name,
            value_integer=value_integer,
            value_positive_int=value_positive_int,
            value_unsigned_int=value_unsigned_int,
        )

        parameters_parameter.additional_properties = d
        return parameters_parameter

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
