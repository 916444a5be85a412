"""The live catalog as validated specs and as a planner index, per catalog revision
(part of `LiveCatalog`, app/catalog/live/live.py; usable alone by the CLI and tests).

The routine builder plans over every exercise on every request; validating thousands
of stored documents, or putting them in ladder order, each time would dominate its cost.
One primary-key read of the catalog revision decides whether this process's copy is
still current. When it is not, the first caller refreshes it while the others wait for
that one refresh (single-flight under a lock), and the refresh reads only the exercises
stamped with a later revision (`Exercise.change_seq`, indexed, the same stamp sync
reads): one changed exercise costs one document to validate, not the whole catalog.

A full snapshot of a large catalog is most of the process's heap (about 800,000 tracked
objects for 10,000 exercises: each pydantic model is an instance, its dict and its
fields-set). Left to the cyclic collector, every full collection walks them all: 0.5-0.8 s
paused in whichever request tips the oldest generation over (a GET /me/progress at make
bench's scale, its p99). They live until the catalog changes, so a full read moves
everything alive to the collector's permanent generation (`gc.freeze`); reference
counting still frees what is dropped. It first returns the previous freeze (an earlier
snapshot's, or another app's in the same process, as in tests) to the collector, so at
most one snapshot's worth of objects is ever exempt.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session

from app.catalog.exercises import repository
from app.catalog.exercises.models import ExerciseSpec
from app.catalog.exercises.repository import Revision
from app.catalog.planner.index import PlannerCatalog


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
            return self._full(session, key)
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

    def _full(self, session: Session, key: Revision) -> Snapshot:
        # Collecting while the snapshot grows walks it again and again (two thirds of a
        # 3.5 s first read of 10,000 exercises): nothing built here is garbage yet.
        enabled = gc.isenabled()
        gc.disable()
        try:
            gc.unfreeze()
            specs = repository.specs_by_slug(session)
            snapshot = Snapshot(key, specs, PlannerCatalog(specs.values(), self._ladder))
            gc.freeze()
        finally:
            if enabled:
                gc.enable()
        return snapshot
