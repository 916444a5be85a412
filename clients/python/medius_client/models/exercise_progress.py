from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dosage_unit import DosageUnit

if TYPE_CHECKING:
    from ..models.exercise_week import ExerciseWeek


T = TypeVar("T", bound="ExerciseProgress")


@_attrs_define
class ExerciseProgress:
    """
    Attributes:
        best_set (int): The most reps, steps or hold seconds in one set.
        exercise (str):
        sessions (int):
        sets (int):
        total_hold_seconds (int):
        total_reps (int):
        total_steps (int):
        unit (DosageUnit):
        weeks (list[ExerciseWeek]):
    """

    best_set: int
    exercise: str
    sessions: int
    sets: int
    total_hold_seconds: int
    total_reps: int
    total_steps: int
    unit: DosageUnit
    weeks: list[ExerciseWeek]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        best_set = self.best_set

        exercise = self.exercise

        sessions = self.sessions

        sets = self.sets

        total_hold_seconds = self.total_hold_seconds

        total_reps = self.total_reps

        total_steps = self.total_steps

        unit = self.unit.value

        weeks = []
        for weeks_item_data in self.weeks:
            weeks_item = weeks_item_data.to_dict()
            weeks.append(weeks_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "best_set": best_set,
                "exercise": exercise,
                "sessions": sessions,
                "sets": sets,
                "total_hold_seconds": total_hold_seconds,
                "total_reps": total_reps,
                "total_steps": total_steps,
                "unit": unit,
                "weeks": weeks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exercise_week import ExerciseWeek  # noqa: PLC0415

        d = dict(src_dict)
        best_set = d.pop("best_set")

        exercise = d.pop("exercise")

        sessions = d.pop("sessions")

        sets = d.pop("sets")

        total_hold_seconds = d.pop("total_hold_seconds")

        total_reps = d.pop("total_reps")

        total_steps = d.pop("total_steps")

        unit = DosageUnit(d.pop("unit"))

        weeks = []
        _weeks = d.pop("weeks")
        for weeks_item_data in _weeks:
            weeks_item = ExerciseWeek.from_dict(weeks_item_data)

            weeks.append(weeks_item)

        exercise_progress = cls(
            best_set=best_set,
            exercise=exercise,
            sessions=sessions,
            sets=sets,
            total_hold_seconds=total_hold_seconds,
            total_reps=total_reps,
            total_steps=total_steps,
            unit=unit,
            weeks=weeks,
        )

        exercise_progress.additional_properties = d
        return exercise_progress

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
