from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.care_scope import CareScope

if TYPE_CHECKING:
    from ..models.care_patient_figures import CarePatientFigures
    from ..models.person_ref import PersonRef


T = TypeVar("T", bound="CarePatient")


@_attrs_define
class CarePatient:
    """
    Attributes:
        figures (CarePatientFigures | None): Null unless the patient granted `progress`.
        open_alerts (int | None): The patient's alerts this clinic has not acknowledged; null unless the patient granted
            `alerts`.
        patient (PersonRef):
        relationship_id (UUID):
        scopes (list[CareScope]):
    """

    figures: CarePatientFigures | None
    open_alerts: int | None
    patient: PersonRef
    relationship_id: UUID
    scopes: list[CareScope]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.care_patient_figures import CarePatientFigures  # noqa: PLC0415

        figures: dict[str, Any] | None
        if isinstance(self.figures, CarePatientFigures):
            figures = self.figures.to_dict()
        else:
            figures = self.figures

        open_alerts: int | None
        open_alerts = self.open_alerts

        patient = self.patient.to_dict()

        relationship_id = str(self.relationship_id)

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.value
            scopes.append(scopes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "figures": figures,
                "open_alerts": open_alerts,
                "patient": patient,
                "relationship_id": relationship_id,
                "scopes": scopes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.care_patient_figures import CarePatientFigures  # noqa: PLC0415
        from ..models.person_ref import PersonRef  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_figures(data: object) -> CarePatientFigures | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                figures_type_0 = CarePatientFigures.from_dict(data)

                return figures_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CarePatientFigures | None, data)

        figures = _parse_figures(d.pop("figures"))

        def _parse_open_alerts(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        open_alerts = _parse_open_alerts(d.pop("open_alerts"))

        patient = PersonRef.from_dict(d.pop("patient"))

        relationship_id = UUID(d.pop("relationship_id"))

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in _scopes:
            scopes_item = CareScope(scopes_item_data)

            scopes.append(scopes_item)

        care_patient = cls(
            figures=figures,
            open_alerts=open_alerts,
            patient=patient,
            relationship_id=relationship_id,
            scopes=scopes,
        )

        care_patient.additional_properties = d
        return care_patient

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
