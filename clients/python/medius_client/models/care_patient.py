from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.care_scope import CareScope
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.care_latest_measure import CareLatestMeasure
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
        latest_measure (CareLatestMeasure | None | Unset): The latest change from baseline of a measure this clinic
            assigned, against the instrument's published MCID; null unless the patient granted `measures` and answered one
            with a change.
    """

    figures: CarePatientFigures | None
    open_alerts: int | None
    patient: PersonRef
    relationship_id: UUID
    scopes: list[CareScope]
    latest_measure: CareLatestMeasure | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.care_latest_measure import CareLatestMeasure  # noqa: PLC0415
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

        latest_measure: dict[str, Any] | None | Unset
        if isinstance(self.latest_measure, Unset):
            latest_measure = UNSET
        elif isinstance(self.latest_measure, CareLatestMeasure):
            latest_measure = self.latest_measure.to_dict()
        else:
            latest_measure = self.latest_measure

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
        if latest_measure is not UNSET:
            field_dict["latest_measure"] = latest_measure

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.care_latest_measure import CareLatestMeasure  # noqa: PLC0415
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

        def _parse_latest_measure(data: object) -> CareLatestMeasure | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                latest_measure_type_0 = CareLatestMeasure.from_dict(data)

                return latest_measure_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CareLatestMeasure | None | Unset, data)

        latest_measure = _parse_latest_measure(d.pop("latest_measure", UNSET))

        care_patient = cls(
            figures=figures,
            open_alerts=open_alerts,
            patient=patient,
            relationship_id=relationship_id,
            scopes=scopes,
            latest_measure=latest_measure,
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
