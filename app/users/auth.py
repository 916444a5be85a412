"""Who may call: the dependencies routers declare (`CurrentUser`, `AdminUser`, `SignedIn`)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Annotated, Generic, TypeVar

from anyio import to_thread
from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy import Connection, Engine
from sqlmodel import Session

from app.core.db import read_connection, read_engine, write_turn
from app.core.deps import SessionDep, SettingsDep
from app.core.errors import Forbidden
from app.core.security import AccessClaims
from app.core.vocabulary import Role
from app.users import service
from app.users.models import Caller

TOKEN_URL = "/api/v1/auth/token"  # noqa: S105
bearer = OAuth2PasswordBearer(tokenUrl=TOKEN_URL, auto_error=False)

T = TypeVar("T")
U = TypeVar("U", Caller, Caller | None)


def current_user(
    session: SessionDep, settings: SettingsDep, token: Annotated[str | None, Depends(bearer)]
) -> Caller:
    return service.user_for_token(session, token, settings)


CurrentUser = Annotated[Caller, Depends(current_user)]


def admin_user(user: CurrentUser) -> Caller:
    if user.role != Role.ADMIN.value:
        raise Forbidden("Only catalog administrators may do this.")
    return user


AdminUser = Annotated[Caller, Depends(admin_user)]


def optional_user(
    session: SessionDep, settings: SettingsDep, token: Annotated[str | None, Depends(bearer)]
) -> Caller | None:
    """The caller if a token was sent (and valid: a bad token is still 401), else None."""
    return service.user_for_token(session, token, settings) if token else None


OptionalUser = Annotated[Caller | None, Depends(optional_user)]


class Unit(ABC, Generic[U]):
    """One request's database work: one worker thread, one `Session`, the caller checked
    inside it.

    The hot signed-in routes are `async def` and hand the unit one call written out where
    a reader, an IDE and mypy see it, its arguments by keyword::

        await unit.read(lambda db, caller: service.get_one(db, caller, session_id=session_id))

    The token's signature and expiry are checked on the event loop before (a bad token is
    401 before the body is judged); the sign-in's revocation is checked in the same thread
    and session as the work, so a signed-out family is refused on the very next request.
    One hop to the thread pool per request, instead of one per sync dependency and one
    for the endpoint (bench/results/profile-notes.md).

    Four methods, named for whether the work takes the write turn (`write_turn` in
    app/core/db.py, SQLite's one writer at a time, waited for on the event loop so that no
    request thread sits idle behind the write lock):

    - `read`: a pure read. No write turn: reads run beside the writer (WAL). On
      PostgreSQL it runs in autocommit, no BEGIN and ROLLBACK round trips
      (`read_engine`); a statement that writes or locks rows raises `WriteInRead`.
    - `read_core`: `read` for work written in SQLAlchemy Core, handed a bare `Connection`
      of the read engine instead of a `Session`: no ORM session to build and close, no
      ORM execution layer around each statement. The hot reads (a session, a page of
      sessions) use it; work that needs entities or may begin a write uses `read`.
    - `write`: the work changes something. It takes the write turn first.
    - `read_logged`: a read that writes only its access-log line (a clinician's read of a
      patient's data, the opening of a share link). The line is a write, so it takes the
      write turn like any other; the read itself runs once the line is committed, outside
      the write lock, while the second turn lets the next writer into the lock.
    """

    def __init__(self, engine: Engine, claims: AccessClaims | None) -> None:
        self._engine = engine
        self._claims = claims

    async def read(self, work: Callable[[Session, U], T]) -> T:
        """Run `work(session, caller)` in one worker thread: a read, no write turn, on a
        read connection (`read_engine`: no transaction on PostgreSQL; a write raises)."""
        return await to_thread.run_sync(self._read, work)

    async def read_core(self, work: Callable[[Connection, U], T]) -> T:
        """`read` on a bare `Connection` of the read engine, for work of Core statements
        (`session.execute(...)` and `connection.execute(...)` take the same statements).
        SQLite still reads in one deferred transaction, one snapshot for every statement;
        PostgreSQL reads in autocommit, as `read` does."""
        return await to_thread.run_sync(self._read_core, work)

    async def write(self, work: Callable[[Session, U], T]) -> T:
        """`read` for work that writes: it takes a thread only once it may write."""
        async with write_turn(self._engine):
            return await to_thread.run_sync(self._work, work)

    async def read_logged(self, work: Callable[[Session, U], T]) -> T:
        """`read` for a read that writes its access-log line: in the write turn, as a
        write, since the line takes SQLite's write lock (see the class docstring)."""
        async with write_turn(self._engine):
            return await to_thread.run_sync(self._work, work)

    def _read(self, work: Callable[[Session, U], T]) -> T:
        with Session(read_engine(self._engine), expire_on_commit=False) as session:
            return work(session, self._caller(session))

    def _read_core(self, work: Callable[[Connection, U], T]) -> T:
        with read_engine(self._engine).connect() as connection:
            return work(connection, self._caller(connection))

    def _work(self, work: Callable[[Session, U], T]) -> T:
        with Session(self._engine, expire_on_commit=False) as session:
            return work(session, self._caller(session))

    async def caller(self) -> U:
        """Just the checked caller, for routes whose work needs no database session."""
        return await to_thread.run_sync(self._caller_alone)

    def _caller_alone(self) -> U:
        # One statement on a bare pooled connection: no Session to build and close, and on
        # SQLite no BEGIN and ROLLBACK around it (bench/results/profile-notes.md).
        with read_connection(self._engine) as connection:
            return self._caller(connection)

    @abstractmethod
    def _caller(self, session: Session | Connection) -> U: ...


class SignedInUnit(Unit[Caller]):
    def _caller(self, session: Session | Connection) -> Caller:
        assert self._claims is not None
        return service.signed_in_user(session, self._claims)


class VisitorUnit(Unit[Caller | None]):
    """Anyone: a signed-in caller is checked like `SignedInUnit`, no token means None."""

    def _caller(self, session: Session | Connection) -> Caller | None:
        return service.signed_in_user(session, self._claims) if self._claims else None


# The units read the settings from app.state directly rather than through SettingsDep:
# every sub-dependency is one more step of FastAPI's per-request solving (about a
# quarter of it on GET /me). `bearer` stays a dependency: it declares the OpenAPI scheme.
async def signed_in(
    request: Request, token: Annotated[str | None, Depends(bearer)]
) -> SignedInUnit:
    state = request.app.state
    return SignedInUnit(state.engine, service.access_claims(token, state.settings))


async def visitor(request: Request, token: Annotated[str | None, Depends(bearer)]) -> VisitorUnit:
    state = request.app.state
    claims = service.access_claims(token, state.settings) if token else None
    return VisitorUnit(state.engine, claims)


SignedIn = Annotated[SignedInUnit, Depends(signed_in)]
Visitor = Annotated[VisitorUnit, Depends(visitor)]
