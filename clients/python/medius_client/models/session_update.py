from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SessionUpdate")


@_attrs_define
class SessionUpdate:
    """JSON merge patch of a session's own fields; entries change through /entries.

    Attributes:
        ended_at (datetime.datetime | None | Unset):
        notes (None | str | Unset):
        routine_id (None | Unset | UUID):
        routine_version (int | None | Unset): The version followed; when `routine_id` changes without it, that routine's
            current version.
        started_at (datetime.datetime | None | Unset):
    """

    ended_at: datetime.datetime | None | Unset = UNSET
    notes: None | str | Unset = UNSET
    routine_id: None | Unset | UUID = UNSET
    routine_version: int | None | Unset = UNSET
    started_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        ended_at: None | str | Unset
        if isinstance(self.ended_at, Unset):
            ended_at = UNSET
        elif isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
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

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if ended_at is not UNSET:
            field_dict["ended_at"] = ended_at
        if notes is not UNSET:
            field_dict["notes"] = notes
        if routine_id is not UNSET:
            field_dict["routine_id"] = routine_id
        if routine_version is not UNSET:
            field_dict["routine_version"] = routine_version
        if started_at is not UNSET:
            field_dict["started_at"] = started_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

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

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

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

        def _parse_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))

        session_update = cls(
            ended_at=ended_at,
            notes=notes,
            routine_id=routine_id,
            routine_version=routine_version,
            started_at=started_at,
        )

        return session_update
