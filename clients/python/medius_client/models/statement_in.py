from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.provenance import Provenance
from ..types import UNSET, Unset

T = TypeVar("T", bound="StatementIn")


@_attrs_define
class StatementIn:
    """One sentence (a step, a cue, a reason it matters) and whose it is.

    Sent as a bare string, a statement is Medius' own: text nobody has checked against
    the article never claims to be the article's.

        Attributes:
            provenance (Provenance):
            text (str):
            article_text (None | str | Unset): The article's sentence our words render, when they differ.
    """

    provenance: Provenance
    text: str
    article_text: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        provenance = self.provenance.value

        text = self.text

        article_text: None | str | Unset
        if isinstance(self.article_text, Unset):
            article_text = UNSET
        else:
            article_text = self.article_text

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "provenance": provenance,
                "text": text,
            }
        )
        if article_text is not UNSET:
            field_dict["article_text"] = article_text

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        provenance = Provenance(d.pop("provenance"))

        text = d.pop("text")

        def _parse_article_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        article_text = _parse_article_text(d.pop("article_text", UNSET))

        statement_in = cls(
            provenance=provenance,
            text=text,
            article_text=article_text,
        )

        return statement_in
