from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.action import Action
    from ..models.compensation import Compensation
    from ..models.muscle_public_attribution import MusclePublicAttribution
    from ..models.source import Source
    from ..models.statement import Statement
    from ..models.weakness_sign import WeaknessSign


T = TypeVar("T", bound="MusclePublic")


@_attrs_define
class MusclePublic:
    """
    Attributes:
        actions (list[Action]):
        compensations (list[Compensation]):
        exercises (list[str]): Slugs of exercises that train this muscle.
        name (str):
        primary_role (str):
        slug (str): Lower-case, hyphenated, stable identifier.
        summary (str):
        weakness_signs (list[WeaknessSign]):
        why_it_matters (list[Statement]):
        attribution (MusclePublicAttribution | Unset): Whose each text field is, by field name; a field not listed is
            Medius'.
        source (None | Source | Unset):
    """

    actions: list[Action]
    compensations: list[Compensation]
    exercises: list[str]
    name: str
    primary_role: str
    slug: str
    summary: str
    weakness_signs: list[WeaknessSign]
    why_it_matters: list[Statement]
    attribution: MusclePublicAttribution | Unset = UNSET
    source: None | Source | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.source import Source  # noqa: PLC0415

        actions = []
        for actions_item_data in self.actions:
            actions_item = actions_item_data.to_dict()
            actions.append(actions_item)

        compensations = []
        for compensations_item_data in self.compensations:
            compensations_item = compensations_item_data.to_dict()
            compensations.append(compensations_item)

        exercises = self.exercises

        name = self.name

        primary_role = self.primary_role

        slug = self.slug

        summary = self.summary

        weakness_signs = []
        for weakness_signs_item_data in self.weakness_signs:
            weakness_signs_item = weakness_signs_item_data.to_dict()
            weakness_signs.append(weakness_signs_item)

        why_it_matters = []
        for why_it_matters_item_data in self.why_it_matters:
            why_it_matters_item = why_it_matters_item_data.to_dict()
            why_it_matters.append(why_it_matters_item)

        attribution: dict[str, Any] | Unset = UNSET
        if not isinstance(self.attribution, Unset):
            attribution = self.attribution.to_dict()

        source: dict[str, Any] | None | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        elif isinstance(self.source, Source):
            source = self.source.to_dict()
        else:
            source = self.source

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actions": actions,
                "compensations": compensations,
                "exercises": exercises,
                "name": name,
                "primary_role": primary_role,
                "slug": slug,
                "summary": summary,
                "weakness_signs": weakness_signs,
                "why_it_matters": why_it_matters,
            }
        )
        if attribution is not UNSET:
            field_dict["attribution"] = attribution
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.action import Action  # noqa: PLC0415
        from ..models.compensation import Compensation  # noqa: PLC0415
        from ..models.muscle_public_attribution import MusclePublicAttribution  # noqa: PLC0415
        from ..models.source import Source  # noqa: PLC0415
        from ..models.statement import Statement  # noqa: PLC0415
        from ..models.weakness_sign import WeaknessSign  # noqa: PLC0415

        d = dict(src_dict)
        actions = []
        _actions = d.pop("actions")
        for actions_item_data in _actions:
            actions_item = Action.from_dict(actions_item_data)

            actions.append(actions_item)

        compensations = []
        _compensations = d.pop("compensations")
        for compensations_item_data in _compensations:
            compensations_item = Compensation.from_dict(compensations_item_data)

            compensations.append(compensations_item)

        exercises = cast(list[str], d.pop("exercises"))

        name = d.pop("name")

        primary_role = d.pop("primary_role")

        slug = d.pop("slug")

        summary = d.pop("summary")

        weakness_signs = []
        _weakness_signs = d.pop("weakness_signs")
        for weakness_signs_item_data in _weakness_signs:
            weakness_signs_item = WeaknessSign.from_dict(weakness_signs_item_data)

            weakness_signs.append(weakness_signs_item)

        why_it_matters = []
        _why_it_matters = d.pop("why_it_matters")
        for why_it_matters_item_data in _why_it_matters:
            why_it_matters_item = Statement.from_dict(why_it_matters_item_data)

            why_it_matters.append(why_it_matters_item)

        _attribution = d.pop("attribution", UNSET)
        attribution: MusclePublicAttribution | Unset
        if isinstance(_attribution, Unset):
            attribution = UNSET
        else:
            attribution = MusclePublicAttribution.from_dict(_attribution)

        def _parse_source(data: object) -> None | Source | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                source_type_0 = Source.from_dict(data)

                return source_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Source | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        muscle_public = cls(
            actions=actions,
            compensations=compensations,
            exercises=exercises,
            name=name,
            primary_role=primary_role,
            slug=slug,
            summary=summary,
            weakness_signs=weakness_signs,
            why_it_matters=why_it_matters,
            attribution=attribution,
            source=source,
        )

        muscle_public.additional_properties = d
        return muscle_public

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
