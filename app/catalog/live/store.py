"""The mechanisms of the live catalog: a revision trusted for a TTL, a byte-bounded store
of values made from one revision, and single-flight builds. Plain Python, no I/O of its
own: `app/catalog/live/live.py` wires them to the database and the catalog.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from app.catalog.exercises.repository import Revision

# What one entry costs beyond its payload (key, list node, tuples): a store of many tiny
# entries is bounded too.
ENTRY_OVERHEAD = 256

K = TypeVar("K", bound=Hashable)


class Weighed(Protocol):
    @property
    def nbytes(self) -> int: ...


V = TypeVar("V", bound=Weighed)


class RevisionClock:
    """The catalog revision as this process last read it, trusted for `ttl` seconds.

    `invalidate` (a commit in this process) makes the next caller read it again. A
    commit heard while a read is under way may be missing from what that read saw, so
    its result is handed out but not trusted.
    """

    def __init__(
        self,
        read: Callable[[], Revision],
        ttl: float,
        clock: Callable[[], float] = time.monotonic,
        on_change: Callable[[Revision], None] = lambda _revision: None,
    ) -> None:
        self._read = read
        self._ttl = ttl
        self._clock = clock
        self._on_change = on_change
        self._lock = threading.Lock()
        # One tuple, replaced whole, so a reader never pairs a revision with another's time.
        self._state: tuple[Revision | None, float] = (None, float("-inf"))
        self._generation = 0
        self.reads = 0  # database reads so far: the TTL's witness in tests

    def fresh(self) -> Revision | None:
        """The revision while it may be trusted, else None: no lock, no database."""
        revision, read_at = self._state
        return revision if self._clock() - read_at < self._ttl else None

    def current(self) -> Revision:
        """The revision, read again (by one caller at a time) once it is older than the TTL."""
        revision = self.fresh()
        if revision is not None:
            return revision
        with self._lock:
            revision = self.fresh()
            if revision is not None:
                return revision
            generation = self._generation
            started = self._clock()
            revision = self._read()
            self.reads += 1
            if revision != self._state[0]:
                self._on_change(revision)
            self._state = (revision, started)
            if generation != self._generation:  # invalidated meanwhile: use it, trust it not
                self._state = (revision, float("-inf"))
            return revision

    def invalidate(self) -> None:
        # No lock: a commit must not wait behind a read. The generation moves before the
        # state, so a read finishing now either sees the move or is overwritten by it.
        self._generation += 1
        self._state = (self._state[0], float("-inf"))


@dataclass
class Flight:
    """One build in progress; the callers that want its result wait for it to land."""

    done: threading.Event = field(default_factory=threading.Event)
    waiters: list[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = field(default_factory=list)


class SingleFlight:
    """At most one build per key at a time; the other callers wait for it, threads and
    coroutines alike (a coroutine waits without holding a thread)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._flights: dict[Hashable, Flight] = {}

    def lead(self, key: Hashable) -> Flight | None:
        """None when the caller leads the build (and must `land` it), else the flight to wait on."""
        with self._lock:
            flight = self._flights.get(key)
            if flight is None:
                self._flights[key] = Flight()
            return flight

    def land(self, key: Hashable) -> None:
        with self._lock:
            flight = self._flights.pop(key)
            flight.done.set()
            waiters = list(flight.waiters)
        for loop, event in waiters:
            with contextlib.suppress(RuntimeError):  # that waiter's event loop has closed
                loop.call_soon_threadsafe(event.set)

    async def wait(self, flight: Flight) -> None:
        event = asyncio.Event()
        with self._lock:
            if flight.done.is_set():
                return
            flight.waiters.append((asyncio.get_running_loop(), event))
        await event.wait()

    @property
    def in_flight(self) -> int:
        return len(self._flights)


class RevisionStore(Generic[K, V]):
    """Values made from the current catalog revision, least recently used first out once
    they weigh more than `max_bytes` together.

    Only values of the current revision are kept: `advance` drops the rest at once, and
    a value that arrives late, made from an older revision, is not stored. Every access
    is one call under one lock, so no caller can find an entry and then miss it.
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._revision: Revision | None = None
        self._entries: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self._nbytes = 0

    def advance(self, revision: Revision) -> None:
        with self._lock:
            if revision != self._revision:
                self._revision = revision
                self._entries.clear()
                self._nbytes = 0

    def get(self, key: K, revision: Revision) -> V | None:
        with self._lock:
            if revision != self._revision:
                return None
            found = self._entries.get(key)
            if found is None:
                return None
            self._entries.move_to_end(key)
            return found[0]

    def put(self, key: K, revision: Revision, value: V) -> bool:
        """Keep `value`; False when it is from another revision or alone exceeds the bound."""
        size = value.nbytes + ENTRY_OVERHEAD
        with self._lock:
            if revision != self._revision or size > self.max_bytes:
                return False
            old = self._entries.pop(key, None)
            if old is not None:
                self._nbytes -= old[1]
            self._entries[key] = (value, size)
            self._nbytes += size
            while self._nbytes > self.max_bytes:
                _, (_, evicted) = self._entries.popitem(last=False)
                self._nbytes -= evicted
            return True

    @property
    def nbytes(self) -> int:
        return self._nbytes

    def __len__(self) -> int:
        return len(self._entries)
