from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.schedule import Schedule


T = TypeVar("T", bound="AssignmentCreate")


@_attrs_define
class AssignmentCreate:
    """
    Attributes:
        instrument_id (str):
        schedule (Schedule): When the measure is due: at the start, every N weeks from it, at discharge (any of
            them, at least one).
        id (None | Unset | UUID): Your UUID for the assignment: a retry with the same id and body answers the one made
            (200); another body is 409.
    """

    instrument_id: str
    schedule: Schedule
    id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        instrument_id = self.instrument_id

        schedule = self.schedule.to_dict()

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "instrument_id": instrument_id,
                "schedule": schedule,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.schedule import Schedule  # noqa: PLC0415

        d = dict(src_dict)
        instrument_id = d.pop("instrument_id")

        schedule = Schedule.from_dict(d.pop("schedule"))

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

        assignment_create = cls(
            instrument_id=instrument_id,
            schedule=schedule,
            id=id,
        )

        return assignment_create
