from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.care_scope import CareScope

T = TypeVar("T", bound="CareInvitationIssued")


@_attrs_define
class CareInvitationIssued:
    """
    Attributes:
        clinic_id (UUID):
        code (str): Shown only in this answer; pass it on to the invitee.
        expires_at (datetime.datetime):
        id (UUID):
        scopes (list[CareScope]):
    """

    clinic_id: UUID
    code: str
    expires_at: datetime.datetime
    id: UUID
    scopes: list[CareScope]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        clinic_id = str(self.clinic_id)

        code = self.code

        expires_at = self.expires_at.isoformat()

        id = str(self.id)

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.value
            scopes.append(scopes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "clinic_id": clinic_id,
                "code": code,
                "expires_at": expires_at,
                "id": id,
                "scopes": scopes,
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

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in _scopes:
            scopes_item = CareScope(scopes_item_data)

            scopes.append(scopes_item)

        care_invitation_issued = cls(
            clinic_id=clinic_id,
            code=code,
            expires_at=expires_at,
            id=id,
            scopes=scopes,
        )

        care_invitation_issued.additional_properties = d
        return care_invitation_issued

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
