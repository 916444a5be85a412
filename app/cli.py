"""`python -m app COMMAND`: operational commands sharing the API's models and services."""

from __future__ import annotations

import typer
from sqlmodel import Session

from app.core.config import get_settings
from app.core.db import build_engine
from app.core.errors import DomainError
from app.core.migrations import upgrade
from app.core.security import configure_password_hashing
from app.seed import seed_all
from app.users import service as users_service

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
    with Session(engine, expire_on_commit=False) as session:
        added = seed_all(session)
    engine.dispose()
    typer.echo("seeded: " + ", ".join(f"{n} {kind}" for kind, n in added.items()))


@cli.command("create-admin")
def create_admin(
    email: str,
    password: str = typer.Option(
        ..., prompt=True, hide_input=True, confirmation_prompt=True, envvar="MEDIUS_ADMIN_PASSWORD"
    ),
) -> None:
    """Create a catalog administrator, or promote an existing account to admin."""
    settings = get_settings()
    configure_password_hashing(settings.argon2_time_cost, settings.argon2_memory_kib)
    engine = build_engine(settings)
    try:
        with Session(engine, expire_on_commit=False) as session:
            user = users_service.create_admin(session, email, password)
    except DomainError as exc:
        detail = "; ".join([exc.detail, *(e.msg for e in exc.errors)])
        raise typer.BadParameter(detail) from exc
    finally:
        engine.dispose()
    typer.echo(f"admin: {user.email}")


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
