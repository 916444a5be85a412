from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.care_channel import CareChannel
from ..models.care_scope import CareScope
from ..models.webhook_event_type import WebhookEventType

T = TypeVar("T", bound="ScopeDetail")


@_attrs_define
class ScopeDetail:
    """One asked scope in plain words: what it opens, and where that data can go.

    Attributes:
        channels (list[CareChannel]): Where the data goes: `clinician` (the clinician reads it in Medius), `clinic_fhir`
            (the clinic's FHIR base, read with the clinician's sign-in), `clinic_systems` (the clinic's connected systems,
            by webhook; only together with the `clinic_systems` scope).
        events (list[WebhookEventType]): The webhook events the clinic's systems would receive for this scope: empty
            unless the invitation also asks for `clinic_systems`.
        scope (CareScope):
        summary (str): What granting the scope opens, in plain words.
    """

    channels: list[CareChannel]
    events: list[WebhookEventType]
    scope: CareScope
    summary: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        channels = []
        for channels_item_data in self.channels:
            channels_item = channels_item_data.value
            channels.append(channels_item)

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.value
            events.append(events_item)

        scope = self.scope.value

        summary = self.summary

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "channels": channels,
                "events": events,
                "scope": scope,
                "summary": summary,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        channels = []
        _channels = d.pop("channels")
        for channels_item_data in _channels:
            channels_item = CareChannel(channels_item_data)

            channels.append(channels_item)

        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = WebhookEventType(events_item_data)

            events.append(events_item)

        scope = CareScope(d.pop("scope"))

        summary = d.pop("summary")

        scope_detail = cls(
            channels=channels,
            events=events,
            scope=scope,
            summary=summary,
        )

        scope_detail.additional_properties = d
        return scope_detail

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
