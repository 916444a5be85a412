from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Citation")


@_attrs_define
class Citation:
    """A published work, cited as a reader would look it up.

    Attributes:
        citation (str): Authors, title, journal, year;volume(issue):pages.
        doi (None | str | Unset): The DOI, when the work has one.
    """

    citation: str
    doi: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        citation = self.citation

        doi: None | str | Unset
        if isinstance(self.doi, Unset):
            doi = UNSET
        else:
            doi = self.doi

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "citation": citation,
            }
        )
        if doi is not UNSET:
            field_dict["doi"] = doi

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        citation = d.pop("citation")

        def _parse_doi(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        doi = _parse_doi(d.pop("doi", UNSET))

        citation = cls(
            citation=citation,
            doi=doi,
        )

        return citation
