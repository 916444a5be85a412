"""Read the hashed locks (requirements/*.txt, written by `uv pip compile`) and pyproject.toml."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO_ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = REPO_ROOT / "pyproject.toml"
LOCKS = REPO_ROOT / "requirements"

_PIN = re.compile(
    r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>\S+)(?:\s*;\s*(?P<marker>[^\\]+))?"
)
_HASH = re.compile(r"--hash=(sha256:[0-9a-f]{64})")
_VIA = re.compile(r"^\s*#\s+(?:via\s+)?(?P<source>\S.*)$")


@dataclass
class Pin:
    name: str
    version: str
    marker: str | None
    hashes: set[str] = field(default_factory=set)
    wanted_by: set[str] = field(default_factory=set)

    def applies(self) -> bool:
        """Whether pip installs it here (uv writes a universal lock, markers and all)."""
        return self.marker is None or Marker(self.marker).evaluate()


def parse_lock(path: Path) -> list[Pin]:
    """Each pin with its hashes and what asked for it (the `# via` lines). A universal lock
    may pin one name twice, under exclusive markers (e.g. one per Python version)."""
    pins: list[Pin] = []
    for line in path.read_text().splitlines():
        pinned = _PIN.match(line)
        if pinned:
            marker = pinned["marker"].strip() if pinned["marker"] else None
            pins.append(Pin(canonicalize_name(pinned["name"]), pinned["version"], marker))
        elif pins:
            pins[-1].hashes.update(_HASH.findall(line))
            via = _VIA.match(line)
            if via and via["source"] != "via":
                pins[-1].wanted_by.add(via["source"].strip())
    return pins


def installed_here(pins: list[Pin]) -> dict[str, Pin]:
    """What pip installs from the lock on this machine: the pins whose markers hold."""
    return {pin.name: pin for pin in pins if pin.applies()}


def asked_for_by(pins: list[Pin], source: str) -> set[str]:
    """The lock's top-level set: what `source` (e.g. `medius (pyproject.toml)`) asked for."""
    return {pin.name for pin in pins if source in pin.wanted_by}


def pyproject() -> dict[str, object]:
    return tomllib.loads(PYPROJECT.read_text())


def requirements(section: str) -> list[Requirement]:
    """`runtime` ([project].dependencies), `dev` (the extra) or `clientgen` (the group)."""
    project = pyproject()
    if section == "runtime":
        listed = project["project"]["dependencies"]  # type: ignore[index]
    elif section == "clientgen":
        listed = project["dependency-groups"]["clientgen"]  # type: ignore[index]
    else:
        listed = project["project"]["optional-dependencies"][section]  # type: ignore[index]
    return [Requirement(text) for text in listed]  # type: ignore[union-attr]
