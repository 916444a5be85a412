"""Bench settings, from environment variables (all optional)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from bench.datagen import Scale

BENCH_DIR = Path(__file__).resolve().parent

# name: (default, meaning) -- printed by `python -m bench --help`.
VARIABLES: dict[str, tuple[str, str]] = {
    "BENCH_SECONDS": ("2", "length of one measured run (whole seconds, wrk's unit)"),
    "BENCH_RUNS": ("3", "interleaved runs per row and pinning mode; the table shows medians"),
    "BENCH_SIGNED_IN_RUNS": ("2", "runs of the signed-in rows (each beside its floor)"),
    "BENCH_WARMUP_REQUESTS": ("20", "sequential requests per server and endpoint before runs"),
    "BENCH_CONNECTIONS": ("16", "concurrent connections of the load generator"),
    "BENCH_BACKENDS": ("sqlite,postgresql", "databases to measure"),
    "BENCH_PINNING": (
        "unpinned",
        "unpinned, pinned (load generator on the last CPU, the rest on the others) or both",
    ),
    "BENCH_GROUPS": (
        "catalog,signed-in,care,scale-out",
        "catalog: the public and scale rows; signed-in: the operations against the floor; "
        "care: the clinician's view of a BENCH_CARE_PATIENTS clinic at scale; scale-out: "
        "128 distinct users writing at once, one worker and (PostgreSQL) two",
    ),
    "BENCH_SCENARIOS": (
        "",
        "signed-in rows to measure, by key (create,create500,sessions,session,me,routine,"
        "progress); empty: all of them",
    ),
    "BENCH_TWO_WORKERS": ("1", "also measure two uvicorn workers on PostgreSQL"),
    "BENCH_LOADGEN": ("auto", "wrk, httpx, or auto (wrk when installed)"),
    "BENCH_INSTALL_WRK": ("1", "as root, try `apt-get install wrk` when it is missing"),
    "BENCH_EXERCISES": ("10000", "extra exercises in the scale database"),
    "BENCH_USERS": ("10000", "users in the scale database"),
    "BENCH_SETS": ("1000000", "logged sets (session entries) in the scale database"),
    "BENCH_USER_SETS": ("50000", "sets the measured bench user owns"),
    "BENCH_CARE_PATIENTS": (
        "5000",
        "patients of the bench user's clinic (they own the other sets)",
    ),
    "BENCH_OUTPUT": ("bench/results/latest.md", "where the markdown report goes"),
}


def _env(name: str) -> str:
    return os.environ.get(name, VARIABLES[name][0]).strip()


def _list(name: str) -> list[str]:
    return [part.strip() for part in _env(name).split(",") if part.strip()]


@dataclass(frozen=True)
class Config:
    seconds: int
    runs: int
    signed_in_runs: int
    warmup_requests: int
    connections: int
    backends: list[str]
    pinning: list[str]
    two_workers: bool
    groups: list[str]
    scenarios: list[str]
    loadgen: str
    install_wrk: bool
    scale: Scale
    output: Path

    @classmethod
    def from_env(cls) -> Config:
        backends = _list("BENCH_BACKENDS")
        unknown = set(backends) - {"sqlite", "postgresql"}
        if unknown or not backends:
            raise SystemExit(f"BENCH_BACKENDS: unknown {sorted(unknown)}; use sqlite,postgresql")
        pinning = _list("BENCH_PINNING")
        if set(pinning) - {"pinned", "unpinned"} or not pinning:
            raise SystemExit("BENCH_PINNING takes pinned, unpinned or both")
        if (os.cpu_count() or 1) < 2 and "pinned" in pinning:
            pinning.remove("pinned")  # one CPU: nothing to pin apart
        output = Path(_env("BENCH_OUTPUT"))
        return cls(
            seconds=max(1, int(_env("BENCH_SECONDS"))),
            runs=max(1, int(_env("BENCH_RUNS"))),
            signed_in_runs=max(1, int(_env("BENCH_SIGNED_IN_RUNS"))),
            warmup_requests=max(0, int(_env("BENCH_WARMUP_REQUESTS"))),
            connections=max(1, int(_env("BENCH_CONNECTIONS"))),
            backends=backends,
            pinning=pinning or ["unpinned"],
            two_workers=_env("BENCH_TWO_WORKERS") == "1" and "postgresql" in backends,
            groups=_list("BENCH_GROUPS"),
            scenarios=_list("BENCH_SCENARIOS"),
            loadgen=_env("BENCH_LOADGEN"),
            install_wrk=_env("BENCH_INSTALL_WRK") == "1",
            scale=Scale(
                exercises=int(_env("BENCH_EXERCISES")),
                users=max(1, int(_env("BENCH_USERS"))),
                sets=int(_env("BENCH_SETS")),
                bench_user_sets=int(_env("BENCH_USER_SETS")),
                care_patients=max(1, int(_env("BENCH_CARE_PATIENTS"))),
            ),
            output=output if output.is_absolute() else BENCH_DIR.parent / output,
        )


def usage() -> str:
    lines = ["make bench / python -m bench: environment variables (default):"]
    lines += [
        f"  {name}={default!r:<22} {meaning}" for name, (default, meaning) in VARIABLES.items()
    ]
    return "\n".join(lines)
