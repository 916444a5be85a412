from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.side import Side

T = TypeVar("T", bound="Placement")


@_attrs_define
class Placement:
    """How one side of a unilateral exercise is done, as data and in plain words.

    Attributes:
        instruction (str):
        lie_on (None | Side): For side-lying work, the side of the body to lie on (the other leg is on top and works);
            null for standing work.
        stand_on (None | Side): For standing single-leg work, the leg to stand on; null otherwise.
        working_leg (Side):
    """

    instruction: str
    lie_on: None | Side
    stand_on: None | Side
    working_leg: Side
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        instruction = self.instruction

        lie_on: None | str
        if isinstance(self.lie_on, Side):
            lie_on = self.lie_on.value
        else:
            lie_on = self.lie_on

        stand_on: None | str
        if isinstance(self.stand_on, Side):
            stand_on = self.stand_on.value
        else:
            stand_on = self.stand_on

        working_leg = self.working_leg.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "instruction": instruction,
                "lie_on": lie_on,
                "stand_on": stand_on,
                "working_leg": working_leg,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        instruction = d.pop("instruction")

        def _parse_lie_on(data: object) -> None | Side:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lie_on_type_0 = Side(data)

                return lie_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Side, data)

        lie_on = _parse_lie_on(d.pop("lie_on"))

        def _parse_stand_on(data: object) -> None | Side:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stand_on_type_0 = Side(data)

                return stand_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Side, data)

        stand_on = _parse_stand_on(d.pop("stand_on"))

        working_leg = Side(d.pop("working_leg"))

        placement = cls(
            instruction=instruction,
            lie_on=lie_on,
            stand_on=stand_on,
            working_leg=working_leg,
        )

        placement.additional_properties = d
        return placement

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
