from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.provenance import Provenance
from ..types import UNSET, Unset

T = TypeVar("T", bound="DefaultDosage")


@_attrs_define
class DefaultDosage:
    """Medius' own defaults where the article is silent; never presented as the article's.

    Attributes:
        note (str):
        rest_seconds (int):
        sets (int):
        count (int | None | Unset): Reps or steps per set.
        hold_seconds (int | None | Unset):
        provenance (Provenance | Unset):
        seconds_per_rep (int | Unset): Tempo used to estimate durations. Default: 3.
    """

    note: str
    rest_seconds: int
    sets: int
    count: int | None | Unset = UNSET
    hold_seconds: int | None | Unset = UNSET
    provenance: Provenance | Unset = UNSET
    seconds_per_rep: int | Unset = 3

    def to_dict(self) -> dict[str, Any]:
        note = self.note

        rest_seconds = self.rest_seconds

        sets = self.sets

        count: int | None | Unset
        if isinstance(self.count, Unset):
            count = UNSET
        else:
            count = self.count

        hold_seconds: int | None | Unset
        if isinstance(self.hold_seconds, Unset):
            hold_seconds = UNSET
        else:
            hold_seconds = self.hold_seconds

        provenance: str | Unset = UNSET
        if not isinstance(self.provenance, Unset):
            provenance = self.provenance.value

        seconds_per_rep = self.seconds_per_rep

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "note": note,
                "rest_seconds": rest_seconds,
                "sets": sets,
            }
        )
        if count is not UNSET:
            field_dict["count"] = count
        if hold_seconds is not UNSET:
            field_dict["hold_seconds"] = hold_seconds
        if provenance is not UNSET:
            field_dict["provenance"] = provenance
        if seconds_per_rep is not UNSET:
            field_dict["seconds_per_rep"] = seconds_per_rep

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        note = d.pop("note")

        rest_seconds = d.pop("rest_seconds")

        sets = d.pop("sets")

        def _parse_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        count = _parse_count(d.pop("count", UNSET))

        def _parse_hold_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        hold_seconds = _parse_hold_seconds(d.pop("hold_seconds", UNSET))

        _provenance = d.pop("provenance", UNSET)
        provenance: Provenance | Unset
        if isinstance(_provenance, Unset):
            provenance = UNSET
        else:
            provenance = Provenance(_provenance)

        seconds_per_rep = d.pop("seconds_per_rep", UNSET)

        default_dosage = cls(
            note=note,
            rest_seconds=rest_seconds,
            sets=sets,
            count=count,
            hold_seconds=hold_seconds,
            provenance=provenance,
            seconds_per_rep=seconds_per_rep,
        )

        return default_dosage
