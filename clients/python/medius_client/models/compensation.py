from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Compensation")


@_attrs_define
class Compensation:
    """
    Attributes:
        description (str):
        name (str):
        seen_as (str):
        slug (str): Lower-case, hyphenated, stable identifier.
    """

    description: str
    name: str
    seen_as: str
    slug: str

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        name = self.name

        seen_as = self.seen_as

        slug = self.slug

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "description": description,
                "name": name,
                "seen_as": seen_as,
                "slug": slug,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("description")

        name = d.pop("name")

        seen_as = d.pop("seen_as")

        slug = d.pop("slug")

        compensation = cls(
            description=description,
            name=name,
            seen_as=seen_as,
            slug=slug,
        )

        return compensation
