"""What a user installs is what is tested: the image's install, served in production mode.

A clean venv gets the runtime lock and the package exactly as the Dockerfile installs them
(tests/release/image.py), with none of the dev tools. Then every module under app/ must import
from it, and `python -m app serve` (migrate and seed included) and `python -m app worker`
must start in production mode from a folder laid out like the image's, and answer: liveness,
readiness, a catalog read and a signed-in write. A module the app imports but that only the
dev extra declares fails the import walk (tests/release/test_locks.py shows the walk's message).

One test, its steps in order: a pytest-xdist worker of its own would otherwise install into
the cached venv and start a server beside another's (`--dist loadgroup` does not group).
"""

from __future__ import annotations

import signal
import subprocess
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from harness.server import PRODUCTION_SECRET, ServerProcess, free_port
from tests.release.image import (
    RUNTIME_LOCK,
    install_package,
    release_cache,
    runtime_venv,
    stage_image,
)
from tests.release.locks import installed_here, parse_lock

IMPORT_ALL = Path(__file__).with_name("import_all.py")


@dataclass(frozen=True)
class Release:
    python: Path
    folder: Path
    env: dict[str, str]
    logs: Path

    def process(self, command: str) -> ServerProcess:
        """`python -m app COMMAND` from the image's folder, with the image's environment."""
        return ServerProcess(
            env=self.env,
            log_path=self.logs / f"{command}.log",
            command=[str(self.python), "-m", "app", command],
            cwd=self.folder,
        )


def install_release(tmp_path: Path) -> Release:
    folder = stage_image(tmp_path / "srv" / "medius")
    with release_cache():
        venv = runtime_venv()
        install_package(venv, folder)
    data = tmp_path / "data"
    data.mkdir()
    # The image's environment (Dockerfile ENV) and nothing of this run's: no PYTHONPATH, no
    # venv, no development settings.
    env = {
        "PATH": f"{venv / 'bin'}:/usr/local/bin:/usr/bin:/bin",
        "HOME": str(data),
        "LANG": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONUNBUFFERED": "1",
        "ENV": "production",
        "SECRET_KEY": PRODUCTION_SECRET,
        "HOST": "127.0.0.1",
        "PORT": str(free_port()),
        "DATABASE_URL": f"sqlite:///{data / 'medius.db'}",
        "LOG_LEVEL": "info",
    }
    assert len(env["SECRET_KEY"].encode()) >= 32
    return Release(python=venv / "bin" / "python", folder=folder, env=env, logs=tmp_path)


def check_the_venv_holds_the_runtime_lock_and_nothing_else(release: Release) -> None:
    frozen = subprocess.run(
        [str(release.python), "-m", "pip", "list", "--format=freeze"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    installed = {
        name.lower().replace("_", "-"): version
        for name, _, version in (line.partition("==") for line in frozen.split())
    }
    wanted = {name: pin.version for name, pin in installed_here(parse_lock(RUNTIME_LOCK)).items()}
    assert installed.pop("medius") == "0.1.0"
    for installer in ("pip", "setuptools", "wheel"):  # the interpreter's own, as in the image
        installed.pop(installer, None)
    assert installed == wanted
    checked = subprocess.run(
        [str(release.python), "-m", "pip", "check"], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stdout


def check_every_module_under_app_imports(release: Release) -> None:
    walked = subprocess.run(
        [str(release.python), str(IMPORT_ALL)],
        cwd=release.folder,
        env=release.env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert walked.returncode == 0, walked.stderr
    assert f"from {release.folder / 'app'}" in walked.stdout, walked.stdout
    assert "0 failed" in walked.stdout, walked.stdout


def check_serve_answers(server: ServerProcess) -> None:
    """Liveness, readiness, a catalog read, and a signed-in write read back."""
    with httpx.Client(base_url=server.base_url, timeout=30) as http:
        assert http.get("/healthz").json() == {"status": "ok"}
        ready = http.get("/readyz")
        assert ready.status_code == 200, ready.text
        assert ready.json()["status"] == "ready"

        catalog = http.get("/api/v1/exercises", params={"limit": 100})
        assert catalog.status_code == 200, catalog.text
        assert "clamshell" in {item["slug"] for item in catalog.json()["items"]}

        email = f"release-{uuid.uuid4().hex[:8]}@example.com"
        password = "a long release passphrase"
        registered = http.post("/api/v1/auth/register", json={"email": email, "password": password})
        assert registered.status_code == 201, registered.text
        token = http.post("/api/v1/auth/token", data={"username": email, "password": password})
        assert token.status_code == 200, token.text
        signed_in = {"Authorization": f"Bearer {token.json()['access_token']}"}
        routine = {
            "name": "Release check",
            "sessions_per_week": 3,
            "items": [{"exercise": "clamshell", "sets": 2, "reps": 10, "side": "both"}],
        }
        created = http.post("/api/v1/routines", json=routine, headers=signed_in)
        assert created.status_code == 201, created.text
        read = http.get(created.headers["location"], headers=signed_in)
        assert read.status_code == 200, read.text
        assert read.json()["name"] == "Release check"
    assert "Traceback" not in server.output(), server.output()


def check_the_worker_runs_and_stops_cleanly(worker: ServerProcess, server: ServerProcess) -> None:
    process = worker.process
    assert process is not None
    deadline = time.monotonic() + 60
    while "webhook worker started" not in worker.output():
        assert process.poll() is None, f"the worker died:\n{worker.output()}"
        assert time.monotonic() < deadline, f"the worker did not start:\n{worker.output()}"
        time.sleep(0.05)
    # It polls the outbox of the served database while the server takes a request.
    with httpx.Client(base_url=server.base_url, timeout=30) as http:
        assert http.get("/readyz").status_code == 200
    assert process.poll() is None, worker.output()
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0, worker.output()
    log = worker.output()
    assert "webhook worker stopped" in log, log
    assert "Traceback" not in log and "round failed" not in log, log


@pytest.mark.slow
def test_the_image_install_imports_every_module_and_serves_in_production(tmp_path: Path) -> None:
    release = install_release(tmp_path)
    check_the_venv_holds_the_runtime_lock_and_nothing_else(release)
    check_every_module_under_app_imports(release)
    server = release.process("serve")
    server.start(timeout=90)  # migrate and seed first
    worker = release.process("worker")
    try:
        # The worker after the server's start: `serve` migrates the database it polls.
        worker.launch()
        check_serve_answers(server)
        check_the_worker_runs_and_stops_cleanly(worker, server)
    finally:
        worker.stop()
        server.stop()
