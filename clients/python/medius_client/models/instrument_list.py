from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.instrument import Instrument
    from ..models.withheld_instrument import WithheldInstrument


T = TypeVar("T", bound="InstrumentList")


@_attrs_define
class InstrumentList:
    """Every instrument Medius serves (one page: the list is short), and those of the core
    outcome set it does not ship, with why.

        Attributes:
            items (list[Instrument]):
            withheld (list[WithheldInstrument]):
            next_cursor (None | str | Unset): Always null: one page.
    """

    items: list[Instrument]
    withheld: list[WithheldInstrument]
    next_cursor: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        withheld = []
        for withheld_item_data in self.withheld:
            withheld_item = withheld_item_data.to_dict()
            withheld.append(withheld_item)

        next_cursor: None | str | Unset
        if isinstance(self.next_cursor, Unset):
            next_cursor = UNSET
        else:
            next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
                "withheld": withheld,
            }
        )
        if next_cursor is not UNSET:
            field_dict["next_cursor"] = next_cursor

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.instrument import Instrument  # noqa: PLC0415
        from ..models.withheld_instrument import WithheldInstrument  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Instrument.from_dict(items_item_data)

            items.append(items_item)

        withheld = []
        _withheld = d.pop("withheld")
        for withheld_item_data in _withheld:
            withheld_item = WithheldInstrument.from_dict(withheld_item_data)

            withheld.append(withheld_item)

        def _parse_next_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor", UNSET))

        instrument_list = cls(
            items=items,
            withheld=withheld,
            next_cursor=next_cursor,
        )

        instrument_list.additional_properties = d
        return instrument_list

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
