"""`python -m app COMMAND`: operational commands sharing the API's models and services."""

from __future__ import annotations

import typer
from sqlmodel import Session

from app.catalog.seed import apply_seed, load_seed
from app.core.config import get_settings
from app.core.db import build_engine
from app.core.migrations import upgrade

cli = typer.Typer(help="Medius operations.", no_args_is_help=True)


@cli.command()
def migrate() -> None:
    """Apply every Alembic migration up to head."""
    upgrade(get_settings().database_url)
    typer.echo("database at head")


@cli.command()
def seed() -> None:
    """Insert the article's catalog where missing (idempotent; never undoes edits)."""
    engine = build_engine(get_settings())
    with Session(engine) as session:
        added = apply_seed(session, load_seed())
    engine.dispose()
    typer.echo("seeded: " + ", ".join(f"{n} {kind}" for kind, n in added.items()))


@cli.command()
def serve() -> None:
    """Migrate, seed, then serve with uvicorn on HOST:PORT (what `make run` and Docker do)."""
    import uvicorn

    settings = get_settings()
    migrate()
    seed()
    uvicorn.run(
        "app.asgi:app",
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        log_level=settings.log_level,
        proxy_headers=True,
    )


def main() -> None:
    cli()
