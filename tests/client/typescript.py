"""Runs scripts/client-ts.sh (the TypeScript client's pinned Node.js tools) for a test."""

from __future__ import annotations

from tests.node_tools import ROOT, run_script

COMMITTED_SCHEMA = ROOT / "clients" / "typescript" / "src" / "schema.ts"


def run_client_ts(*args: str, timeout: float = 300, **env: str) -> str:
    """The script's output (stdout, then stderr)."""
    done = run_script("client-ts.sh", *args, timeout=timeout, **env)
    return done.stdout + done.stderr
