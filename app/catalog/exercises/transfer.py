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

from app.catalog.exercises import repository
from app.catalog.exercises.models import CatalogSeed
from app.catalog.exercises.seed import load_seed
from app.core.db import begin_write
from app.core.errors import invalid_from
from app.core.types import JSONObject
from app.core.vocabulary import Provenance


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


def export_catalog(session: Session) -> JSONObject:
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
    begin_write(session)
    done = repository.upsert_catalog(session, catalog, replace=True)
    report = ImportReport(
        added=[f"{kind} {slug}" for kind, slug in done.added],
        changed=[f"{kind} {slug}" for kind, slug in done.changed],
        unchanged=done.unchanged,
    )
    if dry_run:
        session.rollback()
        return report
    if done.added or done.changed:
        repository.bump_catalog_revision(session, done.exercises())
    session.commit()
    return report
