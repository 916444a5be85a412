from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.meta import Meta


T = TypeVar("T", bound="CarePlan")


@_attrs_define
class CarePlan:
    """
    Attributes:
        id (str):
        intent (Literal['plan']):
        resource_type (Literal['CarePlan']):
        status (str):
        meta (Meta | None | Unset):
    """

    id: str
    intent: Literal["plan"]
    resource_type: Literal["CarePlan"]
    status: str
    meta: Meta | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.meta import Meta  # noqa: PLC0415

        id = self.id

        intent = self.intent

        resource_type = self.resource_type

        status = self.status

        meta: dict[str, Any] | None | Unset
        if isinstance(self.meta, Unset):
            meta = UNSET
        elif isinstance(self.meta, Meta):
            meta = self.meta.to_dict()
        else:
            meta = self.meta

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "intent": intent,
                "resourceType": resource_type,
                "status": status,
            }
        )
        if meta is not UNSET:
            field_dict["meta"] = meta

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.meta import Meta  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        intent = cast(Literal["plan"], d.pop("intent"))
        if intent != "plan":
            raise ValueError(f"intent must match const 'plan', got '{intent}'")

        resource_type = cast(Literal["CarePlan"], d.pop("resourceType"))
        if resource_type != "CarePlan":
            raise ValueError(f"resourceType must match const 'CarePlan', got '{resource_type}'")

        status = d.pop("status")

        def _parse_meta(data: object) -> Meta | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                meta_type_0 = Meta.from_dict(data)

                return meta_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Meta | None | Unset, data)

        meta = _parse_meta(d.pop("meta", UNSET))

        care_plan = cls(
            id=id,
            intent=intent,
            resource_type=resource_type,
            status=status,
            meta=meta,
        )

        care_plan.additional_properties = d
        return care_plan

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
