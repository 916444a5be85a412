"""End to end: the generated client (clients/python) drives a real `python -m app serve`.

The server is a separate process (migrate, seed, uvicorn) on a free loopback port with a
temporary SQLite database: SQLite only, on purpose. The HTTP tests in this suite already
run on SQLite and PostgreSQL in-process; this one checks what they cannot, that the
committed client, installed by `make install` (`pip install -e clients/python`), works
against the served API over real sockets. It does not use the `client`/`app` fixtures and
is not parametrized over the database.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from http import HTTPStatus
from pathlib import Path

import httpx
import pytest

from app.catalog.exercises.seed import load_seed
from harness.server import listening_port, served, test_env
from tests.conftest import TEST_SECRET

try:
    import medius_client
except ImportError as exc:  # pragma: no cover - a setup problem, not a test failure
    raise ImportError(
        "the generated client is not installed: run `make install` (pip install -e clients/python)"
    ) from exc
from medius_client import AuthenticatedClient, Client
from medius_client.api.auth import register, sign_in
from medius_client.api.catalog import get_exercise, list_exercises
from medius_client.api.progress import read_progress
from medius_client.api.routines import build_routine, get_routine
from medius_client.api.sessions import create_session
from medius_client.models import (
    AffectedSide,
    BandLevel,
    BodySignIn,
    BuilderAnswer,
    BuilderRequest,
    Difficulty,
    EntryIn,
    ExercisePublic,
    Leg,
    PageUnionExercisePublicExerciseTombstone,
    Position,
    Progress,
    RoutinePublic,
    SessionCreate,
    SessionPublic,
    Token,
    UserCreate,
    UserPublic,
)

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a long passphrase for the client test"


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`python -m app serve` (migrate + seed + uvicorn) on a free port, stopped at the end."""
    workdir = tmp_path_factory.mktemp("served")
    database = f"sqlite:///{workdir / 'medius.db'}"
    with served(
        test_env(database, listening_port(), TEST_SECRET, CORS_ORIGINS=""), workdir
    ) as server:
        yield server.base_url


def test_the_installed_client_is_the_committed_one() -> None:
    assert Path(medius_client.__file__).resolve().is_relative_to(ROOT / "clients" / "python")


def test_catalog_account_routine_sessions_and_progress_through_the_client(
    server_url: str,
) -> None:
    timeout = httpx.Timeout(30.0)
    with Client(base_url=server_url, timeout=timeout, raise_on_unexpected_status=True) as public:
        # Browse and filter the catalog: standing exercises that use a step.
        page = list_exercises.sync(client=public, position=[Position.STANDING], equipment=["step"])
        assert isinstance(page, PageUnionExercisePublicExerciseTombstone), page
        expected = {
            e.slug
            for e in load_seed().exercises
            if e.position == "standing" and "step" in e.equipment
        }
        assert expected, "the seed data should have standing exercises on a step"
        found = [e for e in page.items if isinstance(e, ExercisePublic)]
        assert len(found) == len(page.items)
        assert {e.slug for e in found} == expected
        assert all(e.position is Position.STANDING and "step" in e.equipment for e in found)

        # One exercise, then the same read made conditional: 304 without a body.
        slug = found[0].slug
        one = get_exercise.sync_detailed(slug, client=public)
        assert one.status_code == HTTPStatus.OK
        assert isinstance(one.parsed, ExercisePublic) and one.parsed.slug == slug
        unchanged = get_exercise.sync_detailed(
            slug, client=public, if_none_match=one.headers["etag"]
        )
        assert unchanged.status_code == HTTPStatus.NOT_MODIFIED and unchanged.parsed is None

        # Register, then sign in through the OAuth2 form endpoint.
        email = f"client-{uuid.uuid4().hex[:8]}@example.com"
        created = register.sync_detailed(
            client=public,
            body=UserCreate(email=email, password=PASSWORD, time_zone="Europe/London"),
        )
        assert created.status_code == HTTPStatus.CREATED, created.content
        assert isinstance(created.parsed, UserPublic) and created.parsed.email == email
        token = sign_in.sync(client=public, body=BodySignIn(username=email, password=PASSWORD))
        assert isinstance(token, Token), token

    with AuthenticatedClient(
        base_url=server_url, token=token.access_token, timeout=timeout
    ) as signed_in:
        # Build a routine and save it, then read the saved routine back.
        answer = build_routine.sync(
            client=signed_in,
            body=BuilderRequest(
                level=Difficulty.BEGINNER,
                minutes=15,
                equipment=[],
                affected_side=AffectedSide.RIGHT,
                weeks=4,
                save=True,
            ),
        )
        assert isinstance(answer, BuilderAnswer), answer
        assert answer.routine_id is not None and answer.items
        routine = get_routine.sync(answer.routine_id, client=signed_in)
        assert isinstance(routine, RoutinePublic), routine
        assert routine.id == answer.routine_id
        assert [i.exercise for i in routine.items] == [i.exercise for i in answer.items]

        # Log a session with a client-chosen id, twice: stored once (201), then replayed (200).
        log = SessionCreate(
            id=uuid.uuid4(),
            routine_id=routine.id,
            started_at=datetime(2026, 11, 20, 7, 30, tzinfo=UTC),
            ended_at=datetime(2026, 11, 20, 7, 50, tzinfo=UTC),
            entries=[
                EntryIn(
                    exercise="clamshell",
                    set_number=1,
                    side=Leg.RIGHT,
                    reps=12,
                    hold_seconds=3,
                    pain=1,
                    effort=6,
                ),
                EntryIn(
                    exercise="monster-walk",
                    set_number=1,
                    steps=20,
                    load_band=BandLevel.LIGHT,
                    pain=0,
                    effort=7,
                ),
            ],
        )
        first = create_session.sync_detailed(client=signed_in, body=log)
        again = create_session.sync_detailed(client=signed_in, body=log)
        assert first.status_code == HTTPStatus.CREATED, first.content
        assert again.status_code == HTTPStatus.OK, again.content
        assert isinstance(first.parsed, SessionPublic) and first.parsed.id == log.id
        assert again.parsed == first.parsed
        assert again.content == first.content

        # Progress counts the session once, in its week and per exercise.
        progress = read_progress.sync(
            client=signed_in, from_=date(2026, 11, 16), to=date(2026, 11, 22), routine_id=routine.id
        )
        assert isinstance(progress, Progress), progress
        assert progress.routine_id == routine.id
        assert sum(week.sessions for week in progress.adherence) == 1
        per_exercise = {e.exercise: e for e in progress.exercises}
        assert per_exercise["clamshell"].sessions == 1
        assert per_exercise["clamshell"].total_reps == 12
        assert per_exercise["monster-walk"].total_steps == 20


DOCS_PAGE = "docs/guides/integrations/python-client.md"


def test_the_docs_python_client_example_runs(server_url: str) -> None:
    """The docs' "Python client" example, run as written against the test server."""
    page = (ROOT / DOCS_PAGE).read_text(encoding="utf-8")
    example = re.search(r"```python\n(.*?)```", page, re.DOTALL)
    assert example is not None, f"{DOCS_PAGE} needs a python example"
    code = example.group(1).replace("http://127.0.0.1:8000", server_url)
    exec(compile(code, DOCS_PAGE, "exec"), {"__name__": "docs_example"})
