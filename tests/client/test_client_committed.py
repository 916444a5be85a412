"""No hand edits, no stale client: clients/python is exactly what `make client` generates."""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "clients" / "python"
CONFIG = ROOT / "clients" / "openapi-python-client.yaml"
# `make install` puts the generator in its own venv inside the project's (see the Makefile).
GENERATOR_BIN = Path(sys.prefix) / "clientgen" / "bin"
CACHES = frozenset({"__pycache__", ".ruff_cache", ".mypy_cache", ".pytest_cache"})


def _files(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
        and not CACHES & set(path.relative_to(root).parts)
        and not path.name.endswith(".pyc")
    }


def _diff(name: str, committed: bytes, generated: bytes) -> str:
    lines = difflib.unified_diff(
        committed.decode(errors="replace").splitlines(),
        generated.decode(errors="replace").splitlines(),
        f"clients/python/{name}",
        "generated",
        lineterm="",
        n=1,
    )
    return "\n".join(lines)


def test_committed_client_matches_a_fresh_generation(tmp_path: Path) -> None:
    generator = GENERATOR_BIN / "openapi-python-client"
    if not generator.exists():
        pytest.fail(f"{generator} is missing: run `make install`")
    output = tmp_path / "python"
    env = {**os.environ, "PATH": f"{GENERATOR_BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run(
        [
            str(generator),
            "generate",
            "--path",
            str(ROOT / "openapi.json"),
            "--output-path",
            str(output),
            "--config",
            str(CONFIG),
            "--fail-on-warning",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, f"the generator failed:\n{result.stdout}\n{result.stderr}"
    assert "warning" not in (result.stdout + result.stderr).lower(), result.stdout + result.stderr

    committed, generated = _files(COMMITTED), _files(output)
    problems = [f"missing from clients/python: {n}" for n in sorted(generated.keys() - committed)]
    problems += [f"not generated: clients/python/{n}" for n in sorted(committed.keys() - generated)]
    problems += [
        _diff(name, committed[name], generated[name])
        for name in sorted(committed.keys() & generated.keys())
        if committed[name] != generated[name]
    ]
    report = "\n".join(problems)
    assert not problems, (
        f"clients/python is stale or hand-edited; run `make client`:\n{report[:4000]}"
    )
