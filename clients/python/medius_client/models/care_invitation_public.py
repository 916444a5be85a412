from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.care_scope import CareScope
from ..models.invitation_status import InvitationStatus

if TYPE_CHECKING:
    from ..models.person_ref import PersonRef


T = TypeVar("T", bound="CareInvitationPublic")


@_attrs_define
class CareInvitationPublic:
    """
    Attributes:
        clinic_id (UUID):
        created_at (datetime.datetime):
        expires_at (datetime.datetime):
        id (UUID):
        revoked_at (datetime.datetime | None):
        scopes (list[CareScope]):
        status (InvitationStatus):
        used_at (datetime.datetime | None):
        used_by (None | PersonRef): Who used the code (null until used).
    """

    clinic_id: UUID
    created_at: datetime.datetime
    expires_at: datetime.datetime
    id: UUID
    revoked_at: datetime.datetime | None
    scopes: list[CareScope]
    status: InvitationStatus
    used_at: datetime.datetime | None
    used_by: None | PersonRef
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.person_ref import PersonRef  # noqa: PLC0415

        clinic_id = str(self.clinic_id)

        created_at = self.created_at.isoformat()

        expires_at = self.expires_at.isoformat()

        id = str(self.id)

        revoked_at: None | str
        if isinstance(self.revoked_at, datetime.datetime):
            revoked_at = self.revoked_at.isoformat()
        else:
            revoked_at = self.revoked_at

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.value
            scopes.append(scopes_item)

        status = self.status.value

        used_at: None | str
        if isinstance(self.used_at, datetime.datetime):
            used_at = self.used_at.isoformat()
        else:
            used_at = self.used_at

        used_by: dict[str, Any] | None
        if isinstance(self.used_by, PersonRef):
            used_by = self.used_by.to_dict()
        else:
            used_by = self.used_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "clinic_id": clinic_id,
                "created_at": created_at,
                "expires_at": expires_at,
                "id": id,
                "revoked_at": revoked_at,
                "scopes": scopes,
                "status": status,
                "used_at": used_at,
                "used_by": used_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person_ref import PersonRef  # noqa: PLC0415

        d = dict(src_dict)
        clinic_id = UUID(d.pop("clinic_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        id = UUID(d.pop("id"))

        def _parse_revoked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_at_type_0 = datetime.datetime.fromisoformat(data)

                return revoked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at"))

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in _scopes:
            scopes_item = CareScope(scopes_item_data)

            scopes.append(scopes_item)

        status = InvitationStatus(d.pop("status"))

        def _parse_used_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                used_at_type_0 = datetime.datetime.fromisoformat(data)

                return used_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        used_at = _parse_used_at(d.pop("used_at"))

        def _parse_used_by(data: object) -> None | PersonRef:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                used_by_type_0 = PersonRef.from_dict(data)

                return used_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonRef, data)

        used_by = _parse_used_by(d.pop("used_by"))

        care_invitation_public = cls(
            clinic_id=clinic_id,
            created_at=created_at,
            expires_at=expires_at,
            id=id,
            revoked_at=revoked_at,
            scopes=scopes,
            status=status,
            used_at=used_at,
            used_by=used_by,
        )

        care_invitation_public.additional_properties = d
        return care_invitation_public

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
