from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.answer_type import AnswerType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.choice import Choice
    from ..models.item_anchors import ItemAnchors


T = TypeVar("T", bound="Item")


@_attrs_define
class Item:
    """One question (or measured value) of an instrument.

    Attributes:
        answer_type (AnswerType):
        id (str): The key of this item in an answer's `answers`.
        text (str): What the patient (or clinician) is asked, Medius' words.
        anchors (ItemAnchors | Unset): What the ends (and middle) of a rating scale mean.
        choices (list[Choice] | Unset): For `choice` items.
        max_activities (int | None | Unset): For `activities` items: how many the patient may name.
        maximum (float | None | Unset): Highest value (numbers, ratings).
        minimum (float | None | Unset): Lowest value (numbers, ratings).
        required (bool | Unset):  Default: True.
        unit (None | str | Unset): UCUM-style unit of a numeric value.
    """

    answer_type: AnswerType
    id: str
    text: str
    anchors: ItemAnchors | Unset = UNSET
    choices: list[Choice] | Unset = UNSET
    max_activities: int | None | Unset = UNSET
    maximum: float | None | Unset = UNSET
    minimum: float | None | Unset = UNSET
    required: bool | Unset = True
    unit: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        answer_type = self.answer_type.value

        id = self.id

        text = self.text

        anchors: dict[str, Any] | Unset = UNSET
        if not isinstance(self.anchors, Unset):
            anchors = self.anchors.to_dict()

        choices: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.choices, Unset):
            choices = []
            for choices_item_data in self.choices:
                choices_item = choices_item_data.to_dict()
                choices.append(choices_item)

        max_activities: int | None | Unset
        if isinstance(self.max_activities, Unset):
            max_activities = UNSET
        else:
            max_activities = self.max_activities

        maximum: float | None | Unset
        if isinstance(self.maximum, Unset):
            maximum = UNSET
        else:
            maximum = self.maximum

        minimum: float | None | Unset
        if isinstance(self.minimum, Unset):
            minimum = UNSET
        else:
            minimum = self.minimum

        required = self.required

        unit: None | str | Unset
        if isinstance(self.unit, Unset):
            unit = UNSET
        else:
            unit = self.unit

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "answer_type": answer_type,
                "id": id,
                "text": text,
            }
        )
        if anchors is not UNSET:
            field_dict["anchors"] = anchors
        if choices is not UNSET:
            field_dict["choices"] = choices
        if max_activities is not UNSET:
            field_dict["max_activities"] = max_activities
        if maximum is not UNSET:
            field_dict["maximum"] = maximum
        if minimum is not UNSET:
            field_dict["minimum"] = minimum
        if required is not UNSET:
            field_dict["required"] = required
        if unit is not UNSET:
            field_dict["unit"] = unit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.choice import Choice  # noqa: PLC0415
        from ..models.item_anchors import ItemAnchors  # noqa: PLC0415

        d = dict(src_dict)
        answer_type = AnswerType(d.pop("answer_type"))

        id = d.pop("id")

        text = d.pop("text")

        _anchors = d.pop("anchors", UNSET)
        anchors: ItemAnchors | Unset
        if isinstance(_anchors, Unset):
            anchors = UNSET
        else:
            anchors = ItemAnchors.from_dict(_anchors)

        _choices = d.pop("choices", UNSET)
        choices: list[Choice] | Unset = UNSET
        if _choices is not UNSET:
            choices = []
            for choices_item_data in _choices:
                choices_item = Choice.from_dict(choices_item_data)

                choices.append(choices_item)

        def _parse_max_activities(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_activities = _parse_max_activities(d.pop("max_activities", UNSET))

        def _parse_maximum(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        maximum = _parse_maximum(d.pop("maximum", UNSET))

        def _parse_minimum(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        minimum = _parse_minimum(d.pop("minimum", UNSET))

        required = d.pop("required", UNSET)

        def _parse_unit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unit = _parse_unit(d.pop("unit", UNSET))

        item = cls(
            answer_type=answer_type,
            id=id,
            text=text,
            anchors=anchors,
            choices=choices,
            max_activities=max_activities,
            maximum=maximum,
            minimum=minimum,
            required=required,
            unit=unit,
        )

        return item
