from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.routine_version_public import RoutineVersionPublic


T = TypeVar("T", bound="DeletedPrescriptionPublic")


@_attrs_define
class DeletedPrescriptionPublic:
    """A prescription the patient deleted, as the clinic that prescribed it keeps it.

    Attributes:
        deleted_at (datetime.datetime): When the patient deleted it.
        last_version (RoutineVersionPublic): One version of a routine's program as it was: items with dosage, plan,
            prescriber.
        prescribed_at (datetime.datetime):
        routine_id (UUID):
    """

    deleted_at: datetime.datetime
    last_version: RoutineVersionPublic
    prescribed_at: datetime.datetime
    routine_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        deleted_at = self.deleted_at.isoformat()

        last_version = self.last_version.to_dict()

        prescribed_at = self.prescribed_at.isoformat()

        routine_id = str(self.routine_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "deleted_at": deleted_at,
                "last_version": last_version,
                "prescribed_at": prescribed_at,
                "routine_id": routine_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.routine_version_public import RoutineVersionPublic  # noqa: PLC0415

        d = dict(src_dict)
        deleted_at = datetime.datetime.fromisoformat(d.pop("deleted_at"))

        last_version = RoutineVersionPublic.from_dict(d.pop("last_version"))

        prescribed_at = datetime.datetime.fromisoformat(d.pop("prescribed_at"))

        routine_id = UUID(d.pop("routine_id"))

        deleted_prescription_public = cls(
            deleted_at=deleted_at,
            last_version=last_version,
            prescribed_at=prescribed_at,
            routine_id=routine_id,
        )

        deleted_prescription_public.additional_properties = d
        return deleted_prescription_public

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
