from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.side import Side

T = TypeVar("T", bound="RoutineItemPublic")


@_attrs_define
class RoutineItemPublic:
    """
    Attributes:
        exercise (str): Lower-case, hyphenated, stable identifier.
        hold_seconds (int | None):
        notes (str):
        order (int):
        reason (None | str):
        reps (int | None):
        rest_seconds (int):
        sets (int):
        side (None | Side):
        steps (int | None):
    """

    exercise: str
    hold_seconds: int | None
    notes: str
    order: int
    reason: None | str
    reps: int | None
    rest_seconds: int
    sets: int
    side: None | Side
    steps: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        exercise = self.exercise

        hold_seconds: int | None
        hold_seconds = self.hold_seconds

        notes = self.notes

        order = self.order

        reason: None | str
        reason = self.reason

        reps: int | None
        reps = self.reps

        rest_seconds = self.rest_seconds

        sets = self.sets

        side: None | str
        if isinstance(self.side, Side):
            side = self.side.value
        else:
            side = self.side

        steps: int | None
        steps = self.steps

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "exercise": exercise,
                "hold_seconds": hold_seconds,
                "notes": notes,
                "order": order,
                "reason": reason,
                "reps": reps,
                "rest_seconds": rest_seconds,
                "sets": sets,
                "side": side,
                "steps": steps,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        exercise = d.pop("exercise")

        def _parse_hold_seconds(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        hold_seconds = _parse_hold_seconds(d.pop("hold_seconds"))

        notes = d.pop("notes")

        order = d.pop("order")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_reps(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        reps = _parse_reps(d.pop("reps"))

        rest_seconds = d.pop("rest_seconds")

        sets = d.pop("sets")

        def _parse_side(data: object) -> None | Side:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                side_type_0 = Side(data)

                return side_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Side, data)

        side = _parse_side(d.pop("side"))

        def _parse_steps(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        steps = _parse_steps(d.pop("steps"))

        routine_item_public = cls(
            exercise=exercise,
            hold_seconds=hold_seconds,
            notes=notes,
            order=order,
            reason=reason,
            reps=reps,
            rest_seconds=rest_seconds,
            sets=sets,
            side=side,
            steps=steps,
        )

        routine_item_public.additional_properties = d
        return routine_item_public

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
