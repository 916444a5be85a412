from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.measure_verdict import MeasureVerdict
from ..models.reporter import Reporter

if TYPE_CHECKING:
    from ..models.answer_public_answers import AnswerPublicAnswers


T = TypeVar("T", bound="AnswerPublic")


@_attrs_define
class AnswerPublic:
    """
    Attributes:
        answered_at (datetime.datetime):
        answers (AnswerPublicAnswers):
        assignment_id (UUID):
        baseline (float | None): The score of the baseline it is compared with.
        change (float | None): Change from the baseline in the score's unit (null: the first answer, a rating of change,
            or not comparable).
        created_at (datetime.datetime):
        due_on (datetime.date):
        editable_until (datetime.datetime):
        id (UUID):
        instrument_id (str):
        instrument_version (int):
        mcid (float | None): The source's MCID (see the instrument).
        reporter (Reporter):
        revision (int):
        score (float | None): The instrument's score; null when nothing scored.
        updated_at (datetime.datetime):
        verdict (MeasureVerdict | None): `better` or `worse` by at least the MCID, else `within`; null without a change
            or a published MCID.
    """

    answered_at: datetime.datetime
    answers: AnswerPublicAnswers
    assignment_id: UUID
    baseline: float | None
    change: float | None
    created_at: datetime.datetime
    due_on: datetime.date
    editable_until: datetime.datetime
    id: UUID
    instrument_id: str
    instrument_version: int
    mcid: float | None
    reporter: Reporter
    revision: int
    score: float | None
    updated_at: datetime.datetime
    verdict: MeasureVerdict | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        answered_at = self.answered_at.isoformat()

        answers = self.answers.to_dict()

        assignment_id = str(self.assignment_id)

        baseline: float | None
        baseline = self.baseline

        change: float | None
        change = self.change

        created_at = self.created_at.isoformat()

        due_on = self.due_on.isoformat()

        editable_until = self.editable_until.isoformat()

        id = str(self.id)

        instrument_id = self.instrument_id

        instrument_version = self.instrument_version

        mcid: float | None
        mcid = self.mcid

        reporter = self.reporter.value

        revision = self.revision

        score: float | None
        score = self.score

        updated_at = self.updated_at.isoformat()

        verdict: None | str
        if isinstance(self.verdict, MeasureVerdict):
            verdict = self.verdict.value
        else:
            verdict = self.verdict

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "answered_at": answered_at,
                "answers": answers,
                "assignment_id": assignment_id,
                "baseline": baseline,
                "change": change,
                "created_at": created_at,
                "due_on": due_on,
                "editable_until": editable_until,
                "id": id,
                "instrument_id": instrument_id,
                "instrument_version": instrument_version,
                "mcid": mcid,
                "reporter": reporter,
                "revision": revision,
                "score": score,
                "updated_at": updated_at,
                "verdict": verdict,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.answer_public_answers import AnswerPublicAnswers  # noqa: PLC0415

        d = dict(src_dict)
        answered_at = datetime.datetime.fromisoformat(d.pop("answered_at"))

        answers = AnswerPublicAnswers.from_dict(d.pop("answers"))

        assignment_id = UUID(d.pop("assignment_id"))

        def _parse_baseline(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        baseline = _parse_baseline(d.pop("baseline"))

        def _parse_change(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        change = _parse_change(d.pop("change"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        editable_until = datetime.datetime.fromisoformat(d.pop("editable_until"))

        id = UUID(d.pop("id"))

        instrument_id = d.pop("instrument_id")

        instrument_version = d.pop("instrument_version")

        def _parse_mcid(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        mcid = _parse_mcid(d.pop("mcid"))

        reporter = Reporter(d.pop("reporter"))

        revision = d.pop("revision")

        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

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

        answer_public = cls(
            answered_at=answered_at,
            answers=answers,
            assignment_id=assignment_id,
            baseline=baseline,
            change=change,
            created_at=created_at,
            due_on=due_on,
            editable_until=editable_until,
            id=id,
            instrument_id=instrument_id,
            instrument_version=instrument_version,
            mcid=mcid,
            reporter=reporter,
            revision=revision,
            score=score,
            updated_at=updated_at,
            verdict=verdict,
        )

        answer_public.additional_properties = d
        return answer_public

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
