from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.difficulty import Difficulty
from ..models.laterality import Laterality
from ..models.position import Position
from ..models.working_leg import WorkingLeg
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.default_dosage import DefaultDosage
    from ..models.dosage import Dosage
    from ..models.exercise_update_attribution_type_0 import ExerciseUpdateAttributionType0
    from ..models.progression import Progression
    from ..models.source import Source
    from ..models.statement_in import StatementIn


T = TypeVar("T", bound="ExerciseUpdate")


@_attrs_define
class ExerciseUpdate:
    """JSON merge patch of an exercise: fields sent replace the stored ones; slug is fixed.

    Attributes:
        attribution (ExerciseUpdateAttributionType0 | None | Unset): Replaces the attribution of the fields it names; a
            text field changed without one here becomes Medius' own.
        cues (list[StatementIn | str] | None | Unset):
        default_dosage (DefaultDosage | None | Unset):
        difficulty (Difficulty | None | Unset): Medius' own grading (always attributed to Medius): the article calls all
            its exercises basic and grades none of them.
        dosage (Dosage | None | Unset):
        equipment (list[str] | None | Unset):
        laterality (Laterality | None | Unset):
        muscles (list[str] | None | Unset):
        name (None | str | Unset):
        optional_equipment (list[str] | None | Unset):
        position (None | Position | Unset):
        progressions (list[Progression] | None | Unset):
        regressions (list[Progression] | None | Unset):
        source (None | Source | Unset):
        steps (list[StatementIn | str] | None | Unset):
        summary (None | str | Unset):
        working_leg (None | Unset | WorkingLeg):
    """

    attribution: ExerciseUpdateAttributionType0 | None | Unset = UNSET
    cues: list[StatementIn | str] | None | Unset = UNSET
    default_dosage: DefaultDosage | None | Unset = UNSET
    difficulty: Difficulty | None | Unset = UNSET
    dosage: Dosage | None | Unset = UNSET
    equipment: list[str] | None | Unset = UNSET
    laterality: Laterality | None | Unset = UNSET
    muscles: list[str] | None | Unset = UNSET
    name: None | str | Unset = UNSET
    optional_equipment: list[str] | None | Unset = UNSET
    position: None | Position | Unset = UNSET
    progressions: list[Progression] | None | Unset = UNSET
    regressions: list[Progression] | None | Unset = UNSET
    source: None | Source | Unset = UNSET
    steps: list[StatementIn | str] | None | Unset = UNSET
    summary: None | str | Unset = UNSET
    working_leg: None | Unset | WorkingLeg = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.default_dosage import DefaultDosage  # noqa: PLC0415
        from ..models.dosage import Dosage  # noqa: PLC0415
        from ..models.exercise_update_attribution_type_0 import ExerciseUpdateAttributionType0  # noqa: PLC0415
        from ..models.source import Source  # noqa: PLC0415
        from ..models.statement_in import StatementIn  # noqa: PLC0415

        attribution: dict[str, Any] | None | Unset
        if isinstance(self.attribution, Unset):
            attribution = UNSET
        elif isinstance(self.attribution, ExerciseUpdateAttributionType0):
            attribution = self.attribution.to_dict()
        else:
            attribution = self.attribution

        cues: list[dict[str, Any] | str] | None | Unset
        if isinstance(self.cues, Unset):
            cues = UNSET
        elif isinstance(self.cues, list):
            cues = []
            for cues_type_0_item_data in self.cues:
                cues_type_0_item: dict[str, Any] | str
                if isinstance(cues_type_0_item_data, StatementIn):
                    cues_type_0_item = cues_type_0_item_data.to_dict()
                else:
                    cues_type_0_item = cues_type_0_item_data
                cues.append(cues_type_0_item)

        else:
            cues = self.cues

        default_dosage: dict[str, Any] | None | Unset
        if isinstance(self.default_dosage, Unset):
            default_dosage = UNSET
        elif isinstance(self.default_dosage, DefaultDosage):
            default_dosage = self.default_dosage.to_dict()
        else:
            default_dosage = self.default_dosage

        difficulty: None | str | Unset
        if isinstance(self.difficulty, Unset):
            difficulty = UNSET
        elif isinstance(self.difficulty, Difficulty):
            difficulty = self.difficulty.value
        else:
            difficulty = self.difficulty

        dosage: dict[str, Any] | None | Unset
        if isinstance(self.dosage, Unset):
            dosage = UNSET
        elif isinstance(self.dosage, Dosage):
            dosage = self.dosage.to_dict()
        else:
            dosage = self.dosage

        equipment: list[str] | None | Unset
        if isinstance(self.equipment, Unset):
            equipment = UNSET
        elif isinstance(self.equipment, list):
            equipment = self.equipment

        else:
            equipment = self.equipment

        laterality: None | str | Unset
        if isinstance(self.laterality, Unset):
            laterality = UNSET
        elif isinstance(self.laterality, Laterality):
            laterality = self.laterality.value
        else:
            laterality = self.laterality

        muscles: list[str] | None | Unset
        if isinstance(self.muscles, Unset):
            muscles = UNSET
        elif isinstance(self.muscles, list):
            muscles = self.muscles

        else:
            muscles = self.muscles

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        optional_equipment: list[str] | None | Unset
        if isinstance(self.optional_equipment, Unset):
            optional_equipment = UNSET
        elif isinstance(self.optional_equipment, list):
            optional_equipment = self.optional_equipment

        else:
            optional_equipment = self.optional_equipment

        position: None | str | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        elif isinstance(self.position, Position):
            position = self.position.value
        else:
            position = self.position

        progressions: list[dict[str, Any]] | None | Unset
        if isinstance(self.progressions, Unset):
            progressions = UNSET
        elif isinstance(self.progressions, list):
            progressions = []
            for progressions_type_0_item_data in self.progressions:
                progressions_type_0_item = progressions_type_0_item_data.to_dict()
                progressions.append(progressions_type_0_item)

        else:
            progressions = self.progressions

        regressions: list[dict[str, Any]] | None | Unset
        if isinstance(self.regressions, Unset):
            regressions = UNSET
        elif isinstance(self.regressions, list):
            regressions = []
            for regressions_type_0_item_data in self.regressions:
                regressions_type_0_item = regressions_type_0_item_data.to_dict()
                regressions.append(regressions_type_0_item)

        else:
            regressions = self.regressions

        source: dict[str, Any] | None | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        elif isinstance(self.source, Source):
            source = self.source.to_dict()
        else:
            source = self.source

        steps: list[dict[str, Any] | str] | None | Unset
        if isinstance(self.steps, Unset):
            steps = UNSET
        elif isinstance(self.steps, list):
            steps = []
            for steps_type_0_item_data in self.steps:
                steps_type_0_item: dict[str, Any] | str
                if isinstance(steps_type_0_item_data, StatementIn):
                    steps_type_0_item = steps_type_0_item_data.to_dict()
                else:
                    steps_type_0_item = steps_type_0_item_data
                steps.append(steps_type_0_item)

        else:
            steps = self.steps

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        working_leg: None | str | Unset
        if isinstance(self.working_leg, Unset):
            working_leg = UNSET
        elif isinstance(self.working_leg, WorkingLeg):
            working_leg = self.working_leg.value
        else:
            working_leg = self.working_leg

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if attribution is not UNSET:
            field_dict["attribution"] = attribution
        if cues is not UNSET:
            field_dict["cues"] = cues
        if default_dosage is not UNSET:
            field_dict["default_dosage"] = default_dosage
        if difficulty is not UNSET:
            field_dict["difficulty"] = difficulty
        if dosage is not UNSET:
            field_dict["dosage"] = dosage
        if equipment is not UNSET:
            field_dict["equipment"] = equipment
        if laterality is not UNSET:
            field_dict["laterality"] = laterality
        if muscles is not UNSET:
            field_dict["muscles"] = muscles
        if name is not UNSET:
            field_dict["name"] = name
        if optional_equipment is not UNSET:
            field_dict["optional_equipment"] = optional_equipment
        if position is not UNSET:
            field_dict["position"] = position
        if progressions is not UNSET:
            field_dict["progressions"] = progressions
        if regressions is not UNSET:
            field_dict["regressions"] = regressions
        if source is not UNSET:
            field_dict["source"] = source
        if steps is not UNSET:
            field_dict["steps"] = steps
        if summary is not UNSET:
            field_dict["summary"] = summary
        if working_leg is not UNSET:
            field_dict["working_leg"] = working_leg

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.default_dosage import DefaultDosage  # noqa: PLC0415
        from ..models.dosage import Dosage  # noqa: PLC0415
        from ..models.exercise_update_attribution_type_0 import ExerciseUpdateAttributionType0  # noqa: PLC0415
        from ..models.progression import Progression  # noqa: PLC0415
        from ..models.source import Source  # noqa: PLC0415
        from ..models.statement_in import StatementIn  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_attribution(data: object) -> ExerciseUpdateAttributionType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                attribution_type_0 = ExerciseUpdateAttributionType0.from_dict(data)

                return attribution_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExerciseUpdateAttributionType0 | None | Unset, data)

        attribution = _parse_attribution(d.pop("attribution", UNSET))

        def _parse_cues(data: object) -> list[StatementIn | str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                cues_type_0 = []
                _cues_type_0 = data
                for cues_type_0_item_data in _cues_type_0:

                    def _parse_cues_type_0_item(data: object) -> StatementIn | str:
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_statement_input_statement_in = StatementIn.from_dict(data)

                            return componentsschemas_statement_input_statement_in
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        return cast(StatementIn | str, data)

                    cues_type_0_item = _parse_cues_type_0_item(cues_type_0_item_data)

                    cues_type_0.append(cues_type_0_item)

                return cues_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[StatementIn | str] | None | Unset, data)

        cues = _parse_cues(d.pop("cues", UNSET))

        def _parse_default_dosage(data: object) -> DefaultDosage | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                default_dosage_type_0 = DefaultDosage.from_dict(data)

                return default_dosage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DefaultDosage | None | Unset, data)

        default_dosage = _parse_default_dosage(d.pop("default_dosage", UNSET))

        def _parse_difficulty(data: object) -> Difficulty | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                difficulty_type_0 = Difficulty(data)

                return difficulty_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Difficulty | None | Unset, data)

        difficulty = _parse_difficulty(d.pop("difficulty", UNSET))

        def _parse_dosage(data: object) -> Dosage | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                dosage_type_0 = Dosage.from_dict(data)

                return dosage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Dosage | None | Unset, data)

        dosage = _parse_dosage(d.pop("dosage", UNSET))

        def _parse_equipment(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                equipment_type_0 = cast(list[str], data)

                return equipment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        equipment = _parse_equipment(d.pop("equipment", UNSET))

        def _parse_laterality(data: object) -> Laterality | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                laterality_type_0 = Laterality(data)

                return laterality_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Laterality | None | Unset, data)

        laterality = _parse_laterality(d.pop("laterality", UNSET))

        def _parse_muscles(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                muscles_type_0 = cast(list[str], data)

                return muscles_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        muscles = _parse_muscles(d.pop("muscles", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_optional_equipment(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                optional_equipment_type_0 = cast(list[str], data)

                return optional_equipment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        optional_equipment = _parse_optional_equipment(d.pop("optional_equipment", UNSET))

        def _parse_position(data: object) -> None | Position | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                position_type_0 = Position(data)

                return position_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Position | Unset, data)

        position = _parse_position(d.pop("position", UNSET))

        def _parse_progressions(data: object) -> list[Progression] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                progressions_type_0 = []
                _progressions_type_0 = data
                for progressions_type_0_item_data in _progressions_type_0:
                    progressions_type_0_item = Progression.from_dict(progressions_type_0_item_data)

                    progressions_type_0.append(progressions_type_0_item)

                return progressions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Progression] | None | Unset, data)

        progressions = _parse_progressions(d.pop("progressions", UNSET))

        def _parse_regressions(data: object) -> list[Progression] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                regressions_type_0 = []
                _regressions_type_0 = data
                for regressions_type_0_item_data in _regressions_type_0:
                    regressions_type_0_item = Progression.from_dict(regressions_type_0_item_data)

                    regressions_type_0.append(regressions_type_0_item)

                return regressions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Progression] | None | Unset, data)

        regressions = _parse_regressions(d.pop("regressions", UNSET))

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

        def _parse_steps(data: object) -> list[StatementIn | str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                steps_type_0 = []
                _steps_type_0 = data
                for steps_type_0_item_data in _steps_type_0:

                    def _parse_steps_type_0_item(data: object) -> StatementIn | str:
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_statement_input_statement_in = StatementIn.from_dict(data)

                            return componentsschemas_statement_input_statement_in
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        return cast(StatementIn | str, data)

                    steps_type_0_item = _parse_steps_type_0_item(steps_type_0_item_data)

                    steps_type_0.append(steps_type_0_item)

                return steps_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[StatementIn | str] | None | Unset, data)

        steps = _parse_steps(d.pop("steps", UNSET))

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        def _parse_working_leg(data: object) -> None | Unset | WorkingLeg:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                working_leg_type_0 = WorkingLeg(data)

                return working_leg_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WorkingLeg, data)

        working_leg = _parse_working_leg(d.pop("working_leg", UNSET))

        exercise_update = cls(
            attribution=attribution,
            cues=cues,
            default_dosage=default_dosage,
            difficulty=difficulty,
            dosage=dosage,
            equipment=equipment,
            laterality=laterality,
            muscles=muscles,
            name=name,
            optional_equipment=optional_equipment,
            position=position,
            progressions=progressions,
            regressions=regressions,
            source=source,
            steps=steps,
            summary=summary,
            working_leg=working_leg,
        )

        return exercise_update
