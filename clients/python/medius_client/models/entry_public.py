from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.band_level import BandLevel
from ..models.leg import Leg

T = TypeVar("T", bound="EntryPublic")


@_attrs_define
class EntryPublic:
    """
    Attributes:
        effort (int):
        exercise (str): Lower-case, hyphenated, stable identifier.
        hold_seconds (int | None):
        load_band (BandLevel | None):
        load_kg (float | None):
        notes (str):
        pain (int):
        reps (int | None):
        set_number (int):
        side (Leg | None):
        steps (int | None):
    """

    effort: int
    exercise: str
    hold_seconds: int | None
    load_band: BandLevel | None
    load_kg: float | None
    notes: str
    pain: int
    reps: int | None
    set_number: int
    side: Leg | None
    steps: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        effort = self.effort

        exercise = self.exercise

        hold_seconds: int | None
        hold_seconds = self.hold_seconds

        load_band: None | str
        if isinstance(self.load_band, BandLevel):
            load_band = self.load_band.value
        else:
            load_band = self.load_band

        load_kg: float | None
        load_kg = self.load_kg

        notes = self.notes

        pain = self.pain

        reps: int | None
        reps = self.reps

        set_number = self.set_number

        side: None | str
        if isinstance(self.side, Leg):
            side = self.side.value
        else:
            side = self.side

        steps: int | None
        steps = self.steps

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "effort": effort,
                "exercise": exercise,
                "hold_seconds": hold_seconds,
                "load_band": load_band,
                "load_kg": load_kg,
                "notes": notes,
                "pain": pain,
                "reps": reps,
                "set_number": set_number,
                "side": side,
                "steps": steps,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        effort = d.pop("effort")

        exercise = d.pop("exercise")

        def _parse_hold_seconds(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        hold_seconds = _parse_hold_seconds(d.pop("hold_seconds"))

        def _parse_load_band(data: object) -> BandLevel | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                load_band_type_0 = BandLevel(data)

                return load_band_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BandLevel | None, data)

        load_band = _parse_load_band(d.pop("load_band"))

        def _parse_load_kg(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        load_kg = _parse_load_kg(d.pop("load_kg"))

        notes = d.pop("notes")

        pain = d.pop("pain")

        def _parse_reps(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        reps = _parse_reps(d.pop("reps"))

        set_number = d.pop("set_number")

        def _parse_side(data: object) -> Leg | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                side_type_0 = Leg(data)

                return side_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Leg | None, data)

        side = _parse_side(d.pop("side"))

        def _parse_steps(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        steps = _parse_steps(d.pop("steps"))

        entry_public = cls(
            effort=effort,
            exercise=exercise,
            hold_seconds=hold_seconds,
            load_band=load_band,
            load_kg=load_kg,
            notes=notes,
            pain=pain,
            reps=reps,
            set_number=set_number,
            side=side,
            steps=steps,
        )

        entry_public.additional_properties = d
        return entry_public

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
