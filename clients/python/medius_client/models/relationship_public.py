from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.care_scope import CareScope
from ..models.relationship_status import RelationshipStatus

if TYPE_CHECKING:
    from ..models.clinic_ref import ClinicRef
    from ..models.person_ref import PersonRef


T = TypeVar("T", bound="RelationshipPublic")


@_attrs_define
class RelationshipPublic:
    """
    Attributes:
        clinic (ClinicRef):
        clinician (PersonRef):
        created_at (datetime.datetime):
        ended_at (datetime.datetime | None):
        id (UUID):
        patient (PersonRef):
        scopes (list[CareScope]):
        status (RelationshipStatus):
    """

    clinic: ClinicRef
    clinician: PersonRef
    created_at: datetime.datetime
    ended_at: datetime.datetime | None
    id: UUID
    patient: PersonRef
    scopes: list[CareScope]
    status: RelationshipStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        clinic = self.clinic.to_dict()

        clinician = self.clinician.to_dict()

        created_at = self.created_at.isoformat()

        ended_at: None | str
        if isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        id = str(self.id)

        patient = self.patient.to_dict()

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.value
            scopes.append(scopes_item)

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "clinic": clinic,
                "clinician": clinician,
                "created_at": created_at,
                "ended_at": ended_at,
                "id": id,
                "patient": patient,
                "scopes": scopes,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.clinic_ref import ClinicRef  # noqa: PLC0415
        from ..models.person_ref import PersonRef  # noqa: PLC0415

        d = dict(src_dict)
        clinic = ClinicRef.from_dict(d.pop("clinic"))

        clinician = PersonRef.from_dict(d.pop("clinician"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_ended_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_at_type_0 = datetime.datetime.fromisoformat(data)

                return ended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ended_at = _parse_ended_at(d.pop("ended_at"))

        id = UUID(d.pop("id"))

        patient = PersonRef.from_dict(d.pop("patient"))

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in _scopes:
            scopes_item = CareScope(scopes_item_data)

            scopes.append(scopes_item)

        status = RelationshipStatus(d.pop("status"))

        relationship_public = cls(
            clinic=clinic,
            clinician=clinician,
            created_at=created_at,
            ended_at=ended_at,
            id=id,
            patient=patient,
            scopes=scopes,
            status=status,
        )

        relationship_public.additional_properties = d
        return relationship_public

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
