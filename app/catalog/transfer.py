"""Catalog export and import, through the same models as the seed data and the admin API.

An import is an upsert: what the file has and the catalog lacks is added, what differs
is replaced, the rest is left alone (nothing is deleted). It runs in one transaction:
any invalid record and nothing at all is written. `dry_run` reports and rolls back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from sqlmodel import Session

from app.catalog import repository
from app.catalog.models import CatalogSeed, Equipment, Muscle, Provenance
from app.catalog.seed import load_seed
from app.core.db import begin_write
from app.core.errors import invalid_from


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0

    def lines(self) -> list[str]:
        return [
            *(f"add {name}" for name in self.added),
            *(f"change {name}" for name in self.changed),
            f"{len(self.added)} to add, {len(self.changed)} to change, {self.unchanged} unchanged",
        ]


def export_catalog(session: Session) -> dict[str, Any]:
    """The live catalog in the seed-data shape, so it can be imported elsewhere."""
    seed = load_seed()
    exercises = [row.document for row in repository.all_exercises(session)]
    live = {e["slug"] for e in exercises}
    document = CatalogSeed.model_validate(
        {
            "source": seed.source,
            "muscles": [m.document for m in repository.list_muscles(session)],
            "equipment": [
                item.model_dump() for item, _ in repository.equipment_with_counts(session)
            ],
            "exercises": exercises,
            "ladder": [slug for slug in seed.ladder if slug in live],
            "ladder_provenance": Provenance.MEDIUS,
        }
    )
    return document.model_dump(mode="json")


def parse(data: Any) -> CatalogSeed:
    try:
        return CatalogSeed.model_validate(data)
    except ValidationError as exc:
        raise invalid_from(
            exc, ["file"], "The catalog file is invalid; nothing was imported."
        ) from exc


def import_catalog(session: Session, catalog: CatalogSeed, *, dry_run: bool) -> ImportReport:
    report = ImportReport()
    begin_write(session)
    for muscle in catalog.muscles:
        stored = repository.get_muscle(session, muscle.slug)
        doc = muscle.model_dump(mode="json")
        if stored is None:
            session.add(Muscle(slug=muscle.slug, name=muscle.name, document=doc))
            report.added.append(f"muscle {muscle.slug}")
        elif stored.document != doc:
            stored.name, stored.document = muscle.name, doc
            session.add(stored)
            report.changed.append(f"muscle {muscle.slug}")
        else:
            report.unchanged += 1
    for item in catalog.equipment:
        stored_item = session.get(Equipment, item.slug)
        values = item.model_dump()
        if stored_item is None:
            session.add(Equipment(**values))
            report.added.append(f"equipment {item.slug}")
        elif stored_item.model_dump() != values:
            for key, value in values.items():
                setattr(stored_item, key, value)
            session.add(stored_item)
            report.changed.append(f"equipment {item.slug}")
        else:
            report.unchanged += 1
    session.flush()
    exercises: list[str] = []  # the slugs added or changed
    for spec in catalog.exercises:
        row = repository.get_exercise_including_deleted(session, spec.slug)
        if row is None:
            repository.insert_exercise(session, spec)
            report.added.append(f"exercise {spec.slug}")
            exercises.append(spec.slug)
        elif row.deleted_at is not None or row.document != spec.model_dump(mode="json"):
            repository.replace_exercise(session, row, spec)
            report.changed.append(f"exercise {spec.slug}")
            exercises.append(spec.slug)
        else:
            report.unchanged += 1
    if dry_run:
        session.rollback()
        return report
    if report.added or report.changed:
        repository.bump_catalog_revision(session, exercises)
    session.commit()
    return report
