from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.measure_verdict import MeasureVerdict

if TYPE_CHECKING:
    from ..models.assignment_public import AssignmentPublic
    from ..models.measure_point import MeasurePoint


T = TypeVar("T", bound="MeasureResult")


@_attrs_define
class MeasureResult:
    """One assignment's results: each scored answer in time order, with the baseline, the
    latest change and its verdict against the MCID.

        Attributes:
            assignment (AssignmentPublic):
            baseline (float | None):
            higher_is_better (bool):
            latest_change (float | None):
            latest_score (float | None):
            latest_verdict (MeasureVerdict | None):
            mcid (float | None):
            points (list[MeasurePoint]):
            title (str):
            unit (str):
    """

    assignment: AssignmentPublic
    baseline: float | None
    higher_is_better: bool
    latest_change: float | None
    latest_score: float | None
    latest_verdict: MeasureVerdict | None
    mcid: float | None
    points: list[MeasurePoint]
    title: str
    unit: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assignment = self.assignment.to_dict()

        baseline: float | None
        baseline = self.baseline

        higher_is_better = self.higher_is_better

        latest_change: float | None
        latest_change = self.latest_change

        latest_score: float | None
        latest_score = self.latest_score

        latest_verdict: None | str
        if isinstance(self.latest_verdict, MeasureVerdict):
            latest_verdict = self.latest_verdict.value
        else:
            latest_verdict = self.latest_verdict

        mcid: float | None
        mcid = self.mcid

        points = []
        for points_item_data in self.points:
            points_item = points_item_data.to_dict()
            points.append(points_item)

        title = self.title

        unit = self.unit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assignment": assignment,
                "baseline": baseline,
                "higher_is_better": higher_is_better,
                "latest_change": latest_change,
                "latest_score": latest_score,
                "latest_verdict": latest_verdict,
                "mcid": mcid,
                "points": points,
                "title": title,
                "unit": unit,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assignment_public import AssignmentPublic  # noqa: PLC0415
        from ..models.measure_point import MeasurePoint  # noqa: PLC0415

        d = dict(src_dict)
        assignment = AssignmentPublic.from_dict(d.pop("assignment"))

        def _parse_baseline(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        baseline = _parse_baseline(d.pop("baseline"))

        higher_is_better = d.pop("higher_is_better")

        def _parse_latest_change(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        latest_change = _parse_latest_change(d.pop("latest_change"))

        def _parse_latest_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        latest_score = _parse_latest_score(d.pop("latest_score"))

        def _parse_latest_verdict(data: object) -> MeasureVerdict | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                latest_verdict_type_0 = MeasureVerdict(data)

                return latest_verdict_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MeasureVerdict | None, data)

        latest_verdict = _parse_latest_verdict(d.pop("latest_verdict"))

        def _parse_mcid(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        mcid = _parse_mcid(d.pop("mcid"))

        points = []
        _points = d.pop("points")
        for points_item_data in _points:
            points_item = MeasurePoint.from_dict(points_item_data)

            points.append(points_item)

        title = d.pop("title")

        unit = d.pop("unit")

        measure_result = cls(
            assignment=assignment,
            baseline=baseline,
            higher_is_better=higher_is_better,
            latest_change=latest_change,
            latest_score=latest_score,
            latest_verdict=latest_verdict,
            mcid=mcid,
            points=points,
            title=title,
            unit=unit,
        )

        measure_result.additional_properties = d
        return measure_result

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
