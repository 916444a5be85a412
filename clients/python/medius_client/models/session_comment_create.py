from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SessionCommentCreate")


@_attrs_define
class SessionCommentCreate:
    """
    Attributes:
        body (str): 1-2000 characters; tab and newline allowed.
        id (None | Unset | UUID): Your own UUID makes a retry safe: the same id and body again answers the stored
            comment (200); the same id with another body is 409.
    """

    body: str
    id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        body = self.body

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "body": body,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        body = d.pop("body")

        def _parse_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                id_type_0 = UUID(data)

                return id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        id = _parse_id(d.pop("id", UNSET))

        session_comment_create = cls(
            body=body,
            id=id,
        )

        return session_comment_create
