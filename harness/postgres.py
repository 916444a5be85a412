"""A throwaway PostgreSQL 15 cluster for the test run (or the one TEST_DATABASE_URL names)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))


class PostgresUnavailable(RuntimeError):
    pass


def _as_postgres(args: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *args]
    return args


@dataclass
class Cluster:
    root: Path  # the data, the log and the Unix socket
    port: int | None = None  # also on 127.0.0.1:port (the benchmark measures over TCP)

    @property
    def admin_url(self) -> str:
        return self.url("postgres")

    def url(self, database: str) -> str:
        if self.port is not None:
            return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"
        return f"postgresql+psycopg://postgres@/{database}?host={self.root}"

    def stop(self) -> None:
        subprocess.run(
            _as_postgres(
                [str(PG_BIN / "pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate", "stop"]
            ),
            capture_output=True,
            check=False,
        )
        shutil.rmtree(self.root, ignore_errors=True)


def start_cluster(port: int | None = None, settings: Sequence[str] = ()) -> Cluster:
    """initdb + pg_ctl start, with `settings` (`name=value`) on top of ours; raise
    PostgresUnavailable on failure.

    The cluster listens on a Unix socket in its own new directory, so it needs no port and
    no two clusters can meet; on TCP too only when given a `port`.
    """
    if not (PG_BIN / "initdb").exists():
        raise PostgresUnavailable(f"no PostgreSQL binaries in {PG_BIN}")
    root = Path(tempfile.mkdtemp(prefix="medius-pg-"))
    os.chmod(root, 0o755)
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    listen = f"-p {port} -c listen_addresses=127.0.0.1" if port else "-c listen_addresses=''"
    steps = [
        [
            str(PG_BIN / "initdb"),
            "-D",
            str(root / "data"),
            "-A",
            "trust",
            "-U",
            "postgres",
            "--no-sync",
        ],
        [
            str(PG_BIN / "pg_ctl"),
            "-D",
            str(root / "data"),
            "-l",
            str(root / "log"),
            "-w",
            "-o",
            f"{listen} -k {root} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
            + "".join(f" -c {setting}" for setting in settings),
            "start",
        ],
    ]
    for step in steps:
        done = subprocess.run(_as_postgres(step), capture_output=True, text=True, check=False)
        if done.returncode != 0:
            log = (root / "log").read_text() if (root / "log").exists() else ""
            shutil.rmtree(root, ignore_errors=True)
            raise PostgresUnavailable(f"{step[0]} failed: {done.stderr.strip()} {log[-500:]}")
    return Cluster(root=root, port=port)
