from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ActivityRating")


@_attrs_define
class ActivityRating:
    """One activity of the Patient-Specific Functional Scale, as the patient names it.

    Attributes:
        activity (str): The activity, in the patient's words (1-80).
        rating (int | None | Unset): 0 (unable) to 10 (as before); null: not rated this time.
    """

    activity: str
    rating: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        activity = self.activity

        rating: int | None | Unset
        if isinstance(self.rating, Unset):
            rating = UNSET
        else:
            rating = self.rating

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "activity": activity,
            }
        )
        if rating is not UNSET:
            field_dict["rating"] = rating

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        activity = d.pop("activity")

        def _parse_rating(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rating = _parse_rating(d.pop("rating", UNSET))

        activity_rating = cls(
            activity=activity,
            rating=rating,
        )

        return activity_rating
