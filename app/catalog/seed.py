"""Load `seed_data/` through the catalog models and insert what is missing.

Seeding only adds: an exercise, muscle or piece of equipment that already exists
(including one an admin edited or deleted) is left alone, so seeding is idempotent
and never undoes curation.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from sqlmodel import Session, select

from app.catalog import repository
from app.catalog.models import CatalogSeed, Equipment, Muscle

SEED_DIR = Path(__file__).resolve().parents[2] / "seed_data"


def _read(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@lru_cache
def load_seed(directory: Path = SEED_DIR) -> CatalogSeed:
    """The seed files, validated; read once per process (they only change with a deploy)."""
    ladder = _read(directory / "ladder.yaml")
    return CatalogSeed.model_validate(
        {
            "source": _read(directory / "source.yaml"),
            "muscles": _read(directory / "muscles.yaml"),
            "equipment": _read(directory / "equipment.yaml"),
            "exercises": _read(directory / "exercises.yaml"),
            "ladder": ladder["exercises"],
            "ladder_provenance": ladder["provenance"],
        }
    )


def apply_seed(session: Session, seed: CatalogSeed) -> dict[str, int]:
    """Insert every seed record not yet present; return how many of each were added."""
    added = {"muscles": 0, "equipment": 0, "exercises": 0}
    have_muscles = set(session.exec(select(Muscle.slug)).all())
    for muscle in seed.muscles:
        if muscle.slug not in have_muscles:
            doc = muscle.model_copy(update={"source": muscle.source or seed.source})
            session.add(
                Muscle(slug=muscle.slug, name=muscle.name, document=doc.model_dump(mode="json"))
            )
            added["muscles"] += 1
    have_equipment = set(session.exec(select(Equipment.slug)).all())
    for item in seed.equipment:
        if item.slug not in have_equipment:
            session.add(Equipment(**item.model_dump()))
            added["equipment"] += 1
    session.flush()
    have_exercises = repository.existing_exercise_slugs(session, include_deleted=True)
    inserted: list[str] = []
    for exercise in seed.exercises:
        if exercise.slug not in have_exercises:
            spec = exercise.model_copy(update={"source": exercise.source or seed.source})
            repository.insert_exercise(session, spec)
            inserted.append(spec.slug)
    added["exercises"] = len(inserted)
    if any(added.values()) or repository.catalog_revision(session)[0] == 0:
        repository.bump_catalog_revision(session, inserted)
    session.commit()
    return added
