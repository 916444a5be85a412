from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="EquipmentPublic")


@_attrs_define
class EquipmentPublic:
    """
    Attributes:
        description (str):
        exercise_count (int): Exercises that require or may use it.
        name (str):
        slug (str): Lower-case, hyphenated, stable identifier.
        note (None | str | Unset):
    """

    description: str
    exercise_count: int
    name: str
    slug: str
    note: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        exercise_count = self.exercise_count

        name = self.name

        slug = self.slug

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "description": description,
                "exercise_count": exercise_count,
                "name": name,
                "slug": slug,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("description")

        exercise_count = d.pop("exercise_count")

        name = d.pop("name")

        slug = d.pop("slug")

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        equipment_public = cls(
            description=description,
            exercise_count=exercise_count,
            name=name,
            slug=slug,
            note=note,
        )

        equipment_public.additional_properties = d
        return equipment_public

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
