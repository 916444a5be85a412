"""Every shell walk of the README and of the docs site runs as written, against a live server,
on what a fresh Debian machine with Python has.

Two walks, one server (`python -m app serve` on SQLite, on a free port):

- the README's tour: its fenced ```sh or ```bash blocks, in order, as one bash script;
- the docs' walk: the blocks of every page under docs/, page by page in the order of
  mkdocs.yml's nav, as one bash script (a page goes on from the pages before it: Getting
  started signs Ada up, the guides use her). Every Markdown file under docs/ is in the nav,
  so no page's blocks are left out.

Each script runs with `set -euo pipefail` (a failing command or an undefined variable ends
it) and `MEDIUS` set to the server (the walks' first lines default it to where `make run`
serves). Its PATH holds only the tools a fresh Debian with Python has (coreutils, grep,
sed, awk, bash, curl, the system's python3): a walk that needs jq or uuidgen fails with
"command not found". Curl exits 0 on an HTTP error, so the server's access log is read too:
every 4xx or 5xx a walk met must be one the docs announce (ANNOUNCED_ERRORS). A block the
walk skips says so in its fence (```sh no-run: <why>); they are few. A shell block under
another name (```shell, ```console, a fence without a language) fails the check, so none
can hide from the walk.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from harness.server import ServerProcess, listening_port, served, test_env
from tests.conftest import TEST_SECRET

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
DOCS = ROOT / "docs"
FENCE = re.compile(r"^```([^\n]*)\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
SHELL = re.compile(r"^(sh|bash)(?:[ \t]+no-run:[ \t]*(?P<why>\S.*))?$")
SHELL_LOOKING = re.compile(r"^(shell|console|zsh|shell-session|sh-session|terminal)\b|^(sh|bash)\b")
# Languages the walk need not run: code in other languages, data, program output.
OTHER_LANGUAGES = {"python", "ts", "json", "text", "toml", "yaml"}
MAX_SKIPPED = 10
# What Debian installs on every machine (Essential: yes), curl, and the system's Python.
FRESH_DEBIAN_TOOLS = (
    "bash", "sh", "cat", "echo", "printf", "head", "tail", "tr", "cut", "sort", "uniq", "wc",
    "tee", "env", "ls", "mkdir", "rm", "mv", "cp", "date", "sleep", "grep", "sed", "awk",
    "xargs", "curl",
)  # fmt: skip
SYSTEM_PYTHON = Path("/usr/bin/python3")
# The answers the docs show on purpose: (method, path pattern, status, why).
ANNOUNCED_ERRORS = (
    ("GET", r"/api/v1/clinics/[^/]+/patients/[^/]+/sessions", 404, "read after revocation"),
)
ACCESS_LINE = re.compile(r'"(?P<method>[A-Z]+) (?P<path>[^ ?"]+)[^"]*" (?P<status>\d{3})')


@dataclass(frozen=True)
class Block:
    page: str
    line: int
    script: str


@dataclass(frozen=True)
class Walk:
    returncode: int
    stdout: str
    stderr: str
    requests: list[dict[str, str]]

    def unannounced_errors(self) -> list[dict[str, str]]:
        return [
            r
            for r in self.requests
            if int(r["status"]) >= 400
            and not any(
                r["method"] == method
                and re.fullmatch(path, r["path"])
                and int(r["status"]) == status
                for method, path, status, _ in ANNOUNCED_ERRORS
            )
        ]

    def explain(self) -> str:
        return f"exit {self.returncode}\n{self.stderr[-4000:]}\n{self.stdout[-2000:]}"


def _nav_pages(nav: Any) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, list):
        return [page for entry in nav for page in _nav_pages(entry)]
    if isinstance(nav, dict):
        return [page for value in nav.values() for page in _nav_pages(value)]
    raise AssertionError(f"unexpected nav entry {nav!r}")


def nav_order() -> list[str]:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return _nav_pages(config["nav"])


def docs_pages() -> list[Path]:
    """The docs' Markdown files in the order of the nav (generated pages have none)."""
    committed = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")}
    return [DOCS / page for page in nav_order() if page in committed]


def blocks(path: Path, root: Path = ROOT) -> tuple[list[Block], dict[str, str]]:
    """The runnable shell blocks of one file in order, and the skipped ones (where -> why)."""
    text = path.read_text(encoding="utf-8")
    name = path.relative_to(root).as_posix()
    runnable, skipped = [], {}
    for match in FENCE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        info = match.group(1).strip()
        shell = SHELL.match(info)
        if shell is None:
            assert info in OTHER_LANGUAGES and not SHELL_LOOKING.match(info), (
                f"{name} line {line}: fence `{info}`: a shell block is ```sh (or "
                f"```sh no-run: <why>); other code names its language ({OTHER_LANGUAGES})"
            )
            continue
        if shell.group("why"):
            skipped[f"{name}:{line}"] = shell.group("why")
            continue
        assert "no-run" not in info, f"{name} line {line}: `no-run:` needs a reason"
        runnable.append(Block(name, line, match.group(2)))
    return runnable, skipped


def docs_walk() -> list[Block]:
    return [block for page in docs_pages() for block in blocks(page)[0]]


def _fresh_debian_path(folder: Path) -> Path:
    bin_dir = folder / "bin"
    if bin_dir.exists():
        return bin_dir
    bin_dir.mkdir()
    for tool in FRESH_DEBIAN_TOOLS:
        found = shutil.which(tool, path="/usr/bin:/bin")
        assert found is not None, f"{tool} is missing on this machine"
        (bin_dir / tool).symlink_to(found)
    assert SYSTEM_PYTHON.exists(), "the system's python3 is missing"
    (bin_dir / "python3").symlink_to(SYSTEM_PYTHON)
    return bin_dir


def run_walk(server: ServerProcess, walk: list[Block], folder: Path) -> Walk:
    """One bash script of the blocks in order, in a fresh working folder of `folder`."""
    script = "set -euo pipefail\n" + "\n".join(
        f"echo '--- {b.page} line {b.line}' >&2\n{b.script}" for b in walk
    )
    workdir = folder / "walk"
    workdir.mkdir()
    env = {
        "PATH": str(_fresh_debian_path(folder)),
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
    log = server.log_path.read_text(errors="replace")[log_start:]
    requests = [m.groupdict() for m in ACCESS_LINE.finditer(log)]
    return Walk(ran.returncode, ran.stdout, ran.stderr, requests)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """`python -m app serve` on SQLite, with uvicorn's access log (LOG_LEVEL=info)."""
    folder = tmp_path_factory.mktemp("walk-server")
    database = f"sqlite:///{folder / 'medius.db'}"
    env = {
        **test_env(database, listening_port(), TEST_SECRET, CORS_ORIGINS=""),
        "LOG_LEVEL": "info",
    }
    with served(env, folder) as started:
        yield started


def test_every_page_is_in_the_nav_once() -> None:
    """The docs' walk follows the nav, so a page missing from it would never run."""
    pages = nav_order()
    committed = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))
    assert len(pages) == len(set(pages)), pages
    assert sorted(set(committed) - set(pages)) == [], "pages missing from mkdocs.yml's nav"


def test_the_few_skipped_blocks_each_say_why() -> None:
    readme, readme_skipped = blocks(README)
    skipped = dict(readme_skipped)
    for page in docs_pages():
        skipped.update(blocks(page)[1])
    assert len(readme) >= 1, "the README lost its tour"
    assert len(docs_walk()) >= 12, "the docs' walk lost its blocks"
    assert 0 < len(skipped) <= MAX_SKIPPED, skipped
    assert all(len(reason) >= 10 for reason in skipped.values()), skipped


def test_a_shell_block_under_another_name_fails_the_check(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    for fence in ("```shell", "```console", "```", "```sh no-run:"):
        page.write_text(f"# A page\n\n{fence}\ncurl -s $API/nothing\n```\n", encoding="utf-8")
        with pytest.raises(AssertionError, match="line 3"):
            blocks(page, tmp_path)


def test_the_readme_tour_runs_as_written(server: ServerProcess, tmp_path: Path) -> None:
    walk = run_walk(server, blocks(README)[0], tmp_path)
    assert walk.returncode == 0, walk.explain()
    assert len(walk.requests) >= 7, f"the tour made {len(walk.requests)} requests"
    assert not walk.unannounced_errors(), f"{walk.unannounced_errors()}\n{walk.explain()}"
    # the last command: progress counts the session the tour logged (curl adds no newline)
    assert re.search(r"(^|\})1$", walk.stdout, re.MULTILINE), walk.stdout[-2000:]


def test_a_broken_command_in_a_page_fails_its_walk(server: ServerProcess, tmp_path: Path) -> None:
    """The walks can fail: the README's tour with one path misspelt stops there (the answer
    is a problem, so reading its field fails), and the 404 shows in the access log."""
    tour = blocks(README)[0]
    broken = [
        Block(b.page, b.line, b.script.replace("$API/routine-builder", "$API/routine-bilder"))
        for b in tour
    ]
    assert broken != tour, "the tour no longer calls the builder: pick another command"
    broken = [  # another account than the tour's own run, so the sign-up is not the error
        Block(b.page, b.line, b.script.replace("sam@example.com", "sam.broken@example.com"))
        for b in broken
    ]
    walk = run_walk(server, broken, tmp_path)
    assert walk.returncode != 0, walk.explain()
    assert not re.search(r"(^|\})1$", walk.stdout, re.MULTILINE), "it went on after the error"
    assert any(
        r["path"] == "/api/v1/routine-bilder" and r["status"] == "404"
        for r in walk.unannounced_errors()
    ), walk.requests


def test_the_docs_walk_runs_as_written(server: ServerProcess, tmp_path: Path) -> None:
    walk = run_walk(server, docs_walk(), tmp_path)
    assert walk.returncode == 0, walk.explain()
    assert len(walk.requests) >= 60, f"the walk made {len(walk.requests)} requests"
    assert not walk.unannounced_errors(), f"{walk.unannounced_errors()}\n{walk.explain()}"
    assert '"asked_by":"Dr Lee at Riverside Physiotherapy"' in walk.stdout  # the preview
    assert f"{server.base_url}/api/v1/me/calendar.ics?token=" in walk.stdout  # absolute
    assert re.search(r"304$", walk.stdout, re.MULTILINE)  # the conditional GET (ETag by HEAD)
    assert (tmp_path / "walk" / "program.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "walk" / "shared.pdf").read_bytes().startswith(b"%PDF")
