from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.side import Side
from ..types import UNSET, Unset

T = TypeVar("T", bound="PlanItem")


@_attrs_define
class PlanItem:
    """A dosed exercise in a plan, with why it was chosen and dosed so.

    Attributes:
        exercise (str): Lower-case, hyphenated, stable identifier.
        order (int): 1-based position in the routine.
        reason (str): The constraint or article fact behind it.
        rest_seconds (int):
        sets (int): Sets per side.
        hold_seconds (int | None | Unset):
        notes (str | Unset):  Default: ''.
        reps (int | None | Unset):
        side (None | Side | Unset): null for bilateral exercises; left, right or both otherwise.
        steps (int | None | Unset): Steps per set (per direction).
    """

    exercise: str
    order: int
    reason: str
    rest_seconds: int
    sets: int
    hold_seconds: int | None | Unset = UNSET
    notes: str | Unset = ""
    reps: int | None | Unset = UNSET
    side: None | Side | Unset = UNSET
    steps: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        exercise = self.exercise

        order = self.order

        reason = self.reason

        rest_seconds = self.rest_seconds

        sets = self.sets

        hold_seconds: int | None | Unset
        if isinstance(self.hold_seconds, Unset):
            hold_seconds = UNSET
        else:
            hold_seconds = self.hold_seconds

        notes = self.notes

        reps: int | None | Unset
        if isinstance(self.reps, Unset):
            reps = UNSET
        else:
            reps = self.reps

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
                "order": order,
                "reason": reason,
                "rest_seconds": rest_seconds,
                "sets": sets,
            }
        )
        if hold_seconds is not UNSET:
            field_dict["hold_seconds"] = hold_seconds
        if notes is not UNSET:
            field_dict["notes"] = notes
        if reps is not UNSET:
            field_dict["reps"] = reps
        if side is not UNSET:
            field_dict["side"] = side
        if steps is not UNSET:
            field_dict["steps"] = steps

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        exercise = d.pop("exercise")

        order = d.pop("order")

        reason = d.pop("reason")

        rest_seconds = d.pop("rest_seconds")

        sets = d.pop("sets")

        def _parse_hold_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        hold_seconds = _parse_hold_seconds(d.pop("hold_seconds", UNSET))

        notes = d.pop("notes", UNSET)

        def _parse_reps(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        reps = _parse_reps(d.pop("reps", UNSET))

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

        plan_item = cls(
            exercise=exercise,
            order=order,
            reason=reason,
            rest_seconds=rest_seconds,
            sets=sets,
            hold_seconds=hold_seconds,
            notes=notes,
            reps=reps,
            side=side,
            steps=steps,
        )

        return plan_item
