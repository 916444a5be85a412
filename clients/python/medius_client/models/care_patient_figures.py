from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.care_week_adherence import CareWeekAdherence
    from ..models.care_week_asymmetry import CareWeekAsymmetry


T = TypeVar("T", bound="CarePatientFigures")


@_attrs_define
class CarePatientFigures:
    """What the patient's `progress` consent lets the clinician see at a glance.

    Attributes:
        adherence (float | None): Sessions of the last four complete weeks / (4 x sessions_per_week), at most 1; null
            without a routine. Sorts the list.
        asymmetry (list[CareWeekAsymmetry]): Per week, oldest first (as `weeks`).
        last_session_at (datetime.datetime | None): Null unless the patient also granted `sessions` (it names one
            session).
        latest_effort (int | None): The highest effort of the last session's sets; null without `sessions`.
        latest_pain (int | None): The worst pain of the last session's sets; null without `sessions`.
        sessions_per_week (int | None): What adherence is measured against: the patient's routine's target.
        weeks (list[CareWeekAdherence]): The last four weeks and this one, oldest first.
    """

    adherence: float | None
    asymmetry: list[CareWeekAsymmetry]
    last_session_at: datetime.datetime | None
    latest_effort: int | None
    latest_pain: int | None
    sessions_per_week: int | None
    weeks: list[CareWeekAdherence]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        adherence: float | None
        adherence = self.adherence

        asymmetry = []
        for asymmetry_item_data in self.asymmetry:
            asymmetry_item = asymmetry_item_data.to_dict()
            asymmetry.append(asymmetry_item)

        last_session_at: None | str
        if isinstance(self.last_session_at, datetime.datetime):
            last_session_at = self.last_session_at.isoformat()
        else:
            last_session_at = self.last_session_at

        latest_effort: int | None
        latest_effort = self.latest_effort

        latest_pain: int | None
        latest_pain = self.latest_pain

        sessions_per_week: int | None
        sessions_per_week = self.sessions_per_week

        weeks = []
        for weeks_item_data in self.weeks:
            weeks_item = weeks_item_data.to_dict()
            weeks.append(weeks_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adherence": adherence,
                "asymmetry": asymmetry,
                "last_session_at": last_session_at,
                "latest_effort": latest_effort,
                "latest_pain": latest_pain,
                "sessions_per_week": sessions_per_week,
                "weeks": weeks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.care_week_adherence import CareWeekAdherence  # noqa: PLC0415
        from ..models.care_week_asymmetry import CareWeekAsymmetry  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_adherence(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        adherence = _parse_adherence(d.pop("adherence"))

        asymmetry = []
        _asymmetry = d.pop("asymmetry")
        for asymmetry_item_data in _asymmetry:
            asymmetry_item = CareWeekAsymmetry.from_dict(asymmetry_item_data)

            asymmetry.append(asymmetry_item)

        def _parse_last_session_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_session_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_session_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_session_at = _parse_last_session_at(d.pop("last_session_at"))

        def _parse_latest_effort(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        latest_effort = _parse_latest_effort(d.pop("latest_effort"))

        def _parse_latest_pain(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        latest_pain = _parse_latest_pain(d.pop("latest_pain"))

        def _parse_sessions_per_week(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        sessions_per_week = _parse_sessions_per_week(d.pop("sessions_per_week"))

        weeks = []
        _weeks = d.pop("weeks")
        for weeks_item_data in _weeks:
            weeks_item = CareWeekAdherence.from_dict(weeks_item_data)

            weeks.append(weeks_item)

        care_patient_figures = cls(
            adherence=adherence,
            asymmetry=asymmetry,
            last_session_at=last_session_at,
            latest_effort=latest_effort,
            latest_pain=latest_pain,
            sessions_per_week=sessions_per_week,
            weeks=weeks,
        )

        care_patient_figures.additional_properties = d
        return care_patient_figures

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
