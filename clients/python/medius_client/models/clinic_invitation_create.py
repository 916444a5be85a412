from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.clinic_role import ClinicRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="ClinicInvitationCreate")


@_attrs_define
class ClinicInvitationCreate:
    """
    Attributes:
        expires_in_days (int | Unset): Days the code stays valid (1-30). Default: 7.
        role (ClinicRole | Unset):
    """

    expires_in_days: int | Unset = 7
    role: ClinicRole | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        expires_in_days = self.expires_in_days

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if expires_in_days is not UNSET:
            field_dict["expires_in_days"] = expires_in_days
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expires_in_days = d.pop("expires_in_days", UNSET)

        _role = d.pop("role", UNSET)
        role: ClinicRole | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = ClinicRole(_role)

        clinic_invitation_create = cls(
            expires_in_days=expires_in_days,
            role=role,
        )

        return clinic_invitation_create
