from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.side import Side
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.placement import Placement


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
        lie_on (None | Side | Unset): Side-lying work only: the side of the body to lie on (the other leg is on top and
            works); both when both legs are trained in turn; null otherwise.
        placement (list[Placement] | Unset): One entry per working leg, in training order, with the plain words.
        working_leg (None | Side | Unset): The leg that does the work: left, right, or both (left, then right); null for
            bilateral exercises. Same as `side`.
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
    lie_on: None | Side | Unset = UNSET
    placement: list[Placement] | Unset = UNSET
    working_leg: None | Side | Unset = UNSET
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

        lie_on: None | str | Unset
        if isinstance(self.lie_on, Unset):
            lie_on = UNSET
        elif isinstance(self.lie_on, Side):
            lie_on = self.lie_on.value
        else:
            lie_on = self.lie_on

        placement: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.placement, Unset):
            placement = []
            for placement_item_data in self.placement:
                placement_item = placement_item_data.to_dict()
                placement.append(placement_item)

        working_leg: None | str | Unset
        if isinstance(self.working_leg, Unset):
            working_leg = UNSET
        elif isinstance(self.working_leg, Side):
            working_leg = self.working_leg.value
        else:
            working_leg = self.working_leg

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
        if lie_on is not UNSET:
            field_dict["lie_on"] = lie_on
        if placement is not UNSET:
            field_dict["placement"] = placement
        if working_leg is not UNSET:
            field_dict["working_leg"] = working_leg

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.placement import Placement  # noqa: PLC0415

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

        def _parse_lie_on(data: object) -> None | Side | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lie_on_type_0 = Side(data)

                return lie_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Side | Unset, data)

        lie_on = _parse_lie_on(d.pop("lie_on", UNSET))

        _placement = d.pop("placement", UNSET)
        placement: list[Placement] | Unset = UNSET
        if _placement is not UNSET:
            placement = []
            for placement_item_data in _placement:
                placement_item = Placement.from_dict(placement_item_data)

                placement.append(placement_item)

        def _parse_working_leg(data: object) -> None | Side | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                working_leg_type_0 = Side(data)

                return working_leg_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Side | Unset, data)

        working_leg = _parse_working_leg(d.pop("working_leg", UNSET))

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
            lie_on=lie_on,
            placement=placement,
            working_leg=working_leg,
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
