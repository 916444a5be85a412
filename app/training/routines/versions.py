"""A routine's versions: every edit of its program kept whole, append-only.

Every routine keeps versions, the patient's own as well as a prescription: a session names
the version it followed whoever wrote the routine, so "what did I actually do in March"
has one answer for both. Version 1 is written with the routine; each edit writes the next
one in the edit's transaction (`service.edit`).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypedDict

from app.catalog.exercises.models import ExerciseSpec
from app.catalog.planner.timing import routine_seconds
from app.core.types import JSONObject, utcnow
from app.core.vocabulary import Side
from app.training.routines.models import PrescriberBody, RoutineItem, RoutineVersion
from app.training.routines.repository import ITEM_COLUMNS, AnyRoutine

# The item columns a version keeps (everything but the routine it belongs to).
_ITEM_KEYS = tuple(c.key for c in ITEM_COLUMNS)
PROVENANCE = ("prescribed_by", "clinic_id", "prescriber_name", "clinic_name")
_CONTENT = ("name", "notes", "sessions_per_week", "progression")


class Provenance(TypedDict):
    """A prescription's provenance columns, on the routine and on each of its versions."""

    prescribed_by: uuid.UUID
    clinic_id: uuid.UUID
    prescriber_name: str
    clinic_name: str


@dataclass(frozen=True, slots=True)
class PrescriberInfo:
    """Who writes a prescription, in which clinic: what the routine and its versions keep."""

    user_id: uuid.UUID
    name: str
    clinic_id: uuid.UUID
    clinic_name: str

    def columns(self) -> Provenance:
        return {
            "prescribed_by": self.user_id,
            "clinic_id": self.clinic_id,
            "prescriber_name": self.name,
            "clinic_name": self.clinic_name,
        }


def snapshot(
    routine: AnyRoutine,
    version: int,
    items: Sequence[Any],
    changed: Mapping[str, Any] | None = None,
) -> RoutineVersion:
    """Version `version` of `routine`: its fields with `changed` applied, and `items`.

    `changed` is the edit's column values by name (a merge patch's `model_dump`, the
    provenance, the stamps): one value type per column, so no one value type fits.
    """
    changed = changed or {}
    values = {
        name: changed[name] if name in changed else getattr(routine, name)
        for name in (*_CONTENT, *PROVENANCE)
    }
    return RoutineVersion(
        routine_id=routine.id,
        version=version,
        created_at=changed.get("updated_at") or utcnow(),
        items=[_item_json(i) for i in items],
        **values,
    )


def _item_json(item: Any) -> JSONObject:
    values = {key: getattr(item, key) for key in _ITEM_KEYS}
    side = values.get("side")
    values["side"] = None if side is None else str(side)
    return values


def items_of(version: RoutineVersion) -> list[RoutineItem]:
    """The version's items as (unsaved) item records, for the same view code as a routine's."""
    return [
        RoutineItem(**{**item, "side": Side(item["side"]) if item.get("side") else None})
        for item in version.items
    ]


def prescriber_block(row: Any) -> PrescriberBody | None:
    """A routine's or a version's `prescriber` as answered: set when a clinician wrote it."""
    if row.prescriber_name is None:
        return None
    return {
        "user_id": row.prescribed_by,
        "name": row.prescriber_name,
        "clinic_id": row.clinic_id,
        "clinic_name": row.clinic_name,
    }


def seconds(version: RoutineVersion, specs: Mapping[str, ExerciseSpec]) -> int:
    return routine_seconds(items_of(version), specs)
