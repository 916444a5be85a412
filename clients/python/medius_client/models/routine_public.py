from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.origin import Origin

if TYPE_CHECKING:
    from ..models.prescriber import Prescriber
    from ..models.routine_item_public import RoutineItemPublic
    from ..models.week_plan import WeekPlan


T = TypeVar("T", bound="RoutinePublic")


@_attrs_define
class RoutinePublic:
    """
    Attributes:
        created_at (datetime.datetime):
        estimated_seconds (int): Computed from the items' dosage, never sent: each set's reps x (tempo + hold), steps x
            tempo or hold, a 10 s side switch, and the rest after every set but the last; `GET
            /api/v1/routines/{id}/timeline` lists the intervals it sums.
        id (UUID):
        is_template (bool):
        items (list[RoutineItemPublic]):
        name (str):
        notes (str):
        origin (Origin):
        prescriber (None | Prescriber): Set when a clinician prescribed this routine (origin `prescription`): it is then
            read-only for you; copy it to change it.
        progression (list[WeekPlan] | None):
        rationale (list[str] | None):
        revision (int):
        sessions_per_week (int):
        updated_at (datetime.datetime):
        version (int): The program's version: 1 when made, +1 with every edit; each is kept (`GET
            /routines/{id}/versions`) and a session records the one it followed.
    """

    created_at: datetime.datetime
    estimated_seconds: int
    id: UUID
    is_template: bool
    items: list[RoutineItemPublic]
    name: str
    notes: str
    origin: Origin
    prescriber: None | Prescriber
    progression: list[WeekPlan] | None
    rationale: list[str] | None
    revision: int
    sessions_per_week: int
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.prescriber import Prescriber  # noqa: PLC0415

        created_at = self.created_at.isoformat()

        estimated_seconds = self.estimated_seconds

        id = str(self.id)

        is_template = self.is_template

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        name = self.name

        notes = self.notes

        origin = self.origin.value

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

        rationale: list[str] | None
        if isinstance(self.rationale, list):
            rationale = self.rationale

        else:
            rationale = self.rationale

        revision = self.revision

        sessions_per_week = self.sessions_per_week

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "estimated_seconds": estimated_seconds,
                "id": id,
                "is_template": is_template,
                "items": items,
                "name": name,
                "notes": notes,
                "origin": origin,
                "prescriber": prescriber,
                "progression": progression,
                "rationale": rationale,
                "revision": revision,
                "sessions_per_week": sessions_per_week,
                "updated_at": updated_at,
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

        id = UUID(d.pop("id"))

        is_template = d.pop("is_template")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = RoutineItemPublic.from_dict(items_item_data)

            items.append(items_item)

        name = d.pop("name")

        notes = d.pop("notes")

        origin = Origin(d.pop("origin"))

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

        def _parse_rationale(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                rationale_type_0 = cast(list[str], data)

                return rationale_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        rationale = _parse_rationale(d.pop("rationale"))

        revision = d.pop("revision")

        sessions_per_week = d.pop("sessions_per_week")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        routine_public = cls(
            created_at=created_at,
            estimated_seconds=estimated_seconds,
            id=id,
            is_template=is_template,
            items=items,
            name=name,
            notes=notes,
            origin=origin,
            prescriber=prescriber,
            progression=progression,
            rationale=rationale,
            revision=revision,
            sessions_per_week=sessions_per_week,
            updated_at=updated_at,
            version=version,
        )

        routine_public.additional_properties = d
        return routine_public

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
