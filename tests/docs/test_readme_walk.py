"""The README's shell walk runs as written, against a live server, on what a fresh Debian
machine with Python has.

Every fenced ```sh or ```bash block of README.md, in order, is one bash script (`set -euo
pipefail`: a failing command or an undefined variable ends it), run against
`python -m app serve` on a free port (`MEDIUS`, which the walk's first line defaults to
where `make run` serves). The script's PATH holds only the tools a fresh Debian with Python
has (coreutils, grep, sed, awk, bash, curl, the system's python3): a walk that needs jq or
uuidgen fails with "command not found". Curl exits 0 on an HTTP error, so the server's
access log is read too: every 4xx or 5xx the walk met must be one the README announces.
A block the walk skips says so in its fence (```sh no-run: <why>); they are few.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from harness.server import ServerProcess, free_port, served, test_env
from tests.conftest import TEST_SECRET

README = Path(__file__).resolve().parents[2] / "README.md"
FENCE = re.compile(r"^```(sh|bash)([^\n]*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
NO_RUN = re.compile(r"^\s*no-run:\s*(\S.*)$")
MAX_SKIPPED = 6
# What Debian installs on every machine (Essential: yes), curl, and the system's Python.
FRESH_DEBIAN_TOOLS = (
    "bash", "sh", "cat", "echo", "printf", "head", "tail", "tr", "cut", "sort", "uniq", "wc",
    "tee", "env", "ls", "mkdir", "rm", "mv", "cp", "date", "sleep", "grep", "sed", "awk",
    "xargs", "curl",
)  # fmt: skip
SYSTEM_PYTHON = Path("/usr/bin/python3")
# The answers the README shows on purpose: (method, path pattern, status, why).
ANNOUNCED_ERRORS = (
    ("GET", r"/api/v1/clinics/[^/]+/patients/[^/]+/sessions", 404, "read after revocation"),
)
ACCESS_LINE = re.compile(r'"(?P<method>[A-Z]+) (?P<path>[^ ?"]+)[^"]*" (?P<status>\d{3})')


@dataclass(frozen=True)
class Block:
    line: int
    script: str


def _blocks() -> tuple[list[Block], dict[int, str]]:
    """The runnable blocks in order, and the skipped ones (line -> reason)."""
    text = README.read_text(encoding="utf-8")
    runnable, skipped = [], {}
    for match in FENCE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        info = match.group(2)
        if info.strip():
            reason = NO_RUN.match(info)
            assert reason, f"README line {line}: fence `{info.strip()}` is not `no-run: <why>`"
            skipped[line] = reason.group(1)
            continue
        runnable.append(Block(line, match.group(3)))
    return runnable, skipped


def _fresh_debian_path(folder: Path) -> Path:
    bin_dir = folder / "bin"
    bin_dir.mkdir()
    for tool in FRESH_DEBIAN_TOOLS:
        found = shutil.which(tool, path="/usr/bin:/bin")
        assert found is not None, f"{tool} is missing on this machine"
        (bin_dir / tool).symlink_to(found)
    assert SYSTEM_PYTHON.exists(), "the system's python3 is missing"
    (bin_dir / "python3").symlink_to(SYSTEM_PYTHON)
    return bin_dir


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """`python -m app serve` on SQLite, with uvicorn's access log (LOG_LEVEL=info)."""
    folder = tmp_path_factory.mktemp("walk-server")
    database = f"sqlite:///{folder / 'medius.db'}"
    env = {**test_env(database, free_port(), TEST_SECRET, CORS_ORIGINS=""), "LOG_LEVEL": "info"}
    with served(env, folder) as started:
        yield started


def test_the_few_skipped_blocks_each_say_why() -> None:
    runnable, skipped = _blocks()
    assert len(runnable) >= 10, "the README walk lost its blocks"
    assert 0 < len(skipped) <= MAX_SKIPPED, skipped
    assert all(len(reason) >= 10 for reason in skipped.values()), skipped


def test_the_readme_walk_runs_as_written(server: ServerProcess, tmp_path: Path) -> None:
    runnable, _ = _blocks()
    script = "set -euo pipefail\n" + "\n".join(
        f"echo '--- README line {b.line}' >&2\n{b.script}" for b in runnable
    )
    workdir = tmp_path / "walk"
    workdir.mkdir()
    env = {
        "PATH": str(_fresh_debian_path(tmp_path)),
        "HOME": str(workdir),
        "LANG": "C.UTF-8",
        "MEDIUS": server.base_url,
    }
    log_start = len(server.log_path.read_text(errors="replace"))
    ran = subprocess.run(
        ["bash", "-c", script],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        executable=str(Path(env["PATH"]) / "bash"),
    )
    assert ran.returncode == 0, f"exit {ran.returncode}\n{ran.stderr[-4000:]}\n{ran.stdout[-2000:]}"
    requests = [
        m.groupdict()
        for m in ACCESS_LINE.finditer(server.log_path.read_text(errors="replace")[log_start:])
    ]
    assert len(requests) >= 60, f"the walk made {len(requests)} requests"
    unannounced = [
        r
        for r in requests
        if int(r["status"]) >= 400
        and not any(
            r["method"] == method and re.fullmatch(path, r["path"]) and int(r["status"]) == status
            for method, path, status, _ in ANNOUNCED_ERRORS
        )
    ]
    assert not unannounced, f"{unannounced}\n{ran.stderr[-4000:]}"
    assert '"asked_by":"Dr Lee at Riverside Physiotherapy"' in ran.stdout  # the preview
    assert f"{server.base_url}/api/v1/me/calendar.ics?token=" in ran.stdout  # absolute
    assert re.search(r"304$", ran.stdout, re.MULTILINE)  # the conditional GET (ETag by HEAD)
    assert (workdir / "program.pdf").read_bytes().startswith(b"%PDF")
    assert (workdir / "shared.pdf").read_bytes().startswith(b"%PDF")
