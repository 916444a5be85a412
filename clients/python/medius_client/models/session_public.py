from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.entry_public import EntryPublic


T = TypeVar("T", bound="SessionPublic")


@_attrs_define
class SessionPublic:
    """
    Attributes:
        created_at (datetime.datetime):
        ended_at (datetime.datetime | None):
        entries (list[EntryPublic]):
        id (UUID):
        notes (str):
        revision (int):
        routine_id (None | UUID):
        routine_version (int | None): The routine's version this followed.
        started_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    created_at: datetime.datetime
    ended_at: datetime.datetime | None
    entries: list[EntryPublic]
    id: UUID
    notes: str
    revision: int
    routine_id: None | UUID
    routine_version: int | None
    started_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        ended_at: None | str
        if isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        entries = []
        for entries_item_data in self.entries:
            entries_item = entries_item_data.to_dict()
            entries.append(entries_item)

        id = str(self.id)

        notes = self.notes

        revision = self.revision

        routine_id: None | str
        if isinstance(self.routine_id, UUID):
            routine_id = str(self.routine_id)
        else:
            routine_id = self.routine_id

        routine_version: int | None
        routine_version = self.routine_version

        started_at = self.started_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "ended_at": ended_at,
                "entries": entries,
                "id": id,
                "notes": notes,
                "revision": revision,
                "routine_id": routine_id,
                "routine_version": routine_version,
                "started_at": started_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.entry_public import EntryPublic  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_ended_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_at_type_0 = datetime.datetime.fromisoformat(data)

                return ended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ended_at = _parse_ended_at(d.pop("ended_at"))

        entries = []
        _entries = d.pop("entries")
        for entries_item_data in _entries:
            entries_item = EntryPublic.from_dict(entries_item_data)

            entries.append(entries_item)

        id = UUID(d.pop("id"))

        notes = d.pop("notes")

        revision = d.pop("revision")

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

        def _parse_routine_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        routine_version = _parse_routine_version(d.pop("routine_version"))

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        session_public = cls(
            created_at=created_at,
            ended_at=ended_at,
            entries=entries,
            id=id,
            notes=notes,
            revision=revision,
            routine_id=routine_id,
            routine_version=routine_version,
            started_at=started_at,
            updated_at=updated_at,
        )

        session_public.additional_properties = d
        return session_public

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
