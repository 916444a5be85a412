from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.constraints import Constraints
    from ..models.routine_create import RoutineCreate


T = TypeVar("T", bound="PrescriptionCreate")


@_attrs_define
class PrescriptionCreate:
    """Exactly one source: `template_id`, `builder` or `routine`.

    Attributes:
        builder (Constraints | None | Unset): Run the routine builder with these constraints for the patient, with their
            latest self-check applied when they have one (its weak side and findings; 422 when its pain calls for a
            professional: prescribe by hand then).
        id (None | Unset | UUID): Your UUID for the prescription (it becomes the routine's id): a retry with the same id
            and body answers the one already made (200); the same id with another body is 409.
        name (None | str | Unset): The routine's name, for `template_id` or `builder` (default: the template's, or
            `Prescribed routine`).
        routine (None | RoutineCreate | Unset): The routine written by hand (as `POST /routines` takes it).
        template_id (None | Unset | UUID): Prescribe a copy of this public template.
    """

    builder: Constraints | None | Unset = UNSET
    id: None | Unset | UUID = UNSET
    name: None | str | Unset = UNSET
    routine: None | RoutineCreate | Unset = UNSET
    template_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.constraints import Constraints  # noqa: PLC0415
        from ..models.routine_create import RoutineCreate  # noqa: PLC0415

        builder: dict[str, Any] | None | Unset
        if isinstance(self.builder, Unset):
            builder = UNSET
        elif isinstance(self.builder, Constraints):
            builder = self.builder.to_dict()
        else:
            builder = self.builder

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        routine: dict[str, Any] | None | Unset
        if isinstance(self.routine, Unset):
            routine = UNSET
        elif isinstance(self.routine, RoutineCreate):
            routine = self.routine.to_dict()
        else:
            routine = self.routine

        template_id: None | str | Unset
        if isinstance(self.template_id, Unset):
            template_id = UNSET
        elif isinstance(self.template_id, UUID):
            template_id = str(self.template_id)
        else:
            template_id = self.template_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if builder is not UNSET:
            field_dict["builder"] = builder
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if routine is not UNSET:
            field_dict["routine"] = routine
        if template_id is not UNSET:
            field_dict["template_id"] = template_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.constraints import Constraints  # noqa: PLC0415
        from ..models.routine_create import RoutineCreate  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_builder(data: object) -> Constraints | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                builder_type_0 = Constraints.from_dict(data)

                return builder_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Constraints | None | Unset, data)

        builder = _parse_builder(d.pop("builder", UNSET))

        def _parse_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                id_type_0 = UUID(data)

                return id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_routine(data: object) -> None | RoutineCreate | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                routine_type_0 = RoutineCreate.from_dict(data)

                return routine_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RoutineCreate | Unset, data)

        routine = _parse_routine(d.pop("routine", UNSET))

        def _parse_template_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                template_id_type_0 = UUID(data)

                return template_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        template_id = _parse_template_id(d.pop("template_id", UNSET))

        prescription_create = cls(
            builder=builder,
            id=id,
            name=name,
            routine=routine,
            template_id=template_id,
        )

        return prescription_create
