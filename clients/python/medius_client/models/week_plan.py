from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.plan_item import PlanItem
    from ..models.progression_change import ProgressionChange


T = TypeVar("T", bound="WeekPlan")


@_attrs_define
class WeekPlan:
    """One week of a progression plan: week 1 is the routine, each later one a step on.

    Attributes:
        changes (list[ProgressionChange]):
        estimated_seconds (int): Recomputed from the items when stored.
        items (list[PlanItem]): The full prescription for that week.
        week (int):
    """

    changes: list[ProgressionChange]
    estimated_seconds: int
    items: list[PlanItem]
    week: int

    def to_dict(self) -> dict[str, Any]:
        changes = []
        for changes_item_data in self.changes:
            changes_item = changes_item_data.to_dict()
            changes.append(changes_item)

        estimated_seconds = self.estimated_seconds

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        week = self.week

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "changes": changes,
                "estimated_seconds": estimated_seconds,
                "items": items,
                "week": week,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_item import PlanItem  # noqa: PLC0415
        from ..models.progression_change import ProgressionChange  # noqa: PLC0415

        d = dict(src_dict)
        changes = []
        _changes = d.pop("changes")
        for changes_item_data in _changes:
            changes_item = ProgressionChange.from_dict(changes_item_data)

            changes.append(changes_item)

        estimated_seconds = d.pop("estimated_seconds")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = PlanItem.from_dict(items_item_data)

            items.append(items_item)

        week = d.pop("week")

        week_plan = cls(
            changes=changes,
            estimated_seconds=estimated_seconds,
            items=items,
            week=week,
        )

        return week_plan
