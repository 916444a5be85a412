from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.leg import Leg
from ..models.pelvis_drop import PelvisDrop
from ..types import UNSET, Unset

T = TypeVar("T", bound="AssessmentCreate")


@_attrs_define
class AssessmentCreate:
    """What the user saw while standing on one leg (ideally filmed or in a mirror).

    Attributes:
        hold_seconds (int): How long the stance was held.
        knee_drifts_in (bool): Did the stance knee drift toward the midline?
        pain (int): Pain during the check, 0-10.
        pelvis_drop (PelvisDrop):
        stance_leg (Leg):
        trunk_lean (bool): Did the upper body lean toward the stance side?
        notes (str | Unset):  Default: ''.
    """

    hold_seconds: int
    knee_drifts_in: bool
    pain: int
    pelvis_drop: PelvisDrop
    stance_leg: Leg
    trunk_lean: bool
    notes: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        hold_seconds = self.hold_seconds

        knee_drifts_in = self.knee_drifts_in

        pain = self.pain

        pelvis_drop = self.pelvis_drop.value

        stance_leg = self.stance_leg.value

        trunk_lean = self.trunk_lean

        notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "hold_seconds": hold_seconds,
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
        d = dict(src_dict)
        hold_seconds = d.pop("hold_seconds")

        knee_drifts_in = d.pop("knee_drifts_in")

        pain = d.pop("pain")

        pelvis_drop = PelvisDrop(d.pop("pelvis_drop"))

        stance_leg = Leg(d.pop("stance_leg"))

        trunk_lean = d.pop("trunk_lean")

        notes = d.pop("notes", UNSET)

        assessment_create = cls(
            hold_seconds=hold_seconds,
            knee_drifts_in=knee_drifts_in,
            pain=pain,
            pelvis_drop=pelvis_drop,
            stance_leg=stance_leg,
            trunk_lean=trunk_lean,
            notes=notes,
        )

        return assessment_create
