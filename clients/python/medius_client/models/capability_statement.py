from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CapabilityStatement")


@_attrs_define
class CapabilityStatement:
    """What a FHIR base serves (`GET [base]/metadata`): its FHIR version, formats and, per
    resource type, the interactions and search parameters (`rest[0].resource`).

        Attributes:
            fhir_version (str):
            format_ (list[str]):
            id (str):
            resource_type (Literal['CapabilityStatement']):
    """

    fhir_version: str
    format_: list[str]
    id: str
    resource_type: Literal["CapabilityStatement"]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fhir_version = self.fhir_version

        format_ = self.format_

        id = self.id

        resource_type = self.resource_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fhirVersion": fhir_version,
                "format": format_,
                "id": id,
                "resourceType": resource_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fhir_version = d.pop("fhirVersion")

        format_ = cast(list[str], d.pop("format"))

        id = d.pop("id")

        resource_type = cast(Literal["CapabilityStatement"], d.pop("resourceType"))
        if resource_type != "CapabilityStatement":
            raise ValueError(f"resourceType must match const 'CapabilityStatement', got '{resource_type}'")

        capability_statement = cls(
            fhir_version=fhir_version,
            format_=format_,
            id=id,
            resource_type=resource_type,
        )

        capability_statement.additional_properties = d
        return capability_statement

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
