from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.clinic_role import ClinicRole

T = TypeVar("T", bound="ClinicInvitationIssued")


@_attrs_define
class ClinicInvitationIssued:
    """
    Attributes:
        clinic_id (UUID):
        code (str): Shown only in this answer; pass it on to the invitee.
        expires_at (datetime.datetime):
        id (UUID):
        role (ClinicRole):
    """

    clinic_id: UUID
    code: str
    expires_at: datetime.datetime
    id: UUID
    role: ClinicRole
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        clinic_id = str(self.clinic_id)

        code = self.code

        expires_at = self.expires_at.isoformat()

        id = str(self.id)

        role = self.role.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "clinic_id": clinic_id,
                "code": code,
                "expires_at": expires_at,
                "id": id,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        clinic_id = UUID(d.pop("clinic_id"))

        code = d.pop("code")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        id = UUID(d.pop("id"))

        role = ClinicRole(d.pop("role"))

        clinic_invitation_issued = cls(
            clinic_id=clinic_id,
            code=code,
            expires_at=expires_at,
            id=id,
            role=role,
        )

        clinic_invitation_issued.additional_properties = d
        return clinic_invitation_issued

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
