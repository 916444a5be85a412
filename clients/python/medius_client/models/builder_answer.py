from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.plan_item import PlanItem
    from ..models.week_plan import WeekPlan


T = TypeVar("T", bound="BuilderAnswer")


@_attrs_define
class BuilderAnswer:
    """
    Attributes:
        disclaimer (str):
        estimated_seconds (int):
        items (list[PlanItem]):
        name (str):
        progression (list[WeekPlan]):
        rationale (list[str]):
        routine_id (None | UUID): The saved routine, when `save` was true.
        sessions_per_week (int):
        unmet (list[str]): What was asked for but could not be honoured.
    """

    disclaimer: str
    estimated_seconds: int
    items: list[PlanItem]
    name: str
    progression: list[WeekPlan]
    rationale: list[str]
    routine_id: None | UUID
    sessions_per_week: int
    unmet: list[str]

    def to_dict(self) -> dict[str, Any]:
        disclaimer = self.disclaimer

        estimated_seconds = self.estimated_seconds

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        name = self.name

        progression = []
        for progression_item_data in self.progression:
            progression_item = progression_item_data.to_dict()
            progression.append(progression_item)

        rationale = self.rationale

        routine_id: None | str
        if isinstance(self.routine_id, UUID):
            routine_id = str(self.routine_id)
        else:
            routine_id = self.routine_id

        sessions_per_week = self.sessions_per_week

        unmet = self.unmet

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "disclaimer": disclaimer,
                "estimated_seconds": estimated_seconds,
                "items": items,
                "name": name,
                "progression": progression,
                "rationale": rationale,
                "routine_id": routine_id,
                "sessions_per_week": sessions_per_week,
                "unmet": unmet,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_item import PlanItem  # noqa: PLC0415
        from ..models.week_plan import WeekPlan  # noqa: PLC0415

        d = dict(src_dict)
        disclaimer = d.pop("disclaimer")

        estimated_seconds = d.pop("estimated_seconds")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = PlanItem.from_dict(items_item_data)

            items.append(items_item)

        name = d.pop("name")

        progression = []
        _progression = d.pop("progression")
        for progression_item_data in _progression:
            progression_item = WeekPlan.from_dict(progression_item_data)

            progression.append(progression_item)

        rationale = cast(list[str], d.pop("rationale"))

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

        sessions_per_week = d.pop("sessions_per_week")

        unmet = cast(list[str], d.pop("unmet"))

        builder_answer = cls(
            disclaimer=disclaimer,
            estimated_seconds=estimated_seconds,
            items=items,
            name=name,
            progression=progression,
            rationale=rationale,
            routine_id=routine_id,
            sessions_per_week=sessions_per_week,
            unmet=unmet,
        )

        return builder_answer
