"""`python -m app COMMAND`: operational commands sharing the API's models and services."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer
import yaml
from pydantic import ValidationError
from sqlmodel import Session

from app.core.config import get_settings
from app.core.db import build_engine
from app.core.errors import DomainError

# Each command imports what it uses: `python -m app worker` needs the reactions but not the
# web app, the catalog transfer or the account export, and every module imported at the top
# was paid for by every command (the worker's start took ~2.1 s of CPU, ~1.3 s without).

cli = typer.Typer(help="Medius operations.", no_args_is_help=True)


@cli.command()
def migrate() -> None:
    """Apply every Alembic migration up to head."""
    from app.core.migrations import upgrade

    upgrade(get_settings().database_url)
    typer.echo("database at head")


@cli.command()
def seed() -> None:
    """Insert the article's catalog where missing (idempotent; never undoes edits)."""
    from app.seed import seed_all

    engine = build_engine(get_settings())
    with Session(engine, expire_on_commit=False) as session:
        added = seed_all(session)
    engine.dispose()
    typer.echo("seeded: " + ", ".join(f"{n} {kind}" for kind, n in added.items()))


@cli.command("refresh-seed")
def refresh_seed(
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Print what would change; write nothing."
    ),
) -> None:
    """Overwrite stored catalog records with seed_data/ (all or nothing).

    `seed` never undoes edits, so a database seeded before a seed-data change (such as
    per-statement provenance) keeps its old records until this is run; it overwrites
    admin edits to seeded exercises, so run it with --dry-run first.
    """
    from app.catalog.exercises import transfer
    from app.catalog.exercises.seed import seeded_catalog

    with _session() as session:
        report = transfer.import_catalog(session, seeded_catalog(), dry_run=dry_run)
    for line in report.lines():
        typer.echo(line)
    typer.echo("dry run: nothing written" if dry_run else "refreshed")


@cli.command("create-admin")
def create_admin(
    email: str,
    password: str = typer.Option(
        ..., prompt=True, hide_input=True, confirmation_prompt=True, envvar="MEDIUS_ADMIN_PASSWORD"
    ),
) -> None:
    """Create a catalog administrator, or promote an existing account to admin."""
    from app.core.security import configure_password_hashing
    from app.users import service as users_service

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


class FileFormat(StrEnum):
    JSON = "json"
    YAML = "yaml"


def _dump(data: Any, fmt: FileFormat) -> str:
    if fmt is FileFormat.YAML:
        return str(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _session() -> Session:
    return Session(build_engine(get_settings()), expire_on_commit=False)


@cli.command("export-catalog")
def export_catalog_command(
    output: Path | None = typer.Option(
        None, "--output", "-o", help="File to write; stdout if absent."
    ),
    fmt: FileFormat = typer.Option(FileFormat.JSON, "--format", help="json or yaml."),
) -> None:
    """Write the live catalog in the seed-data shape (importable with import-catalog)."""
    from app.catalog.exercises import transfer

    with _session() as session:
        text = _dump(transfer.export_catalog(session), fmt)
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"wrote {output}")


@cli.command("import-catalog")
def import_catalog_command(
    path: Path = typer.Argument(..., exists=True, dir_okay=False, help="JSON or YAML file."),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Print what would change; write nothing."
    ),
) -> None:
    """Add and update exercises, muscles and equipment from a file, all or nothing."""
    from app.catalog.exercises import transfer

    raw = path.read_text(encoding="utf-8")
    try:
        data = json.loads(raw) if path.suffix == ".json" else yaml.safe_load(raw)
        with _session() as session:
            report = transfer.import_catalog(session, transfer.parse(data), dry_run=dry_run)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise typer.BadParameter(f"{path} is not valid JSON or YAML: {exc}") from exc
    except DomainError as exc:
        for error in exc.errors:
            typer.echo(f"{'.'.join(map(str, error.loc))}: {error.msg}", err=True)
        raise typer.Exit(code=1) from exc
    for line in report.lines():
        typer.echo(line)
    typer.echo("dry run: nothing written" if dry_run else "imported")


@cli.command("export-user")
def export_user_command(email: str) -> None:
    """Print everything one user owns, as JSON (for a data-access request)."""
    from app.catalog.live.snapshot import CatalogSpecs
    from app.exports.account.service import export_user
    from app.users import repository as users_repository
    from app.users.emails import email_or_none
    from app.users.models import Caller

    with _session() as session:
        canonical = email_or_none(email)
        user = users_repository.get_user_by_email(session, canonical) if canonical else None
        if user is None:
            raise typer.BadParameter(f"no account for {email}")
        document = export_user(session, Caller.of(user), CatalogSpecs()).model_dump(mode="json")
    typer.echo(json.dumps(document, indent=2, ensure_ascii=False))


@cli.command("alerts-scan")
def alerts_scan() -> None:
    """Raise the missed-week alerts due for every patient (idempotent; run it daily)."""
    from app.logbook.alerts.service import scan_missed_weeks
    from app.reactions import install_domain_handlers

    install_domain_handlers()  # the clinics in care hear of its alerts, as from the server
    with _session() as session:
        raised = scan_missed_weeks(session)
    typer.echo(f"missed-week alerts raised: {raised}")


@cli.command()
def serve(migrated: bool = typer.Option(False, hidden=True)) -> None:
    """Migrate, seed, then serve with uvicorn on HOST:PORT (what Docker does; `make run`
    starts a webhook worker beside it)."""
    import uvicorn

    from app.core.server import BoundedHttpProtocol, proxy_options

    try:
        settings = get_settings()
    except ValidationError as exc:
        typer.echo(f"medius will not start: {exc}", err=True)
        raise typer.Exit(code=2) from exc
    if not migrated:
        migrate()
        seed()
    where: dict[str, Any] = (
        {"fd": settings.listen_fd}
        if settings.listen_fd is not None
        else {"host": settings.host, "port": settings.port}
    )
    uvicorn.run(
        "app.asgi:app",
        **where,
        workers=settings.workers,
        log_level=settings.log_level,
        http=BoundedHttpProtocol,
        server_header=False,  # no product name and version for an attacker to look up
        **proxy_options(settings),
    )


@cli.command()
def worker() -> None:
    """Deliver webhooks until SIGTERM or Ctrl-C (several may run on PostgreSQL; one on SQLite)."""
    import logging
    import signal

    from app.reactions import install_domain_handlers
    from app.webhooks.worker import Worker

    try:
        settings = get_settings()
    except ValidationError as exc:
        typer.echo(f"medius worker will not start: {exc}", err=True)
        raise typer.Exit(code=2) from exc
    install_domain_handlers()  # expanding the outbox runs the audiences and the advice
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(name)s %(message)s")
    delivering = Worker(settings)

    def stop(_signal: int, _frame: object) -> None:
        delivering.stopping.set()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    delivering.run()


@cli.command()
def run() -> None:
    """What `make run` does: migrate and seed, then the server and a webhook worker side by
    side; Ctrl-C (or the server stopping) stops both."""
    import subprocess
    import sys

    migrate()
    seed()
    # The worker gets Ctrl-C with the server (one process group); it is stopped here too
    # when the server ends any other way.
    delivering = subprocess.Popen([sys.executable, "-m", "app", "worker"])
    try:
        serve(migrated=True)
    finally:
        delivering.terminate()
        try:
            delivering.wait(timeout=30)
        except subprocess.TimeoutExpired:
            delivering.kill()


def main() -> None:
    cli()
