from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.reporter import Reporter
from ..models.scoring_rule import ScoringRule
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.citation import Citation
    from ..models.item import Item
    from ..models.mcid import Mcid


T = TypeVar("T", bound="Instrument")


@_attrs_define
class Instrument:
    """A versioned outcome instrument with its provenance and scoring rule.

    Attributes:
        has_baseline (bool): False for a rating of change (the global rating of change), which is itself a change: no
            baseline, no change is computed from it.
        higher_is_better (bool):
        id (str): Stable identifier.
        items (list[Item]):
        licence (str): The terms of the instrument's text, and of Medius' wording.
        mcid (Mcid): The minimal clinically important difference (or the measurement error) as its source
            published it; Medius never sets one of its own.
        reported_by (list[Reporter]): Who may record an answer.
        rule (ScoringRule):
        score_item (str): The item the score is read from.
        score_maximum (float):
        score_minimum (float):
        score_unit (str): The unit of the score (UCUM-style).
        scoring (str): How the score is computed, in words.
        sources (list[Citation]): Where the instrument and its use come from.
        summary (str):
        title (str):
        version (int): Bumped whenever items or scoring change.
        comparable_on (list[str] | Unset): Items an answer must share with the baseline to be compared with it (the side
            measured, its unit).
        loinc (None | str | Unset): The LOINC code of the score, where one exists.
    """

    has_baseline: bool
    higher_is_better: bool
    id: str
    items: list[Item]
    licence: str
    mcid: Mcid
    reported_by: list[Reporter]
    rule: ScoringRule
    score_item: str
    score_maximum: float
    score_minimum: float
    score_unit: str
    scoring: str
    sources: list[Citation]
    summary: str
    title: str
    version: int
    comparable_on: list[str] | Unset = UNSET
    loinc: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        has_baseline = self.has_baseline

        higher_is_better = self.higher_is_better

        id = self.id

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        licence = self.licence

        mcid = self.mcid.to_dict()

        reported_by = []
        for reported_by_item_data in self.reported_by:
            reported_by_item = reported_by_item_data.value
            reported_by.append(reported_by_item)

        rule = self.rule.value

        score_item = self.score_item

        score_maximum = self.score_maximum

        score_minimum = self.score_minimum

        score_unit = self.score_unit

        scoring = self.scoring

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)

        summary = self.summary

        title = self.title

        version = self.version

        comparable_on: list[str] | Unset = UNSET
        if not isinstance(self.comparable_on, Unset):
            comparable_on = self.comparable_on

        loinc: None | str | Unset
        if isinstance(self.loinc, Unset):
            loinc = UNSET
        else:
            loinc = self.loinc

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "has_baseline": has_baseline,
                "higher_is_better": higher_is_better,
                "id": id,
                "items": items,
                "licence": licence,
                "mcid": mcid,
                "reported_by": reported_by,
                "rule": rule,
                "score_item": score_item,
                "score_maximum": score_maximum,
                "score_minimum": score_minimum,
                "score_unit": score_unit,
                "scoring": scoring,
                "sources": sources,
                "summary": summary,
                "title": title,
                "version": version,
            }
        )
        if comparable_on is not UNSET:
            field_dict["comparable_on"] = comparable_on
        if loinc is not UNSET:
            field_dict["loinc"] = loinc

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.citation import Citation  # noqa: PLC0415
        from ..models.item import Item  # noqa: PLC0415
        from ..models.mcid import Mcid  # noqa: PLC0415

        d = dict(src_dict)
        has_baseline = d.pop("has_baseline")

        higher_is_better = d.pop("higher_is_better")

        id = d.pop("id")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Item.from_dict(items_item_data)

            items.append(items_item)

        licence = d.pop("licence")

        mcid = Mcid.from_dict(d.pop("mcid"))

        reported_by = []
        _reported_by = d.pop("reported_by")
        for reported_by_item_data in _reported_by:
            reported_by_item = Reporter(reported_by_item_data)

            reported_by.append(reported_by_item)

        rule = ScoringRule(d.pop("rule"))

        score_item = d.pop("score_item")

        score_maximum = d.pop("score_maximum")

        score_minimum = d.pop("score_minimum")

        score_unit = d.pop("score_unit")

        scoring = d.pop("scoring")

        sources = []
        _sources = d.pop("sources")
        for sources_item_data in _sources:
            sources_item = Citation.from_dict(sources_item_data)

            sources.append(sources_item)

        summary = d.pop("summary")

        title = d.pop("title")

        version = d.pop("version")

        comparable_on = cast(list[str], d.pop("comparable_on", UNSET))

        def _parse_loinc(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        loinc = _parse_loinc(d.pop("loinc", UNSET))

        instrument = cls(
            has_baseline=has_baseline,
            higher_is_better=higher_is_better,
            id=id,
            items=items,
            licence=licence,
            mcid=mcid,
            reported_by=reported_by,
            rule=rule,
            score_item=score_item,
            score_maximum=score_maximum,
            score_minimum=score_minimum,
            score_unit=score_unit,
            scoring=scoring,
            sources=sources,
            summary=summary,
            title=title,
            version=version,
            comparable_on=comparable_on,
            loinc=loinc,
        )

        return instrument
