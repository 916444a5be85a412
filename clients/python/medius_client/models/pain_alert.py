from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PainAlert")


@_attrs_define
class PainAlert:
    """
    Attributes:
        advice (str):
        max_pain (int):
        session_id (UUID):
        started_at (datetime.datetime):
    """

    advice: str
    max_pain: int
    session_id: UUID
    started_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        advice = self.advice

        max_pain = self.max_pain

        session_id = str(self.session_id)

        started_at = self.started_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "advice": advice,
                "max_pain": max_pain,
                "session_id": session_id,
                "started_at": started_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        advice = d.pop("advice")

        max_pain = d.pop("max_pain")

        session_id = UUID(d.pop("session_id"))

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        pain_alert = cls(
            advice=advice,
            max_pain=max_pain,
            session_id=session_id,
            started_at=started_at,
        )

        pain_alert.additional_properties = d
        return pain_alert

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
