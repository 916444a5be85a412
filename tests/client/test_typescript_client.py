"""End to end: the TypeScript client (clients/typescript) drives a real `python -m app serve`.

Type-checks the client and its test program with the pinned TypeScript (`tsc --noEmit`),
then runs clients/typescript/test/ with Node's test runner against a server on a free
loopback port with a temporary SQLite database: sign up, sign in, build and save a
routine, log a session and retry it, sync, read progress, read problems. SQLite only, as
for the Python client: what this checks is the client over real sockets.
"""

from __future__ import annotations

import re
from pathlib import Path

from harness.server import listening_port, served, test_env
from tests.client.typescript import run_client_ts
from tests.conftest import TEST_SECRET


def test_the_typescript_client_against_a_live_server(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'medius.db'}"
    env = test_env(database, listening_port(), TEST_SECRET, CORS_ORIGINS="")
    with served(env, tmp_path) as server:
        output = run_client_ts("test", MEDIUS_BASE_URL=server.base_url)
    # Node's summary (spec reporter): some tests ran, none failed.
    passed = re.search(r"^\S* ?pass (\d+)$", output, re.MULTILINE)
    assert passed and int(passed.group(1)) > 0, output
    assert re.search(r"^\S* ?fail 0$", output, re.MULTILINE), output
