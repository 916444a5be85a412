from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AssignmentPublic")


@_attrs_define
class AssignmentPublic:
    """
    Attributes:
        at_start (bool):
        clinic_id (None | UUID):
        created_at (datetime.datetime):
        discharge_on (datetime.date | None):
        ended_at (datetime.datetime | None): When the care it was assigned under ended: nothing is due after.
        every_weeks (int | None):
        id (UUID):
        instrument_id (str):
        instrument_version (int):
        starts_on (datetime.date):
    """

    at_start: bool
    clinic_id: None | UUID
    created_at: datetime.datetime
    discharge_on: datetime.date | None
    ended_at: datetime.datetime | None
    every_weeks: int | None
    id: UUID
    instrument_id: str
    instrument_version: int
    starts_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at_start = self.at_start

        clinic_id: None | str
        if isinstance(self.clinic_id, UUID):
            clinic_id = str(self.clinic_id)
        else:
            clinic_id = self.clinic_id

        created_at = self.created_at.isoformat()

        discharge_on: None | str
        if isinstance(self.discharge_on, datetime.date):
            discharge_on = self.discharge_on.isoformat()
        else:
            discharge_on = self.discharge_on

        ended_at: None | str
        if isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        every_weeks: int | None
        every_weeks = self.every_weeks

        id = str(self.id)

        instrument_id = self.instrument_id

        instrument_version = self.instrument_version

        starts_on = self.starts_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at_start": at_start,
                "clinic_id": clinic_id,
                "created_at": created_at,
                "discharge_on": discharge_on,
                "ended_at": ended_at,
                "every_weeks": every_weeks,
                "id": id,
                "instrument_id": instrument_id,
                "instrument_version": instrument_version,
                "starts_on": starts_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at_start = d.pop("at_start")

        def _parse_clinic_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                clinic_id_type_0 = UUID(data)

                return clinic_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        clinic_id = _parse_clinic_id(d.pop("clinic_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_discharge_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                discharge_on_type_0 = datetime.date.fromisoformat(data)

                return discharge_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        discharge_on = _parse_discharge_on(d.pop("discharge_on"))

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

        def _parse_every_weeks(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        every_weeks = _parse_every_weeks(d.pop("every_weeks"))

        id = UUID(d.pop("id"))

        instrument_id = d.pop("instrument_id")

        instrument_version = d.pop("instrument_version")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        assignment_public = cls(
            at_start=at_start,
            clinic_id=clinic_id,
            created_at=created_at,
            discharge_on=discharge_on,
            ended_at=ended_at,
            every_weeks=every_weeks,
            id=id,
            instrument_id=instrument_id,
            instrument_version=instrument_version,
            starts_on=starts_on,
        )

        assignment_public.additional_properties = d
        return assignment_public

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
