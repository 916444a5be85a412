from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.compensation_attribution import CompensationAttribution


T = TypeVar("T", bound="Compensation")


@_attrs_define
class Compensation:
    """
    Attributes:
        description (str):
        name (str):
        seen_as (str):
        slug (str): Lower-case, hyphenated, stable identifier.
        attribution (CompensationAttribution | Unset): Whose each text field is, by field name; a field not listed is
            Medius'.
    """

    description: str
    name: str
    seen_as: str
    slug: str
    attribution: CompensationAttribution | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        name = self.name

        seen_as = self.seen_as

        slug = self.slug

        attribution: dict[str, Any] | Unset = UNSET
        if not isinstance(self.attribution, Unset):
            attribution = self.attribution.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "description": description,
                "name": name,
                "seen_as": seen_as,
                "slug": slug,
            }
        )
        if attribution is not UNSET:
            field_dict["attribution"] = attribution

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.compensation_attribution import CompensationAttribution  # noqa: PLC0415

        d = dict(src_dict)
        description = d.pop("description")

        name = d.pop("name")

        seen_as = d.pop("seen_as")

        slug = d.pop("slug")

        _attribution = d.pop("attribution", UNSET)
        attribution: CompensationAttribution | Unset
        if isinstance(_attribution, Unset):
            attribution = UNSET
        else:
            attribution = CompensationAttribution.from_dict(_attribution)

        compensation = cls(
            description=description,
            name=name,
            seen_as=seen_as,
            slug=slug,
            attribution=attribution,
        )

        return compensation
