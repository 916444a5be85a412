from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CalendarTokenPublic")


@_attrs_define
class CalendarTokenPublic:
    """
    Attributes:
        created_at (datetime.datetime):
        time_of_day (str):
        token (str): Shown once: Medius keeps only its hash.
        url (str): The feed's absolute URL (on the server's PUBLIC_BASE_URL); subscribe to it from any calendar app.
    """

    created_at: datetime.datetime
    time_of_day: str
    token: str
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        time_of_day = self.time_of_day

        token = self.token

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "time_of_day": time_of_day,
                "token": token,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        time_of_day = d.pop("time_of_day")

        token = d.pop("token")

        url = d.pop("url")

        calendar_token_public = cls(
            created_at=created_at,
            time_of_day=time_of_day,
            token=token,
            url=url,
        )

        calendar_token_public.additional_properties = d
        return calendar_token_public

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
