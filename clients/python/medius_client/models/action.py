from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Action")


@_attrs_define
class Action:
    """
    Attributes:
        description (str):
        name (str):
        slug (str): Lower-case, hyphenated, stable identifier.
    """

    description: str
    name: str
    slug: str

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        name = self.name

        slug = self.slug

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "description": description,
                "name": name,
                "slug": slug,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("description")

        name = d.pop("name")

        slug = d.pop("slug")

        action = cls(
            description=description,
            name=name,
            slug=slug,
        )

        return action
