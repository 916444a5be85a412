"""The catalog's current revision, as seen by this process, re-read at most once per TTL.

Every worker keeps its own copy. A write in this process refreshes it at once
(`invalidate`); a write in another worker is seen within `ttl` seconds. Catalog
responses are cached on the revision, so they are never older than that.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from sqlalchemy import Engine
from sqlmodel import Session

from app.catalog.repository import catalog_revision


class CatalogVersion:
    def __init__(self, engine: Engine, ttl: float, clock: Callable[[], float] = time.monotonic):
        self._engine = engine
        self._ttl = ttl
        self._clock = clock
        self._lock = threading.Lock()
        self._revision = -1
        self._read_at = float("-inf")

    def fresh(self) -> bool:
        """True while the cached revision is recent enough to use without a database read."""
        return self._clock() - self._read_at < self._ttl

    @property
    def cached(self) -> int:
        return self._revision

    def current(self) -> int:
        """The revision, read from the database when the cached one is older than the TTL."""
        if self.fresh():
            return self._revision
        with self._lock:
            if not self.fresh():
                with Session(self._engine) as session:
                    self._revision = catalog_revision(session)[0]
                self._read_at = self._clock()
        return self._revision

    def invalidate(self) -> None:
        self._read_at = float("-inf")
