"""The authorization matrix by role, its vocabulary, and the walk that gathers its rows.

Every operation of the OpenAPI document is called by each of nine callers against a table
of expected status codes (tests/test_authorization_roles.py runs it). The table is written
beside the packages: the rows of the operations a package's router serves are `ROWS` in
`tests/<the package's path under app/>/roles.py` (app/care/team/ -> tests/care/team/roles.py).
`collect()` walks every such file; `problems()` names the file a missing row belongs in,
the file holding a row for an operation the spec no longer has, and a row written beside
the wrong package.

The callers: anonymous; the patient (who owns the data the paths name); another patient;
the clinician with the patient in care; a colleague in the same clinic without the
relationship; the owner of another clinic; the clinic's owner (no relationship with the
patient: consent is given to a clinician, not to a clinic); a catalog admin; and a
clinician of the clinic whom the patient granted `progress` only (in care without the
scope an operation needs: 403).

Each row says how the operation is called (its body, made fresh for each call) and what
each caller gets, in the order of ROLES. Writes that would change what later rows rely on
are called so that the route's authorization is passed and a later rule stops them: no
`If-Match` (428), a wrong current password (403), a code of a scratch clinic.
"""

from __future__ import annotations

import importlib
import uuid
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from sqlmodel import Session

from app.users import service as users_service

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
ROWS_FILE = "roles.py"

ROLES = (
    "anonymous",
    "patient",
    "other_patient",
    "clinician",
    "colleague",
    "outsider",
    "owner",
    "admin",
    "narrow",
)
PASSWORD = "role matrix passphrase"


@dataclass
class Account:
    id: uuid.UUID
    email: str
    access_token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}"}


@dataclass
class World:
    """Everyone, and the records the paths name (all the patient's unless said)."""

    app: FastAPI
    client: httpx.AsyncClient
    users: dict[str, Account]
    params: dict[str, str] = field(default_factory=dict)
    scratch_clinic: uuid.UUID | None = None

    def signed_in(self, role: str) -> Account:
        return self.users[role]

    def fresh_sign_in(self) -> str:
        """A new refresh token of the patient's (refresh and logout each use one up)."""
        with Session(self.app.state.engine) as session:
            user = users_service._account_by_id(session, self.users["patient"].id)
            assert user is not None
            token = users_service.issue_sign_in(session, user, self.app.state.settings)
            session.commit()
        return token.refresh_token


Body = Callable[[World], Awaitable[dict[str, Any]]]


@dataclass(frozen=True)
class Case:
    codes: str  # one status per role, in ROLES order (`narrow` may be left out, below)
    body: Body | None = None
    params: dict[str, str] = field(default_factory=dict)  # path parameters for this row
    headers: dict[str, str] = field(default_factory=dict)

    def expected(self) -> dict[str, int]:
        """Per role. `narrow` is a clinician of the clinic in care of the patient with the
        `progress` scope only: where the row leaves it out (an operation on no patient's
        data: `test_patient_data_rows_say_what_a_narrow_grant_gets` holds them to it), it
        gets what the colleague, a clinician of the clinic, gets."""
        statuses = [int(code) for code in self.codes.split()]
        if len(statuses) == len(ROLES) - 1:
            statuses.append(statuses[ROLES.index("colleague")])
        assert len(statuses) == len(ROLES), self.codes
        return dict(zip(ROLES, statuses, strict=True))

    @property
    def names_narrow(self) -> bool:
        return len(self.codes.split()) == len(ROLES)


Operation = tuple[str, str]  # (method, path template as the spec writes it)
Rows = dict[Operation, Case]  # what a package's roles.py holds


def json_body(make: Callable[[World], Any]) -> Body:
    async def body(world: World) -> dict[str, Any]:
        return {"json": make(world)}

    return body


def hook_payload(world: World) -> dict[str, Any]:
    """A webhook endpoint (a public address: these settings allow-list no network)."""
    return {"url": "https://93.184.215.14/hook", "event_types": ["session.logged"]}


SIGNED_IN_OK = "401 200 200 200 200 200 200 200"
PUBLIC_OK = "200 200 200 200 200 200 200 200"
PATIENTS_OWN = "401 200 404 404 404 404 404 404"  # the patient's record, by id
IN_CARE = "401 404 404 200 404 404 404 404"  # the patient's data, for the clinician in care
IN_CARE_403 = IN_CARE + " 403"  # ... and in care without the scope it needs: 403
MEMBERS = "401 404 404 200 200 404 200 404"  # what any member of the clinic may do
OWNERS = "401 404 404 403 403 404 201 404"  # what only the clinic's owners may do
ADMINS = "401 403 403 403 403 403 403 {}"
CLINIC_OWNERS = "401 404 404 403 403 404 {} 404"  # OWNERS, for a status other than 201


# --- the walk -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Matrix:
    """Every row of every roles.py, and the file each operation's row is written in."""

    cases: Rows
    files: dict[Operation, list[Path]]


def collect(root: Path = TESTS) -> Matrix:
    """Import every `roles.py` under tests/ and gather its `ROWS`."""
    cases: Rows = {}
    files: dict[Operation, list[Path]] = {}
    for path in sorted(root.rglob(ROWS_FILE)):
        module = importlib.import_module(".".join(path.relative_to(ROOT).with_suffix("").parts))
        rows: Rows = module.ROWS
        for operation, case in rows.items():
            cases.setdefault(operation, case)
            files.setdefault(operation, []).append(path)
    return Matrix(cases, files)


def row_homes(app: FastAPI) -> dict[Operation, Path]:
    """Where each operation's row belongs: beside the package whose router serves it."""
    homes: dict[Operation, Path] = {}
    for route in iter_route_contexts(app.routes):
        if not route.methods or route.endpoint is None or route.path_format is None:
            continue
        package = route.endpoint.__module__.split(".")[:-1]  # app.care.team.router
        if package[:1] != ["app"]:
            continue
        for method in route.methods:
            homes[(method, route.path_format)] = TESTS.joinpath(*package[1:], ROWS_FILE)
    return homes


def problems(
    operations: Iterable[Operation], matrix: Matrix, homes: dict[Operation, Path]
) -> list[str]:
    """What keeps the matrix from covering the spec, each naming the file to edit."""
    found: list[str] = []
    spec = set(operations)

    def shown(path: Path) -> str:
        return str(path.relative_to(ROOT))

    for method, path in sorted(spec - set(matrix.cases)):
        home = homes.get((method, path))
        where = shown(home) if home else "the roles.py beside the package serving it"
        found.append(f"{method} {path} has no row: add one to `ROWS` in {where}")
    for operation in sorted(set(matrix.cases)):
        method, path = operation
        files = matrix.files[operation]
        if operation not in spec:
            found += [
                f"{shown(f)} has a row for {method} {path}: the spec has no such operation"
                for f in files
            ]
            continue
        if len(files) > 1:
            found.append(f"{method} {path} has rows in {', '.join(map(shown, files))}: keep one")
        home = homes.get(operation)
        if home is not None and files[0] != home:
            found.append(
                f"{method} {path}: its row is in {shown(files[0])}, move it to "
                f"{shown(home)} (beside the package serving it)"
            )
    return found
