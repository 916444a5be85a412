"""The one owner of this process's copies of the catalog: its revision, the public catalog
responses, the `/catalog` document and the validated specs.

Everything here is keyed on one `Revision` (the `catalog_state` row). A worker trusts
the revision it read for `CATALOG_VERSION_TTL` seconds, so a change made through
another worker shows within that time; a change committed in this process shows at
once, because every catalog write marks its transaction (`bump_catalog_revision`) and
the commit invalidates the revision here (app/core/db.py `on_commit`) -- the admin API,
an import and the seed alike, without any of them calling this module. When the
revision moves, the responses and document of the old one are dropped together; each is
rebuilt once, by the first caller, while the others wait (single-flight). Together they
weigh at most `CATALOG_CACHE_MAX_BYTES`, least recently used out first.
"""

from __future__ import annotations

import gzip
import logging
import time
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from app.catalog.exercises.models import CatalogDocument
from app.catalog.exercises.repository import CATALOG_CHANGED, Revision, catalog_revision
from app.catalog.live.snapshot import CatalogSpecs
from app.catalog.live.store import Flight, RevisionClock, RevisionStore, SingleFlight
from app.core.db import on_commit
from app.core.responses import to_bytes

Headers = list[tuple[bytes, bytes]]
# A public read's identity: path, its declared query parameters in a canonical order, and
# whether the answer is gzipped (app/catalog/live/asgi.py makes it).
ResponseKey = tuple[str, tuple[tuple[str, str], ...], bool]
DOCUMENT_KEY = "/catalog document"

logger = logging.getLogger("medius")


@dataclass(frozen=True)
class CachedResponse:
    headers: Headers
    body: bytes
    etag: str
    not_modified_headers: Headers

    @property
    def nbytes(self) -> int:
        return len(self.body) + sum(len(k) + len(v) for k, v in self.headers)


@dataclass(frozen=True)
class CatalogBytes:
    """The `/catalog` document of one revision, plain and gzipped (compressed once)."""

    version: int
    plain: bytes
    packed: bytes

    @property
    def nbytes(self) -> int:
        return len(self.plain) + len(self.packed)


Cached = CachedResponse | CatalogBytes


class LiveCatalog:
    def __init__(
        self,
        read_revision: Callable[[], Revision],
        *,
        ttl: float,
        max_bytes: int,
        ladder: Sequence[str] = (),
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._store: RevisionStore[Hashable, Cached] = RevisionStore(max_bytes)
        self._clock = RevisionClock(read_revision, ttl, clock, on_change=self._store.advance)
        self._flights = SingleFlight()
        self.ladder = tuple(ladder)
        self.specs = CatalogSpecs(self.ladder)
        self.builds = 0  # responses and documents built here: single-flight's witness
        self._engine: Engine | None = None  # set by for_engine; what warm() reads from

    @classmethod
    def for_engine(
        cls, engine: Engine, *, ttl: float, max_bytes: int, ladder: Sequence[str] = ()
    ) -> LiveCatalog:
        """The live catalog of the database behind `engine`, told of every commit that
        changes the catalog through it."""

        def read() -> Revision:
            with Session(engine) as session:
                return catalog_revision(session)

        live = cls(read, ttl=ttl, max_bytes=max_bytes, ladder=ladder)
        live._engine = engine
        on_commit(engine, CATALOG_CHANGED, live.invalidate)
        return live

    def warm(self) -> bool:
        """Build what this process otherwise builds on first use -- the revision, the
        specs and the planner index -- so the first requests do not wait for it.

        False when the database cannot answer yet (never migrated, not reachable): the
        process still starts (readiness says why) and the first use builds it instead.
        """
        if self._engine is None:
            return False
        try:
            with Session(self._engine) as session:
                self.revision()
                self.specs.current(session)
        except SQLAlchemyError as exc:
            logger.warning("live catalog not warmed at start-up: %s", type(exc).__name__)
            return False
        return True

    # --- the revision -------------------------------------------------------------------

    def revision(self) -> Revision:
        """The catalog revision, read from the database once it is older than the TTL."""
        return self._clock.current()

    def fresh_revision(self) -> Revision | None:
        """The revision when it can be had without the database (for the event loop)."""
        return self._clock.fresh()

    def invalidate(self) -> None:
        """The catalog changed (a commit in this process): read the revision again."""
        self._clock.invalidate()

    @property
    def revision_reads(self) -> int:
        return self._clock.reads

    # --- public responses and the /catalog document ------------------------------------

    def response(self, key: ResponseKey, revision: Revision) -> CachedResponse | None:
        found = self._store.get(key, revision)
        return found if isinstance(found, CachedResponse) else None

    def keep_response(self, key: ResponseKey, revision: Revision, entry: CachedResponse) -> None:
        self._store.put(key, revision, entry)

    def lead(self, key: ResponseKey, revision: Revision) -> Flight | None:
        """None when the caller is to build this response (and must `land` it, whatever
        happens); else the build in progress, to `wait` for."""
        flight = self._flights.lead((key, revision))
        if flight is None:
            self.builds += 1
        return flight

    def land(self, key: ResponseKey, revision: Revision) -> None:
        self._flights.land((key, revision))

    async def wait(self, flight: Flight) -> None:
        await self._flights.wait(flight)

    def document(self, build: Callable[[], CatalogDocument]) -> CatalogBytes:
        """The `/catalog` document of the current revision, built once per revision."""
        revision = self.revision()
        flight_key = (DOCUMENT_KEY, revision)
        while True:
            found = self._store.get(DOCUMENT_KEY, revision)
            if isinstance(found, CatalogBytes):
                return found
            flight = self._flights.lead(flight_key)
            if flight is None:
                try:
                    self.builds += 1
                    document = _pack(build())
                    self._store.put(DOCUMENT_KEY, revision, document)
                    return document
                finally:
                    self._flights.land(flight_key)
            # Wait, then look again: a failed or unstorable build leaves it to this caller.
            flight.done.wait()

    @property
    def cached_entries(self) -> int:
        return len(self._store)

    @property
    def cached_bytes(self) -> int:
        return self._store.nbytes


def _pack(document: CatalogDocument) -> CatalogBytes:
    plain = to_bytes(document)
    return CatalogBytes(document.version, plain, gzip.compress(plain, compresslevel=6, mtime=0))
