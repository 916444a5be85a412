from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.measure_verdict import MeasureVerdict

T = TypeVar("T", bound="CareLatestMeasure")


@_attrs_define
class CareLatestMeasure:
    """
    Attributes:
        answer_id (UUID):
        answered_at (datetime.datetime):
        change (float):
        instrument_id (str):
        mcid (float | None): The source's MCID; null where none is published.
        score (float | None):
        verdict (MeasureVerdict | None):
    """

    answer_id: UUID
    answered_at: datetime.datetime
    change: float
    instrument_id: str
    mcid: float | None
    score: float | None
    verdict: MeasureVerdict | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        answer_id = str(self.answer_id)

        answered_at = self.answered_at.isoformat()

        change = self.change

        instrument_id = self.instrument_id

        mcid: float | None
        mcid = self.mcid

        score: float | None
        score = self.score

        verdict: None | str
        if isinstance(self.verdict, MeasureVerdict):
            verdict = self.verdict.value
        else:
            verdict = self.verdict

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "answer_id": answer_id,
                "answered_at": answered_at,
                "change": change,
                "instrument_id": instrument_id,
                "mcid": mcid,
                "score": score,
                "verdict": verdict,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        answer_id = UUID(d.pop("answer_id"))

        answered_at = datetime.datetime.fromisoformat(d.pop("answered_at"))

        change = d.pop("change")

        instrument_id = d.pop("instrument_id")

        def _parse_mcid(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        mcid = _parse_mcid(d.pop("mcid"))

        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))

        def _parse_verdict(data: object) -> MeasureVerdict | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                verdict_type_0 = MeasureVerdict(data)

                return verdict_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MeasureVerdict | None, data)

        verdict = _parse_verdict(d.pop("verdict"))

        care_latest_measure = cls(
            answer_id=answer_id,
            answered_at=answered_at,
            change=change,
            instrument_id=instrument_id,
            mcid=mcid,
            score=score,
            verdict=verdict,
        )

        care_latest_measure.additional_properties = d
        return care_latest_measure

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
