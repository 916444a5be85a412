from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.alert_kind import AlertKind
from ..models.alert_status import AlertStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.acknowledgement_public import AcknowledgementPublic


T = TypeVar("T", bound="AlertPublic")


@_attrs_define
class AlertPublic:
    """
    Attributes:
        acknowledged_at (datetime.datetime | None): The first acknowledgement shown (`acknowledgements[0]`), if any.
        acknowledged_by (None | UUID): The clinician who acknowledged it.
        acknowledged_clinic_id (None | UUID): Their clinic.
        acknowledgement_note (None | str):
        assessment_id (None | UUID): The self-check that raised it, if any.
        exercise (None | str): The exercise whose advice turned to reduce.
        id (UUID):
        kind (AlertKind):
        message (str):
        pain (int | None): The pain (0-10) that raised it, if any.
        raised_at (datetime.datetime):
        session_id (None | UUID): The session that raised it, if any.
        status (AlertStatus):
        week (None | str): The missed ISO week (`2026-W47`), local time.
        acknowledgements (list[AcknowledgementPublic] | Unset): Oldest first. The patient sees every clinic's; a clinic
            only its own.
    """

    acknowledged_at: datetime.datetime | None
    acknowledged_by: None | UUID
    acknowledged_clinic_id: None | UUID
    acknowledgement_note: None | str
    assessment_id: None | UUID
    exercise: None | str
    id: UUID
    kind: AlertKind
    message: str
    pain: int | None
    raised_at: datetime.datetime
    session_id: None | UUID
    status: AlertStatus
    week: None | str
    acknowledgements: list[AcknowledgementPublic] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        acknowledged_at: None | str
        if isinstance(self.acknowledged_at, datetime.datetime):
            acknowledged_at = self.acknowledged_at.isoformat()
        else:
            acknowledged_at = self.acknowledged_at

        acknowledged_by: None | str
        if isinstance(self.acknowledged_by, UUID):
            acknowledged_by = str(self.acknowledged_by)
        else:
            acknowledged_by = self.acknowledged_by

        acknowledged_clinic_id: None | str
        if isinstance(self.acknowledged_clinic_id, UUID):
            acknowledged_clinic_id = str(self.acknowledged_clinic_id)
        else:
            acknowledged_clinic_id = self.acknowledged_clinic_id

        acknowledgement_note: None | str
        acknowledgement_note = self.acknowledgement_note

        assessment_id: None | str
        if isinstance(self.assessment_id, UUID):
            assessment_id = str(self.assessment_id)
        else:
            assessment_id = self.assessment_id

        exercise: None | str
        exercise = self.exercise

        id = str(self.id)

        kind = self.kind.value

        message = self.message

        pain: int | None
        pain = self.pain

        raised_at = self.raised_at.isoformat()

        session_id: None | str
        if isinstance(self.session_id, UUID):
            session_id = str(self.session_id)
        else:
            session_id = self.session_id

        status = self.status.value

        week: None | str
        week = self.week

        acknowledgements: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.acknowledgements, Unset):
            acknowledgements = []
            for acknowledgements_item_data in self.acknowledgements:
                acknowledgements_item = acknowledgements_item_data.to_dict()
                acknowledgements.append(acknowledgements_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "acknowledged_at": acknowledged_at,
                "acknowledged_by": acknowledged_by,
                "acknowledged_clinic_id": acknowledged_clinic_id,
                "acknowledgement_note": acknowledgement_note,
                "assessment_id": assessment_id,
                "exercise": exercise,
                "id": id,
                "kind": kind,
                "message": message,
                "pain": pain,
                "raised_at": raised_at,
                "session_id": session_id,
                "status": status,
                "week": week,
            }
        )
        if acknowledgements is not UNSET:
            field_dict["acknowledgements"] = acknowledgements

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.acknowledgement_public import AcknowledgementPublic  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_acknowledged_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acknowledged_at_type_0 = datetime.datetime.fromisoformat(data)

                return acknowledged_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        acknowledged_at = _parse_acknowledged_at(d.pop("acknowledged_at"))

        def _parse_acknowledged_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acknowledged_by_type_0 = UUID(data)

                return acknowledged_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        acknowledged_by = _parse_acknowledged_by(d.pop("acknowledged_by"))

        def _parse_acknowledged_clinic_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acknowledged_clinic_id_type_0 = UUID(data)

                return acknowledged_clinic_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        acknowledged_clinic_id = _parse_acknowledged_clinic_id(d.pop("acknowledged_clinic_id"))

        def _parse_acknowledgement_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        acknowledgement_note = _parse_acknowledgement_note(d.pop("acknowledgement_note"))

        def _parse_assessment_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assessment_id_type_0 = UUID(data)

                return assessment_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        assessment_id = _parse_assessment_id(d.pop("assessment_id"))

        def _parse_exercise(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        exercise = _parse_exercise(d.pop("exercise"))

        id = UUID(d.pop("id"))

        kind = AlertKind(d.pop("kind"))

        message = d.pop("message")

        def _parse_pain(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        pain = _parse_pain(d.pop("pain"))

        raised_at = datetime.datetime.fromisoformat(d.pop("raised_at"))

        def _parse_session_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                session_id_type_0 = UUID(data)

                return session_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        session_id = _parse_session_id(d.pop("session_id"))

        status = AlertStatus(d.pop("status"))

        def _parse_week(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        week = _parse_week(d.pop("week"))

        _acknowledgements = d.pop("acknowledgements", UNSET)
        acknowledgements: list[AcknowledgementPublic] | Unset = UNSET
        if _acknowledgements is not UNSET:
            acknowledgements = []
            for acknowledgements_item_data in _acknowledgements:
                acknowledgements_item = AcknowledgementPublic.from_dict(acknowledgements_item_data)

                acknowledgements.append(acknowledgements_item)

        alert_public = cls(
            acknowledged_at=acknowledged_at,
            acknowledged_by=acknowledged_by,
            acknowledged_clinic_id=acknowledged_clinic_id,
            acknowledgement_note=acknowledgement_note,
            assessment_id=assessment_id,
            exercise=exercise,
            id=id,
            kind=kind,
            message=message,
            pain=pain,
            raised_at=raised_at,
            session_id=session_id,
            status=status,
            week=week,
            acknowledgements=acknowledgements,
        )

        alert_public.additional_properties = d
        return alert_public

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
