from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.difficulty import Difficulty
from ..models.laterality import Laterality
from ..models.position import Position
from ..models.working_leg import WorkingLeg
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.default_dosage import DefaultDosage
    from ..models.dosage import Dosage
    from ..models.exercise_public_attribution import ExercisePublicAttribution
    from ..models.progression import Progression
    from ..models.source import Source
    from ..models.statement import Statement


T = TypeVar("T", bound="ExercisePublic")


@_attrs_define
class ExercisePublic:
    """An exercise as served.

    Attributes:
        created_at (datetime.datetime):
        default_dosage (DefaultDosage): Medius' own defaults where the article is silent; never presented as the
            article's.
        difficulty (Difficulty):
        dosage (Dosage): What the article prescribes. `null` means the article gives no figure.

            Every figure here is the article's; `attribution` says whether the unit and
            `per_direction` are stated by it or inferred by Medius, and `note` is Medius' words.
        laterality (Laterality):
        muscles (list[str]):
        name (str):
        position (Position):
        revision (int): Increments on every change; the ETag is derived from it.
        slug (str): Lower-case, hyphenated, stable identifier.
        steps (list[Statement]):
        summary (str):
        updated_at (datetime.datetime):
        working_leg (WorkingLeg): Which leg does the work when one side is affected.
        attribution (ExercisePublicAttribution | Unset): Whose each text field is, by field name; a field not listed is
            Medius'.
        cues (list[Statement] | Unset):
        equipment (list[str] | Unset):
        optional_equipment (list[str] | Unset):
        progressions (list[Progression] | Unset):
        regressions (list[Progression] | Unset):
        source (None | Source | Unset):
    """

    created_at: datetime.datetime
    default_dosage: DefaultDosage
    difficulty: Difficulty
    dosage: Dosage
    laterality: Laterality
    muscles: list[str]
    name: str
    position: Position
    revision: int
    slug: str
    steps: list[Statement]
    summary: str
    updated_at: datetime.datetime
    working_leg: WorkingLeg
    attribution: ExercisePublicAttribution | Unset = UNSET
    cues: list[Statement] | Unset = UNSET
    equipment: list[str] | Unset = UNSET
    optional_equipment: list[str] | Unset = UNSET
    progressions: list[Progression] | Unset = UNSET
    regressions: list[Progression] | Unset = UNSET
    source: None | Source | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.source import Source  # noqa: PLC0415

        created_at = self.created_at.isoformat()

        default_dosage = self.default_dosage.to_dict()

        difficulty = self.difficulty.value

        dosage = self.dosage.to_dict()

        laterality = self.laterality.value

        muscles = self.muscles

        name = self.name

        position = self.position.value

        revision = self.revision

        slug = self.slug

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)

        summary = self.summary

        updated_at = self.updated_at.isoformat()

        working_leg = self.working_leg.value

        attribution: dict[str, Any] | Unset = UNSET
        if not isinstance(self.attribution, Unset):
            attribution = self.attribution.to_dict()

        cues: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.cues, Unset):
            cues = []
            for cues_item_data in self.cues:
                cues_item = cues_item_data.to_dict()
                cues.append(cues_item)

        equipment: list[str] | Unset = UNSET
        if not isinstance(self.equipment, Unset):
            equipment = self.equipment

        optional_equipment: list[str] | Unset = UNSET
        if not isinstance(self.optional_equipment, Unset):
            optional_equipment = self.optional_equipment

        progressions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.progressions, Unset):
            progressions = []
            for progressions_item_data in self.progressions:
                progressions_item = progressions_item_data.to_dict()
                progressions.append(progressions_item)

        regressions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.regressions, Unset):
            regressions = []
            for regressions_item_data in self.regressions:
                regressions_item = regressions_item_data.to_dict()
                regressions.append(regressions_item)

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
                "created_at": created_at,
                "default_dosage": default_dosage,
                "difficulty": difficulty,
                "dosage": dosage,
                "laterality": laterality,
                "muscles": muscles,
                "name": name,
                "position": position,
                "revision": revision,
                "slug": slug,
                "steps": steps,
                "summary": summary,
                "updated_at": updated_at,
                "working_leg": working_leg,
            }
        )
        if attribution is not UNSET:
            field_dict["attribution"] = attribution
        if cues is not UNSET:
            field_dict["cues"] = cues
        if equipment is not UNSET:
            field_dict["equipment"] = equipment
        if optional_equipment is not UNSET:
            field_dict["optional_equipment"] = optional_equipment
        if progressions is not UNSET:
            field_dict["progressions"] = progressions
        if regressions is not UNSET:
            field_dict["regressions"] = regressions
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.default_dosage import DefaultDosage  # noqa: PLC0415
        from ..models.dosage import Dosage  # noqa: PLC0415
        from ..models.exercise_public_attribution import ExercisePublicAttribution  # noqa: PLC0415
        from ..models.progression import Progression  # noqa: PLC0415
        from ..models.source import Source  # noqa: PLC0415
        from ..models.statement import Statement  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        default_dosage = DefaultDosage.from_dict(d.pop("default_dosage"))

        difficulty = Difficulty(d.pop("difficulty"))

        dosage = Dosage.from_dict(d.pop("dosage"))

        laterality = Laterality(d.pop("laterality"))

        muscles = cast(list[str], d.pop("muscles"))

        name = d.pop("name")

        position = Position(d.pop("position"))

        revision = d.pop("revision")

        slug = d.pop("slug")

        steps = []
        _steps = d.pop("steps")
        for steps_item_data in _steps:
            steps_item = Statement.from_dict(steps_item_data)

            steps.append(steps_item)

        summary = d.pop("summary")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        working_leg = WorkingLeg(d.pop("working_leg"))

        _attribution = d.pop("attribution", UNSET)
        attribution: ExercisePublicAttribution | Unset
        if isinstance(_attribution, Unset):
            attribution = UNSET
        else:
            attribution = ExercisePublicAttribution.from_dict(_attribution)

        _cues = d.pop("cues", UNSET)
        cues: list[Statement] | Unset = UNSET
        if _cues is not UNSET:
            cues = []
            for cues_item_data in _cues:
                cues_item = Statement.from_dict(cues_item_data)

                cues.append(cues_item)

        equipment = cast(list[str], d.pop("equipment", UNSET))

        optional_equipment = cast(list[str], d.pop("optional_equipment", UNSET))

        _progressions = d.pop("progressions", UNSET)
        progressions: list[Progression] | Unset = UNSET
        if _progressions is not UNSET:
            progressions = []
            for progressions_item_data in _progressions:
                progressions_item = Progression.from_dict(progressions_item_data)

                progressions.append(progressions_item)

        _regressions = d.pop("regressions", UNSET)
        regressions: list[Progression] | Unset = UNSET
        if _regressions is not UNSET:
            regressions = []
            for regressions_item_data in _regressions:
                regressions_item = Progression.from_dict(regressions_item_data)

                regressions.append(regressions_item)

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

        exercise_public = cls(
            created_at=created_at,
            default_dosage=default_dosage,
            difficulty=difficulty,
            dosage=dosage,
            laterality=laterality,
            muscles=muscles,
            name=name,
            position=position,
            revision=revision,
            slug=slug,
            steps=steps,
            summary=summary,
            updated_at=updated_at,
            working_leg=working_leg,
            attribution=attribution,
            cues=cues,
            equipment=equipment,
            optional_equipment=optional_equipment,
            progressions=progressions,
            regressions=regressions,
            source=source,
        )

        exercise_public.additional_properties = d
        return exercise_public

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
