from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MeasurePoint")


@_attrs_define
class MeasurePoint:
    """
    Attributes:
        answer_id (UUID):
        answered_at (datetime.datetime):
        score (float):
    """

    answer_id: UUID
    answered_at: datetime.datetime
    score: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        answer_id = str(self.answer_id)

        answered_at = self.answered_at.isoformat()

        score = self.score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "answer_id": answer_id,
                "answered_at": answered_at,
                "score": score,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        answer_id = UUID(d.pop("answer_id"))

        answered_at = datetime.datetime.fromisoformat(d.pop("answered_at"))

        score = d.pop("score")

        measure_point = cls(
            answer_id=answer_id,
            answered_at=answered_at,
            score=score,
        )

        measure_point.additional_properties = d
        return measure_point

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
