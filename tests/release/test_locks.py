"""The hashed locks agree with pyproject.toml, and the runtime set covers every import under
app/. Offline and fast: the locks and the sources are read, nothing is resolved.

`make lock` rewrites requirements/*.txt after a change to pyproject.toml; these tests fail
until it has run (a pin moved, a requirement added or dropped on one side only).
"""

from __future__ import annotations

import ast
import functools
import importlib.metadata
import subprocess
import sys
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.release.locks import (
    LOCKS,
    REPO_ROOT,
    Pin,
    asked_for_by,
    parse_lock,
    requirements,
)

RUNTIME = LOCKS / "runtime.txt"
DEV = LOCKS / "dev.txt"
CLIENTGEN = LOCKS / "clientgen.txt"
UV = LOCKS / "uv.txt"
# (lock, pyproject sections it resolves, how uv names the request in its `# via` lines)
LOCKED_SETS = [
    (RUNTIME, ("runtime",), "medius (pyproject.toml)"),
    (DEV, ("runtime", "dev"), "medius (pyproject.toml)"),
    (CLIENTGEN, ("clientgen",), "medius (pyproject.toml:clientgen)"),
]
# A distribution the app imports that comes with one it declares, released in lockstep
# (pydantic pins pydantic-core exactly): declaring it too would be a second pin to move.
SHIPPED_WITH = {"pydantic-core": "pydantic"}


def disagreements(pins: list[Pin], wanted: list[Requirement], source: str) -> list[str]:
    """How a lock and the requirements it was made from differ (empty when they agree)."""
    found: list[str] = []
    by_name = {canonicalize_name(req.name): req for req in wanted}
    top_level = asked_for_by(pins, source)
    for name, req in by_name.items():
        locked = [pin for pin in pins if pin.name == name]
        if not locked:
            found.append(f"{req} is not in the lock")
        elif name not in top_level:
            found.append(f"{req} is in the lock only as another package's dependency")
        for pin in locked:
            if not req.specifier.contains(pin.version, prereleases=True):
                found.append(f"{req} but the lock pins {name}=={pin.version}")
            if not pin.hashes:
                found.append(f"{name}=={pin.version} has no hash")
    for extra in sorted(top_level - set(by_name)):
        found.append(f"the lock pins {extra} for pyproject.toml, which no longer asks for it")
    return found


@pytest.mark.parametrize(
    ("lock", "sections", "source"), LOCKED_SETS, ids=[lock.name for lock, _, _ in LOCKED_SETS]
)
def test_each_lock_pins_exactly_what_pyproject_asks_for(
    lock: Path, sections: tuple[str, ...], source: str
) -> None:
    wanted = [req for section in sections for req in requirements(section)]
    problems = disagreements(parse_lock(lock), wanted, source)
    assert not problems, f"{lock.relative_to(REPO_ROOT)} is stale, run `make lock`:\n" + (
        "\n".join(problems)
    )


def test_every_pin_carries_hashes_for_pip_require_hashes() -> None:
    for lock in [*(lock for lock, _, _ in LOCKED_SETS), UV]:
        unhashed = [f"{pin.name}=={pin.version}" for pin in parse_lock(lock) if not pin.hashes]
        assert not unhashed, f"{lock.name}: {unhashed}"


def test_the_dev_lock_keeps_every_runtime_pin() -> None:
    """The dev venv runs the tests on the very versions the image installs.

    A runtime pin under a marker is kept by the same pin without one: a dev tool may need
    the package everywhere (mkdocs-material needs colorama, which typer needs on Windows).
    """
    dev = {(pin.name, pin.version, pin.marker): pin.hashes for pin in parse_lock(DEV)}
    moved = [
        f"{pin.name}=={pin.version}"
        for pin in parse_lock(RUNTIME)
        if pin.hashes
        not in (
            dev.get((pin.name, pin.version, pin.marker)),
            dev.get((pin.name, pin.version, None)),
        )
    ]
    assert not moved, f"the dev lock differs from the runtime lock on {moved}: run `make lock`"


def test_the_uv_lock_is_the_dev_locks_uv_alone() -> None:
    """pip installs uv from its own lock before uv installs the rest (the Makefile): it is the
    very uv, hashes and all, that the dev lock pins, and nothing else."""
    bootstrap = parse_lock(UV)
    dev = {pin.name: pin for pin in parse_lock(DEV)}
    assert [pin.name for pin in bootstrap] == ["uv"], "requirements/uv.txt pins more than uv"
    (uv,) = bootstrap
    assert (uv.version, uv.hashes) == (dev["uv"].version, dev["uv"].hashes), "run `make lock`"


def test_the_checker_names_a_pin_out_of_step() -> None:
    pins = parse_lock(RUNTIME)
    moved = [Requirement("fastapi==0.1.0"), *requirements("runtime")[1:]]
    problems = disagreements(pins, moved, "medius (pyproject.toml)")
    assert "fastapi==0.1.0 but the lock pins fastapi==0.165.0" in problems
    dropped = [req for req in requirements("runtime") if req.name != "httpx"]
    assert disagreements(pins, dropped, "medius (pyproject.toml)") == [
        "the lock pins httpx for pyproject.toml, which no longer asks for it"
    ]


# The static half of "runtime dependencies are complete": what app/ imports, by distribution.


def _type_checking_only(tree: ast.AST) -> set[int]:
    """The nodes under `if TYPE_CHECKING:`: read by mypy alone, never imported at run time."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) in {
            "TYPE_CHECKING",
            "typing.TYPE_CHECKING",
        }:
            skipped |= {id(inner) for part in node.body for inner in ast.walk(part)}
    return skipped


@functools.cache
def _providers() -> dict[str, list[str]]:
    # Reads every installed distribution's file list (~1 s): once for the tests of a process.
    return dict(importlib.metadata.packages_distributions())


def imported_distributions(package: Path) -> dict[str, str]:
    """Each third-party distribution imported anywhere under `package` at run time, with one
    module that imports it (as installed in this venv: importlib.metadata maps modules to
    distributions). Imports under `if TYPE_CHECKING:` never run, so they need no runtime pin."""
    providers = _providers()
    found: dict[str, str] = {}
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(), str(path))
        type_only = _type_checking_only(tree)
        for node in ast.walk(tree):
            if id(node) in type_only:
                continue
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                top = module.partition(".")[0]
                if top in sys.stdlib_module_names or top == package.name:
                    continue
                for distribution in providers.get(top, [f"<no distribution has {top}>"]):
                    found.setdefault(
                        canonicalize_name(distribution), str(path.relative_to(package.parent))
                    )
    return found


def undeclared(
    imported: dict[str, str], runtime: list[Requirement], dev: list[Requirement]
) -> list[str]:
    names = {canonicalize_name(req.name) for req in runtime}
    dev_names = {canonicalize_name(req.name) for req in dev}
    problems = []
    for distribution, where in sorted(imported.items()):
        if SHIPPED_WITH.get(distribution, distribution) in names:
            continue
        only = " (declared only in the dev extra)" if distribution in dev_names else ""
        problems.append(f"{where} imports {distribution}{only}")
    return problems


def test_every_import_under_app_is_a_declared_runtime_dependency() -> None:
    problems = undeclared(
        imported_distributions(REPO_ROOT / "app"), requirements("runtime"), requirements("dev")
    )
    assert not problems, (
        "add these to pyproject.toml [project].dependencies, then `make lock`:\n"
        + "\n".join(problems)
    )


def test_the_import_check_catches_a_dependency_declared_only_for_development() -> None:
    """httpx as it was declared before: in the dev extra only (the image died at import)."""
    runtime = [req for req in requirements("runtime") if req.name != "httpx"]
    dev = [*requirements("dev"), Requirement("httpx==0.28.1")]
    problems = undeclared(imported_distributions(REPO_ROOT / "app"), runtime, dev)
    assert problems == ["app/webhooks/targets.py imports httpx (declared only in the dev extra)"]


def test_the_import_check_skips_only_what_type_checking_guards(tmp_path: Path) -> None:
    package = tmp_path / "app"
    package.mkdir()
    (package / "typed.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    import httpx\n"
        "else:\n    import orjson\n"
    )
    imported = imported_distributions(package)
    assert "orjson" in imported and "httpx" not in imported


def test_the_import_walk_names_a_module_the_install_lacks(tmp_path: Path) -> None:
    """tests/release/import_all.py, the walk the release check runs in the image's venv, in a
    Python where httpx cannot be imported (as in an install without it)."""
    walker = Path(__file__).with_name("import_all.py")
    without_httpx = (
        "import runpy, sys; sys.modules['httpx'] = None; "  # None: ModuleNotFoundError on import
        f"runpy.run_path({str(walker)!r}, run_name='__main__')"
    )
    walked = subprocess.run(
        [sys.executable, "-c", without_httpx],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={
            "PATH": "/usr/bin:/bin",
            "ENV": "test",
            "SECRET_KEY": "x" * 40,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'never-used.db'}",
        },
    )
    assert walked.returncode == 1
    assert "app.webhooks.targets: no module named 'httpx'" in walked.stderr, walked.stderr
    assert "declare it in pyproject.toml [project].dependencies" in walked.stderr
