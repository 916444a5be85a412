from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.interval_kind import IntervalKind
from ..models.side import Side
from ..types import UNSET, Unset

T = TypeVar("T", bound="Interval")


@_attrs_define
class Interval:
    """One timer interval of a routine's timeline.

    Attributes:
        cue (str): Names the working leg (and lying side) on unilateral work.
        exercise (str): Lower-case, hyphenated, stable identifier.
        kind (IntervalKind):
        seconds (int):
        set_ (int): 1-based set number on this side.
        side (None | Side): The working leg; on a switch_side interval, the NEW working leg.
        lie_on (None | Side | Unset): Side-lying work: the side to lie on (on switch_side, the new one).
    """

    cue: str
    exercise: str
    kind: IntervalKind
    seconds: int
    set_: int
    side: None | Side
    lie_on: None | Side | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        cue = self.cue

        exercise = self.exercise

        kind = self.kind.value

        seconds = self.seconds

        set_ = self.set_

        side: None | str
        if isinstance(self.side, Side):
            side = self.side.value
        else:
            side = self.side

        lie_on: None | str | Unset
        if isinstance(self.lie_on, Unset):
            lie_on = UNSET
        elif isinstance(self.lie_on, Side):
            lie_on = self.lie_on.value
        else:
            lie_on = self.lie_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cue": cue,
                "exercise": exercise,
                "kind": kind,
                "seconds": seconds,
                "set": set_,
                "side": side,
            }
        )
        if lie_on is not UNSET:
            field_dict["lie_on"] = lie_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cue = d.pop("cue")

        exercise = d.pop("exercise")

        kind = IntervalKind(d.pop("kind"))

        seconds = d.pop("seconds")

        set_ = d.pop("set")

        def _parse_side(data: object) -> None | Side:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                side_type_0 = Side(data)

                return side_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Side, data)

        side = _parse_side(d.pop("side"))

        def _parse_lie_on(data: object) -> None | Side | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lie_on_type_0 = Side(data)

                return lie_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Side | Unset, data)

        lie_on = _parse_lie_on(d.pop("lie_on", UNSET))

        interval = cls(
            cue=cue,
            exercise=exercise,
            kind=kind,
            seconds=seconds,
            set_=set_,
            side=side,
            lie_on=lie_on,
        )

        return interval
