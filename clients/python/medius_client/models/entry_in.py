from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.band_level import BandLevel
from ..models.leg import Leg
from ..types import UNSET, Unset

T = TypeVar("T", bound="EntryIn")


@_attrs_define
class EntryIn:
    """One set as done. Which of reps/steps/hold_seconds is set follows the exercise's unit.

    Attributes:
        effort (int): Perceived effort, 0-10.
        exercise (str): Lower-case, hyphenated, stable identifier.
        pain (int): Pain during the set, 0 (none) to 10 (worst).
        set_number (int):
        hold_seconds (int | None | Unset):
        load_band (BandLevel | None | Unset): Band used, if any.
        load_kg (float | None | str | Unset): Added weight in kg, if any.
        notes (str | Unset):  Default: ''.
        reps (int | None | Unset):
        side (Leg | None | Unset): left or right for unilateral exercises; null for bilateral.
        steps (int | None | Unset):
    """

    effort: int
    exercise: str
    pain: int
    set_number: int
    hold_seconds: int | None | Unset = UNSET
    load_band: BandLevel | None | Unset = UNSET
    load_kg: float | None | str | Unset = UNSET
    notes: str | Unset = ""
    reps: int | None | Unset = UNSET
    side: Leg | None | Unset = UNSET
    steps: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        effort = self.effort

        exercise = self.exercise

        pain = self.pain

        set_number = self.set_number

        hold_seconds: int | None | Unset
        if isinstance(self.hold_seconds, Unset):
            hold_seconds = UNSET
        else:
            hold_seconds = self.hold_seconds

        load_band: None | str | Unset
        if isinstance(self.load_band, Unset):
            load_band = UNSET
        elif isinstance(self.load_band, BandLevel):
            load_band = self.load_band.value
        else:
            load_band = self.load_band

        load_kg: float | None | str | Unset
        if isinstance(self.load_kg, Unset):
            load_kg = UNSET
        else:
            load_kg = self.load_kg

        notes = self.notes

        reps: int | None | Unset
        if isinstance(self.reps, Unset):
            reps = UNSET
        else:
            reps = self.reps

        side: None | str | Unset
        if isinstance(self.side, Unset):
            side = UNSET
        elif isinstance(self.side, Leg):
            side = self.side.value
        else:
            side = self.side

        steps: int | None | Unset
        if isinstance(self.steps, Unset):
            steps = UNSET
        else:
            steps = self.steps

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "effort": effort,
                "exercise": exercise,
                "pain": pain,
                "set_number": set_number,
            }
        )
        if hold_seconds is not UNSET:
            field_dict["hold_seconds"] = hold_seconds
        if load_band is not UNSET:
            field_dict["load_band"] = load_band
        if load_kg is not UNSET:
            field_dict["load_kg"] = load_kg
        if notes is not UNSET:
            field_dict["notes"] = notes
        if reps is not UNSET:
            field_dict["reps"] = reps
        if side is not UNSET:
            field_dict["side"] = side
        if steps is not UNSET:
            field_dict["steps"] = steps

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        effort = d.pop("effort")

        exercise = d.pop("exercise")

        pain = d.pop("pain")

        set_number = d.pop("set_number")

        def _parse_hold_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        hold_seconds = _parse_hold_seconds(d.pop("hold_seconds", UNSET))

        def _parse_load_band(data: object) -> BandLevel | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                load_band_type_0 = BandLevel(data)

                return load_band_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BandLevel | None | Unset, data)

        load_band = _parse_load_band(d.pop("load_band", UNSET))

        def _parse_load_kg(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        load_kg = _parse_load_kg(d.pop("load_kg", UNSET))

        notes = d.pop("notes", UNSET)

        def _parse_reps(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        reps = _parse_reps(d.pop("reps", UNSET))

        def _parse_side(data: object) -> Leg | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                side_type_0 = Leg(data)

                return side_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Leg | None | Unset, data)

        side = _parse_side(d.pop("side", UNSET))

        def _parse_steps(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        steps = _parse_steps(d.pop("steps", UNSET))

        entry_in = cls(
            effort=effort,
            exercise=exercise,
            pain=pain,
            set_number=set_number,
            hold_seconds=hold_seconds,
            load_band=load_band,
            load_kg=load_kg,
            notes=notes,
            reps=reps,
            side=side,
            steps=steps,
        )

        return entry_in
