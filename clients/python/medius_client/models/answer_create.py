from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.answer_create_answers import AnswerCreateAnswers


T = TypeVar("T", bound="AnswerCreate")


@_attrs_define
class AnswerCreate:
    """
    Attributes:
        answers (AnswerCreateAnswers): Item id -> value, as the instrument's `items` define them (422 naming the item
            when a value is out of bounds, of the wrong type, or a required one is missing).
        assignment_id (UUID):
        id (UUID): Your UUID for this answer (offline-safe: a retry with the same id and body answers the stored one,
            200; another body is 409).
        answered_at (datetime.datetime | None | Unset): When it was answered (an offline client sends its own time;
            default now). Not in the future.
    """

    answers: AnswerCreateAnswers
    assignment_id: UUID
    id: UUID
    answered_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        answers = self.answers.to_dict()

        assignment_id = str(self.assignment_id)

        id = str(self.id)

        answered_at: None | str | Unset
        if isinstance(self.answered_at, Unset):
            answered_at = UNSET
        elif isinstance(self.answered_at, datetime.datetime):
            answered_at = self.answered_at.isoformat()
        else:
            answered_at = self.answered_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "answers": answers,
                "assignment_id": assignment_id,
                "id": id,
            }
        )
        if answered_at is not UNSET:
            field_dict["answered_at"] = answered_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.answer_create_answers import AnswerCreateAnswers  # noqa: PLC0415

        d = dict(src_dict)
        answers = AnswerCreateAnswers.from_dict(d.pop("answers"))

        assignment_id = UUID(d.pop("assignment_id"))

        id = UUID(d.pop("id"))

        def _parse_answered_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                answered_at_type_0 = datetime.datetime.fromisoformat(data)

                return answered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        answered_at = _parse_answered_at(d.pop("answered_at", UNSET))

        answer_create = cls(
            answers=answers,
            assignment_id=assignment_id,
            id=id,
            answered_at=answered_at,
        )

        return answer_create
