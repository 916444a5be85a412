from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.care_scope import CareScope
from ..types import UNSET, Unset

T = TypeVar("T", bound="CareAccept")


@_attrs_define
class CareAccept:
    """
    Attributes:
        code (str): The code exactly as it was shown once to its issuer.
        scopes (list[CareScope] | None | Unset): Grant only these (a subset of the invitation's); omit to grant all.
    """

    code: str
    scopes: list[CareScope] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        scopes: list[str] | None | Unset
        if isinstance(self.scopes, Unset):
            scopes = UNSET
        elif isinstance(self.scopes, list):
            scopes = []
            for scopes_type_0_item_data in self.scopes:
                scopes_type_0_item = scopes_type_0_item_data.value
                scopes.append(scopes_type_0_item)

        else:
            scopes = self.scopes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
            }
        )
        if scopes is not UNSET:
            field_dict["scopes"] = scopes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        def _parse_scopes(data: object) -> list[CareScope] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                scopes_type_0 = []
                _scopes_type_0 = data
                for scopes_type_0_item_data in _scopes_type_0:
                    scopes_type_0_item = CareScope(scopes_type_0_item_data)

                    scopes_type_0.append(scopes_type_0_item)

                return scopes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[CareScope] | None | Unset, data)

        scopes = _parse_scopes(d.pop("scopes", UNSET))

        care_accept = cls(
            code=code,
            scopes=scopes,
        )

        return care_accept
