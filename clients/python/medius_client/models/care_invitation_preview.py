from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.care_scope import CareScope

if TYPE_CHECKING:
    from ..models.clinic_ref import ClinicRef
    from ..models.person_ref import PersonRef
    from ..models.scope_detail import ScopeDetail


T = TypeVar("T", bound="CareInvitationPreview")


@_attrs_define
class CareInvitationPreview:
    """What accepting the code would grant, to whom: shown before the patient agrees.

    Attributes:
        asked_by (str): Who asks, in words: the clinician's display name and the clinic ("Dr Ada Moss at Riverside
            Physiotherapy"); "your clinician at <clinic>" if they have since cleared their display name. Never an email.
        clinic (ClinicRef):
        clinician (PersonRef):
        expires_at (datetime.datetime):
        scope_details (list[ScopeDetail]): Each asked scope (in `scopes` order): what it opens and through which
            channels.
        scopes (list[CareScope]):
    """

    asked_by: str
    clinic: ClinicRef
    clinician: PersonRef
    expires_at: datetime.datetime
    scope_details: list[ScopeDetail]
    scopes: list[CareScope]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        asked_by = self.asked_by

        clinic = self.clinic.to_dict()

        clinician = self.clinician.to_dict()

        expires_at = self.expires_at.isoformat()

        scope_details = []
        for scope_details_item_data in self.scope_details:
            scope_details_item = scope_details_item_data.to_dict()
            scope_details.append(scope_details_item)

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.value
            scopes.append(scopes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "asked_by": asked_by,
                "clinic": clinic,
                "clinician": clinician,
                "expires_at": expires_at,
                "scope_details": scope_details,
                "scopes": scopes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.clinic_ref import ClinicRef  # noqa: PLC0415
        from ..models.person_ref import PersonRef  # noqa: PLC0415
        from ..models.scope_detail import ScopeDetail  # noqa: PLC0415

        d = dict(src_dict)
        asked_by = d.pop("asked_by")

        clinic = ClinicRef.from_dict(d.pop("clinic"))

        clinician = PersonRef.from_dict(d.pop("clinician"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        scope_details = []
        _scope_details = d.pop("scope_details")
        for scope_details_item_data in _scope_details:
            scope_details_item = ScopeDetail.from_dict(scope_details_item_data)

            scope_details.append(scope_details_item)

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in _scopes:
            scopes_item = CareScope(scopes_item_data)

            scopes.append(scopes_item)

        care_invitation_preview = cls(
            asked_by=asked_by,
            clinic=clinic,
            clinician=clinician,
            expires_at=expires_at,
            scope_details=scope_details,
            scopes=scopes,
        )

        care_invitation_preview.additional_properties = d
        return care_invitation_preview

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
