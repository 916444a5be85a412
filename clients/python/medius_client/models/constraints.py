from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.affected_side import AffectedSide
from ..models.difficulty import Difficulty
from ..models.emphasis import Emphasis
from ..models.goal import Goal
from ..models.position import Position
from ..types import UNSET, Unset

T = TypeVar("T", bound="Constraints")


@_attrs_define
class Constraints:
    """What the user can do: level, time, equipment at hand, positions to avoid, side.

    Attributes:
        level (Difficulty):
        minutes (int): Time budget for one session.
        affected_side (AffectedSide | Unset):
        emphasis (list[Emphasis] | Unset):
        equipment (list[str] | None | Unset): Equipment at hand; null means everything is available, [] means none.
        exclude_positions (list[Position] | Unset):
        goal (Goal | Unset):
        sessions_per_week (int | Unset):  Default: 3.
        weeks (int | Unset): Weeks of progression to plan. Default: 4.
    """

    level: Difficulty
    minutes: int
    affected_side: AffectedSide | Unset = UNSET
    emphasis: list[Emphasis] | Unset = UNSET
    equipment: list[str] | None | Unset = UNSET
    exclude_positions: list[Position] | Unset = UNSET
    goal: Goal | Unset = UNSET
    sessions_per_week: int | Unset = 3
    weeks: int | Unset = 4

    def to_dict(self) -> dict[str, Any]:
        level = self.level.value

        minutes = self.minutes

        affected_side: str | Unset = UNSET
        if not isinstance(self.affected_side, Unset):
            affected_side = self.affected_side.value

        emphasis: list[str] | Unset = UNSET
        if not isinstance(self.emphasis, Unset):
            emphasis = []
            for emphasis_item_data in self.emphasis:
                emphasis_item = emphasis_item_data.value
                emphasis.append(emphasis_item)

        equipment: list[str] | None | Unset
        if isinstance(self.equipment, Unset):
            equipment = UNSET
        elif isinstance(self.equipment, list):
            equipment = self.equipment

        else:
            equipment = self.equipment

        exclude_positions: list[str] | Unset = UNSET
        if not isinstance(self.exclude_positions, Unset):
            exclude_positions = []
            for exclude_positions_item_data in self.exclude_positions:
                exclude_positions_item = exclude_positions_item_data.value
                exclude_positions.append(exclude_positions_item)

        goal: str | Unset = UNSET
        if not isinstance(self.goal, Unset):
            goal = self.goal.value

        sessions_per_week = self.sessions_per_week

        weeks = self.weeks

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "level": level,
                "minutes": minutes,
            }
        )
        if affected_side is not UNSET:
            field_dict["affected_side"] = affected_side
        if emphasis is not UNSET:
            field_dict["emphasis"] = emphasis
        if equipment is not UNSET:
            field_dict["equipment"] = equipment
        if exclude_positions is not UNSET:
            field_dict["exclude_positions"] = exclude_positions
        if goal is not UNSET:
            field_dict["goal"] = goal
        if sessions_per_week is not UNSET:
            field_dict["sessions_per_week"] = sessions_per_week
        if weeks is not UNSET:
            field_dict["weeks"] = weeks

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        level = Difficulty(d.pop("level"))

        minutes = d.pop("minutes")

        _affected_side = d.pop("affected_side", UNSET)
        affected_side: AffectedSide | Unset
        if isinstance(_affected_side, Unset):
            affected_side = UNSET
        else:
            affected_side = AffectedSide(_affected_side)

        _emphasis = d.pop("emphasis", UNSET)
        emphasis: list[Emphasis] | Unset = UNSET
        if _emphasis is not UNSET:
            emphasis = []
            for emphasis_item_data in _emphasis:
                emphasis_item = Emphasis(emphasis_item_data)

                emphasis.append(emphasis_item)

        def _parse_equipment(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                equipment_type_0 = cast(list[str], data)

                return equipment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        equipment = _parse_equipment(d.pop("equipment", UNSET))

        _exclude_positions = d.pop("exclude_positions", UNSET)
        exclude_positions: list[Position] | Unset = UNSET
        if _exclude_positions is not UNSET:
            exclude_positions = []
            for exclude_positions_item_data in _exclude_positions:
                exclude_positions_item = Position(exclude_positions_item_data)

                exclude_positions.append(exclude_positions_item)

        _goal = d.pop("goal", UNSET)
        goal: Goal | Unset
        if isinstance(_goal, Unset):
            goal = UNSET
        else:
            goal = Goal(_goal)

        sessions_per_week = d.pop("sessions_per_week", UNSET)

        weeks = d.pop("weeks", UNSET)

        constraints = cls(
            level=level,
            minutes=minutes,
            affected_side=affected_side,
            emphasis=emphasis,
            equipment=equipment,
            exclude_positions=exclude_positions,
            goal=goal,
            sessions_per_week=sessions_per_week,
            weeks=weeks,
        )

        return constraints
