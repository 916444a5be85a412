from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.side import Side
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.placement import Placement


T = TypeVar("T", bound="RoutineItemIn")


@_attrs_define
class RoutineItemIn:
    """One routine item as sent. Which of reps/steps/hold_seconds is set follows the unit.

    `working_leg`, `lie_on` and `placement` are accepted (a builder answer posts as is) but
    ignored: Medius derives them from `side`.

        Attributes:
            exercise (str): Lower-case, hyphenated, stable identifier.
            sets (int): Sets per side.
            hold_seconds (int | None | Unset):
            lie_on (None | Side | Unset): Side-lying work only: the side of the body to lie on (the other leg is on top and
                works); both when both legs are trained in turn; null otherwise.
            notes (str | Unset):  Default: ''.
            order (int | None | Unset): 1-based; or list order.
            placement (list[Placement] | Unset): One entry per working leg, in training order, with the plain words.
            reason (None | str | Unset):
            reps (int | None | Unset):
            rest_seconds (int | None | Unset): Seconds between sets; the exercise's default when absent.
            side (None | Side | Unset): The working leg, left/right/both, unilateral only; side-lying work lies on the other
                side with this leg on top.
            steps (int | None | Unset):
            working_leg (None | Side | Unset): The leg that does the work: left, right, or both (left, then right); null for
                bilateral exercises. Same as `side`.
    """

    exercise: str
    sets: int
    hold_seconds: int | None | Unset = UNSET
    lie_on: None | Side | Unset = UNSET
    notes: str | Unset = ""
    order: int | None | Unset = UNSET
    placement: list[Placement] | Unset = UNSET
    reason: None | str | Unset = UNSET
    reps: int | None | Unset = UNSET
    rest_seconds: int | None | Unset = UNSET
    side: None | Side | Unset = UNSET
    steps: int | None | Unset = UNSET
    working_leg: None | Side | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        exercise = self.exercise

        sets = self.sets

        hold_seconds: int | None | Unset
        if isinstance(self.hold_seconds, Unset):
            hold_seconds = UNSET
        else:
            hold_seconds = self.hold_seconds

        lie_on: None | str | Unset
        if isinstance(self.lie_on, Unset):
            lie_on = UNSET
        elif isinstance(self.lie_on, Side):
            lie_on = self.lie_on.value
        else:
            lie_on = self.lie_on

        notes = self.notes

        order: int | None | Unset
        if isinstance(self.order, Unset):
            order = UNSET
        else:
            order = self.order

        placement: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.placement, Unset):
            placement = []
            for placement_item_data in self.placement:
                placement_item = placement_item_data.to_dict()
                placement.append(placement_item)

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

        working_leg: None | str | Unset
        if isinstance(self.working_leg, Unset):
            working_leg = UNSET
        elif isinstance(self.working_leg, Side):
            working_leg = self.working_leg.value
        else:
            working_leg = self.working_leg

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "exercise": exercise,
                "sets": sets,
            }
        )
        if hold_seconds is not UNSET:
            field_dict["hold_seconds"] = hold_seconds
        if lie_on is not UNSET:
            field_dict["lie_on"] = lie_on
        if notes is not UNSET:
            field_dict["notes"] = notes
        if order is not UNSET:
            field_dict["order"] = order
        if placement is not UNSET:
            field_dict["placement"] = placement
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
        if working_leg is not UNSET:
            field_dict["working_leg"] = working_leg

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.placement import Placement  # noqa: PLC0415

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

        notes = d.pop("notes", UNSET)

        def _parse_order(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        order = _parse_order(d.pop("order", UNSET))

        _placement = d.pop("placement", UNSET)
        placement: list[Placement] | Unset = UNSET
        if _placement is not UNSET:
            placement = []
            for placement_item_data in _placement:
                placement_item = Placement.from_dict(placement_item_data)

                placement.append(placement_item)

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

        routine_item_in = cls(
            exercise=exercise,
            sets=sets,
            hold_seconds=hold_seconds,
            lie_on=lie_on,
            notes=notes,
            order=order,
            placement=placement,
            reason=reason,
            reps=reps,
            rest_seconds=rest_seconds,
            side=side,
            steps=steps,
            working_leg=working_leg,
        )

        return routine_item_in
