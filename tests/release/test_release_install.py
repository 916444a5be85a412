"""What a user installs is what is tested: the image's install, served in production mode.

A clean venv gets the runtime lock and the package exactly as the Dockerfile installs them
(tests/release/image.py), with none of the dev tools. Then every module under app/ must import
from it, and `python -m app serve` (migrate and seed included) and `python -m app worker`
must start in production mode from a folder laid out like the image's, and answer: liveness,
readiness, a catalog read and a signed-in write. A module the app imports but that only the
dev extra declares fails the import walk (tests/release/test_locks.py shows the walk's message).
"""

from __future__ import annotations

import signal
import subprocess
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.release.image import (
    RUNTIME_LOCK,
    install_package,
    runtime_venv,
    stage_image,
)
from tests.release.locks import installed_here, parse_lock
from tests.server import PRODUCTION_SECRET, ServerProcess, free_port

IMPORT_ALL = Path(__file__).with_name("import_all.py")


@dataclass(frozen=True)
class Release:
    python: Path
    folder: Path
    env: dict[str, str]


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Release:
    venv = runtime_venv()
    folder = stage_image(tmp_path_factory.mktemp("srv") / "medius")
    install_package(venv, folder)
    data = tmp_path_factory.mktemp("data")
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
    return Release(python=venv / "bin" / "python", folder=folder, env=env)


def test_the_release_venv_holds_the_runtime_lock_and_nothing_else(release: Release) -> None:
    frozen = subprocess.run(
        [str(release.python), "-m", "pip", "list", "--format=freeze", "--exclude-editable"],
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


def test_every_module_under_app_imports_from_the_release_install(release: Release) -> None:
    walked = subprocess.run(
        [str(release.python), str(IMPORT_ALL)],
        cwd=release.folder,
        env=release.env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert walked.returncode == 0, walked.stderr
    assert f"from {release.folder / 'app'}" in walked.stdout
    assert "0 failed" in walked.stdout


@pytest.fixture(scope="module")
def served(release: Release, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    logs = tmp_path_factory.mktemp("logs")
    server = ServerProcess(
        env=release.env,
        log_path=logs / "serve.log",
        command=[str(release.python), "-m", "app", "serve"],
        cwd=release.folder,
    )
    server.start(timeout=60)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def worker(
    release: Release, served: ServerProcess, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerProcess]:
    """The webhook worker beside the server (after it: `serve` migrates the database)."""
    process = ServerProcess(
        env=release.env,
        log_path=tmp_path_factory.mktemp("logs") / "worker.log",
        command=[str(release.python), "-m", "app", "worker"],
        cwd=release.folder,
    )
    process.launch()
    try:
        yield process
    finally:
        process.stop()


def test_serve_answers_health_readiness_a_catalog_read_and_a_signed_in_write(
    served: ServerProcess,
) -> None:
    with httpx.Client(base_url=served.base_url, timeout=30) as http:
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
    assert "Traceback" not in served.output()


def test_the_worker_runs_beside_the_server_and_stops_cleanly(
    served: ServerProcess, worker: ServerProcess
) -> None:
    process = worker.process
    assert process is not None
    deadline = time.monotonic() + 30
    while "webhook worker started" not in worker.output():
        assert process.poll() is None, f"the worker died:\n{worker.output()}"
        assert time.monotonic() < deadline, f"the worker did not start:\n{worker.output()}"
        time.sleep(0.05)
    # It polls the outbox of the served database while the server takes a request.
    with httpx.Client(base_url=served.base_url, timeout=30) as http:
        assert http.get("/readyz").status_code == 200
    assert process.poll() is None, worker.output()
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0, worker.output()
    log = worker.output()
    assert "webhook worker started" in log, log
    assert "webhook worker stopped" in log, log
    assert "Traceback" not in log and "round failed" not in log, log
