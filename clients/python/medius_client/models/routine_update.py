from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.routine_item_in import RoutineItemIn


T = TypeVar("T", bound="RoutineUpdate")


@_attrs_define
class RoutineUpdate:
    """JSON merge patch; `items`, when sent, replaces the whole list.

    Attributes:
        items (list[RoutineItemIn] | None | Unset):
        name (None | str | Unset):
        notes (None | str | Unset):
        sessions_per_week (int | None | Unset):
    """

    items: list[RoutineItemIn] | None | Unset = UNSET
    name: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    sessions_per_week: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        items: list[dict[str, Any]] | None | Unset
        if isinstance(self.items, Unset):
            items = UNSET
        elif isinstance(self.items, list):
            items = []
            for items_type_0_item_data in self.items:
                items_type_0_item = items_type_0_item_data.to_dict()
                items.append(items_type_0_item)

        else:
            items = self.items

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        sessions_per_week: int | None | Unset
        if isinstance(self.sessions_per_week, Unset):
            sessions_per_week = UNSET
        else:
            sessions_per_week = self.sessions_per_week

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if items is not UNSET:
            field_dict["items"] = items
        if name is not UNSET:
            field_dict["name"] = name
        if notes is not UNSET:
            field_dict["notes"] = notes
        if sessions_per_week is not UNSET:
            field_dict["sessions_per_week"] = sessions_per_week

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.routine_item_in import RoutineItemIn  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_items(data: object) -> list[RoutineItemIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                items_type_0 = []
                _items_type_0 = data
                for items_type_0_item_data in _items_type_0:
                    items_type_0_item = RoutineItemIn.from_dict(items_type_0_item_data)

                    items_type_0.append(items_type_0_item)

                return items_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[RoutineItemIn] | None | Unset, data)

        items = _parse_items(d.pop("items", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_sessions_per_week(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sessions_per_week = _parse_sessions_per_week(d.pop("sessions_per_week", UNSET))

        routine_update = cls(
            items=items,
            name=name,
            notes=notes,
            sessions_per_week=sessions_per_week,
        )

        return routine_update
