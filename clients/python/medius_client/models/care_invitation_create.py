from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.care_scope import CareScope
from ..types import UNSET, Unset

T = TypeVar("T", bound="CareInvitationCreate")


@_attrs_define
class CareInvitationCreate:
    """
    Attributes:
        scopes (list[CareScope]): What the patient is asked to grant (each at most once).
        expires_in_days (int | Unset): Days the code stays valid (1-30). Default: 7.
    """

    scopes: list[CareScope]
    expires_in_days: int | Unset = 7

    def to_dict(self) -> dict[str, Any]:
        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.value
            scopes.append(scopes_item)

        expires_in_days = self.expires_in_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "scopes": scopes,
            }
        )
        if expires_in_days is not UNSET:
            field_dict["expires_in_days"] = expires_in_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in _scopes:
            scopes_item = CareScope(scopes_item_data)

            scopes.append(scopes_item)

        expires_in_days = d.pop("expires_in_days", UNSET)

        care_invitation_create = cls(
            scopes=scopes,
            expires_in_days=expires_in_days,
        )

        return care_invitation_create
