from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.side import Side
from ..types import UNSET, Unset

T = TypeVar("T", bound="RoutineItemIn")


@_attrs_define
class RoutineItemIn:
    """One routine item as sent. Which of reps/steps/hold_seconds is set follows the unit.

    Attributes:
        exercise (str): Lower-case, hyphenated, stable identifier.
        sets (int): Sets per side.
        hold_seconds (int | None | Unset):
        notes (str | Unset):  Default: ''.
        order (int | None | Unset): 1-based; or list order.
        reason (None | str | Unset):
        reps (int | None | Unset):
        rest_seconds (int | None | Unset): Seconds between sets; the exercise's default when absent.
        side (None | Side | Unset): left/right/both, unilateral only.
        steps (int | None | Unset):
    """

    exercise: str
    sets: int
    hold_seconds: int | None | Unset = UNSET
    notes: str | Unset = ""
    order: int | None | Unset = UNSET
    reason: None | str | Unset = UNSET
    reps: int | None | Unset = UNSET
    rest_seconds: int | None | Unset = UNSET
    side: None | Side | Unset = UNSET
    steps: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        exercise = self.exercise

        sets = self.sets

        hold_seconds: int | None | Unset
        if isinstance(self.hold_seconds, Unset):
            hold_seconds = UNSET
        else:
            hold_seconds = self.hold_seconds

        notes = self.notes

        order: int | None | Unset
        if isinstance(self.order, Unset):
            order = UNSET
        else:
            order = self.order

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        reps: int | None | Unset
        if isinstance(self.reps, Unset):
            reps = UNSET
        else:
            reps = self.reps

        rest_seconds: int | None | Unset
        if isinstance(self.rest_seconds, Unset):
            rest_seconds = UNSET
        else:
            rest_seconds = self.rest_seconds

        side: None | str | Unset
        if isinstance(self.side, Unset):
            side = UNSET
        elif isinstance(self.side, Side):
            side = self.side.value
        else:
            side = self.side

        steps: int | None | Unset
        if isinstance(self.steps, Unset):
            steps = UNSET
        else:
            steps = self.steps

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "exercise": exercise,
                "sets": sets,
            }
        )
        if hold_seconds is not UNSET:
            field_dict["hold_seconds"] = hold_seconds
        if notes is not UNSET:
            field_dict["notes"] = notes
        if order is not UNSET:
            field_dict["order"] = order
        if reason is not UNSET:
            field_dict["reason"] = reason
        if reps is not UNSET:
            field_dict["reps"] = reps
        if rest_seconds is not UNSET:
            field_dict["rest_seconds"] = rest_seconds
        if side is not UNSET:
            field_dict["side"] = side
        if steps is not UNSET:
            field_dict["steps"] = steps

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        exercise = d.pop("exercise")

        sets = d.pop("sets")

        def _parse_hold_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        hold_seconds = _parse_hold_seconds(d.pop("hold_seconds", UNSET))

        notes = d.pop("notes", UNSET)

        def _parse_order(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        order = _parse_order(d.pop("order", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_reps(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        reps = _parse_reps(d.pop("reps", UNSET))

        def _parse_rest_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rest_seconds = _parse_rest_seconds(d.pop("rest_seconds", UNSET))

        def _parse_side(data: object) -> None | Side | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                side_type_0 = Side(data)

                return side_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Side | Unset, data)

        side = _parse_side(d.pop("side", UNSET))

        def _parse_steps(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        steps = _parse_steps(d.pop("steps", UNSET))

        routine_item_in = cls(
            exercise=exercise,
            sets=sets,
            hold_seconds=hold_seconds,
            notes=notes,
            order=order,
            reason=reason,
            reps=reps,
            rest_seconds=rest_seconds,
            side=side,
            steps=steps,
        )

        return routine_item_in
