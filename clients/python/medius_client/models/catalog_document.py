from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.equipment_public import EquipmentPublic
    from ..models.exercise_public import ExercisePublic
    from ..models.muscle_public import MusclePublic
    from ..models.source import Source


T = TypeVar("T", bound="CatalogDocument")


@_attrs_define
class CatalogDocument:
    """The whole catalog in one response, for integrators who mirror it.

    Attributes:
        changed_at (datetime.datetime):
        equipment (list[EquipmentPublic]):
        exercises (list[ExercisePublic]):
        ladder (list[str]): Easiest to hardest (Medius' ordering).
        muscles (list[MusclePublic]):
        source (Source):
        sync_token (str): Send as `sync_token` to `GET /exercises` for the changes since this version.
        version (int): Moves with every change; also the ETag.
    """

    changed_at: datetime.datetime
    equipment: list[EquipmentPublic]
    exercises: list[ExercisePublic]
    ladder: list[str]
    muscles: list[MusclePublic]
    source: Source
    sync_token: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        changed_at = self.changed_at.isoformat()

        equipment = []
        for equipment_item_data in self.equipment:
            equipment_item = equipment_item_data.to_dict()
            equipment.append(equipment_item)

        exercises = []
        for exercises_item_data in self.exercises:
            exercises_item = exercises_item_data.to_dict()
            exercises.append(exercises_item)

        ladder = self.ladder

        muscles = []
        for muscles_item_data in self.muscles:
            muscles_item = muscles_item_data.to_dict()
            muscles.append(muscles_item)

        source = self.source.to_dict()

        sync_token = self.sync_token

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "changed_at": changed_at,
                "equipment": equipment,
                "exercises": exercises,
                "ladder": ladder,
                "muscles": muscles,
                "source": source,
                "sync_token": sync_token,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.equipment_public import EquipmentPublic  # noqa: PLC0415
        from ..models.exercise_public import ExercisePublic  # noqa: PLC0415
        from ..models.muscle_public import MusclePublic  # noqa: PLC0415
        from ..models.source import Source  # noqa: PLC0415

        d = dict(src_dict)
        changed_at = datetime.datetime.fromisoformat(d.pop("changed_at"))

        equipment = []
        _equipment = d.pop("equipment")
        for equipment_item_data in _equipment:
            equipment_item = EquipmentPublic.from_dict(equipment_item_data)

            equipment.append(equipment_item)

        exercises = []
        _exercises = d.pop("exercises")
        for exercises_item_data in _exercises:
            exercises_item = ExercisePublic.from_dict(exercises_item_data)

            exercises.append(exercises_item)

        ladder = cast(list[str], d.pop("ladder"))

        muscles = []
        _muscles = d.pop("muscles")
        for muscles_item_data in _muscles:
            muscles_item = MusclePublic.from_dict(muscles_item_data)

            muscles.append(muscles_item)

        source = Source.from_dict(d.pop("source"))

        sync_token = d.pop("sync_token")

        version = d.pop("version")

        catalog_document = cls(
            changed_at=changed_at,
            equipment=equipment,
            exercises=exercises,
            ladder=ladder,
            muscles=muscles,
            source=source,
            sync_token=sync_token,
            version=version,
        )

        catalog_document.additional_properties = d
        return catalog_document

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
