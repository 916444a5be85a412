from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.dosage_unit import DosageUnit
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dosage_attribution import DosageAttribution


T = TypeVar("T", bound="Dosage")


@_attrs_define
class Dosage:
    """What the article prescribes. `null` means the article gives no figure.

    Every figure here is the article's; `attribution` says whether the unit and
    `per_direction` are stated by it or inferred by Medius, and `note` is Medius' words.

        Attributes:
            unit (DosageUnit):
            attribution (DosageAttribution | Unset): Whose each text field is, by field name; a field not listed is Medius'.
            count_max (int | None | Unset): High end of reps/steps per set.
            count_min (int | None | Unset): Low end of reps/steps per set.
            hold_seconds_max (int | None | Unset):
            hold_seconds_min (int | None | Unset):
            note (None | str | Unset):
            per_direction (bool | Unset): The count applies to each walking direction. Default: False.
            rest_seconds (int | None | Unset):
            sets (int | None | Unset):
    """

    unit: DosageUnit
    attribution: DosageAttribution | Unset = UNSET
    count_max: int | None | Unset = UNSET
    count_min: int | None | Unset = UNSET
    hold_seconds_max: int | None | Unset = UNSET
    hold_seconds_min: int | None | Unset = UNSET
    note: None | str | Unset = UNSET
    per_direction: bool | Unset = False
    rest_seconds: int | None | Unset = UNSET
    sets: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        unit = self.unit.value

        attribution: dict[str, Any] | Unset = UNSET
        if not isinstance(self.attribution, Unset):
            attribution = self.attribution.to_dict()

        count_max: int | None | Unset
        if isinstance(self.count_max, Unset):
            count_max = UNSET
        else:
            count_max = self.count_max

        count_min: int | None | Unset
        if isinstance(self.count_min, Unset):
            count_min = UNSET
        else:
            count_min = self.count_min

        hold_seconds_max: int | None | Unset
        if isinstance(self.hold_seconds_max, Unset):
            hold_seconds_max = UNSET
        else:
            hold_seconds_max = self.hold_seconds_max

        hold_seconds_min: int | None | Unset
        if isinstance(self.hold_seconds_min, Unset):
            hold_seconds_min = UNSET
        else:
            hold_seconds_min = self.hold_seconds_min

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        per_direction = self.per_direction

        rest_seconds: int | None | Unset
        if isinstance(self.rest_seconds, Unset):
            rest_seconds = UNSET
        else:
            rest_seconds = self.rest_seconds

        sets: int | None | Unset
        if isinstance(self.sets, Unset):
            sets = UNSET
        else:
            sets = self.sets

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "unit": unit,
            }
        )
        if attribution is not UNSET:
            field_dict["attribution"] = attribution
        if count_max is not UNSET:
            field_dict["count_max"] = count_max
        if count_min is not UNSET:
            field_dict["count_min"] = count_min
        if hold_seconds_max is not UNSET:
            field_dict["hold_seconds_max"] = hold_seconds_max
        if hold_seconds_min is not UNSET:
            field_dict["hold_seconds_min"] = hold_seconds_min
        if note is not UNSET:
            field_dict["note"] = note
        if per_direction is not UNSET:
            field_dict["per_direction"] = per_direction
        if rest_seconds is not UNSET:
            field_dict["rest_seconds"] = rest_seconds
        if sets is not UNSET:
            field_dict["sets"] = sets

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dosage_attribution import DosageAttribution  # noqa: PLC0415

        d = dict(src_dict)
        unit = DosageUnit(d.pop("unit"))

        _attribution = d.pop("attribution", UNSET)
        attribution: DosageAttribution | Unset
        if isinstance(_attribution, Unset):
            attribution = UNSET
        else:
            attribution = DosageAttribution.from_dict(_attribution)

        def _parse_count_max(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        count_max = _parse_count_max(d.pop("count_max", UNSET))

        def _parse_count_min(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        count_min = _parse_count_min(d.pop("count_min", UNSET))

        def _parse_hold_seconds_max(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        hold_seconds_max = _parse_hold_seconds_max(d.pop("hold_seconds_max", UNSET))

        def _parse_hold_seconds_min(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        hold_seconds_min = _parse_hold_seconds_min(d.pop("hold_seconds_min", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        per_direction = d.pop("per_direction", UNSET)

        def _parse_rest_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rest_seconds = _parse_rest_seconds(d.pop("rest_seconds", UNSET))

        def _parse_sets(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sets = _parse_sets(d.pop("sets", UNSET))

        dosage = cls(
            unit=unit,
            attribution=attribution,
            count_max=count_max,
            count_min=count_min,
            hold_seconds_max=hold_seconds_max,
            hold_seconds_min=hold_seconds_min,
            note=note,
            per_direction=per_direction,
            rest_seconds=rest_seconds,
            sets=sets,
        )

        return dosage
