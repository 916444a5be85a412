from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Source")


@_attrs_define
class Source:
    """
    Attributes:
        author (str):
        title (str):
    """

    author: str
    title: str

    def to_dict(self) -> dict[str, Any]:
        author = self.author

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "author": author,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        author = d.pop("author")

        title = d.pop("title")

        source = cls(
            author=author,
            title=title,
        )

        return source
