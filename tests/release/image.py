"""The image's install without Docker: the Dockerfile's steps, repeated in a clean venv.

The Dockerfile (no engine here or in CI to build it) installs the runtime lock, then the
package with `pip install --no-deps .` from /srv/medius holding pyproject.toml and app/, then
copies migrations/, seed_data/ and alembic.ini beside it and runs `python -m app` from there.
These helpers do the same, step for step: keep them in step with the Dockerfile.

The venv holding the lock is built once per lock and Python (`.venv/release/<key>`, so a fresh
clone, as in CI, builds it); the package is installed into it again on every run.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
RUNTIME_LOCK = REPO_ROOT / "requirements" / "runtime.txt"
CACHE = REPO_ROOT / ".venv" / "release"
LOCKFILE = REPO_ROOT / ".venv" / "release.lock"
# COPY lines of the Dockerfile: what `pip install --no-deps .` sees, then what is copied after.
PACKAGE_FILES = ("pyproject.toml", "app")
RUNTIME_FILES = ("migrations", "seed_data", "alembic.ini")
NOT_COPIED = shutil.ignore_patterns("__pycache__", "*.pyc")  # .dockerignore


def lock_key() -> str:
    digest = hashlib.sha256(RUNTIME_LOCK.read_bytes())
    digest.update(sys.version.encode())
    return digest.hexdigest()[:16]


def pip(python: Path, *args: str, cwd: Path | None = None) -> None:
    """pip, with its output shown only on failure. Unlike the image (PIP_NO_CACHE_DIR), pip
    keeps its cache: it makes repeated runs faster and changes nothing that is installed."""
    done = subprocess.run(
        [str(python), "-m", "pip", "--disable-pip-version-check", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"pip {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")


@contextlib.contextmanager
def release_cache() -> Iterator[None]:
    """The cached venv to oneself: two test runs in one checkout would install into it at once."""
    LOCKFILE.parent.mkdir(parents=True, exist_ok=True)
    with LOCKFILE.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def runtime_venv() -> Path:
    """A venv with exactly the runtime lock: `pip install --require-hashes -r runtime.txt`."""
    target = CACHE / lock_key()
    complete = target / "complete"
    if complete.exists():
        return target
    if CACHE.exists():  # other locks' venvs, or this one half built by an interrupted run
        shutil.rmtree(CACHE)
    CACHE.mkdir(parents=True)
    # The base interpreter, not this venv's: the new venv sees none of the dev tools.
    subprocess.run([sys._base_executable, "-m", "venv", str(target)], check=True)
    pip(target / "bin" / "python", "install", "--require-hashes", "-r", str(RUNTIME_LOCK))
    complete.touch()
    return target


def stage_image(folder: Path) -> Path:
    """/srv/medius as far as `pip install --no-deps .` sees it: pyproject.toml and app/."""
    for name in PACKAGE_FILES:
        _copy(REPO_ROOT / name, folder / name)
    return folder


def install_package(venv: Path, folder: Path) -> None:
    """`pip install --no-deps .` from the image folder (no extras, nothing beyond the lock),
    then what the app reads at run time copied beside it: the folder `python -m app` runs in."""
    pip(venv / "bin" / "python", "install", "--no-deps", "--force-reinstall", ".", cwd=folder)
    for name in RUNTIME_FILES:
        _copy(REPO_ROOT / name, folder / name)


def _copy(source: Path, target: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, target, ignore=NOT_COPIED)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
