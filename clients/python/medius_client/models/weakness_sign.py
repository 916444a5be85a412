from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.weakness_sign_attribution import WeaknessSignAttribution


T = TypeVar("T", bound="WeaknessSign")


@_attrs_define
class WeaknessSign:
    """
    Attributes:
        description (str):
        example (str):
        name (str):
        slug (str): Lower-case, hyphenated, stable identifier.
        attribution (WeaknessSignAttribution | Unset): Whose each text field is, by field name; a field not listed is
            Medius'.
    """

    description: str
    example: str
    name: str
    slug: str
    attribution: WeaknessSignAttribution | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        example = self.example

        name = self.name

        slug = self.slug

        attribution: dict[str, Any] | Unset = UNSET
        if not isinstance(self.attribution, Unset):
            attribution = self.attribution.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "description": description,
                "example": example,
                "name": name,
                "slug": slug,
            }
        )
        if attribution is not UNSET:
            field_dict["attribution"] = attribution

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.weakness_sign_attribution import WeaknessSignAttribution  # noqa: PLC0415

        d = dict(src_dict)
        description = d.pop("description")

        example = d.pop("example")

        name = d.pop("name")

        slug = d.pop("slug")

        _attribution = d.pop("attribution", UNSET)
        attribution: WeaknessSignAttribution | Unset
        if isinstance(_attribution, Unset):
            attribution = UNSET
        else:
            attribution = WeaknessSignAttribution.from_dict(_attribution)

        weakness_sign = cls(
            description=description,
            example=example,
            name=name,
            slug=slug,
            attribution=attribution,
        )

        return weakness_sign
