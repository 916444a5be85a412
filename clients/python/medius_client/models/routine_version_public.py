from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.prescriber import Prescriber
    from ..models.routine_item_public import RoutineItemPublic
    from ..models.week_plan import WeekPlan


T = TypeVar("T", bound="RoutineVersionPublic")


@_attrs_define
class RoutineVersionPublic:
    """One version of a routine's program as it was: items with dosage, plan, prescriber.

    Attributes:
        created_at (datetime.datetime): When this version was made.
        estimated_seconds (int):
        items (list[RoutineItemPublic]):
        name (str):
        notes (str):
        prescriber (None | Prescriber):
        progression (list[WeekPlan] | None):
        routine_id (UUID):
        sessions_per_week (int):
        version (int):
    """

    created_at: datetime.datetime
    estimated_seconds: int
    items: list[RoutineItemPublic]
    name: str
    notes: str
    prescriber: None | Prescriber
    progression: list[WeekPlan] | None
    routine_id: UUID
    sessions_per_week: int
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.prescriber import Prescriber  # noqa: PLC0415

        created_at = self.created_at.isoformat()

        estimated_seconds = self.estimated_seconds

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        name = self.name

        notes = self.notes

        prescriber: dict[str, Any] | None
        if isinstance(self.prescriber, Prescriber):
            prescriber = self.prescriber.to_dict()
        else:
            prescriber = self.prescriber

        progression: list[dict[str, Any]] | None
        if isinstance(self.progression, list):
            progression = []
            for progression_type_0_item_data in self.progression:
                progression_type_0_item = progression_type_0_item_data.to_dict()
                progression.append(progression_type_0_item)

        else:
            progression = self.progression

        routine_id = str(self.routine_id)

        sessions_per_week = self.sessions_per_week

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "estimated_seconds": estimated_seconds,
                "items": items,
                "name": name,
                "notes": notes,
                "prescriber": prescriber,
                "progression": progression,
                "routine_id": routine_id,
                "sessions_per_week": sessions_per_week,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.prescriber import Prescriber  # noqa: PLC0415
        from ..models.routine_item_public import RoutineItemPublic  # noqa: PLC0415
        from ..models.week_plan import WeekPlan  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        estimated_seconds = d.pop("estimated_seconds")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = RoutineItemPublic.from_dict(items_item_data)

            items.append(items_item)

        name = d.pop("name")

        notes = d.pop("notes")

        def _parse_prescriber(data: object) -> None | Prescriber:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                prescriber_type_0 = Prescriber.from_dict(data)

                return prescriber_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Prescriber, data)

        prescriber = _parse_prescriber(d.pop("prescriber"))

        def _parse_progression(data: object) -> list[WeekPlan] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                progression_type_0 = []
                _progression_type_0 = data
                for progression_type_0_item_data in _progression_type_0:
                    progression_type_0_item = WeekPlan.from_dict(progression_type_0_item_data)

                    progression_type_0.append(progression_type_0_item)

                return progression_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[WeekPlan] | None, data)

        progression = _parse_progression(d.pop("progression"))

        routine_id = UUID(d.pop("routine_id"))

        sessions_per_week = d.pop("sessions_per_week")

        version = d.pop("version")

        routine_version_public = cls(
            created_at=created_at,
            estimated_seconds=estimated_seconds,
            items=items,
            name=name,
            notes=notes,
            prescriber=prescriber,
            progression=progression,
            routine_id=routine_id,
            sessions_per_week=sessions_per_week,
            version=version,
        )

        routine_version_public.additional_properties = d
        return routine_version_public

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
