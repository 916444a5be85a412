from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.side_week import SideWeek


T = TypeVar("T", bound="ExerciseWeek")


@_attrs_define
class ExerciseWeek:
    """
    Attributes:
        effort_mean (float):
        pain_max (int):
        pain_mean (float):
        sessions (int):
        sets (int):
        total_hold_seconds (int):
        total_reps (int):
        total_steps (int):
        week (str):
        asymmetry (float | None | Unset): (left - right) / the larger side, from -1 to 1; 0 is balanced.
        left (None | SideWeek | Unset):
        right (None | SideWeek | Unset):
    """

    effort_mean: float
    pain_max: int
    pain_mean: float
    sessions: int
    sets: int
    total_hold_seconds: int
    total_reps: int
    total_steps: int
    week: str
    asymmetry: float | None | Unset = UNSET
    left: None | SideWeek | Unset = UNSET
    right: None | SideWeek | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.side_week import SideWeek  # noqa: PLC0415

        effort_mean = self.effort_mean

        pain_max = self.pain_max

        pain_mean = self.pain_mean

        sessions = self.sessions

        sets = self.sets

        total_hold_seconds = self.total_hold_seconds

        total_reps = self.total_reps

        total_steps = self.total_steps

        week = self.week

        asymmetry: float | None | Unset
        if isinstance(self.asymmetry, Unset):
            asymmetry = UNSET
        else:
            asymmetry = self.asymmetry

        left: dict[str, Any] | None | Unset
        if isinstance(self.left, Unset):
            left = UNSET
        elif isinstance(self.left, SideWeek):
            left = self.left.to_dict()
        else:
            left = self.left

        right: dict[str, Any] | None | Unset
        if isinstance(self.right, Unset):
            right = UNSET
        elif isinstance(self.right, SideWeek):
            right = self.right.to_dict()
        else:
            right = self.right

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "effort_mean": effort_mean,
                "pain_max": pain_max,
                "pain_mean": pain_mean,
                "sessions": sessions,
                "sets": sets,
                "total_hold_seconds": total_hold_seconds,
                "total_reps": total_reps,
                "total_steps": total_steps,
                "week": week,
            }
        )
        if asymmetry is not UNSET:
            field_dict["asymmetry"] = asymmetry
        if left is not UNSET:
            field_dict["left"] = left
        if right is not UNSET:
            field_dict["right"] = right

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.side_week import SideWeek  # noqa: PLC0415

        d = dict(src_dict)
        effort_mean = d.pop("effort_mean")

        pain_max = d.pop("pain_max")

        pain_mean = d.pop("pain_mean")

        sessions = d.pop("sessions")

        sets = d.pop("sets")

        total_hold_seconds = d.pop("total_hold_seconds")

        total_reps = d.pop("total_reps")

        total_steps = d.pop("total_steps")

        week = d.pop("week")

        def _parse_asymmetry(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        asymmetry = _parse_asymmetry(d.pop("asymmetry", UNSET))

        def _parse_left(data: object) -> None | SideWeek | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                left_type_0 = SideWeek.from_dict(data)

                return left_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SideWeek | Unset, data)

        left = _parse_left(d.pop("left", UNSET))

        def _parse_right(data: object) -> None | SideWeek | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                right_type_0 = SideWeek.from_dict(data)

                return right_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SideWeek | Unset, data)

        right = _parse_right(d.pop("right", UNSET))

        exercise_week = cls(
            effort_mean=effort_mean,
            pain_max=pain_max,
            pain_mean=pain_mean,
            sessions=sessions,
            sets=sets,
            total_hold_seconds=total_hold_seconds,
            total_reps=total_reps,
            total_steps=total_steps,
            week=week,
            asymmetry=asymmetry,
            left=left,
            right=right,
        )

        exercise_week.additional_properties = d
        return exercise_week

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
