"""A real Medius server in a subprocess on a loopback port: the one server harness.

Used by every test that needs a live server (tests/reliability, the generated client, the
docs in a browser) and by the benchmark (bench/): the server runs exactly as `make run`
starts it (`python -m app serve`: migrate, seed, uvicorn), or any other command given,
with its output kept in a log file.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import random
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

if TYPE_CHECKING:
    import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
PRODUCTION_SECRET = "reliability-and-bench-secret-key-of-more-than-32-bytes"


# Each pytest-xdist worker (and a run without xdist) hands out ports from a block of its
# own, below Linux's ephemeral range (32768+) so no outgoing connection holds one: two
# workers can never pick the same port, whatever the timing between the check and the
# server's listen. The start is random so two runs on one machine rarely meet either.
PORT_BLOCK = 1000
FIRST_PORT = 20000
PORT_BLOCKS = 12


def _port_candidates() -> Iterator[int]:
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    block = (int(worker[2:]) + 1 if worker.startswith("gw") else 0) % PORT_BLOCKS
    start = random.randrange(PORT_BLOCK)  # spreads runs apart; not a secret
    for offset in itertools.count(start):
        yield FIRST_PORT + block * PORT_BLOCK + offset % PORT_BLOCK


_candidates = _port_candidates()


def free_port() -> int:
    """A loopback TCP port nobody listens on right now, from this process's own block: for
    a process that binds the port itself (PostgreSQL, the bench's floors, the image's
    install in tests/release). A Medius server takes `listening_port` instead."""
    for _ in range(PORT_BLOCK):
        port = next(_candidates)
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free loopback port in this worker's block of {PORT_BLOCK}")


def listening_port() -> int:
    """A loopback port the OS assigns, with a socket listening on it that this process keeps.

    A server started on the port (`ServerProcess`, `python -m app serve`) inherits that
    socket (LISTEN_FD) instead of binding the port itself, so nothing else can take the port
    between its choice and the server's start.
    """
    return _listen(0)


def _listen(port: int) -> int:
    listener = socket.socket()
    # A restart re-binds the port while the dead server's connections sit in TIME_WAIT.
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", port))
    listener.listen(2048)  # uvicorn's own backlog
    bound: int = listener.getsockname()[1]
    _listeners[bound] = listener
    return bound


def _refuse_until_restart(port: int) -> None:
    """Close the kept socket of a server that died, so connections to its port are refused
    (as a client of a crashed server sees) instead of waiting in a backlog nobody accepts;
    the next start listens anew."""
    listener = _listeners.get(port)
    if listener is not None:
        listener.close()
        _listeners[port] = None


def _listener_for(port: int) -> socket.socket | None:
    """The socket a server on `port` inherits: None for a port the server binds itself."""
    if port not in _listeners:
        return None
    listener = _listeners[port]
    if listener is None:
        _listen(port)
        listener = _listeners[port]
    return listener


# Per port: the socket a server there inherits, or None while its server is down.
_listeners: dict[int, socket.socket | None] = {}


def production_env(database_url: str, port: int, **overrides: str) -> dict[str, str]:
    """The environment `make run` would see in production, for one database and port."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "PORT", "HOST", "WORKERS", "ENV", "SECRET_KEY"}
    }
    env.update(
        {
            "ENV": "production",
            "SECRET_KEY": PRODUCTION_SECRET,
            "DATABASE_URL": database_url,
            "HOST": "127.0.0.1",
            "PORT": str(port),
            "WORKERS": "1",
            "PYTHONUNBUFFERED": "1",
        }
    )
    env.update(overrides)
    return env


def test_env(database_url: str, port: int, secret: str, **overrides: str) -> dict[str, str]:
    """`production_env` with ENV=test and cheap argon2id, for tests of served behaviour."""
    return production_env(
        database_url,
        port,
        ENV="test",
        SECRET_KEY=secret,
        ARGON2_TIME_COST="1",
        ARGON2_MEMORY_KIB="1024",
        LOG_LEVEL="warning",
        **overrides,
    )


test_env.__test__ = False  # type: ignore[attr-defined]  # a helper, not a test


class ServerFailed(RuntimeError):
    pass


@dataclass
class ServerProcess:
    """One server subprocess in its own process group (so its workers die with it)."""

    env: dict[str, str]
    log_path: Path
    command: list[str] = field(default_factory=lambda: [sys.executable, "-m", "app", "serve"])
    ready_path: str = "/readyz"
    cwd: Path = REPO_ROOT  # tests/release runs from a folder laid out like the image's
    process: subprocess.Popen[bytes] | None = None

    @property
    def port(self) -> int:
        return int(self.env["PORT"])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60.0) -> ServerProcess:
        """Start the server and return once it answers `ready_path` with 200."""
        self.launch()
        self.wait_ready(timeout)
        return self

    def launch(self) -> None:
        """Start the process without waiting for it (to start several at once)."""
        if self.process is not None and self.process.poll() is None:
            raise ServerFailed("already running")
        listener = _listener_for(self.port)
        inherited: tuple[int, ...] = ()
        env = self.env
        if listener is not None:
            inherited = (listener.fileno(),)
            env = {**self.env, "LISTEN_FD": str(listener.fileno())}
        log = self.log_path.open("ab")
        try:
            self.process = subprocess.Popen(
                self.command,
                cwd=self.cwd,
                env=env,
                pass_fds=inherited,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        finally:
            log.close()

    def wait_ready(self, timeout: float) -> None:
        """Poll until the server answers, the process dies, or the deadline passes."""
        deadline = time.monotonic() + timeout
        with httpx.Client(base_url=self.base_url, timeout=2.0) as client:
            while time.monotonic() < deadline:
                if self.process is None or self.process.poll() is not None:
                    raise ServerFailed(f"server exited early:\n{self.output()[-3000:]}")
                try:
                    if client.get(self.ready_path).status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                time.sleep(0.05)
        self.stop()
        raise ServerFailed(f"server not ready after {timeout}s:\n{self.output()[-3000:]}")

    def pids(self) -> list[int]:
        """The server's process and all its descendants (uvicorn workers)."""
        if self.process is None or self.process.poll() is not None:
            return []
        found: list[int] = []
        pending = [self.process.pid]
        while pending:
            pid = pending.pop()
            found.append(pid)
            for task in Path(f"/proc/{pid}/task").glob("*"):
                try:
                    children = (task / "children").read_text().split()
                except OSError:
                    continue
                pending.extend(int(child) for child in children)
        return found

    def kill(self) -> None:
        """SIGKILL the whole process group: no shutdown handlers, no flushing."""
        self._signal_group(signal.SIGKILL)

    def stop(self, timeout: float = 10.0) -> None:
        """SIGTERM (uvicorn's graceful shutdown), then SIGKILL if it takes too long."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self._signal_group(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self._signal_group(signal.SIGKILL)
        self._signal_group(signal.SIGKILL)  # stray workers of a killed supervisor

    def _signal_group(self, sig: signal.Signals) -> None:
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, sig)
        if sig is signal.SIGKILL:
            self.process.wait()
            _refuse_until_restart(self.port)

    def output(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""


@contextlib.contextmanager
def served(env: dict[str, str], folder: Path, timeout: float = 60.0) -> Iterator[ServerProcess]:
    """A started server (log in `folder/server.log`), stopped when the block ends."""
    server = ServerProcess(env=env, log_path=folder / "server.log")
    server.start(timeout)
    try:
        yield server
    finally:
        server.stop()


@contextlib.contextmanager
def new_database(backend: str, request: pytest.FixtureRequest, folder: Path) -> Iterator[str]:
    """A SQLite file, or a new database in the test run's PostgreSQL (dropped after)."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'server.db'}"
        return
    base = make_url(request.getfixturevalue("postgres_base_url"))
    name = f"medius_served_{uuid.uuid4().hex[:8]}"
    admin = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
