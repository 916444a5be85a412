from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.operation_outcome_issue_severity import OperationOutcomeIssueSeverity
from ..types import UNSET, Unset

T = TypeVar("T", bound="OperationOutcomeIssue")


@_attrs_define
class OperationOutcomeIssue:
    """
    Attributes:
        code (str):
        severity (OperationOutcomeIssueSeverity):
        diagnostics (None | str | Unset):
    """

    code: str
    severity: OperationOutcomeIssueSeverity
    diagnostics: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        severity = self.severity.value

        diagnostics: None | str | Unset
        if isinstance(self.diagnostics, Unset):
            diagnostics = UNSET
        else:
            diagnostics = self.diagnostics

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "severity": severity,
            }
        )
        if diagnostics is not UNSET:
            field_dict["diagnostics"] = diagnostics

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        severity = OperationOutcomeIssueSeverity(d.pop("severity"))

        def _parse_diagnostics(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        diagnostics = _parse_diagnostics(d.pop("diagnostics", UNSET))

        operation_outcome_issue = cls(
            code=code,
            severity=severity,
            diagnostics=diagnostics,
        )

        operation_outcome_issue.additional_properties = d
        return operation_outcome_issue

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
