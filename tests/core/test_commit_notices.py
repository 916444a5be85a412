"""After-commit notices (app/core/db.py): what lets the live catalog follow every catalog
write without the write calling it (issue #13, point 1)."""

from __future__ import annotations

import gc

from sqlalchemy import text
from sqlmodel import Session, create_engine

from app.core.db import changed_on_commit, on_commit


class Listener:
    def __init__(self) -> None:
        self.heard = 0

    def hear(self) -> None:
        self.heard += 1


def test_a_marked_commit_is_heard_once_and_only_after_it_commits() -> None:
    engine = create_engine("sqlite://")
    listener, other_engine_listener = Listener(), Listener()
    on_commit(engine, "catalog", listener.hear)
    on_commit(create_engine("sqlite://"), "catalog", other_engine_listener.hear)
    with Session(engine) as session:
        session.execute(text("select 1"))
        changed_on_commit(session, "catalog")
        changed_on_commit(session, "catalog")
        assert listener.heard == 0  # not before the commit
        session.commit()
        assert listener.heard == 1
        session.execute(text("select 1"))
        session.commit()  # a later, unmarked commit
    assert listener.heard == 1 and other_engine_listener.heard == 0


def test_a_rolled_back_change_is_not_heard() -> None:
    engine = create_engine("sqlite://")
    listener = Listener()
    on_commit(engine, "catalog", listener.hear)
    with Session(engine) as session:
        session.execute(text("select 1"))
        changed_on_commit(session, "catalog")
        session.rollback()
        session.execute(text("select 1"))
        session.commit()
    assert listener.heard == 0


def test_other_topics_are_not_heard_and_a_collected_listener_is_let_go() -> None:
    engine = create_engine("sqlite://")
    listener, gone = Listener(), Listener()
    on_commit(engine, "catalog", listener.hear)
    on_commit(engine, "catalog", gone.hear)
    del gone
    gc.collect()
    with Session(engine) as session:
        session.execute(text("select 1"))
        changed_on_commit(session, "routines")
        session.commit()
        session.execute(text("select 1"))
        changed_on_commit(session, "catalog")
        session.commit()  # the collected listener is skipped, not an error
    assert listener.heard == 1
