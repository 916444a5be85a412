from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.answer_update_answers import AnswerUpdateAnswers


T = TypeVar("T", bound="AnswerUpdate")


@_attrs_define
class AnswerUpdate:
    """
    Attributes:
        answers (AnswerUpdateAnswers): Item id -> value, as the instrument's `items` define them (422 naming the item
            when a value is out of bounds, of the wrong type, or a required one is missing).
    """

    answers: AnswerUpdateAnswers

    def to_dict(self) -> dict[str, Any]:
        answers = self.answers.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "answers": answers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.answer_update_answers import AnswerUpdateAnswers  # noqa: PLC0415

        d = dict(src_dict)
        answers = AnswerUpdateAnswers.from_dict(d.pop("answers"))

        answer_update = cls(
            answers=answers,
        )

        return answer_update
