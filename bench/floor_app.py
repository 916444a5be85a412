"""The bare floor for signed-in operations: the least work each request must do.

Starlette + orjson + PyJWT + the raw driver (sqlite3 in WAL mode with the app's
pragmas, or psycopg 3), on the very database the real server under test uses, with no
framework work: decode the Bearer token with the app's secret, check the token's
sign-in is live (the same user + token-family query the app runs), do the operation's
statements in plain SQL, answer with orjson. Served by the same uvicorn settings as the
real server, so the real endpoint's rate reads as a fraction of this floor.

The floor must do the same database work as the app (never less) or its ratio means
nothing. Every statement is in `SQL` below, one place to adjust when the schema gains
columns (a change counter for sync, token-family fields, ...).

Environment: BENCH_FLOOR_DATABASE (the app's DATABASE_URL), SECRET_KEY.
One connection per worker process, used inline on the event loop: with one worker the
driver's work is serialised exactly as a single SQLite writer must be anyway.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import jwt
import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

DATABASE = os.environ["BENCH_FLOOR_DATABASE"]
SECRET = os.environ["SECRET_KEY"]
POSTGRES = DATABASE.startswith("postgresql")
MAX_ENTRIES = 500

# `?` placeholders; psycopg's `%s` is substituted below. Column lists follow
# app/sessions/models.py, app/users/models.py and app/routines/models.py.
SQL = {
    "signed_in_user": (
        "SELECT u.id, u.email, u.display_name, u.time_zone, u.units, u.role, u.revision, "
        "u.created_at, u.updated_at FROM app_user u JOIN token_family f "
        "ON f.id = ? AND f.user_id = u.id AND f.revoked_at IS NULL WHERE u.id = ?"
    ),
    "exercises": "SELECT slug, document FROM exercise WHERE deleted_at IS NULL AND slug IN ({})",
    "insert_session": (
        "INSERT INTO workout_session (id, owner_id, routine_id, started_at, ended_at, notes, "
        "body_digest, revision, created_at, updated_at, deleted_at) "
        "VALUES (?, ?, NULL, ?, ?, ?, ?, 1, ?, ?, NULL)"
    ),
    "insert_entry": (
        "INSERT INTO session_entry (session_id, position, exercise_slug, set_number, side, "
        "reps, steps, hold_seconds, load_band, load_kg, pain, effort, notes) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    ),
    "session_columns": (
        "SELECT id, routine_id, started_at, ended_at, notes, revision, created_at, updated_at "
        "FROM workout_session "
    ),
    "latest_sessions": (
        "WHERE owner_id = ? AND deleted_at IS NULL ORDER BY started_at DESC, id DESC LIMIT ?"
    ),
    "one_session": "WHERE id = ? AND owner_id = ? AND deleted_at IS NULL",
    "entries": (
        "SELECT session_id, exercise_slug, set_number, side, reps, steps, hold_seconds, "
        "load_band, load_kg, pain, effort, notes FROM session_entry "
        "WHERE session_id IN ({}) ORDER BY session_id, position"
    ),
    "routine": (
        "SELECT id, owner_id, is_template, template_key, name, notes, sessions_per_week, "
        "origin, progression, rationale, revision, created_at, updated_at FROM routine "
        "WHERE id = ? AND (is_template OR owner_id = ?)"
    ),
    "routine_items": (
        "SELECT exercise_slug, sets, reps, steps, hold_seconds, side, rest_seconds, notes, "
        "reason FROM routine_item WHERE routine_id = ? ORDER BY position"
    ),
    # The app reads the items' exercises (deleted ones too) for the estimated duration.
    "item_exercises": "SELECT slug, document FROM exercise WHERE slug IN ({})",
}
ITEM_FIELDS = (
    "exercise",
    "sets",
    "reps",
    "steps",
    "hold_seconds",
    "side",
    "rest_seconds",
    "notes",
    "reason",
)
ENTRY_FIELDS = ("set_number", "side", "reps", "steps", "hold_seconds", "load_band", "load_kg")


class Db:
    """One raw connection; ids bound as the app stores them (hex on SQLite, uuid on PG)."""

    def __init__(self) -> None:
        if POSTGRES:
            import psycopg

            url = DATABASE.replace("postgresql+psycopg://", "postgresql://")
            self.conn: Any = psycopg.connect(url, autocommit=True)
            self.mark = "%s"
        else:
            path = DATABASE.removeprefix("sqlite:///")
            self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=NORMAL"):
                self.conn.execute(f"PRAGMA {pragma}")
            self.conn.execute("PRAGMA busy_timeout=5000")
            self.mark = "?"

    def q(self, key: str, n: int = 0) -> str:
        text = SQL[key].format(", ".join("?" * n)) if n else SQL[key]
        return text.replace("?", self.mark) if POSTGRES else text

    def id(self, value: uuid.UUID) -> Any:
        return value if POSTGRES else value.hex

    def time(self, value: datetime) -> Any:
        if POSTGRES:
            return value
        return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ")

    def fetch(self, sql: str, params: Sequence[Any]) -> list[Any]:
        return list(self.conn.execute(sql, params).fetchall())

    def begin_write(self) -> None:
        self.conn.execute("BEGIN" if POSTGRES else "BEGIN IMMEDIATE")


db = Db()


def _problem(status: int, title: str) -> Response:
    body = orjson.dumps({"type": "about:blank", "title": title, "status": status})
    return Response(body, status, media_type="application/problem+json")


def _json(data: Any, status: int = 200) -> Response:
    return Response(orjson.dumps(data), status, media_type="application/json")


def _user(request: Request) -> tuple[Any, ...] | None:
    """Decode the token and check its sign-in: the app's one user + family query."""
    header = request.headers.get("authorization", "")
    if not header.startswith("Bearer "):
        return None
    try:
        claims = jwt.decode(
            header[7:], SECRET, algorithms=["HS256"], options={"require": ["exp", "sub", "fam"]}
        )
        user_id, family_id = uuid.UUID(claims["sub"]), uuid.UUID(hex=claims["fam"])
    except (jwt.PyJWTError, ValueError, KeyError):
        return None
    rows = db.fetch(db.q("signed_in_user"), (db.id(family_id), db.id(user_id)))
    return tuple(rows[0]) if rows else None


def _when(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):  # SQLite: naive UTC text
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _uid(value: Any) -> str:
    return str(value if isinstance(value, uuid.UUID) else uuid.UUID(hex=value))


def _sessions(rows: Sequence[Any]) -> list[dict[str, Any]]:
    """Session rows with their entries, read in one more statement."""
    if not rows:
        return []
    ids = [r[0] for r in rows]
    entries: dict[Any, list[dict[str, Any]]] = {i: [] for i in ids}
    for e in db.fetch(db.q("entries", len(ids)), ids):
        entries[e[0]].append(
            {
                "exercise": e[1],
                "set_number": e[2],
                "side": e[3],
                "reps": e[4],
                "steps": e[5],
                "hold_seconds": e[6],
                "load_band": e[7],
                "load_kg": None if e[8] is None else str(e[8]),
                "pain": e[9],
                "effort": e[10],
                "notes": e[11],
            }
        )
    return [
        {
            "id": _uid(r[0]),
            "routine_id": None if r[1] is None else _uid(r[1]),
            "started_at": _when(r[2]),
            "ended_at": _when(r[3]),
            "notes": r[4],
            "entries": entries[r[0]],
            "revision": r[5],
            "created_at": _when(r[6]),
            "updated_at": _when(r[7]),
        }
        for r in rows
    ]


async def create_session(request: Request) -> Response:
    user = _user(request)
    if user is None:
        return _problem(401, "Unauthorized")
    raw = await request.body()
    try:
        body = orjson.loads(raw)
        entries = body["entries"]
        session_id = uuid.UUID(body["id"]) if body.get("id") else uuid.uuid4()
        started = datetime.fromisoformat(body["started_at"])
        ended = datetime.fromisoformat(body["ended_at"]) if body.get("ended_at") else None
        if not isinstance(entries, list) or len(entries) > MAX_ENTRIES:
            raise ValueError("entries")
        for entry in entries:  # the minimal check: types and bounds of what is stored
            if not (isinstance(entry["exercise"], str) and 0 <= entry["pain"] <= 10):
                raise ValueError("entry")
            if not 0 <= entry["effort"] <= 10 or not 1 <= entry["set_number"] <= 50:
                raise ValueError("entry")
    except (ValueError, KeyError, TypeError):
        return _problem(422, "Unprocessable Content")
    slugs = sorted({e["exercise"] for e in entries})
    known = {r[0] for r in db.fetch(db.q("exercises", len(slugs)), slugs)} if slugs else set()
    if len(known) != len(slugs):
        return _problem(422, "Unprocessable Content")
    now = datetime.now(UTC)
    digest = hashlib.sha256(orjson.dumps(body, option=orjson.OPT_SORT_KEYS)).hexdigest()
    sid = db.id(session_id)
    rows = [
        (
            sid,
            n,
            e["exercise"],
            *(e.get(f) for f in ENTRY_FIELDS[:-1]),
            None if e.get("load_kg") is None else str(e["load_kg"]),
            e["pain"],
            e["effort"],
            e.get("notes", ""),
        )
        for n, e in enumerate(entries, start=1)
    ]
    db.begin_write()
    try:
        db.conn.execute(
            db.q("insert_session"),
            (
                sid,
                db.id(uuid.UUID(hex=user[0]) if isinstance(user[0], str) else user[0]),
                db.time(started),
                None if ended is None else db.time(ended),
                body.get("notes", ""),
                digest,
                db.time(now),
                db.time(now),
            ),
        )
        cursor = db.conn.cursor()
        cursor.executemany(db.q("insert_entry"), rows)
        db.conn.execute("COMMIT")
    except Exception:
        db.conn.execute("ROLLBACK")
        return _problem(409, "Conflict")
    stamp = _when(now)
    answer = {
        "id": str(session_id),
        "routine_id": None,
        "started_at": _when(started),
        "ended_at": _when(ended),
        "notes": body.get("notes", ""),
        "entries": [
            {"exercise": e["exercise"], **{f: e.get(f) for f in ENTRY_FIELDS}, "pain": e["pain"]}
            | {"effort": e["effort"], "notes": e.get("notes", "")}
            for e in entries
        ],
        "revision": 1,
        "created_at": stamp,
        "updated_at": stamp,
    }
    return _json(answer, 201)


async def list_sessions(request: Request) -> Response:
    user = _user(request)
    if user is None:
        return _problem(401, "Unauthorized")
    try:
        limit = int(request.query_params.get("limit", "20"))
    except ValueError:
        return _problem(422, "Unprocessable Content")
    if not 1 <= limit <= 100:
        return _problem(422, "Unprocessable Content")
    sql = db.q("session_columns") + db.q("latest_sessions")
    rows = db.fetch(sql, (user[0], limit + 1))  # one more says whether a next page exists
    items = _sessions(rows[:limit])
    return _json({"items": items, "next_cursor": None if len(rows) <= limit else "more"})


async def get_session(request: Request) -> Response:
    user = _user(request)
    if user is None:
        return _problem(401, "Unauthorized")
    try:
        session_id = uuid.UUID(request.path_params["session_id"])
    except ValueError:
        return _problem(404, "Not Found")
    rows = db.fetch(db.q("session_columns") + db.q("one_session"), (db.id(session_id), user[0]))
    if not rows:
        return _problem(404, "Not Found")
    return _json(_sessions(rows)[0])


async def me(request: Request) -> Response:
    user = _user(request)
    if user is None:
        return _problem(401, "Unauthorized")
    keys = ("id", "email", "display_name", "time_zone", "units", "role", "revision")
    data = dict(zip(keys, user[:7], strict=True))
    data["id"] = _uid(data["id"])
    data["created_at"], data["updated_at"] = _when(user[7]), _when(user[8])
    return _json(data)


async def get_routine(request: Request) -> Response:
    user = _user(request)
    if user is None:
        return _problem(401, "Unauthorized")
    try:
        routine_id = db.id(uuid.UUID(request.path_params["routine_id"]))
    except ValueError:
        return _problem(404, "Not Found")
    rows = db.fetch(db.q("routine"), (routine_id, user[0]))
    if not rows:
        return _problem(404, "Not Found")
    r = rows[0]
    items = db.fetch(db.q("routine_items"), (routine_id,))
    slugs = sorted({item[0] for item in items})
    exercises = db.fetch(db.q("item_exercises", len(slugs)), slugs) if slugs else []
    documents = {
        row[0]: orjson.loads(row[1]) if isinstance(row[1], str) else row[1] for row in exercises
    }
    progression = orjson.loads(r[8]) if isinstance(r[8], str) else r[8]
    rationale = orjson.loads(r[9]) if isinstance(r[9], str) else r[9]
    data = {
        "id": _uid(r[0]),
        "is_template": bool(r[2]),
        "name": r[4],
        "notes": r[5],
        "sessions_per_week": r[6],
        "origin": r[7],
        "progression": progression,
        "rationale": rationale,
        "items": [
            dict(zip(ITEM_FIELDS, item, strict=True)) | {"order": n}
            for n, item in enumerate(items, start=1)
        ],
        # A stand-in for the app's duration arithmetic over the exercises' documents.
        "estimated_seconds": sum(
            (item[1] * (item[6] + 30) if item[0] in documents else 0) for item in items
        ),
        "revision": r[10],
        "created_at": _when(r[11]),
        "updated_at": _when(r[12]),
    }
    return _json(data)


async def ready(_request: Request) -> Response:
    return Response(b'{"status":"ok"}', media_type="application/json")


app = Starlette(
    routes=[
        Route("/api/v1/sessions", create_session, methods=["POST"]),
        Route("/api/v1/sessions", list_sessions, methods=["GET"]),
        Route("/api/v1/sessions/{session_id}", get_session, methods=["GET"]),
        Route("/api/v1/me", me, methods=["GET"]),
        Route("/api/v1/routines/{routine_id}", get_routine, methods=["GET"]),
        Route("/readyz", ready),
    ],
)
