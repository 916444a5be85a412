from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.entry_in import EntryIn


T = TypeVar("T", bound="SessionCreate")


@_attrs_define
class SessionCreate:
    """
    Attributes:
        started_at (datetime.datetime): RFC 3339 with an offset; stored in UTC.
        ended_at (datetime.datetime | None | Unset):
        entries (list[EntryIn] | Unset):
        id (None | Unset | UUID): Your own UUID makes retries safe; the server makes one if absent.
        notes (str | Unset):  Default: ''.
        routine_id (None | Unset | UUID):
        routine_version (int | None | Unset): The version of the routine followed (with `routine_id` only); default the
            routine's current version.
    """

    started_at: datetime.datetime
    ended_at: datetime.datetime | None | Unset = UNSET
    entries: list[EntryIn] | Unset = UNSET
    id: None | Unset | UUID = UNSET
    notes: str | Unset = ""
    routine_id: None | Unset | UUID = UNSET
    routine_version: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        started_at = self.started_at.isoformat()

        ended_at: None | str | Unset
        if isinstance(self.ended_at, Unset):
            ended_at = UNSET
        elif isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        entries: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.entries, Unset):
            entries = []
            for entries_item_data in self.entries:
                entries_item = entries_item_data.to_dict()
                entries.append(entries_item)

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        notes = self.notes

        routine_id: None | str | Unset
        if isinstance(self.routine_id, Unset):
            routine_id = UNSET
        elif isinstance(self.routine_id, UUID):
            routine_id = str(self.routine_id)
        else:
            routine_id = self.routine_id

        routine_version: int | None | Unset
        if isinstance(self.routine_version, Unset):
            routine_version = UNSET
        else:
            routine_version = self.routine_version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "started_at": started_at,
            }
        )
        if ended_at is not UNSET:
            field_dict["ended_at"] = ended_at
        if entries is not UNSET:
            field_dict["entries"] = entries
        if id is not UNSET:
            field_dict["id"] = id
        if notes is not UNSET:
            field_dict["notes"] = notes
        if routine_id is not UNSET:
            field_dict["routine_id"] = routine_id
        if routine_version is not UNSET:
            field_dict["routine_version"] = routine_version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.entry_in import EntryIn  # noqa: PLC0415

        d = dict(src_dict)
        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        def _parse_ended_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_at_type_0 = datetime.datetime.fromisoformat(data)

                return ended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        ended_at = _parse_ended_at(d.pop("ended_at", UNSET))

        _entries = d.pop("entries", UNSET)
        entries: list[EntryIn] | Unset = UNSET
        if _entries is not UNSET:
            entries = []
            for entries_item_data in _entries:
                entries_item = EntryIn.from_dict(entries_item_data)

                entries.append(entries_item)

        def _parse_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                id_type_0 = UUID(data)

                return id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        id = _parse_id(d.pop("id", UNSET))

        notes = d.pop("notes", UNSET)

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

        def _parse_routine_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        routine_version = _parse_routine_version(d.pop("routine_version", UNSET))

        session_create = cls(
            started_at=started_at,
            ended_at=ended_at,
            entries=entries,
            id=id,
            notes=notes,
            routine_id=routine_id,
            routine_version=routine_version,
        )

        return session_create
