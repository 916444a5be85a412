"""The live catalog as validated specs and as a planner index, per catalog revision
(part of `LiveCatalog`, app/live_catalog/live.py; usable alone by the CLI and tests).

The routine builder plans over every exercise on every request; validating thousands
of stored documents, or putting them in ladder order, each time would dominate its cost.
One primary-key read of the catalog revision decides whether this process's copy is
still current. When it is not, the first caller refreshes it while the others wait for
that one refresh (single-flight under a lock), and the refresh reads only the exercises
stamped with a later revision (`Exercise.change_seq`, indexed, the same stamp sync
reads): one changed exercise costs one document to validate, not the whole catalog.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session

from app.builder.index import PlannerCatalog
from app.catalog import repository
from app.catalog.models import ExerciseSpec
from app.catalog.repository import Revision


@dataclass(frozen=True)
class Snapshot:
    key: Revision
    specs: dict[str, ExerciseSpec]  # every live exercise by slug
    planner: PlannerCatalog


class CatalogSpecs:
    def __init__(self, ladder: Sequence[str] = ()) -> None:
        self._lock = threading.Lock()
        self._ladder = tuple(ladder)
        self._snapshot: Snapshot | None = None
        self.refreshes = 0  # how many times a snapshot was (re)built: single-flight's witness

    def live(self, session: Session) -> dict[str, ExerciseSpec]:
        """Every live exercise by slug, as of the catalog's current revision."""
        return self.current(session).specs

    def planner(self, session: Session) -> PlannerCatalog:
        """The live catalog prepared for `build_plan`, as of the current revision."""
        return self.current(session).planner

    def current(self, session: Session) -> Snapshot:
        key = repository.catalog_revision(session)
        snapshot = self._snapshot
        if snapshot is not None and snapshot.key == key:
            return snapshot
        with self._lock:
            snapshot = self._snapshot
            if snapshot is None or snapshot.key != key:
                snapshot = self._refresh(session, snapshot, key)
                self._snapshot = snapshot
                self.refreshes += 1
        return snapshot

    def _refresh(self, session: Session, old: Snapshot | None, key: Revision) -> Snapshot:
        if old is None or key.number <= old.key.number:
            # First use, or the revision went back (a restored database): read everything.
            specs = repository.specs_by_slug(session)
            return Snapshot(key, specs, PlannerCatalog(specs.values(), self._ladder))
        specs = dict(old.specs)
        changed: dict[str, ExerciseSpec] = {}
        removed: list[str] = []
        for slug, spec in repository.specs_changed_since(session, old.key.number):
            specs.pop(slug, None)
            changed.pop(slug, None)
            if spec is None:
                removed.append(slug)
            else:
                specs[slug] = changed[slug] = spec
        return Snapshot(key, specs, old.planner.replaced(changed.values(), removed))
