"""The live catalog's mechanisms in plain Python: TTL freshness, the byte bound, single-flight
and the lookup that cannot race a purge (issue #13, point 1). No server, no database."""

from __future__ import annotations

import asyncio
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from app.catalog.exercises.models import CatalogDocument
from app.catalog.exercises.repository import Revision
from app.catalog.exercises.seed import load_seed
from app.catalog.live.live import CatalogBytes, LiveCatalog
from app.catalog.live.store import ENTRY_OVERHEAD, RevisionClock, RevisionStore, SingleFlight
from tests.factories import wait_until

CALLERS = 16
R1 = Revision(1, datetime(2026, 1, 1, tzinfo=UTC))
R2 = Revision(2, datetime(2026, 1, 2, tzinfo=UTC))


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Arrivals:
    """A monotonic clock that notes each thread that reads it: every caller of the revision
    clock reads it before anything else, so a test can wait until all have arrived."""

    def __init__(self) -> None:
        self.threads: set[int] = set()

    def __call__(self) -> float:
        self.threads.add(threading.get_ident())
        return time.monotonic()

    def wait_for(self, callers: int) -> None:
        wait_until(lambda: len(self.threads) >= callers, what=f"{callers} callers")


class Source:
    """The database's revision row, and how often it was read."""

    def __init__(self, revision: Revision = R1) -> None:
        self.revision = revision
        self.reads = 0

    def __call__(self) -> Revision:
        self.reads += 1
        return self.revision


@dataclass(frozen=True)
class Blob:
    nbytes: int


def document(version: int) -> CatalogDocument:
    return CatalogDocument(
        version=version,
        changed_at=R1.changed_at,
        source=load_seed().source,
        exercises=[],
        muscles=[],
        equipment=[],
        ladder=[],
        sync_token="token",
    )


@pytest.fixture
def slow_switching() -> Iterator[None]:
    """Let threads interleave between almost any two bytecodes."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


# --- the revision and its TTL ----------------------------------------------------------


def test_revision_is_read_once_per_ttl() -> None:
    clock, source = FakeClock(), Source()
    revisions = RevisionClock(source, ttl=1.0, clock=clock)
    assert revisions.fresh() is None  # nothing read yet
    assert revisions.current() == R1
    source.revision = R2  # another worker's change
    clock.now += 0.99
    assert revisions.current() == R1 and revisions.fresh() == R1
    assert source.reads == 1
    clock.now += 0.02
    assert revisions.fresh() is None
    assert revisions.current() == R2
    assert source.reads == 2


def test_invalidate_rereads_at_once_within_the_ttl() -> None:
    clock, source = FakeClock(), Source()
    revisions = RevisionClock(source, ttl=3600, clock=clock)
    revisions.current()
    source.revision = R2
    revisions.invalidate()
    assert revisions.fresh() is None
    assert revisions.current() == R2
    assert source.reads == 2


def test_a_commit_heard_during_a_read_leaves_that_read_untrusted() -> None:
    """The read may have started before the commit: hand it out, but read again next time."""
    clock = FakeClock()
    revisions: RevisionClock

    def read_then_commit() -> Revision:
        revisions.invalidate()  # the commit lands while this read is under way
        return R1

    revisions = RevisionClock(read_then_commit, ttl=3600, clock=clock)
    assert revisions.current() == R1
    assert revisions.fresh() is None
    assert revisions.reads == 1
    revisions.current()
    assert revisions.reads == 2


def test_the_ttl_read_is_one_read_for_concurrent_callers() -> None:
    source = Source()
    gate = threading.Event()

    def slow_read() -> Revision:
        gate.wait(5)
        return source()

    arrivals = Arrivals()
    revisions = RevisionClock(slow_read, ttl=3600, clock=arrivals)
    threads = [threading.Thread(target=revisions.current) for _ in range(CALLERS)]
    for thread in threads:
        thread.start()
    arrivals.wait_for(CALLERS)  # one reads, the others found no fresh revision and queue
    gate.set()
    for thread in threads:
        thread.join()
    assert source.reads == 1


# --- the byte bound ---------------------------------------------------------------------


def test_store_evicts_least_recently_used_by_bytes() -> None:
    each = 1000
    store: RevisionStore[str, Blob] = RevisionStore(max_bytes=3 * (each + ENTRY_OVERHEAD))
    store.advance(R1)
    for key in "abc":
        assert store.put(key, R1, Blob(each))
    assert store.get("a", R1) is not None  # "b" is now the least recently used
    store.put("d", R1, Blob(each))
    assert store.get("b", R1) is None
    assert [store.get(k, R1) is not None for k in "acd"] == [True, True, True]
    assert len(store) == 3 and store.nbytes == 3 * (each + ENTRY_OVERHEAD)
    store.put("e", R1, Blob(2 * each))  # one heavy entry pushes out two light ones
    assert len(store) == 2 and store.nbytes <= store.max_bytes
    assert store.get("e", R1) is not None and store.get("d", R1) is not None


def test_store_refuses_what_alone_exceeds_the_bound_and_replacing_keeps_the_count() -> None:
    store: RevisionStore[str, Blob] = RevisionStore(max_bytes=4096)
    store.advance(R1)
    assert not store.put("huge", R1, Blob(4096))
    assert store.put("a", R1, Blob(100))
    assert store.put("a", R1, Blob(200))
    assert len(store) == 1 and store.nbytes == 200 + ENTRY_OVERHEAD


def test_store_keeps_only_the_current_revision() -> None:
    store: RevisionStore[str, Blob] = RevisionStore(max_bytes=1 << 20)
    store.advance(R1)
    store.put("a", R1, Blob(10))
    store.advance(R2)
    assert len(store) == 0 and store.nbytes == 0
    assert store.get("a", R1) is None  # asked at the old revision: a miss, not an error
    assert not store.put("late", R1, Blob(10))  # made from the old revision: not kept
    # Same number, another time: a reseeded database is another catalog.
    assert store.get("a", Revision(1, R2.changed_at)) is None


def test_live_catalog_bounds_documents_and_responses_together() -> None:
    live = LiveCatalog(Source(), ttl=3600, max_bytes=0)
    builds = 0

    def build() -> CatalogDocument:
        nonlocal builds
        builds += 1
        return document(1)

    live.document(build)
    live.document(build)
    assert builds == 2 and live.cached_entries == 0  # a zero budget keeps nothing


# --- single-flight ----------------------------------------------------------------------


def _together(calls: int, call: Callable[[], object]) -> list[object]:
    start = threading.Barrier(calls)
    got: list[object] = []
    errors: list[BaseException] = []

    def run() -> None:
        start.wait()
        try:
            got.append(call())
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return got


def test_concurrent_document_requests_after_a_change_build_once() -> None:
    source = Source()
    arrivals = Arrivals()
    live = LiveCatalog(source, ttl=3600, max_bytes=1 << 20, clock=arrivals)
    live.document(lambda: document(1))
    source.revision = R2
    live.invalidate()
    arrivals.threads.clear()
    builds = 0

    def build() -> CatalogDocument:
        nonlocal builds
        builds += 1
        arrivals.wait_for(CALLERS)  # the build stays in flight until every caller has come
        return document(2)

    got = _together(CALLERS, lambda: live.document(build))
    assert builds == 1
    assert {d.version for d in got if isinstance(d, CatalogBytes)} == {2} and len(got) == CALLERS


def test_a_failed_build_leaves_the_next_caller_to_build() -> None:
    live = LiveCatalog(Source(), ttl=3600, max_bytes=1 << 20)

    def broken() -> CatalogDocument:
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        live.document(broken)
    assert live.document(lambda: document(1)).version == 1


async def test_concurrent_coroutines_wait_for_one_flight_without_a_thread_each() -> None:
    flights = SingleFlight()
    assert flights.lead("k") is None  # this caller builds
    waiting = []
    for _ in range(CALLERS):
        flight = flights.lead("k")
        assert flight is not None
        waiting.append(asyncio.ensure_future(flights.wait(flight)))
    await asyncio.sleep(0)  # one turn of the loop: each waiter runs up to its wait
    assert len(flight.waiters) == CALLERS
    assert not any(w.done() for w in waiting)
    flights.land("k")
    await asyncio.wait_for(asyncio.gather(*waiting), timeout=5)
    assert flights.in_flight == 0


# --- the race of the old memo ----------------------------------------------------------


def test_lookups_racing_revision_changes_never_fail(slow_switching: None) -> None:
    """The old `/catalog` memo checked `revision in memo`, then indexed it: a `clear()`
    by another thread in between was a KeyError (a 500). Here a lookup is one call
    under the store's lock, and a value handed out stays whole whatever is dropped."""
    revisions = [Revision(n, R1.changed_at) for n in range(1, 5)]
    turn = iter(range(10**9))

    def flipping() -> Revision:  # every read sees another revision
        return revisions[next(turn) % len(revisions)]

    live = LiveCatalog(flipping, ttl=0, max_bytes=1 << 20)

    def many() -> int:
        for _ in range(300):
            got = live.document(lambda: document(live.revision().number))
            assert got.version in {r.number for r in revisions}
        return 300

    assert _together(8, many) == [300] * 8
