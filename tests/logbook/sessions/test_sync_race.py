"""Sync never skips a change that commits late: real concurrent transactions on PostgreSQL.

SQLite runs one writer at a time (BEGIN IMMEDIATE), so only PostgreSQL can commit
concurrent writers out of order; these tests run on its leg. Writers are real
service calls in threads, each in its own database session; the test decides when
each may commit (a session whose commit waits for the test) and sees when one is
blocked on a lock (pg_stat_activity), so every interleaving is exact, not timed.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, text
from sqlmodel import Session, col, select

from app.catalog.exercises import service as catalog_service
from app.catalog.exercises.models import ExerciseUpdate
from app.catalog.exercises.repository import ExerciseFilter
from app.catalog.live.snapshot import CatalogSpecs
from app.core.changes import START, sync_key
from app.logbook.sessions import service
from app.logbook.sessions.models import EntryIn, SessionCreate, SessionUpdate, WorkoutSession
from app.logbook.sessions.repository import SessionFilter
from app.users import service as users_service
from app.users.models import User, UserCreate
from tests.conftest import TEST_SECRET
from tests.factories import wait_until

pytestmark = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
KEY = sync_key(TEST_SECRET)
SETTLE_SECONDS = 30.0

NO_DAILY_CAP = 10**6  # these tests log many sessions on one day on purpose


def log(session: Session, user: User, body: SessionCreate) -> tuple[service.SessionView, bool]:
    return service.create(session, user, body, NO_DAILY_CAP, CatalogSpecs())


class HeldSession(Session):
    """A database session whose first commit waits until the test releases it."""

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine, expire_on_commit=False)
        self.at_commit = threading.Event()
        self.release = threading.Event()
        self._held = False

    def commit(self) -> None:
        if not self._held:
            self._held = True
            self.at_commit.set()
            if not self.release.wait(SETTLE_SECONDS):
                raise TimeoutError("the test never released this commit")
        super().commit()


@dataclass
class Writer:
    """One write in its own thread and transaction."""

    name: str
    work: Callable[[Session], Any]
    session: HeldSession
    thread: threading.Thread | None = None
    error: BaseException | None = None
    done: threading.Event = field(default_factory=threading.Event)

    def start(self) -> None:
        def run() -> None:
            try:
                self.work(self.session)
            except BaseException as exc:  # reported by the test, not lost in the thread
                self.error = exc
            finally:
                self.session.close()
                self.done.set()

        self.thread = threading.Thread(target=run, name=self.name, daemon=True)
        self.thread.start()

    def commit(self) -> None:
        self.session.release.set()
        assert self.done.wait(SETTLE_SECONDS), f"{self.name} did not finish"


def lock_waiters(engine: Engine) -> int:
    """Backends of this database waiting for a lock held by another transaction."""
    with engine.connect() as conn:
        return int(
            conn.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND wait_event_type = 'Lock'"
                )
            ).scalar_one()
        )


def settle(engine: Engine, running: list[Writer]) -> None:
    """Wait until every running writer is paused at its commit, finished, or blocked on a lock."""
    deadline = time.monotonic() + SETTLE_SECONDS
    steady = 0
    while time.monotonic() < deadline:
        active = [w for w in running if not w.done.is_set() and not w.session.at_commit.is_set()]
        steady = steady + 1 if len(active) == lock_waiters(engine) else 0
        if steady == 2:  # twice in a row: not a writer caught between two statements
            return
        time.sleep(0.002)
    with engine.connect() as conn:
        activity = conn.execute(
            text(
                "SELECT state, wait_event_type, wait_event, left(query, 80) FROM pg_stat_activity "
                "WHERE datname = current_database()"
            )
        ).all()
    states = [(w.name, w.done.is_set(), w.session.at_commit.is_set(), w.error) for w in running]
    raise AssertionError(f"writers did not settle: {states} {activity}")


def new_user(engine: Engine) -> User:
    with Session(engine, expire_on_commit=False) as session:
        email = f"sync-{uuid.uuid4().hex[:10]}@example.com"
        return users_service.create_account(
            session, UserCreate(email=email, password="sync race passphrase")
        )


def session_body(entries: int, exercise: str = "clamshell") -> SessionCreate:
    entry: dict[str, Any] = (
        {"exercise": "clamshell", "side": "right", "reps": 10, "hold_seconds": 3}
        if exercise == "clamshell"
        else {"exercise": "monster-walk", "steps": 20}
    )
    return SessionCreate(
        id=uuid.uuid4(),
        started_at=datetime(2026, 11, 20, 7, 30, tzinfo=UTC),
        entries=[
            EntryIn.model_validate({**entry, "set_number": 1 + n % 50, "pain": 0, "effort": 5})
            for n in range(entries)
        ],
    )


@dataclass
class Mirror:
    """What an offline client holds: sessions by id, at the revision it last saw."""

    token: str = START
    since: str | None = None
    by_token: dict[uuid.UUID, int] = field(default_factory=dict)
    by_time: dict[uuid.UUID, int] = field(default_factory=dict)


def sync_sessions(engine: Engine, user: User, mirror: Mirror) -> None:
    """Page through every change after the mirror's token and apply it."""
    cursor: str | None = None
    with Session(engine) as session:
        while True:
            page = service.list_for(
                session, user, SessionFilter(), None, cursor, 7, mirror.token, KEY
            )
            for item in page["items"]:
                if "revision" in item:
                    mirror.by_token[item["id"]] = item["revision"]
                else:
                    mirror.by_token.pop(item["id"], None)
            assert page["sync_token"] is not None
            mirror.token = page["sync_token"]
            cursor = page["next_cursor"]
            if cursor is None:
                return


def committed(engine: Engine, user: User) -> dict[uuid.UUID, int]:
    with Session(engine) as session:
        rows = session.exec(
            select(WorkoutSession).where(
                col(WorkoutSession.owner_id) == user.id, col(WorkoutSession.deleted_at).is_(None)
            )
        ).all()
        return {r.id: r.revision for r in rows}


@pytest.fixture
def engine(app: FastAPI) -> Iterator[Engine]:
    engine: Engine = app.state.engine
    yield engine


def test_a_session_that_commits_late_is_never_skipped(engine: Engine) -> None:
    """A 500-entry write started first and held open; a small one and syncs in between."""
    user = new_user(engine)
    mirror = Mirror()
    for attempt in range(30):
        big = Writer(
            f"big-{attempt}",
            lambda s: log(s, user, session_body(500)),
            HeldSession(engine),
        )
        small_body = session_body(1, "monster-walk")
        small = Writer(
            f"small-{attempt}",
            lambda s, b=small_body: log(s, user, b),
            HeldSession(engine),
        )
        small.session.release.set()  # the small one commits as soon as it can
        big.start()
        settle(engine, [big])
        small.start()
        settle(engine, [big, small])
        # The small write waits for the big one's change number: it cannot commit first.
        assert not small.done.is_set() and lock_waiters(engine) == 1
        sync_sessions(engine, user, mirror)
        assert mirror.by_token == committed(engine, user)
        big.commit()
        assert small.done.wait(SETTLE_SECONDS)
        assert big.error is None and small.error is None, (big.error, small.error)
        sync_sessions(engine, user, mirror)
        assert mirror.by_token == committed(engine, user)
    assert len(mirror.by_token) == 60


def _changes_by_time(engine: Engine, since: str) -> list[Any]:
    items: list[Any] = []
    cursor = None
    with Session(engine) as session:
        while True:
            page = catalog_service.list_exercises(
                session, ExerciseFilter(), None, cursor, 100, datetime.fromisoformat(since)
            )
            items += page.items
            cursor = page.next_cursor
            if cursor is None:
                return items


def _changes_by_token(engine: Engine, token: str) -> tuple[list[Any], str]:
    items: list[Any] = []
    cursor = None
    with Session(engine) as session:
        while True:
            page = catalog_service.list_exercises(
                session, ExerciseFilter(), None, cursor, 3, None, token, KEY
            )
            items += page.items
            assert page.sync_token is not None
            token, cursor = page.sync_token, page.next_cursor
            if cursor is None:
                return items, token


def _rename(slug: str, name: str) -> Callable[[Session], Any]:
    def work(session: Session) -> Any:
        row = catalog_service.get_exercise(session, slug)
        etag = catalog_service.exercise_etag(row)
        return catalog_service.update_exercise(session, slug, ExerciseUpdate(name=name), etag)

    return work


def test_a_catalog_change_that_commits_late_is_skipped_by_time_but_not_by_token(
    engine: Engine,
) -> None:
    """The race of the issue, on the catalog: every attempt, `updated_since` loses the late
    change and the sync token does not."""
    _, token = _changes_by_token(engine, START)
    since = max(
        e.updated_at for e in _changes_by_time(engine, "2000-01-01T00:00:00+00:00")
    ).isoformat()
    skipped_by_time = 0
    for attempt in range(30):
        with engine.connect() as holder:
            # Hold monster-walk's equipment: its update stamps updated_at, then waits here.
            holder.execute(
                text("SELECT slug FROM equipment WHERE slug = 'resistance-band' FOR UPDATE")
            )
            late = Writer(
                "late", _rename("monster-walk", f"Monster walk {attempt}"), HeldSession(engine)
            )
            late.session.release.set()
            late.start()
            settle(engine, [late])
            assert lock_waiters(engine) == 1
            early = Writer(
                "early",
                _rename("side-lying-leg-swing", f"Leg swing {attempt}"),
                HeldSession(engine),
            )
            early.session.release.set()
            early.start()
            assert early.done.wait(SETTLE_SECONDS) and early.error is None, early.error
            seen_by_time = _changes_by_time(engine, since)
            seen, token = _changes_by_token(engine, token)
            assert [e.slug for e in seen] == ["side-lying-leg-swing"]
            since = max(e.updated_at for e in seen_by_time).isoformat()
            holder.rollback()
        assert late.done.wait(SETTLE_SECONDS) and late.error is None, late.error
        late_by_time = _changes_by_time(engine, since)
        late_by_token, token = _changes_by_token(engine, token)
        assert [e.slug for e in late_by_token] == ["monster-walk"]
        assert late_by_token[0].name == f"Monster walk {attempt}"
        skipped_by_time += not any(e.slug == "monster-walk" for e in late_by_time)
    assert skipped_by_time == 30  # the old protocol loses the late change every time


# --- Any interleaving of writers and syncs ------------------------------------------------

WRITES = st.sampled_from(["create-big", "create-small", "patch", "delete"])


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(kinds=st.lists(WRITES, min_size=2, max_size=4), data=st.data())
def test_any_interleaving_of_writers_and_syncs_converges_with_nothing_skipped(
    engine: Engine, kinds: list[str], data: st.DataObject
) -> None:
    user = new_user(engine)
    with Session(engine, expire_on_commit=False) as session:
        existing = [log(session, user, session_body(2))[0] for _ in kinds]
    mirror = Mirror()
    sync_sessions(engine, user, mirror)

    def work(kind: str, target: service.SessionView) -> Callable[[Session], Any]:
        etag = target.etag
        target_id = target.body["id"]
        if kind == "create-big":
            return lambda s: service.create(
                s, user, session_body(300), NO_DAILY_CAP, CatalogSpecs()
            )
        if kind == "create-small":
            return lambda s: service.create(
                s, user, session_body(1, "monster-walk"), NO_DAILY_CAP, CatalogSpecs()
            )
        if kind == "patch":
            return lambda s: service.update(s, user, target_id, SessionUpdate(notes="edited"), etag)
        return lambda s: service.delete(s, user, target_id, etag)

    writers = [
        Writer(f"{kind}-{i}", work(kind, existing[i]), HeldSession(engine))
        for i, kind in enumerate(kinds)
    ]
    # The schedule: when each writer starts, when it may commit, and when the client syncs.
    events: list[tuple[str, int]] = [
        (a, i) for i in range(len(writers)) for a in ("start", "commit")
    ]
    schedule = data.draw(st.permutations([*events, ("sync", -1), ("sync", -1), ("sync", -1)]))
    started: set[int] = set()
    try:
        for action, i in schedule:
            if action == "sync":
                sync_sessions(engine, user, mirror)
                # Whatever is still in flight, the client holds exactly what is committed.
                assert mirror.by_token == committed(engine, user)
                continue
            if action == "commit" and i not in started:
                action = "start"  # a commit drawn before its start: start it now, commit later
                schedule.append(("commit", i))
            if action == "start":
                if i not in started:  # already started by its early-drawn commit
                    writers[i].start()
                    started.add(i)
            else:
                # Writers ahead of it hold the user's change counter: they commit first. On
                # a loaded machine one may not have reached its commit yet: wait for it.
                def paused(w: Writer) -> bool:
                    return w.session.at_commit.is_set() and not w.done.is_set()

                due = writers[i]
                while not due.session.at_commit.is_set() and not due.done.is_set():
                    wait_until(
                        lambda due=due: due.done.is_set() or any(paused(w) for w in writers),
                        timeout=SETTLE_SECONDS,
                        what="a writer ahead of it to reach its commit",
                    )
                    ahead = [w for w in writers if w is not due and paused(w)]
                    if ahead:
                        ahead[0].commit()
                        settle(engine, [writers[j] for j in started])
                due.commit()
            settle(engine, [writers[j] for j in started])
    finally:
        for writer in writers:
            writer.session.release.set()
    for writer in writers:
        assert writer.done.wait(SETTLE_SECONDS)
        assert writer.error is None, writer.error
    sync_sessions(engine, user, mirror)
    assert mirror.by_token == committed(engine, user)
