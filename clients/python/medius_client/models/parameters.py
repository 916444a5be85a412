from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.parameters_parameter import ParametersParameter


T = TypeVar("T", bound="Parameters")


@_attrs_define
class Parameters:
    """An operation's input (`POST [base]/Patient/{id}/$everything`): `_count` is read,
    any other parameter ignored (refused under `Prefer: handling=strict`).

        Attributes:
            resource_type (Literal['Parameters']):
            parameter (list[ParametersParameter] | Unset):
    """

    resource_type: Literal["Parameters"]
    parameter: list[ParametersParameter] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        resource_type = self.resource_type

        parameter: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.parameter, Unset):
            parameter = []
            for parameter_item_data in self.parameter:
                parameter_item = parameter_item_data.to_dict()
                parameter.append(parameter_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "resourceType": resource_type,
            }
        )
        if parameter is not UNSET:
            field_dict["parameter"] = parameter

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.parameters_parameter import ParametersParameter  # noqa: PLC0415

        d = dict(src_dict)
        resource_type = cast(Literal["Parameters"], d.pop("resourceType"))
        if resource_type != "Parameters":
            raise ValueError(f"resourceType must match const 'Parameters', got '{resource_type}'")

        _parameter = d.pop("parameter", UNSET)
        parameter: list[ParametersParameter] | Unset = UNSET
        if _parameter is not UNSET:
            parameter = []
            for parameter_item_data in _parameter:
                parameter_item = ParametersParameter.from_dict(parameter_item_data)

                parameter.append(parameter_item)

        parameters = cls(
            resource_type=resource_type,
            parameter=parameter,
        )

        parameters.additional_properties = d
        return parameters

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
