"""Request threads and database connections are sized together (app/main.py lifespan,
app/core/db.py): each thread can hold a kept connection, none waits for one."""

from __future__ import annotations

import pytest
from anyio import to_thread
from pydantic import ValidationError
from sqlalchemy.pool import QueuePool

from app.main import create_app
from tests.conftest import test_settings


async def test_the_server_runs_request_work_on_worker_threads_threads(database_url: str) -> None:
    app = create_app(test_settings(database_url, worker_threads=3))
    try:
        async with app.router.lifespan_context(app):
            assert to_thread.current_default_thread_limiter().total_tokens == 3
    finally:
        app.state.engine.dispose()


def test_the_pool_keeps_one_connection_per_request_thread(database_url: str) -> None:
    app = create_app(test_settings(database_url, worker_threads=6))
    pool = app.state.engine.pool
    try:
        assert isinstance(pool, QueuePool)  # a SQLite file too, not a connection per checkout
        assert pool.size() == 6
        assert pool._max_overflow == 2  # no public reader
    finally:
        app.state.engine.dispose()


def test_a_pool_smaller_than_the_threads_is_refused(database_url: str) -> None:
    with pytest.raises(ValidationError, match="WORKER_THREADS"):
        test_settings(database_url, worker_threads=10, db_pool_size=4, db_max_overflow=2)
    settings = test_settings(database_url, worker_threads=10, db_pool_size=8, db_max_overflow=2)
    assert settings.pool_size == 8
