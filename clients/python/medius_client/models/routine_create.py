from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.routine_item_in import RoutineItemIn
    from ..models.week_plan import WeekPlan


T = TypeVar("T", bound="RoutineCreate")


@_attrs_define
class RoutineCreate:
    """A new routine. A routine-builder answer can be posted as it is (add a name).

    Attributes:
        items (list[RoutineItemIn]):
        disclaimer (None | str | Unset): Ignored.
        estimated_seconds (int | None | Unset): Ignored: always recomputed from the items.
        name (str | Unset):  Default: 'My routine'.
        notes (str | Unset):  Default: ''.
        progression (list[WeekPlan] | None | Unset): A routine-builder plan: weeks 1, 2, ... in order, week 1 being
            `items`; every week is checked like the routine (known exercises, dosage, at most 120 minutes). Dropped when a
            later PATCH replaces the items.
        rationale (list[str] | None | Unset):
        routine_id (None | Unset | UUID): Ignored.
        sessions_per_week (int | Unset):  Default: 3.
        unmet (list[str] | None | Unset): Ignored.
    """

    items: list[RoutineItemIn]
    disclaimer: None | str | Unset = UNSET
    estimated_seconds: int | None | Unset = UNSET
    name: str | Unset = "My routine"
    notes: str | Unset = ""
    progression: list[WeekPlan] | None | Unset = UNSET
    rationale: list[str] | None | Unset = UNSET
    routine_id: None | Unset | UUID = UNSET
    sessions_per_week: int | Unset = 3
    unmet: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        disclaimer: None | str | Unset
        if isinstance(self.disclaimer, Unset):
            disclaimer = UNSET
        else:
            disclaimer = self.disclaimer

        estimated_seconds: int | None | Unset
        if isinstance(self.estimated_seconds, Unset):
            estimated_seconds = UNSET
        else:
            estimated_seconds = self.estimated_seconds

        name = self.name

        notes = self.notes

        progression: list[dict[str, Any]] | None | Unset
        if isinstance(self.progression, Unset):
            progression = UNSET
        elif isinstance(self.progression, list):
            progression = []
            for progression_type_0_item_data in self.progression:
                progression_type_0_item = progression_type_0_item_data.to_dict()
                progression.append(progression_type_0_item)

        else:
            progression = self.progression

        rationale: list[str] | None | Unset
        if isinstance(self.rationale, Unset):
            rationale = UNSET
        elif isinstance(self.rationale, list):
            rationale = self.rationale

        else:
            rationale = self.rationale

        routine_id: None | str | Unset
        if isinstance(self.routine_id, Unset):
            routine_id = UNSET
        elif isinstance(self.routine_id, UUID):
            routine_id = str(self.routine_id)
        else:
            routine_id = self.routine_id

        sessions_per_week = self.sessions_per_week

        unmet: list[str] | None | Unset
        if isinstance(self.unmet, Unset):
            unmet = UNSET
        elif isinstance(self.unmet, list):
            unmet = self.unmet

        else:
            unmet = self.unmet

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "items": items,
            }
        )
        if disclaimer is not UNSET:
            field_dict["disclaimer"] = disclaimer
        if estimated_seconds is not UNSET:
            field_dict["estimated_seconds"] = estimated_seconds
        if name is not UNSET:
            field_dict["name"] = name
        if notes is not UNSET:
            field_dict["notes"] = notes
        if progression is not UNSET:
            field_dict["progression"] = progression
        if rationale is not UNSET:
            field_dict["rationale"] = rationale
        if routine_id is not UNSET:
            field_dict["routine_id"] = routine_id
        if sessions_per_week is not UNSET:
            field_dict["sessions_per_week"] = sessions_per_week
        if unmet is not UNSET:
            field_dict["unmet"] = unmet

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.routine_item_in import RoutineItemIn  # noqa: PLC0415
        from ..models.week_plan import WeekPlan  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = RoutineItemIn.from_dict(items_item_data)

            items.append(items_item)

        def _parse_disclaimer(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        disclaimer = _parse_disclaimer(d.pop("disclaimer", UNSET))

        def _parse_estimated_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        estimated_seconds = _parse_estimated_seconds(d.pop("estimated_seconds", UNSET))

        name = d.pop("name", UNSET)

        notes = d.pop("notes", UNSET)

        def _parse_progression(data: object) -> list[WeekPlan] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
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
            return cast(list[WeekPlan] | None | Unset, data)

        progression = _parse_progression(d.pop("progression", UNSET))

        def _parse_rationale(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                rationale_type_0 = cast(list[str], data)

                return rationale_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        rationale = _parse_rationale(d.pop("rationale", UNSET))

        def _parse_routine_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                routine_id_type_0 = UUID(data)

                return routine_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        routine_id = _parse_routine_id(d.pop("routine_id", UNSET))

        sessions_per_week = d.pop("sessions_per_week", UNSET)

        def _parse_unmet(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                unmet_type_0 = cast(list[str], data)

                return unmet_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        unmet = _parse_unmet(d.pop("unmet", UNSET))

        routine_create = cls(
            items=items,
            disclaimer=disclaimer,
            estimated_seconds=estimated_seconds,
            name=name,
            notes=notes,
            progression=progression,
            rationale=rationale,
            routine_id=routine_id,
            sessions_per_week=sessions_per_week,
            unmet=unmet,
        )

        return routine_create
