from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.share_kind import ShareKind
from ..models.share_status import ShareStatus

T = TypeVar("T", bound="ShareLinkCreated")


@_attrs_define
class ShareLinkCreated:
    """
    Attributes:
        created_at (datetime.datetime):
        expires_at (datetime.datetime):
        id (UUID):
        kind (ShareKind):
        label (str):
        path (None | str): Where the link opens: `/api/v1/shared/<token>`.
        revoked_at (datetime.datetime | None):
        routine_id (None | UUID):
        status (ShareStatus):
        token (None | str): The secret part of the link, shown once (null on a retry's answer: revoke that link and make
            another if you lost it).
    """

    created_at: datetime.datetime
    expires_at: datetime.datetime
    id: UUID
    kind: ShareKind
    label: str
    path: None | str
    revoked_at: datetime.datetime | None
    routine_id: None | UUID
    status: ShareStatus
    token: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        expires_at = self.expires_at.isoformat()

        id = str(self.id)

        kind = self.kind.value

        label = self.label

        path: None | str
        path = self.path

        revoked_at: None | str
        if isinstance(self.revoked_at, datetime.datetime):
            revoked_at = self.revoked_at.isoformat()
        else:
            revoked_at = self.revoked_at

        routine_id: None | str
        if isinstance(self.routine_id, UUID):
            routine_id = str(self.routine_id)
        else:
            routine_id = self.routine_id

        status = self.status.value

        token: None | str
        token = self.token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "expires_at": expires_at,
                "id": id,
                "kind": kind,
                "label": label,
                "path": path,
                "revoked_at": revoked_at,
                "routine_id": routine_id,
                "status": status,
                "token": token,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        id = UUID(d.pop("id"))

        kind = ShareKind(d.pop("kind"))

        label = d.pop("label")

        def _parse_path(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        path = _parse_path(d.pop("path"))

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

        status = ShareStatus(d.pop("status"))

        def _parse_token(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        token = _parse_token(d.pop("token"))

        share_link_created = cls(
            created_at=created_at,
            expires_at=expires_at,
            id=id,
            kind=kind,
            label=label,
            path=path,
            revoked_at=revoked_at,
            routine_id=routine_id,
            status=status,
            token=token,
        )

        share_link_created.additional_properties = d
        return share_link_created

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
