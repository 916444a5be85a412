"""What the readiness probe asks the database."""

from __future__ import annotations

from sqlalchemy import Engine, text

from app.core.migrations import current_revision


def schema_revision(engine: Engine) -> str | None:
    """The database's migration revision (None when never migrated), after a `SELECT 1`.

    Raises SQLAlchemyError when the database does not answer.
    """
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    return current_revision(engine)
