from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.activity_rating import ActivityRating


T = TypeVar("T", bound="AnswerCreateAnswers")


@_attrs_define
class AnswerCreateAnswers:
    """Item id -> value, as the instrument's `items` define them (422 naming the item when a value is out of bounds, of the
    wrong type, or a required one is missing).

    """

    additional_properties: dict[str, bool | float | int | list[ActivityRating] | str] = _attrs_field(
        init=False, factory=dict
    )

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            if isinstance(prop, list):
                field_dict[prop_name] = []
                for additional_property_type_4_item_data in prop:
                    additional_property_type_4_item = additional_property_type_4_item_data.to_dict()
                    field_dict[prop_name].append(additional_property_type_4_item)

            else:
                field_dict[prop_name] = prop

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.activity_rating import ActivityRating  # noqa: PLC0415

        d = dict(src_dict)
        answer_create_answers = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():

            def _parse_additional_property(data: object) -> bool | float | int | list[ActivityRating] | str:
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    additional_property_type_4 = []
                    _additional_property_type_4 = data
                    for additional_property_type_4_item_data in _additional_property_type_4:
                        additional_property_type_4_item = ActivityRating.from_dict(additional_property_type_4_item_data)

                        additional_property_type_4.append(additional_property_type_4_item)

                    return additional_property_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(bool | float | int | list[ActivityRating] | str, data)

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        answer_create_answers.additional_properties = additional_properties
        return answer_create_answers

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> bool | float | int | list[ActivityRating] | str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: bool | float | int | list[ActivityRating] | str) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
