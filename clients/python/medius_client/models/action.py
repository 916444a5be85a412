from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.action_attribution import ActionAttribution


T = TypeVar("T", bound="Action")


@_attrs_define
class Action:
    """
    Attributes:
        description (str):
        name (str):
        slug (str): Lower-case, hyphenated, stable identifier.
        attribution (ActionAttribution | Unset): Whose each text field is, by field name; a field not listed is Medius'.
    """

    description: str
    name: str
    slug: str
    attribution: ActionAttribution | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        name = self.name

        slug = self.slug

        attribution: dict[str, Any] | Unset = UNSET
        if not isinstance(self.attribution, Unset):
            attribution = self.attribution.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "description": description,
                "name": name,
                "slug": slug,
            }
        )
        if attribution is not UNSET:
            field_dict["attribution"] = attribution

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.action_attribution import ActionAttribution  # noqa: PLC0415

        d = dict(src_dict)
        description = d.pop("description")

        name = d.pop("name")

        slug = d.pop("slug")

        _attribution = d.pop("attribution", UNSET)
        attribution: ActionAttribution | Unset
        if isinstance(_attribution, Unset):
            attribution = UNSET
        else:
            attribution = ActionAttribution.from_dict(_attribution)

        action = cls(
            description=description,
            name=name,
            slug=slug,
            attribution=attribution,
        )

        return action
