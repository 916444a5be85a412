from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.session_public import SessionPublic
    from ..models.session_tombstone import SessionTombstone


T = TypeVar("T", bound="PageUnionSessionPublicSessionTombstone")


@_attrs_define
class PageUnionSessionPublicSessionTombstone:
    """
    Attributes:
        items (list[SessionPublic | SessionTombstone]):
        next_cursor (None | str): Pass as `cursor` for the next page; null at end.
        sync_token (None | str | Unset): When you sent `sync_token`: store this and send it next time (it covers this
            page). Null for a plain list.
    """

    items: list[SessionPublic | SessionTombstone]
    next_cursor: None | str
    sync_token: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.session_public import SessionPublic  # noqa: PLC0415

        items = []
        for items_item_data in self.items:
            items_item: dict[str, Any]
            if isinstance(items_item_data, SessionPublic):
                items_item = items_item_data.to_dict()
            else:
                items_item = items_item_data.to_dict()

            items.append(items_item)

        next_cursor: None | str
        next_cursor = self.next_cursor

        sync_token: None | str | Unset
        if isinstance(self.sync_token, Unset):
            sync_token = UNSET
        else:
            sync_token = self.sync_token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
                "next_cursor": next_cursor,
            }
        )
        if sync_token is not UNSET:
            field_dict["sync_token"] = sync_token

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.session_public import SessionPublic  # noqa: PLC0415
        from ..models.session_tombstone import SessionTombstone  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:

            def _parse_items_item(data: object) -> SessionPublic | SessionTombstone:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    items_item_type_0 = SessionPublic.from_dict(data)

                    return items_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                items_item_type_1 = SessionTombstone.from_dict(data)

                return items_item_type_1

            items_item = _parse_items_item(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        def _parse_sync_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sync_token = _parse_sync_token(d.pop("sync_token", UNSET))

        page_union_session_public_session_tombstone = cls(
            items=items,
            next_cursor=next_cursor,
            sync_token=sync_token,
        )

        page_union_session_public_session_tombstone.additional_properties = d
        return page_union_session_public_session_tombstone

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
