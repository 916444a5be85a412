from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.citation import Citation


T = TypeVar("T", bound="WithheldInstrument")


@_attrs_define
class WithheldInstrument:
    """An instrument Medius does not ship, and why (its text is not free to redistribute).

    Attributes:
        reason (str):
        source (Citation): A published work, cited as a reader would look it up.
        title (str):
    """

    reason: str
    source: Citation
    title: str

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        source = self.source.to_dict()

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
                "source": source,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.citation import Citation  # noqa: PLC0415

        d = dict(src_dict)
        reason = d.pop("reason")

        source = Citation.from_dict(d.pop("source"))

        title = d.pop("title")

        withheld_instrument = cls(
            reason=reason,
            source=source,
            title=title,
        )

        return withheld_instrument
