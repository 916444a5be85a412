from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.bundle_search import BundleSearch
    from ..models.fhir_resource import FhirResource


T = TypeVar("T", bound="BundleEntry")


@_attrs_define
class BundleEntry:
    """
    Attributes:
        full_url (str):
        resource (FhirResource): Any FHIR R4B resource: its type, its id and its version's metadata.
        search (BundleSearch):
    """

    full_url: str
    resource: FhirResource
    search: BundleSearch
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        full_url = self.full_url

        resource = self.resource.to_dict()

        search = self.search.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fullUrl": full_url,
                "resource": resource,
                "search": search,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bundle_search import BundleSearch  # noqa: PLC0415
        from ..models.fhir_resource import FhirResource  # noqa: PLC0415

        d = dict(src_dict)
        full_url = d.pop("fullUrl")

        resource = FhirResource.from_dict(d.pop("resource"))

        search = BundleSearch.from_dict(d.pop("search"))

        bundle_entry = cls(
            full_url=full_url,
            resource=resource,
            search=search,
        )

        bundle_entry.additional_properties = d
        return bundle_entry

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
