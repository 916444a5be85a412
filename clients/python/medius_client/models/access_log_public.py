from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.access_action import AccessAction

T = TypeVar("T", bound="AccessLogPublic")


@_attrs_define
class AccessLogPublic:
    """
    Attributes:
        action (AccessAction):
        actor_id (None | UUID): Null for a share link, or a deleted account.
        actor_name (None | str):
        address (None | str): The client address the request came from.
        at (datetime.datetime):
        clinic_id (None | UUID):
        clinic_name (None | str):
        endpoint_id (None | UUID): For `send`: the clinic's webhook endpoint the event went to.
        id (UUID):
        relationship_id (None | UUID):
        resource (str): What was read or written; `webhook:<event type>` for an event sent to a clinic's connected
            system.
        share_link_id (None | UUID):
        webhook_id (None | str): For `send`: the event's `webhook-id`, as the clinic's delivery log shows it.
    """

    action: AccessAction
    actor_id: None | UUID
    actor_name: None | str
    address: None | str
    at: datetime.datetime
    clinic_id: None | UUID
    clinic_name: None | str
    endpoint_id: None | UUID
    id: UUID
    relationship_id: None | UUID
    resource: str
    share_link_id: None | UUID
    webhook_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        actor_id: None | str
        if isinstance(self.actor_id, UUID):
            actor_id = str(self.actor_id)
        else:
            actor_id = self.actor_id

        actor_name: None | str
        actor_name = self.actor_name

        address: None | str
        address = self.address

        at = self.at.isoformat()

        clinic_id: None | str
        if isinstance(self.clinic_id, UUID):
            clinic_id = str(self.clinic_id)
        else:
            clinic_id = self.clinic_id

        clinic_name: None | str
        clinic_name = self.clinic_name

        endpoint_id: None | str
        if isinstance(self.endpoint_id, UUID):
            endpoint_id = str(self.endpoint_id)
        else:
            endpoint_id = self.endpoint_id

        id = str(self.id)

        relationship_id: None | str
        if isinstance(self.relationship_id, UUID):
            relationship_id = str(self.relationship_id)
        else:
            relationship_id = self.relationship_id

        resource = self.resource

        share_link_id: None | str
        if isinstance(self.share_link_id, UUID):
            share_link_id = str(self.share_link_id)
        else:
            share_link_id = self.share_link_id

        webhook_id: None | str
        webhook_id = self.webhook_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "actor_id": actor_id,
                "actor_name": actor_name,
                "address": address,
                "at": at,
                "clinic_id": clinic_id,
                "clinic_name": clinic_name,
                "endpoint_id": endpoint_id,
                "id": id,
                "relationship_id": relationship_id,
                "resource": resource,
                "share_link_id": share_link_id,
                "webhook_id": webhook_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = AccessAction(d.pop("action"))

        def _parse_actor_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actor_id_type_0 = UUID(data)

                return actor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        actor_id = _parse_actor_id(d.pop("actor_id"))

        def _parse_actor_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor_name = _parse_actor_name(d.pop("actor_name"))

        def _parse_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        address = _parse_address(d.pop("address"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_clinic_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                clinic_id_type_0 = UUID(data)

                return clinic_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        clinic_id = _parse_clinic_id(d.pop("clinic_id"))

        def _parse_clinic_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        clinic_name = _parse_clinic_name(d.pop("clinic_name"))

        def _parse_endpoint_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                endpoint_id_type_0 = UUID(data)

                return endpoint_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        endpoint_id = _parse_endpoint_id(d.pop("endpoint_id"))

        id = UUID(d.pop("id"))

        def _parse_relationship_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                relationship_id_type_0 = UUID(data)

                return relationship_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        relationship_id = _parse_relationship_id(d.pop("relationship_id"))

        resource = d.pop("resource")

        def _parse_share_link_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                share_link_id_type_0 = UUID(data)

                return share_link_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        share_link_id = _parse_share_link_id(d.pop("share_link_id"))

        def _parse_webhook_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        webhook_id = _parse_webhook_id(d.pop("webhook_id"))

        access_log_public = cls(
            action=action,
            actor_id=actor_id,
            actor_name=actor_name,
            address=address,
            at=at,
            clinic_id=clinic_id,
            clinic_name=clinic_name,
            endpoint_id=endpoint_id,
            id=id,
            relationship_id=relationship_id,
            resource=resource,
            share_link_id=share_link_id,
            webhook_id=webhook_id,
        )

        access_log_public.additional_properties = d
        return access_log_public

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
