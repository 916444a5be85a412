from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.advice import Advice
    from ..models.exercise_progress import ExerciseProgress
    from ..models.pain_alert import PainAlert
    from ..models.week_adherence import WeekAdherence


T = TypeVar("T", bound="Progress")


@_attrs_define
class Progress:
    """
    Attributes:
        adherence (list[WeekAdherence]):
        advice (list[Advice]):
        alerts (list[PainAlert]):
        best_streak (int):
        current_streak (int): Weeks in a row, up to this one, that met the plan.
        exercises (list[ExerciseProgress]):
        from_ (datetime.date):
        routine_id (None | UUID):
        time_zone (str):
        to (datetime.date):
    """

    adherence: list[WeekAdherence]
    advice: list[Advice]
    alerts: list[PainAlert]
    best_streak: int
    current_streak: int
    exercises: list[ExerciseProgress]
    from_: datetime.date
    routine_id: None | UUID
    time_zone: str
    to: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        adherence = []
        for adherence_item_data in self.adherence:
            adherence_item = adherence_item_data.to_dict()
            adherence.append(adherence_item)

        advice = []
        for advice_item_data in self.advice:
            advice_item = advice_item_data.to_dict()
            advice.append(advice_item)

        alerts = []
        for alerts_item_data in self.alerts:
            alerts_item = alerts_item_data.to_dict()
            alerts.append(alerts_item)

        best_streak = self.best_streak

        current_streak = self.current_streak

        exercises = []
        for exercises_item_data in self.exercises:
            exercises_item = exercises_item_data.to_dict()
            exercises.append(exercises_item)

        from_ = self.from_.isoformat()

        routine_id: None | str
        if isinstance(self.routine_id, UUID):
            routine_id = str(self.routine_id)
        else:
            routine_id = self.routine_id

        time_zone = self.time_zone

        to = self.to.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adherence": adherence,
                "advice": advice,
                "alerts": alerts,
                "best_streak": best_streak,
                "current_streak": current_streak,
                "exercises": exercises,
                "from": from_,
                "routine_id": routine_id,
                "time_zone": time_zone,
                "to": to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.advice import Advice  # noqa: PLC0415
        from ..models.exercise_progress import ExerciseProgress  # noqa: PLC0415
        from ..models.pain_alert import PainAlert  # noqa: PLC0415
        from ..models.week_adherence import WeekAdherence  # noqa: PLC0415

        d = dict(src_dict)
        adherence = []
        _adherence = d.pop("adherence")
        for adherence_item_data in _adherence:
            adherence_item = WeekAdherence.from_dict(adherence_item_data)

            adherence.append(adherence_item)

        advice = []
        _advice = d.pop("advice")
        for advice_item_data in _advice:
            advice_item = Advice.from_dict(advice_item_data)

            advice.append(advice_item)

        alerts = []
        _alerts = d.pop("alerts")
        for alerts_item_data in _alerts:
            alerts_item = PainAlert.from_dict(alerts_item_data)

            alerts.append(alerts_item)

        best_streak = d.pop("best_streak")

        current_streak = d.pop("current_streak")

        exercises = []
        _exercises = d.pop("exercises")
        for exercises_item_data in _exercises:
            exercises_item = ExerciseProgress.from_dict(exercises_item_data)

            exercises.append(exercises_item)

        from_ = datetime.date.fromisoformat(d.pop("from"))

        def _parse_routine_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                routine_id_type_0 = UUID(data)

                return routine_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        routine_id = _parse_routine_id(d.pop("routine_id"))

        time_zone = d.pop("time_zone")

        to = datetime.date.fromisoformat(d.pop("to"))

        progress = cls(
            adherence=adherence,
            advice=advice,
            alerts=alerts,
            best_streak=best_streak,
            current_streak=current_streak,
            exercises=exercises,
            from_=from_,
            routine_id=routine_id,
            time_zone=time_zone,
            to=to,
        )

        progress.additional_properties = d
        return progress

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
