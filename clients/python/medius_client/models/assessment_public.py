from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.leg import Leg
from ..models.pelvis_drop import PelvisDrop
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.interpretation import Interpretation


T = TypeVar("T", bound="AssessmentPublic")


@_attrs_define
class AssessmentPublic:
    """
    Attributes:
        created_at (datetime.datetime):
        hold_seconds (int): How long the stance was held.
        id (UUID):
        interpretation (Interpretation):
        knee_drifts_in (bool): Did the stance knee drift toward the midline?
        pain (int): Pain during the check, 0-10.
        pelvis_drop (PelvisDrop):
        stance_leg (Leg):
        trunk_lean (bool): Did the upper body lean toward the stance side?
        notes (str | Unset):  Default: ''.
    """

    created_at: datetime.datetime
    hold_seconds: int
    id: UUID
    interpretation: Interpretation
    knee_drifts_in: bool
    pain: int
    pelvis_drop: PelvisDrop
    stance_leg: Leg
    trunk_lean: bool
    notes: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        hold_seconds = self.hold_seconds

        id = str(self.id)

        interpretation = self.interpretation.to_dict()

        knee_drifts_in = self.knee_drifts_in

        pain = self.pain

        pelvis_drop = self.pelvis_drop.value

        stance_leg = self.stance_leg.value

        trunk_lean = self.trunk_lean

        notes = self.notes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "hold_seconds": hold_seconds,
                "id": id,
                "interpretation": interpretation,
                "knee_drifts_in": knee_drifts_in,
                "pain": pain,
                "pelvis_drop": pelvis_drop,
                "stance_leg": stance_leg,
                "trunk_lean": trunk_lean,
            }
        )
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.interpretation import Interpretation  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        hold_seconds = d.pop("hold_seconds")

        id = UUID(d.pop("id"))

        interpretation = Interpretation.from_dict(d.pop("interpretation"))

        knee_drifts_in = d.pop("knee_drifts_in")

        pain = d.pop("pain")

        pelvis_drop = PelvisDrop(d.pop("pelvis_drop"))

        stance_leg = Leg(d.pop("stance_leg"))

        trunk_lean = d.pop("trunk_lean")

        notes = d.pop("notes", UNSET)

        assessment_public = cls(
            created_at=created_at,
            hold_seconds=hold_seconds,
            id=id,
            interpretation=interpretation,
            knee_drifts_in=knee_drifts_in,
            pain=pain,
            pelvis_drop=pelvis_drop,
            stance_leg=stance_leg,
            trunk_lean=trunk_lean,
            notes=notes,
        )

        assessment_public.additional_properties = d
        return assessment_public

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
