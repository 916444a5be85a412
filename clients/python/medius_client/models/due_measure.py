from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.due_status import DueStatus
from ..models.reporter import Reporter

T = TypeVar("T", bound="DueMeasure")


@_attrs_define
class DueMeasure:
    """
    Attributes:
        assignment_id (UUID):
        clinic_id (None | UUID):
        due_on (datetime.date):
        instrument_id (str):
        reported_by (list[Reporter]):
        status (DueStatus):
        title (str):
    """

    assignment_id: UUID
    clinic_id: None | UUID
    due_on: datetime.date
    instrument_id: str
    reported_by: list[Reporter]
    status: DueStatus
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assignment_id = str(self.assignment_id)

        clinic_id: None | str
        if isinstance(self.clinic_id, UUID):
            clinic_id = str(self.clinic_id)
        else:
            clinic_id = self.clinic_id

        due_on = self.due_on.isoformat()

        instrument_id = self.instrument_id

        reported_by = []
        for reported_by_item_data in self.reported_by:
            reported_by_item = reported_by_item_data.value
            reported_by.append(reported_by_item)

        status = self.status.value

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assignment_id": assignment_id,
                "clinic_id": clinic_id,
                "due_on": due_on,
                "instrument_id": instrument_id,
                "reported_by": reported_by,
                "status": status,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        assignment_id = UUID(d.pop("assignment_id"))

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

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        instrument_id = d.pop("instrument_id")

        reported_by = []
        _reported_by = d.pop("reported_by")
        for reported_by_item_data in _reported_by:
            reported_by_item = Reporter(reported_by_item_data)

            reported_by.append(reported_by_item)

        status = DueStatus(d.pop("status"))

        title = d.pop("title")

        due_measure = cls(
            assignment_id=assignment_id,
            clinic_id=clinic_id,
            due_on=due_on,
            instrument_id=instrument_id,
            reported_by=reported_by,
            status=status,
            title=title,
        )

        due_measure.additional_properties = d
        return due_measure

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
