from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bundle_entry import BundleEntry
    from ..models.bundle_link import BundleLink


T = TypeVar("T", bound="Bundle")


@_attrs_define
class Bundle:
    """A `searchset` Bundle: `total` resources, each with its absolute `fullUrl`.

    Attributes:
        link (list[BundleLink]):
        resource_type (Literal['Bundle']):
        total (int):
        type_ (Literal['searchset']):
        entry (list[BundleEntry] | Unset):
    """

    link: list[BundleLink]
    resource_type: Literal["Bundle"]
    total: int
    type_: Literal["searchset"]
    entry: list[BundleEntry] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        link = []
        for link_item_data in self.link:
            link_item = link_item_data.to_dict()
            link.append(link_item)

        resource_type = self.resource_type

        total = self.total

        type_ = self.type_

        entry: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.entry, Unset):
            entry = []
            for entry_item_data in self.entry:
                entry_item = entry_item_data.to_dict()
                entry.append(entry_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "link": link,
                "resourceType": resource_type,
                "total": total,
                "type": type_,
            }
        )
        if entry is not UNSET:
            field_dict["entry"] = entry

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bundle_entry import BundleEntry  # noqa: PLC0415
        from ..models.bundle_link import BundleLink  # noqa: PLC0415

        d = dict(src_dict)
        link = []
        _link = d.pop("link")
        for link_item_data in _link:
            link_item = BundleLink.from_dict(link_item_data)

            link.append(link_item)

        resource_type = cast(Literal["Bundle"], d.pop("resourceType"))
        if resource_type != "Bundle":
            raise ValueError(f"resourceType must match const 'Bundle', got '{resource_type}'")

        total = d.pop("total")

        type_ = cast(Literal["searchset"], d.pop("type"))
        if type_ != "searchset":
            raise ValueError(f"type must match const 'searchset', got '{type_}'")

        _entry = d.pop("entry", UNSET)
        entry: list[BundleEntry] | Unset = UNSET
        if _entry is not UNSET:
            entry = []
            for entry_item_data in _entry:
                entry_item = BundleEntry.from_dict(entry_item_data)

                entry.append(entry_item)

        bundle = cls(
            link=link,
            resource_type=resource_type,
            total=total,
            type_=type_,
            entry=entry,
        )

        bundle.additional_properties = d
        return bundle

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
